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

/// Texts up to this size are parsed on the main thread (a few ms); bigger
/// ones by the parse worker (`ui/reader.rs`), so the page never freezes.
pub const INLINE_PARSE_BYTES: usize = 128 * 1024;

/// Texts over this size are shown read-only and windowed (`ui/text_view.rs`)
/// instead of in the text box, whose layout of every line would freeze the page.
pub const VIEW_ONLY_BYTES: usize = 1_000_000;

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

/// A pane's text, shared without copies. Equal when it is the same text:
/// the same allocation is recognised at once (`Rc<str>` itself compares
/// every byte, and the page compares texts on every render: for a 10 MB
/// paste that was a tenth of a second per render).
#[derive(Debug, Clone)]
pub struct Text(Rc<str>);

impl Text {
    /// Whether both are the very same allocation.
    pub fn same(&self, other: &Text) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.same(other) || *self.0 == *other.0
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text(Rc::from(text))
    }
}

/// One paste pane: the user's text, what the parser made of it, and choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Pane {
    /// The text as typed or pasted. Never replaced without the user asking.
    pub text: Text,
    /// The parse of `parsed_text` (which lags `text` by the debounce while typing).
    pub parsed: Rc<Parsed>,
    /// The text `parsed` was made from.
    pub parsed_text: Text,
    /// Which history of the paste this pane compares (a paste may hold several).
    pub selected: usize,
    /// The label the user typed, if any; otherwise the history's own label shows.
    pub label_override: Option<String>,
    /// The text was pasted and is still being read: once read, if it holds
    /// two or more histories, it fills both panes.
    pub split_when_read: bool,
}

impl Pane {
    /// A pane holding `text`: parsed at once when it is small, else left
    /// for the parse worker (it [`is_stale`](Self::is_stale) until then).
    pub fn new(text: &str) -> Self {
        let text = Text::from(text);
        let inline = text.len() <= INLINE_PARSE_BYTES;
        Pane {
            parsed: Rc::new(if inline {
                timed_parse(&text)
            } else {
                Parsed::default()
            }),
            parsed_text: if inline { text.clone() } else { Text::from("") },
            text,
            selected: 0,
            label_override: None,
            split_when_read: false,
        }
    }

    /// A pane brought back from storage or a link: its text, which history
    /// was compared (ignored if the text no longer holds it) and the user's label.
    pub fn restored(text: &str, selected: usize, label: Option<String>) -> Self {
        let mut pane = Pane::new(text);
        if pane.is_stale() || selected < pane.parsed.histories.len() {
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

    /// Whether the text is read by the parse worker rather than inline.
    pub fn reads_in_worker(&self) -> bool {
        self.text.len() > INLINE_PARSE_BYTES
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
            let parsed = timed_parse(&self.text);
            self.read(self.text.clone(), parsed);
        }
    }

    /// Takes `parsed` as the parse of `text` (the pane's text, or one it held
    /// before: then it is stale and ignored).
    fn read(&mut self, text: Text, parsed: Parsed) {
        if text != self.text {
            return;
        }
        self.parsed = Rc::new(parsed);
        self.parsed_text = text;
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
    /// The parse worker read `text` for a pane (ignored when the pane holds
    /// another text by now).
    Read(Side, Text, Box<Parsed>),
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

    /// A pasted text, once read, that holds two or more histories fills
    /// both panes: whichever pane it went into, the first history is "before".
    fn split_if_read(&mut self, side: Side) {
        let pane = self.pane_mut(side);
        if !pane.split_when_read || pane.is_stale() {
            return;
        }
        pane.split_when_read = false;
        if pane.parsed.histories.len() >= 2 {
            let (first, rest) = split_after_first(&pane.text, &pane.parsed);
            self.before = Pane::new(&first);
            self.after = Pane::new(&rest);
        }
    }

    /// Applies `action`, returning the next state.
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::EditText(side, text) => {
                let pane = self.pane_mut(side);
                pane.text = Text::from(text.as_str());
                // Small pastes are read at every keystroke; big ones wait for
                // the debounce in `app.rs` so typing stays smooth.
                if text.len() <= INSTANT_PARSE_BYTES {
                    pane.reparse();
                }
            }
            Action::PasteText(side, text) => {
                let pane = self.pane_mut(side);
                pane.text = Text::from(text.as_str());
                pane.selected = 0;
                pane.split_when_read = true;
                if !pane.reads_in_worker() {
                    pane.reparse();
                }
                self.split_if_read(side);
            }
            Action::Reparse(side) => {
                self.pane_mut(side).reparse();
                self.split_if_read(side);
            }
            Action::Read(side, text, parsed) => {
                self.pane_mut(side).read(text, *parsed);
                self.split_if_read(side);
            }
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
