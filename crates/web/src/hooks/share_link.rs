//! Packing the share link ([`use_share_link`]) after typing pauses, by the
//! page's second module (`extras.rs`: packing and its deflate are not in
//! the first load, and a big paste is packed off the main thread).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::extras;
use crate::hooks::Latest;
use crate::link::{self, LinkChoices};
use layerdiff_core::app::AppState;
use layerdiff_core::extras::Request;
use layerdiff_core::share::pack::PackedLinks;
use layerdiff_core::share::{limit, ShareState};

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
    /// Why there is no link (`full` is then empty): too much to carry, more
    /// steps than a link holds, or the second module could not pack it.
    pub refused: Option<String>,
}

impl Links {
    /// Asks for the links of `state` with `choices`; `done` gets them.
    fn pack(state: &AppState, choices: LinkChoices, done: impl FnOnce(Links) + 'static) {
        let revision = state.revision;
        let links = move |packed: PackedLinks| Links {
            revision,
            choices,
            full: packed.full,
            short: packed.short,
            refused: packed.refused,
        };
        // Decided from the size of the text, before sending it anywhere.
        let text_bytes = state.steps.iter().map(|p| p.text.len()).sum();
        if let Some(why) = limit::refuse_text(text_bytes) {
            return done(links(PackedLinks {
                refused: Some(why),
                ..PackedLinks::default()
            }));
        }
        let request = Request::Links {
            snapshot: state.snapshot(),
            options: choices.options(),
            base_len: link::base_url().chars().count(),
        };
        extras::ask_data(&request, move |answer| {
            let packed = answer.unwrap_or_else(|why| PackedLinks {
                refused: Some(format!("the link could not be packed: {why}")),
                ..PackedLinks::default()
            });
            done(links(packed));
        });
    }

    /// Whether this link is for the state and choices as they are now.
    pub fn is_current(&self, state: &AppState, choices: LinkChoices) -> bool {
        self.revision == state.revision && self.choices == choices
    }
}

/// The share link, packed after typing pauses (packing a big paste takes a
/// while, and must not run on every keystroke); meanwhile the last link is
/// kept (the share box marks it as updating). The first one is asked at once.
#[hook]
pub fn use_share_link(latest: &Latest, choices: LinkChoices) -> Option<Rc<Links>> {
    let links = use_state(|| None::<Rc<Links>>);
    let revision = latest.borrow().revision;
    {
        let (links, latest) = (links.clone(), latest.clone());
        let first = links.is_none();
        use_effect_with((revision, choices), move |&(_, choices)| {
            let timer = Timeout::new(if first { 0 } else { LINK_DELAY_MS }, move || {
                Links::pack(&latest.borrow(), choices, move |packed| {
                    links.set(Some(Rc::new(packed)));
                });
            });
            move || drop(timer)
        });
    }
    (*links).clone()
}

/// Packs the link for the panes as they are now (the share box's copy
/// button while the link is being updated, an export's link back): `done`
/// gets the whole URL, or why there is none.
pub fn pack_now(
    state: &AppState,
    choices: LinkChoices,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    pack_link(state.snapshot(), choices, done);
}

/// Packs `snapshot` (say, with a layer named, or as a read-only view) by
/// the second module: `done` gets the whole URL, or why there is none.
pub fn pack_link(
    snapshot: ShareState,
    choices: LinkChoices,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let request = Request::Link {
        snapshot,
        options: choices.options(),
    };
    let base = link::base_url();
    extras::ask_text(&request, move |answer| {
        done(answer.map(|fragment| format!("{base}#{fragment}")));
    });
}
