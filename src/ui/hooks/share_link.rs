//! Packing the share link ([`use_share_link`]) after typing pauses.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::app::AppState;
use crate::core::share::{self, limit};
use crate::ui::comparison::PerfMark;
use crate::ui::hooks::Latest;
use crate::ui::link::{self, LinkChoices};
use crate::ui::share_bar::CHAT_LIMIT;

/// How long typing must pause before the share link is packed again.
const LINK_DELAY_MS: u32 = 400;

/// The packed share link for one state of the panes.
#[derive(PartialEq)]
pub struct Links {
    /// The state's revision it was packed for.
    pub revision: u64,
    /// With which choices.
    pub choices: LinkChoices,
    /// The fragment (without `#`).
    pub full: String,
    /// The fragment without ids and times, packed only when the full link is
    /// too long for a chat message and the user has not already chosen it.
    pub short: Option<String>,
    /// Why there is no link (`full` is then empty): too much to carry, or
    /// more steps than a link holds yet.
    pub refused: Option<String>,
}

impl Links {
    fn pack(state: &AppState, choices: LinkChoices) -> Self {
        let _mark = PerfMark::start("layerdiff:link");
        let mut links = Links {
            revision: state.revision,
            choices,
            full: String::new(),
            short: None,
            refused: None,
        };
        // Decided from the size of the text, before any packing.
        let text_bytes = state.steps.iter().map(|p| p.text.len()).sum();
        if let Some(why) = limit::refuse_text(text_bytes) {
            links.refused = Some(why);
            return links;
        }
        let snapshot = state.snapshot();
        let full = match share::link(&snapshot, &choices.options()) {
            Ok(full) => full,
            Err(why) => {
                links.refused = Some(why);
                return links;
            }
        };
        if let Some(why) = limit::refuse_fragment(&full) {
            links.refused = Some(why);
            return links;
        }
        let too_long = full.len() + link::base_url().len() > CHAT_LIMIT;
        links.short = (too_long && !choices.short).then(|| {
            let short = LinkChoices {
                short: true,
                ..choices
            };
            share::link(&snapshot, &short.options()).unwrap_or_default()
        });
        links.full = full;
        links
    }

    /// Whether this link is for the state and choices as they are now.
    pub fn is_current(&self, state: &AppState, choices: LinkChoices) -> bool {
        self.revision == state.revision && self.choices == choices
    }
}

/// The share link, packed after typing pauses (packing a big paste takes a
/// while, and must not run on every keystroke); meanwhile the last link is
/// kept (the share box marks it as updating). The first one is packed at once.
#[hook]
pub fn use_share_link(latest: &Latest, choices: LinkChoices) -> Option<Rc<Links>> {
    let links = use_state(|| None::<Rc<Links>>);
    let revision = latest.borrow().revision;
    {
        let (links, latest) = (links.clone(), latest.clone());
        let first = links.is_none();
        use_effect_with((revision, choices), move |&(_, choices)| {
            let timer = Timeout::new(if first { 0 } else { LINK_DELAY_MS }, move || {
                links.set(Some(Rc::new(Links::pack(&latest.borrow(), choices))));
            });
            move || drop(timer)
        });
    }
    (*links).clone()
}

/// Packs the link for the panes as they are now (the share box's copy
/// button, while the link is being updated).
pub fn pack_now(state: &AppState, choices: LinkChoices) -> String {
    share::link(&state.snapshot(), &choices.options()).unwrap_or_default()
}
