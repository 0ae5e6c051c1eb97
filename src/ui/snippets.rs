//! The share box's snippets: the read-only view's link (with the
//! findings and the table when asked), the `<iframe>` HTML that frames it,
//! and for pages that cannot frame (a README, a Markdown submission) the
//! chart as an image linked to the view. Their text is `core::embed`'s; the
//! image is a file the user downloads with the SVG/PNG export and commits
//! beside the page (nothing is hosted for them).
//!
//! The view link is packed only while the snippets are open (packing a big
//! paste takes a while), again whenever the share link changes.

use yew::prelude::*;

use crate::core::embed::{chart_file, iframe, markdown_image};
use crate::core::share::Embed;
use crate::ui::dom::copy_to_clipboard;

/// Props of [`Snippets`].
#[derive(Properties, PartialEq)]
pub struct SnippetsProps {
    /// The share link as shown (the view link follows it).
    pub link: AttrValue,
    /// Packs the read-only view's whole link for the panes as they are now
    /// (by the second module) and gives it to the callback; `None` when no
    /// link can carry them.
    pub pack_view: Callback<(Embed, Callback<Option<String>>)>,
    /// Our words for the chart (`core::embed::caption`).
    pub caption: AttrValue,
    /// The steps make a path (the chart export has another name).
    pub path: bool,
}

/// Which snippet was just copied, and whether the browser let it.
#[derive(Clone, Copy, PartialEq)]
struct Copied {
    what: &'static str,
    ok: bool,
}

/// "Embed in a page": the view link, the iframe and the Markdown image.
#[component]
pub fn Snippets(props: &SnippetsProps) -> Html {
    let open = use_state_eq(|| false);
    let embed = use_state_eq(Embed::default);
    let png = use_state_eq(|| false);
    let copied = use_state_eq(|| None::<Copied>);
    // None while the second module packs it; then the link, or None when
    // no link can carry the panes.
    let view_url = use_state(|| None::<Option<String>>);
    {
        let (pack, view_url) = (props.pack_view.clone(), view_url.clone());
        use_effect_with(
            (props.link.clone(), *embed, *open),
            move |(_, embed, open)| {
                view_url.set(None);
                if *open {
                    let done = Callback::from(move |url| view_url.set(Some(url)));
                    pack.emit((*embed, done));
                }
            },
        );
    }
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let body = match (*open, (*view_url).as_ref().map(Option::as_deref)) {
        (false, _) => html! {},
        (true, None) => {
            html! { <p class="muted small" id="snippets" role="status">{"Packing the view link…"}</p> }
        }
        (true, Some(None)) => {
            html! { <p class="muted small" id="snippets">{"No view link: the panes hold too much for a link."}</p> }
        }
        (true, Some(Some(url))) => {
            let image = chart_file(props.path, *png);
            let snippets = [
                ("view-link", "Read-only view", url.to_string()),
                (
                    "snippet-iframe",
                    "HTML, for a page that can frame it",
                    iframe(url, &props.caption),
                ),
                (
                    "snippet-markdown",
                    "Markdown, for a README or a submission",
                    markdown_image(&props.caption, image, url),
                ),
            ];
            let set = |flip: fn(Embed) -> Embed| {
                let embed = embed.clone();
                Callback::from(move |_: Event| embed.set(flip(*embed)))
            };
            let set_png = {
                let png = png.clone();
                Callback::from(move |_: Event| png.set(!*png))
            };
            html! {
                <div class="snippets" id="snippets">
                    <p class="link-meta">
                        <label><input type="checkbox" checked={embed.findings} data-testid="view-findings"
                            onchange={set(|e| Embed { findings: !e.findings, ..e })} />{" with the findings"}</label>
                        {" "}
                        <label><input type="checkbox" checked={embed.table} data-testid="view-table"
                            onchange={set(|e| Embed { table: !e.table, ..e })} />{" with the table"}</label>
                        {" "}
                        <label><input type="checkbox" checked={*png} onchange={set_png} data-testid="snippet-png" />{" PNG image (else SVG)"}</label>
                    </p>
                    { for snippets.into_iter().map(|(id, name, text)| snippet(id, name, text, &copied)) }
                    <p class="muted small" data-testid="snippet-note">
                        {"The Markdown shows the chart as an image file: download it with the "}
                        <b>{if *png { "PNG chart" } else { "SVG chart" }}</b>
                        {" button above and commit it as "}<code>{image}</code>
                        {" next to the Markdown file. The image links to the read-only view."}
                    </p>
                </div>
            }
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

/// One snippet: its name, its text (read-only, selected on focus) and a copy button.
fn snippet(
    id: &'static str,
    name: &'static str,
    text: String,
    copied: &UseStateHandle<Option<Copied>>,
) -> Html {
    let on_copy = {
        let (copied, text) = (copied.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_to_clipboard(&text, move |res| {
                copied.set(Some(Copied {
                    what: id,
                    ok: res.is_ok(),
                }))
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let field: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        field.select();
    });
    let label = match **copied {
        Some(Copied { what, ok: true }) if what == id => "Copied ✓",
        Some(Copied { what, ok: false }) if what == id => "Select and copy (Ctrl+C)",
        _ => "Copy",
    };
    let rows = if id == "view-link" { "2" } else { "3" };
    html! {
        <div class="snippet">
            <label for={id}>{name}</label>
            <div class="link-row">
                <textarea id={id} readonly=true rows={rows} value={text} onfocus={select_all} data-testid={id} />
                <button type="button" onclick={on_copy} aria-live="polite" data-testid={format!("copy-{id}")}>{label}</button>
            </div>
        </div>
    }
}
