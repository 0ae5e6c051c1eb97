//! The whole page state ([`AppState`]): the steps in order, the view, which
//! two steps the comparison shows, and a question waiting for the user; and
//! its snapshot ([`ShareState`]), the one value saved, linked and restored.

use crate::app::{Pane, Parse, StepId, Text};
use crate::share::{ShareState, StepPair, ViewOptions};

/// The fewest and most steps the page holds: what a path compares (a
/// comparison needs two; a course's path is three to five).
pub use crate::compare::path::{MAX_STEPS, MIN_STEPS};

/// The whole page state.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The steps in order, [`MIN_STEPS`] to [`MAX_STEPS`] of them.
    pub steps: Vec<Pane>,
    /// How the comparison is shown (part of the snapshot).
    pub view: ViewOptions,
    /// Which two steps the comparison shows.
    pub compared: Compared,
    /// A question the page asks before it goes on.
    pub question: Option<Question>,
    /// Grows whenever the snapshot changes: what saving and the link wait on,
    /// cheap to compare on every render.
    pub revision: u64,
    /// The user has changed something since the page opened (only then is
    /// the work saved and the address bar rewritten).
    pub edited: bool,
    /// How texts are parsed.
    pub parse: Parse,
    next_id: u32,
}

/// The two steps the comparison shows, by id (so they follow a reorder).
/// When either is gone, the first two steps are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compared {
    /// The older image.
    pub old: StepId,
    /// The newer image.
    pub new: StepId,
}

/// What the page asks the user before it goes on.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// A paste into `step` holds `n_histories` histories; filling one step
    /// each would replace `replaced`, steps holding text the user typed.
    FillSteps {
        /// The step pasted into.
        step: StepId,
        /// The pasted text (the answer applies only while the step holds it).
        text: Text,
        /// How many steps the paste fills.
        n_histories: usize,
        /// The other steps whose text it would replace (by position, 0-based).
        replaced: Vec<usize>,
    },
    /// Text that came with no step (a drop or a paste on the page) while no
    /// step is empty: which step should hold it (answered by
    /// `Action::PlaceIn`; `Action::Answer(false)` drops it).
    WhichStep {
        /// The text waiting for a step.
        text: Text,
        /// Where it came from, in our words ("the pasted text", a file's name).
        source: String,
    },
}

impl AppState {
    /// Steps holding `texts` in order (at least two: missing ones are
    /// empty), parsed at once when small.
    pub fn from_texts(texts: &[&str], parse: Parse) -> Self {
        let mut state = AppState::empty(parse);
        let n_steps = texts.len().clamp(MIN_STEPS, MAX_STEPS);
        state.steps = (0..n_steps)
            .map(|idx| {
                let id = state.new_id();
                Pane::new(id, texts.get(idx).copied().unwrap_or(""), parse)
            })
            .collect();
        state.compare_neighbours(0);
        state
    }

    /// The page state a snapshot stands for (a save or a link). A snapshot
    /// with fewer than two steps gets empty ones; steps past [`MAX_STEPS`]
    /// are left out.
    pub fn restore(snapshot: &ShareState, parse: Parse) -> Self {
        let mut state = AppState::empty(parse);
        state.view = snapshot.view;
        state.steps = snapshot
            .steps
            .iter()
            .take(MAX_STEPS)
            .map(|shared| {
                let id = state.new_id();
                Pane::restored(id, shared, parse)
            })
            .collect();
        while state.steps.len() < MIN_STEPS {
            let id = state.new_id();
            state.steps.push(Pane::new(id, "", parse));
        }
        state.compare_neighbours(0);
        state.compare_positions(snapshot.compared);
        state
    }

    /// Compares the steps at the positions of `pair`, when both exist and
    /// differ (a snapshot's choice; anything else keeps the current one).
    pub(super) fn compare_positions(&mut self, pair: Option<StepPair>) {
        let Some(p) = pair.filter(|p| p.left != p.right) else {
            return;
        };
        if let (Some(old), Some(new)) = (self.steps.get(p.left), self.steps.get(p.right)) {
            self.compared = Compared {
                old: old.id,
                new: new.id,
            };
        }
    }

