//! What can happen to the page ([`Action`]) and how the state changes
//! ([`AppState::apply`]): one arm per action, each a plain function of the
//! state that calls the pure core and does no I/O.

use crate::app::state::Question;
use crate::app::{AppState, Compared, Pane, StepId, Text, INSTANT_PARSE_BYTES};
use crate::app::{MAX_STEPS, MIN_STEPS};
use crate::model::Parsed;
use crate::share::{LayerAt, ShareState};
use crate::split::split_histories;

/// What can happen to the state.
#[derive(Debug)]
pub enum Action {
    /// The user typed in a step: keep the text now, parse later (debounced).
    EditText(StepId, String),
    /// The user pasted into a step: the text is kept and parsed at once; if it
    /// holds several histories, it fills one step each (asking first when
    /// that would replace text the user typed in another step).
    PasteText(StepId, String),
    /// Text that came with no text box (a file dropped, a paste on the
    /// page): into the step `into` (dropped on its pane), else the first
    /// empty step, else the user is asked which (`Question::WhichStep`).
    /// It then goes in as a paste.
    Place {
        into: Option<StepId>,
        text: String,
        /// Where it came from, in our words, for the question.
        source: String,
    },
    /// The step the user chose for the text waiting in
    /// `Question::WhichStep` (`None`: a new step at the end).
    PlaceIn(Option<StepId>),
    /// Parse a step's current text now (the debounce timer fired).
    Reparse(StepId),
    /// The parse worker read `text` for a step (ignored when the step holds
    /// another text by now).
    Read(StepId, Text, Box<Parsed>),
    /// Pick which history of a step's paste is compared.
    Select(StepId, usize),
    /// The user renamed a step (an empty name goes back to the automatic one).
    Rename(StepId, String),
    /// Add an empty step at the end (up to [`MAX_STEPS`]).
    AddStep,
    /// Remove a step (never below [`MIN_STEPS`]).
    RemoveStep(StepId),
    /// Move a step to another position (0-based; clamped to the ends).
    MoveStep(StepId, usize),
    /// Choose the two steps the comparison shows.
    Compare(Compared),
    /// Swap the places of the two compared steps.
    Swap,
    /// Sort the aligned table by Δ, or back to layer order.
    ToggleSort,
    /// Fold or unfold the base block.
    ToggleBase,
    /// Present the comparison at this slide (`crate::present`), or stop presenting.
    Present(Option<usize>),
    /// Point at one layer (a link to it), or stop pointing.
    Focus(Option<LayerAt>),
    /// The user's answer to the question asked.
    Answer(bool),
    /// Replace every step (a share link the user opened, the demo, restored work).
    Load(ShareState),
}

impl AppState {
    /// Applies `action`, returning the next state. The revision grows when
    /// the snapshot changed; anything but a parse counts as the user's change.
    pub fn apply(mut self, action: Action) -> Self {
        let before = self.snapshot_key();
        if !matches!(action, Action::Reparse(_) | Action::Read(..)) {
            self.edited = true;
        }
        // A layer is named by its place: new text or moved steps make the
        // name point elsewhere, so the page stops pointing.
        if matches!(
            action,
            Action::EditText(..)
                | Action::PasteText(..)
                | Action::Place { .. }
                | Action::PlaceIn(_)
                | Action::Select(..)
                | Action::MoveStep(..)
                | Action::RemoveStep(_)
                | Action::Swap
        ) {
            self.view.focus = None;
        }
        self.act(action);
        if self.snapshot_key() != before {
            self.revision += 1;
        }
        self
    }

    fn act(&mut self, action: Action) {
        let parse = self.parse;
        match action {
            Action::EditText(id, text) => {
                let Some(pane) = self.step_mut(id) else {
                    return;
                };
                pane.text = Text::from(text.as_str());
                pane.typed = true;
                // Small texts are read at every keystroke; big ones wait for
                // the page's debounce so typing stays smooth.
                if text.len() <= INSTANT_PARSE_BYTES {
                    pane.reparse(parse);
                }
            }
            Action::PasteText(id, text) => {
                let Some(pane) = self.step_mut(id) else {
                    return;
                };
                pane.text = Text::from(text.as_str());
                pane.selected = 0;
                pane.split_when_read = true;
                pane.typed = true;
                if !pane.reads_in_worker() {
                    pane.reparse(parse);
                }
                self.split_if_read(id);
            }
            Action::Place { into, text, source } => self.place(into, text, source),
            Action::PlaceIn(into) => self.place_in(into),
            Action::Reparse(id) => {
                if let Some(pane) = self.step_mut(id) {
                    pane.reparse(parse);
                }
                self.split_if_read(id);
            }
            Action::Read(id, text, parsed) => {
                if let Some(pane) = self.step_mut(id) {
                    pane.read(text, *parsed);
                }
                self.split_if_read(id);
            }
            Action::Select(id, idx) => {
                if let Some(pane) = self.step_mut(id) {
                    if idx < pane.parsed.histories.len() {
                        pane.selected = idx;
                    }
                }
            }
            Action::Rename(id, name) => {
                if let Some(pane) = self.step_mut(id) {
                    let name = name.trim();
                    pane.label_override = (!name.is_empty()).then(|| name.to_string());
                }
            }
            Action::AddStep => self.add_step(),
            Action::RemoveStep(id) => self.remove_step(id),
            Action::MoveStep(id, to) => self.move_step(id, to),
            Action::Compare(compared) => {
                if compared.old != compared.new
                    && self.step(compared.old).is_some()
                    && self.step(compared.new).is_some()
                {
                    self.compared = compared;
                }
            }
            Action::Swap => {
                let (old, new) = self.compared_positions();
                self.steps.swap(old, new);
            }
            Action::ToggleSort => self.view.sort_by_delta = !self.view.sort_by_delta,
            Action::ToggleBase => self.view.base_collapsed = !self.view.base_collapsed,
            Action::Present(slide) => self.view.slide = slide,
            Action::Focus(at) => self.view.focus = at,
            Action::Answer(yes) => self.answer(yes),
            Action::Load(snapshot) => self.load(&snapshot),
        }
    }

