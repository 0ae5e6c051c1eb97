//! The two compared histories ([`use_compared_histories`]) and their
//! comparison ([`use_comparison`]), in a task of its own when they are big
//! (and drawn in the next one).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::perf::PerfMark;
use layerdiff_core::app::{chosen_history, AppState};
use layerdiff_core::compare::compare;
use layerdiff_core::compare::Comparison;
use layerdiff_core::model::{History, Parsed};

/// The histories of the two compared steps, rebuilt only when a parse or a
/// choice changes (not on every keystroke): the comparison, chart and
/// tables key on them.
#[hook]
pub fn use_compared_histories(state: &AppState) -> (Option<Rc<History>>, Option<Rc<History>>) {
    let (old_pos, new_pos) = state.compared_positions();
    let (old, new) = (&state.steps[old_pos], &state.steps[new_pos]);
    let histories = use_memo(
        (
            old.parsed.clone(),
            old.selected,
            new.parsed.clone(),
            new.selected,
        ),
        |(old, old_idx, new, new_idx)| (pick(old, *old_idx), pick(new, *new_idx)),
    );
    (*histories).clone()
}

/// The history `idx` of a parse (or its first), shared.
fn pick(parsed: &Parsed, idx: usize) -> Option<Rc<History>> {
    chosen_history(parsed, idx).cloned().map(Rc::new)
}

/// Histories with more layers than this (both together) are compared in a
/// task of their own, after the panes have shown what was read: each stays
/// short enough for the page to keep answering.
pub const DEFER_COMPARE_LAYERS: usize = 600;

/// The comparison of the two histories, rebuilt when either changes. Small
/// ones are compared while rendering; big ones right after (the section says
/// "Comparing…" for that moment).
#[hook]
pub fn use_comparison(
    before: Option<Rc<History>>,
    after: Option<Rc<History>>,
) -> Option<Rc<Comparison>> {
    type Pair = (Option<Rc<History>>, Option<Rc<History>>);
    let layers = |h: &Option<Rc<History>>| h.as_ref().map_or(0, |h| h.layers.len());
    let defer = layers(&before) + layers(&after) > DEFER_COMPARE_LAYERS;
    let pair: Pair = (before, after);
    let compared = |(before, after): &Pair| {
        let (Some(before), Some(after)) = (before, after) else {
            return None;
        };
        let _mark = PerfMark::start("layerdiff:compare");
        Some(Rc::new(compare(before, after)))
    };
    let now = use_memo((pair.clone(), defer), move |(pair, defer)| {
        (!defer).then(|| compared(pair)).flatten()
    });
    let later = use_state(|| None::<(Pair, Rc<Comparison>)>);
    {
        let later = later.clone();
        use_effect_with((pair.clone(), defer), move |(pair, defer)| {
            let pair = pair.clone();
            let timer = defer.then(|| {
                Timeout::new(0, move || {
                    if let Some(c) = compared(&pair) {
                        // Drawn in the next task: comparing and drawing
                        // thousands of rows are each tens of milliseconds.
                        Timeout::new(0, move || later.set(Some((pair, c)))).forget();
                    }
                })
            });
            move || drop(timer)
        });
    }
    if defer {
        later
            .as_ref()
            .filter(|(for_pair, _)| *for_pair == pair)
            .map(|(_, c)| c.clone())
    } else {
        (*now).clone()
    }
}
