//! One step of the path: a paste pane ([`Pane`]) with the user's text, what
//! the parser made of it, which of its histories is compared and the label.

use std::rc::Rc;

use crate::app::{Parse, Text};
use crate::model::{History, Parsed};
use crate::share::SharedPane;

/// Texts up to this size are parsed on every keystroke.
pub const INSTANT_PARSE_BYTES: usize = 24 * 1024;

/// Texts up to this size are parsed on the main thread (a few ms); bigger
/// ones by the page's parse worker, so the page never freezes.
pub const INLINE_PARSE_BYTES: usize = 128 * 1024;

/// Texts over this size are shown read-only and windowed instead of in the
/// text box, whose layout of every line would freeze the page.
pub const VIEW_ONLY_BYTES: usize = 1_000_000;

/// Names a step for as long as it exists, wherever it moves (actions from
/// timers and workers name the step they were started for).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepId(pub u32);

/// One paste pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Pane {
    /// Which step this is.
    pub id: StepId,
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
    /// two or more histories, it fills one step per history.
    pub split_when_read: bool,
    /// The user typed or pasted this text here (not the demo, a link or a
    /// split paste): a paste elsewhere asks before it replaces it.
    pub typed: bool,
}

impl Pane {
    /// A pane holding `text`: parsed at once when it is small, else left
    /// for the parse worker (it [`is_stale`](Self::is_stale) until then).
    pub fn new(id: StepId, text: &str, parse: Parse) -> Self {
        let text = Text::from(text);
        let inline = text.len() <= INLINE_PARSE_BYTES;
        Pane {
            id,
            parsed: Rc::new(if inline {
                parse(&text)
            } else {
                Parsed::default()
            }),
            parsed_text: if inline {
                text.clone()
            } else {
                Text::default()
            },
            text,
            selected: 0,
            label_override: None,
            split_when_read: false,
            typed: false,
        }
    }

    /// A pane brought back from a snapshot (storage or a link): its text,
    /// which history was compared (ignored if the text no longer holds it)
    /// and the user's label.
    pub fn restored(id: StepId, shared: &SharedPane, parse: Parse) -> Self {
        let mut pane = Pane::new(id, &shared.text, parse);
        if pane.is_stale() || shared.selected < pane.parsed.histories.len() {
            pane.selected = shared.selected;
        }
        let label = shared.label.trim();
        pane.label_override = (!label.is_empty()).then(|| shared.label.clone());
        pane
    }

    /// This pane in the snapshot. A label is only carried when the user typed
    /// one: the automatic one is found again in the text.
    pub fn snapshot(&self) -> SharedPane {
        SharedPane {
            label: self.label_override.clone().unwrap_or_default(),
            text: self.text.to_string(),
            selected: self.selected,
        }
    }

    /// The history this pane compares, if the paste holds any.
    pub fn history(&self) -> Option<&History> {
        chosen_history(&self.parsed, self.selected)
    }

    /// Whether `parsed` is behind `text` (a parse is scheduled).
    pub fn is_stale(&self) -> bool {
        self.parsed_text != self.text
    }

    /// Whether the text is read by the parse worker rather than inline.
    pub fn reads_in_worker(&self) -> bool {
        self.text.len() > INLINE_PARSE_BYTES
    }

    /// Whether the pane holds no text worth keeping.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The label to show: the user's, else the history's, else `fallback`
    /// (the step's place: `before`, `after`, `step 3`).
    pub fn label(&self, fallback: &str) -> String {
        if let Some(label) = &self.label_override {
            return label.clone();
        }
        match self.history() {
            Some(h) if !h.label.trim().is_empty() => h.label.clone(),
            _ => fallback.to_string(),
        }
    }

    /// Parses the text now if the parse is behind it.
    pub(super) fn reparse(&mut self, parse: Parse) {
        if self.is_stale() {
            let parsed = parse(&self.text);
            self.read(self.text.clone(), parsed);
        }
    }

    /// Takes `parsed` as the parse of `text` (the pane's text, or one it held
    /// before: then it is stale and ignored).
    pub(super) fn read(&mut self, text: Text, parsed: Parsed) {
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

/// The history a step compares: the one chosen in its paste (`selected`),
/// else the first; `None` when the paste holds none. Every view asks here.
pub fn chosen_history(parsed: &Parsed, selected: usize) -> Option<&History> {
    parsed
        .histories
        .get(selected)
        .or_else(|| parsed.histories.first())
}