    fn add_step(&mut self) {
        if self.steps.len() < MAX_STEPS {
            let id = self.new_id();
            self.steps.push(Pane::new(id, "", self.parse));
        }
    }

    fn remove_step(&mut self, id: StepId) {
        if self.steps.len() <= MIN_STEPS {
            return;
        }
        let Some(position) = self.position(id) else {
            return;
        };
        self.steps.remove(position);
        if self.compared.old == id || self.compared.new == id {
            self.compare_neighbours(position.saturating_sub(1));
        }
        if matches!(&self.question, Some(Question::FillSteps { step, .. }) if *step == id) {
            self.question = None;
        }
    }

    fn move_step(&mut self, id: StepId, to: usize) {
        let Some(from) = self.position(id) else {
            return;
        };
        let to = to.min(self.steps.len() - 1);
        let pane = self.steps.remove(from);
        self.steps.insert(to, pane);
    }

    /// Replaces every step with the snapshot's (new ids, so nothing started
    /// for the old steps lands on the new ones).
    fn load(&mut self, snapshot: &ShareState) {
        let restored = AppState::restore(snapshot, self.parse);
        self.view = restored.view;
        self.question = None;
        self.steps = Vec::new();
        for mut pane in restored.steps {
            pane.id = self.new_id();
            self.steps.push(pane);
        }
        self.compare_neighbours(0);
        self.compare_positions(snapshot.compared);
    }

    /// A pasted text, once read, that holds several histories fills one step
    /// each (see [`fill_count`]): from the pasted step on, or earlier when fewer steps follow it
    /// (so a before/after paste fills both panes whichever it went into),
    /// adding steps when needed. It asks first when a step it would replace
    /// holds text the user typed there.
    fn split_if_read(&mut self, id: StepId) {
        let Some(pane) = self.step_mut(id) else {
            return;
        };
        if !pane.split_when_read || pane.is_stale() {
            return;
        }
        pane.split_when_read = false;
        let n_histories = fill_count(pane.parsed.histories.len());
        if n_histories < 2 {
            return;
        }
        let text = pane.text.clone();
        let replaced: Vec<usize> = self
            .fill_positions(id, n_histories)
            .filter(|&pos| {
                self.steps
                    .get(pos)
                    .is_some_and(|p| p.id != id && p.typed && !p.is_blank())
            })
            .collect();
        if replaced.is_empty() {
            self.fill_steps(id);
        } else {
            self.question = Some(Question::FillSteps {
                step: id,
                text,
                n_histories,
                replaced,
            });
        }
    }

    /// The positions a paste of `n_histories` into step `id` fills.
    fn fill_positions(&self, id: StepId, n_histories: usize) -> std::ops::Range<usize> {
        let position = self.position(id).unwrap_or(0);
        let start = position.min(self.steps.len().saturating_sub(n_histories));
        start..start + n_histories
    }

    /// Fills one step per history of the text in step `id`.
    fn fill_steps(&mut self, id: StepId) {
        let Some(pane) = self.step(id) else { return };
        let n_parts = fill_count(pane.parsed.histories.len());
        let parts = split_histories(&pane.text, &pane.parsed, n_parts);
        let positions = self.fill_positions(id, parts.len());
        let start = positions.start;
        // A replaced step keeps its id (its pane stays on the page, like a
        // step whose text was typed over); added steps get new ones.
        for (pos, part) in positions.zip(&parts) {
            let id = match self.steps.get(pos) {
                Some(pane) => pane.id,
                None => self.new_id(),
            };
            let pane = Pane::new(id, part, self.parse);
            match self.steps.get_mut(pos) {
                Some(slot) => *slot = pane,
                None => self.steps.push(pane),
            }
        }
        self.compare_neighbours(start);
    }

    fn place(&mut self, into: Option<StepId>, text: String, source: String) {
        let into = into
            .filter(|&id| self.step(id).is_some())
            .or_else(|| self.first_empty());
        match into {
            Some(id) => self.act(Action::PasteText(id, text)),
            None => {
                self.question = Some(Question::WhichStep {
                    text: Text::from(text.as_str()),
                    source,
                })
            }
        }
    }

    fn place_in(&mut self, into: Option<StepId>) {
        let Some(Question::WhichStep { text, .. }) = &self.question else {
            return;
        };
        let text = text.to_string();
        let id = match into {
            Some(id) if self.step(id).is_some() => id,
            Some(_) => return,
            None if self.steps.len() < MAX_STEPS => {
                self.add_step();
                self.steps[self.steps.len() - 1].id
            }
            None => return,
        };
        self.question = None;
        self.act(Action::PasteText(id, text));
    }

    fn answer(&mut self, yes: bool) {
        let Some(Question::FillSteps { step, text, .. }) = self.question.take() else {
            return;
        };
        let still_there = self.step(step).is_some_and(|p| p.text.same(&text));
        if yes && still_there {
            self.fill_steps(step);
        }
    }
}

/// How many steps a paste of `n_histories` fills: one per history, up to
/// [`MAX_STEPS`]. More histories than that are not one path but a pile of
/// them (a log, a repeated table): the paste is then split as a before/after
/// submission, the first history and the rest, whose step picks among them.
fn fill_count(n_histories: usize) -> usize {
    if n_histories <= MAX_STEPS {
        n_histories
    } else {
        2
    }
}