    /// The compared steps as a snapshot records them: `None` for the first
    /// two, the default.
    fn compared_pair(&self) -> Option<StepPair> {
        let (left, right) = self.compared_positions();
        ((left, right) != (0, 1)).then_some(StepPair { left, right })
    }

    /// The user's work as one plain value (copies the texts: made when
    /// saving or packing a link, not on every render).
    pub fn snapshot(&self) -> ShareState {
        ShareState {
            steps: self.steps.iter().map(Pane::snapshot).collect(),
            view: self.view,
            compared: self.compared_pair(),
        }
    }

    /// Where the step `id` is, if it still exists.
    pub fn position(&self, id: StepId) -> Option<usize> {
        self.steps.iter().position(|p| p.id == id)
    }

    /// The step `id`, if it still exists.
    pub fn step(&self, id: StepId) -> Option<&Pane> {
        self.steps.iter().find(|p| p.id == id)
    }

    /// The positions of the two compared steps (the first two when the
    /// chosen ones are gone).
    pub fn compared_positions(&self) -> (usize, usize) {
        match (
            self.position(self.compared.old),
            self.position(self.compared.new),
        ) {
            (Some(old), Some(new)) if old != new => (old, new),
            _ => (0, 1),
        }
    }

    /// The word for the step at `position` when it has no label: `before`
    /// and `after` for the first two (as with two panes), then `step N`.
    pub fn place_name(position: usize) -> String {
        match position {
            0 => "before".to_string(),
            1 => "after".to_string(),
            n => format!("step {}", n + 1),
        }
    }

    pub(super) fn empty(parse: Parse) -> Self {
        AppState {
            steps: Vec::new(),
            view: ViewOptions {
                sort_by_delta: false,
                base_collapsed: true,
                ..ViewOptions::default()
            },
            compared: Compared {
                old: StepId(0),
                new: StepId(1),
            },
            question: None,
            revision: 0,
            edited: false,
            parse,
            next_id: 0,
        }
    }

    pub(super) fn new_id(&mut self) -> StepId {
        self.next_id += 1;
        StepId(self.next_id - 1)
    }

    /// The first step holding no text, if any.
    pub fn first_empty(&self) -> Option<StepId> {
        self.steps.iter().find(|p| p.is_blank()).map(|p| p.id)
    }

    pub(super) fn step_mut(&mut self, id: StepId) -> Option<&mut Pane> {
        self.steps.iter_mut().find(|p| p.id == id)
    }

    /// Compares the step at `position` with the one after it (or, for the
    /// last, the one before it).
    pub(super) fn compare_neighbours(&mut self, position: usize) {
        let last = self.steps.len().saturating_sub(1);
        let old = position.min(last.saturating_sub(1));
        if let (Some(old), Some(new)) = (self.steps.get(old), self.steps.get(old + 1)) {
            self.compared = Compared {
                old: old.id,
                new: new.id,
            };
        }
    }

    /// What the snapshot depends on, cheap to take (texts are shared).
    pub(super) fn snapshot_key(&self) -> SnapshotKey {
        SnapshotKey {
            steps: self
                .steps
                .iter()
                .map(|p| StepKey {
                    text: p.text.clone(),
                    label: p.label_override.clone(),
                    selected: p.selected,
                })
                .collect(),
            view: self.view,
            compared: self.compared_pair(),
        }
    }
}

/// What [`AppState::snapshot`] is made of, without copying texts.
#[derive(PartialEq)]
pub(super) struct SnapshotKey {
    steps: Vec<StepKey>,
    view: ViewOptions,
    compared: Option<StepPair>,
}

/// What a step's snapshot is made of.
#[derive(PartialEq)]
struct StepKey {
    text: Text,
    label: Option<String>,
    selected: usize,
}
