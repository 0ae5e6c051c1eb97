//! The page state as a Yew reducer. The state itself, its actions and its
//! transitions are plain Rust in `crate::core::app` (tested natively); this
//! file only plugs them into `use_reducer` and times each parse with a
//! `layerdiff:parse` performance measure.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::{Action, AppState};
use crate::core::model::Parsed;
use crate::core::parse::parse;
use crate::core::share::ShareState;
use crate::ui::perf::PerfMark;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// The page state for a snapshot (a save, a link, the demo), parsed with
/// the page's timed parser.
pub fn restore(snapshot: &ShareState) -> AppState {
    AppState::restore(snapshot, timed_parse)
}

/// The page state holding `texts` in order.
pub fn from_texts(texts: &[&str]) -> AppState {
    AppState::from_texts(texts, timed_parse)
}

/// Parses with a `layerdiff:parse` performance measure around it.
fn timed_parse(text: &str) -> Parsed {
    let _mark = PerfMark::start("layerdiff:parse");
    parse(text)
}
