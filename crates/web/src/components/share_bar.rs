//! The share box: the comparison's link with its length (warned above a
//! chat message's 2,000 characters, with a shorter link offered when that
//! fits), a copy button with feedback, the likely secrets found (masked in
//! the link and exports unless the user says otherwise), and the exports
//! (Markdown and JSON with the pair's insights; for a path of three steps or
//! more, the path's Markdown table with the compared pair's insights, the
//! path's JSON and its chart), then the snippets that put it in another page
//! (`snippets.rs`). Each part is a component of its own: `share_link.rs`
//! (the link, its copy button and length), `secrets_list.rs` and
//! `exports.rs`; this file holds what they share, where the link comes from
//! ([`LinkSource`]).

use std::rc::Rc;

use yew::prelude::*;

use super::exports::{use_exports, ExportsProps};
use super::secrets_list::{use_secrets_list, SecretsListProps};
use super::share_link::{use_share_link, ShareLinkProps};
use crate::link::LinkChoices;
use crate::path::PathView;
use crate::snippets::Snippets;
use layerdiff_core::model::History;
use layerdiff_core::share::Embed;

pub use layerdiff_core::share::pack::CHAT_LIMIT;

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The full link for the current choices; empty until the first one is
    /// packed.
    pub link: AttrValue,
    /// Why there is no link (the panes hold too much to carry), if so.
    #[prop_or_default]
    pub refused: Option<AttrValue>,
    /// The length of the link without ids and times (with the same masking),
    /// when it was packed (only for links over the chat limit).
    pub short_len: Option<usize>,
    /// The link is being packed again for newer panes.
    pub updating: bool,
    /// Packs the fragment for the panes as they are now, with these choices
    /// (to copy a fresh link during an update).
    pub pack_now: Callback<(LinkChoices, Callback<Result<String, String>>)>,
    /// The user's choices.
    pub choices: LinkChoices,
    /// Changes the choices.
    pub on_choices: Callback<LinkChoices>,
    /// The two histories compared (for secrets and exports).
    pub before: Rc<History>,
    /// The after history.
    pub after: Rc<History>,
    /// Dark mode (for the exported chart's colours).
    pub dark: bool,
    /// The steps as a path, when there are three or more (the exports are the path's).
    #[prop_or_default]
    pub path: Option<PathView>,
    /// Packs the read-only view's link (the snippets'), `None` when refused.
    pub pack_view: Callback<(Embed, Callback<Option<String>>)>,
    /// Our words for the chart, for the snippets (`layerdiff_core::embed::caption`).
    pub caption: AttrValue,
}

/// The share box.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let source = LinkSource {
        link: props.link.clone(),
        updating: props.updating,
        pack_now: props.pack_now.clone(),
        choices: props.choices,
    };
    // The parts are hooks of this one component, each in its own file:
    // as components of their own they cost the first load 2.8 KiB gzip of
    // Yew's per-component code, measured.
    let link = use_share_link(&ShareLinkProps {
        source: source.clone(),
        refused: props.refused.clone(),
        short_len: props.short_len,
        on_choices: props.on_choices.clone(),
    });
    let secrets = use_secrets_list(&SecretsListProps {
        before: props.before.clone(),
        after: props.after.clone(),
        path: props.path.clone(),
        choices: props.choices,
        on_choices: props.on_choices.clone(),
    });
    let exports = use_exports(&ExportsProps {
        source,
        before: props.before.clone(),
        after: props.after.clone(),
        path: props.path.clone(),
        dark: props.dark,
    });
    html! {
        <section class="share" aria-labelledby="share-title" data-testid="share">
            <h2 id="share-title">{"Share"}</h2>
            <p class="muted small">{"The link holds the whole comparison in its "}<code>{"#fragment"}</code>{", which browsers never send to a server."}</p>
            {link}
            {secrets}
            {exports}
            if props.refused.is_none() && !props.link.is_empty() {
                <Snippets link={props.link.clone()} pack_view={props.pack_view.clone()}
                    caption={props.caption.clone()} path={props.path.is_some()} />
            }
        </section>
    }
}

/// Where the link to copy, or that an export points back to, comes from:
/// the one shown, or, while it is being packed again for newer panes, one
/// packed for the panes as they are (then later: packing is the second
/// module's).
#[derive(Clone, PartialEq)]
pub struct LinkSource {
    /// The link shown (empty until the first one is packed).
    pub link: AttrValue,
    /// The link is being packed again for newer panes.
    pub updating: bool,
    /// Packs the fragment for the panes as they are now.
    pub pack_now: Callback<(LinkChoices, Callback<Result<String, String>>)>,
    /// The user's choices.
    pub choices: LinkChoices,
}

impl LinkSource {
    /// Gives `done` the current link (see [`LinkSource`]).
    pub fn get(&self) -> impl Fn(Callback<Result<String, String>>) + Clone {
        let source = self.clone();
        move |done| {
            if source.updating {
                source.pack_now.emit((source.choices, done));
            } else {
                done.emit(Ok(source.link.to_string()));
            }
        }
    }
}
