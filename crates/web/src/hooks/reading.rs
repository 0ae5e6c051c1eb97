//! Re-reading a pane whose text ran ahead of its parse ([`use_reading`]).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::reader::PasteReader;
use layerdiff_core::app::{Action, Pane};

/// How long typing must pause before a big paste is parsed again.
const REPARSE_DELAY_MS: u32 = 180;

/// Parses the text of `pane` when it runs ahead of its parse, once typing
/// pauses: on the main thread when it is small, else in the pane's own
/// worker (at once after a paste), falling back to the main thread if the
/// worker fails. A newer text cancels the reading of an older one. Called by
/// the pane itself, so each step keeps its worker wherever it moves.
#[hook]
pub fn use_reading(pane: &Pane, dispatch: &Callback<Action>) {
    let reader = use_memo((), |_| PasteReader::default());
    let stale = pane.is_stale().then(|| pane.text.clone());
    let (id, in_worker, pasted) = (pane.id, pane.reads_in_worker(), pane.split_when_read);
    let dispatch = dispatch.clone();
    use_effect_with(stale, move |stale| {
        let timer = stale.clone().map(|text| {
            let reader = reader.clone();
            let delay = if in_worker && pasted {
                0
            } else {
                REPARSE_DELAY_MS
            };
            Timeout::new(delay, move || {
                if !in_worker {
                    return dispatch.emit(Action::Reparse(id));
                }
                reader.read(
                    &text.clone(),
                    Box::new(move |parsed| match parsed {
                        Some(parsed) => dispatch.emit(Action::Read(id, text, Box::new(parsed))),
                        None => dispatch.emit(Action::Reparse(id)),
                    }),
                );
            })
        });
        let reader = reader.clone();
        move || {
            drop(timer);
            reader.cancel();
        }
    });
}
