//! The page's state and its transitions: one reducer whose actions call the
//! pure core (parse, compare). No DOM, URL or storage here: those effects live
//! in `app.rs`, so every transition is a plain function of (state, action).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::model::History;
use crate::core::model::Parsed;
use crate::core::parse::parse;
use crate::core::split::split_after_first;
use crate::ui::comparison::PerfMark;

/// Texts up to this size are parsed on every keystroke.
pub const INSTANT_PARSE_BYTES: usize = 24 * 1024;

/// Which of the two panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The old image (left pane).
    Before,
    /// The new image (right pane).
    After,
}

impl Side {
    /// The word used in test ids, CSS classes and default labels.
    pub fn key(self) -> &'static str {
        match self {
            Side::Before => "before",
            Side::After => "after",
        }
    }

    /// The other pane.
    pub fn other(self) -> Side {
        match self {
            Side::Before => Side::After,
            Side::After => Side::Before,
        }
    }
}

/// One paste pane: the user's text, what the parser made of it, and choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Pane {
    /// The text as typed or pasted. Never replaced without the user asking.
    pub text: Rc<str>,
    /// The parse of `parsed_text` (which lags `text` by the debounce while typing).
    pub parsed: Rc<Parsed>,
    /// The text `parsed` was made from.
    pub parsed_text: Rc<str>,
    /// Which history of the paste this pane compares (a paste may hold several).
    pub selected: usize,
    /// The label the user typed, if any; otherwise the history's own label shows.
    pub label_override: Option<String>,
}

impl Pane {
    /// A pane holding `text`, parsed at once.
    pub fn new(text: &str) -> Self {
        let text: Rc<str> = Rc::from(text);
        Pane {
            parsed: Rc::new(timed_parse(&text)),
            parsed_text: text.clone(),
            text,
            selected: 0,
            label_override: None,
        }
    }

    /// A pane brought back from storage or a link: its text, which history
    /// was compared (ignored if the text no longer holds it) and the user's label.
    pub fn restored(text: &str, selected: usize, label: Option<String>) -> Self {
        let mut pane = Pane::new(text);
        if selected < pane.parsed.histories.len() {
            pane.selected = selected;
        }
        pane.label_override = label.filter(|l| !l.trim().is_empty());
        pane
    }

    /// The history this pane compares, if the paste holds any.
    pub fn history(&self) -> Option<&History> {
        let histories = &self.parsed.histories;
        histories.get(self.selected).or_else(|| histories.first())
    }

    /// Whether `parsed` is behind `text` (a parse is scheduled).
    pub fn is_stale(&self) -> bool {
        self.parsed_text != self.text
    }

    /// The label to show: the user's, else the history's, else the side's name.
    pub fn label(&self, side: Side) -> String {
        if let Some(label) = &self.label_override {
            return label.clone();
        }
        match self.history() {
            Some(h) if !h.label.trim().is_empty() => h.label.clone(),
            _ => side.key().to_string(),
        }
    }

    fn reparse(&mut self) {
        if self.is_stale() {
            self.parsed = Rc::new(timed_parse(&self.text));
            self.parsed_text = self.text.clone();
        }
        if self.selected >= self.parsed.histories.len() {
            self.selected = 0;
        }
    }
}

/// The whole page state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The "before" pane.
    pub before: Pane,
    /// The "after" pane.
    pub after: Pane,
    /// How the comparison is shown (part of a share link).
    pub view: View,
}

/// View options of the comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View {
    /// The aligned table is sorted by the size of the change.
    pub sort_by_delta: bool,
    /// The shared base block is folded into one row.
    pub base_collapsed: bool,
}

/// What can happen to the state.
pub enum Action {
    /// The user typed in a pane: keep the text now, parse later (debounced).
    EditText(Side, String),
    /// The user pasted into a pane: the text is kept, parsed at once, and if it
    /// holds two or more histories, it is split to fill both panes.
    PasteText(Side, String),
    /// Parse a pane's current text now (the debounce timer fired).
    Reparse(Side),
    /// Pick which history of a pane's paste is compared.
    Select(Side, usize),
    /// The user renamed a pane (an empty name goes back to the automatic one).
    Rename(Side, String),
    /// Swap the two panes.
    Swap,
    /// Sort the aligned table by Δ, or back to layer order.
    ToggleSort,
    /// Fold or unfold the base block.
    ToggleBase,
    /// Replace both panes (a share link the user chose to open, or the demo).
    Load(Box<AppState>),
}

impl AppState {
    /// Both panes from texts, parsed at once.
    pub fn from_texts(before: &str, after: &str) -> Self {
        AppState {
            before: Pane::new(before),
            after: Pane::new(after),
            view: View {
                sort_by_delta: false,
                base_collapsed: true,
            },
        }
    }

    /// The pane on `side`.
    pub fn pane(&self, side: Side) -> &Pane {
        match side {
            Side::Before => &self.before,
            Side::After => &self.after,
        }
    }

    fn pane_mut(&mut self, side: Side) -> &mut Pane {
        match side {
            Side::Before => &mut self.before,
            Side::After => &mut self.after,
        }
    }

    /// Applies `action`, returning the next state.
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::EditText(side, text) => {
                let pane = self.pane_mut(side);
                pane.text = Rc::from(text.as_str());
                // Small pastes are read at every keystroke; big ones wait for
                // the debounce in `app.rs` so typing stays smooth.
                if text.len() <= INSTANT_PARSE_BYTES {
                    pane.reparse();
                }
            }
            Action::PasteText(side, text) => {
                let parsed = timed_parse(&text);
                if parsed.histories.len() >= 2 {
                    // Whichever pane it went into, the first history is "before".
                    let (first, rest) = split_after_first(&text, &parsed);
                    self.before = Pane::new(&first);
                    self.after = Pane::new(&rest);
                } else {
                    let pane = self.pane_mut(side);
                    pane.text = Rc::from(text.as_str());
                    pane.parsed = Rc::new(parsed);
                    pane.parsed_text = pane.text.clone();
                    pane.selected = 0;
                }
            }
            Action::Reparse(side) => self.pane_mut(side).reparse(),
            Action::Select(side, idx) => {
                let pane = self.pane_mut(side);
                if idx < pane.parsed.histories.len() {
                    pane.selected = idx;
                }
            }
            Action::Rename(side, name) => {
                let name = name.trim().to_string();
                self.pane_mut(side).label_override = (!name.is_empty()).then_some(name);
            }
            Action::Swap => std::mem::swap(&mut self.before, &mut self.after),
            Action::ToggleSort => self.view.sort_by_delta = !self.view.sort_by_delta,
            Action::ToggleBase => self.view.base_collapsed = !self.view.base_collapsed,
            Action::Load(state) => return *state,
        }
        self
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// Parses with a `layerdiff:parse` performance measure around it.
fn timed_parse(text: &str) -> Parsed {
    let _mark = PerfMark::start("layerdiff:parse");
    parse(text)
}
