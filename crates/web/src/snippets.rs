//! The share box's snippets: the read-only view's link (with the
//! findings and the table when asked), the `<iframe>` HTML that frames it,
//! and for pages that cannot frame (a README, a Markdown submission) the
//! chart as an image linked to the view. Their text is `layerdiff_core::embed`'s; the
//! image is a file the user downloads with the SVG/PNG export and commits
//! beside the page (nothing is hosted for them).
//!
//! The view link is packed only while the snippets are open (packing a big
//! paste takes a while), again whenever the share link changes. The
//! snippets themselves are `components/view_snippets.rs` (each one:
//! `components/snippet.rs`).

use yew::prelude::*;

use crate::components::snippet::Copied;
use crate::components::view_snippets::{view_snippets, SnippetChoices};
use layerdiff_core::share::Embed;

/// Props of [`Snippets`].
#[derive(Properties, PartialEq)]
pub struct SnippetsProps {
    /// The share link as shown (the view link follows it).
    pub link: AttrValue,
    /// Packs the read-only view's whole link for the panes as they are now
    /// (by the second module) and gives it to the callback; `None` when no
    /// link can carry them.
    pub pack_view: Callback<(Embed, Callback<Option<String>>)>,
    /// Our words for the chart (`layerdiff_core::embed::caption`).
    pub caption: AttrValue,
    /// The steps make a path (the chart export has another name).
    pub path: bool,
}

/// "Embed in a page": the view link, the iframe and the Markdown image.
#[component]
pub fn Snippets(props: &SnippetsProps) -> Html {
    let open = use_state_eq(|| false);
    let embed = use_state_eq(Embed::default);
    // Kept while the view link is packed again.
    let png = use_state_eq(|| false);
    let copied = use_state_eq(|| None::<Copied>);
    let view_url = use_view_link(props, *embed, *open);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let body = match (*open, view_url.as_ref().map(Option::as_deref)) {
        (false, _) => html! {},
        (true, None) => {
            html! { <p class="muted small" id="snippets" role="status">{"Packing the view link…"}</p> }
        }
        (true, Some(None)) => {
            html! { <p class="muted small" id="snippets">{"No view link: the panes hold too much for a link."}</p> }
        }
        (true, Some(Some(url))) => {
            let choices = SnippetChoices {
                embed: &embed,
                png: &png,
                copied: &copied,
            };
            view_snippets(url, &props.caption, props.path, choices)
        }
    };
    html! {
        <div class="embed-snippets">
            <button type="button" onclick={toggle} aria-expanded={open.to_string()} aria-controls="snippets"
                data-testid="show-snippets">{"Embed in a page…"}</button>
            {body}
        </div>
    }
}

/// The view link for `embed`, packed while the snippets are `open`: `None`
/// while the second module packs it; then the link, or `None` when no link
/// can carry the panes.
#[hook]
fn use_view_link(props: &SnippetsProps, embed: Embed, open: bool) -> Option<Option<String>> {
    let view_url = use_state(|| None::<Option<String>>);
    {
        let (pack, view_url) = (props.pack_view.clone(), view_url.clone());
        use_effect_with(
            (props.link.clone(), embed, open),
            move |(_, embed, open)| {
                view_url.set(None);
                if *open {
                    let done = Callback::from(move |url| view_url.set(Some(url)));
                    pack.emit((*embed, done));
                }
            },
        );
    }
    (*view_url).clone()
}
