//! The page state as a Yew reducer. The state itself, its actions and its
//! transitions are plain Rust in `layerdiff_core::app` (tested natively); this
//! file only plugs them into `use_reducer` and times each parse with a
//! `layerdiff:parse` performance measure.

use std::rc::Rc;

use yew::prelude::*;

use crate::perf::PerfMark;
use layerdiff_core::app::{Action, AppState};
use layerdiff_core::model::Parsed;
use layerdiff_core::parse::parse;
use layerdiff_core::share::ShareState;

/// The page's state in Yew's reducer: the core's [`AppState`] (Yew's
/// `Reducible` is implemented here, on the page's own type, since neither the
/// trait nor the state belongs to this crate). Reads see the `AppState`.
#[derive(Clone)]
pub struct PageState(pub AppState);

impl std::ops::Deref for PageState {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl Reducible for PageState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(PageState(self.0.clone().apply(action)))
    }
}

/// The page state for a snapshot (a save, a link, the demo), parsed with
/// the page's timed parser.
pub fn restore(snapshot: &ShareState) -> PageState {
    PageState(AppState::restore(snapshot, timed_parse))
}

/// The page state holding `texts` in order.
pub fn from_texts(texts: &[&str]) -> PageState {
    PageState(AppState::from_texts(texts, timed_parse))
}

/// Parses with a `layerdiff:parse` performance measure around it.
fn timed_parse(text: &str) -> Parsed {
    let _mark = PerfMark::start("layerdiff:parse");
    parse(text)
}
