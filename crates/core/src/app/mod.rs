//! The page's model, as plain Rust: [`AppState`] (2 to 8 steps, each a paste
//! pane with its label, the view, which two steps are compared, and a
//! question waiting for the user), the [`Action`]s that can happen to it, and
//! the reducer ([`AppState::apply`]) that calls the pure core (parse, split).
//!
//! Nothing here does I/O or knows the browser: the web app (`layerdiff_web`) holds the state in
//! a Yew reducer and runs the effects (timers, parse workers, storage, the
//! address bar). So every transition is a function of (state, action),
//! tested natively (`tests/app_model.rs`).
//!
//! Text that comes without a text box (a dropped file, a paste on the page)
//! is judged and placed by `input.rs`. What a view of a comparison shows
//! (its rows and their order, its figures, its words) is `view.rs`'s.
//!
//! Parsing is passed in as a [`Parse`] function, so the page can time it
//! (its performance marks) while tests use [`crate::parse::parse`].
//!
//! The snapshot of the user's work is [`crate::share::ShareState`]:
//! [`AppState::snapshot`] makes it, [`AppState::restore`] reads it back, for
//! local saves, share links and the address bar alike.

pub mod input;
mod pane;
mod reduce;
mod state;
mod text;
mod view;

pub use pane::{
    chosen_history, Pane, StepId, INLINE_PARSE_BYTES, INSTANT_PARSE_BYTES, VIEW_ONLY_BYTES,
};
pub use reduce::Action;
pub use state::{AppState, Compared, Question, MAX_STEPS, MIN_STEPS};
pub use text::Text;
pub use view::{figures, pair_view, Figure, Figures, PairView, ShowChoices, Trend};

use crate::model::Parsed;

/// How the reducer parses a pane's text.
pub type Parse = fn(&str) -> Parsed;
