//! The path of 3 to 8 steps on the page: the histories of every step, their
//! [`PathComparison`] ([`use_path`], in a task of its own when they are big,
//! as the pair's comparison), and the figures of each step (total, Δ to the
//! previous, Δ to the first) as a row of cards that wraps down to 320 px.
//!
//! With two steps there is no path ([`PathState::Pair`]): the page shows the
//! pair as it always has. A path needs a history in every step; while one
//! is missing the page shows the compared pair and says which step is empty.
//! The chart of the path and how it and the pair's table point at each
//! other are in `path_chart.rs`.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::DEFER_COMPARE_LAYERS;
use crate::perf::PerfMark;
use layerdiff_core::app::{chosen_history, AppState};
use layerdiff_core::compare::path::{compare_path, PathComparison};
use layerdiff_core::model::{History, Parsed};

/// An `Rc` compared by address: a new value is a new one, and an equal one
/// is never compared field by field (memos keyed on it stay cheap).
#[derive(Debug)]
pub struct ByAddress<T>(pub Rc<T>);

impl<T> Clone for ByAddress<T> {
    fn clone(&self) -> Self {
        ByAddress(self.0.clone())
    }
}

impl<T> PartialEq for ByAddress<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A path ready to show: its comparison, its histories (in step order,
/// named as the page names the steps) and the two steps compared below it.
#[derive(Clone, PartialEq)]
pub struct PathView {
    pub path: ByAddress<PathComparison>,
    pub histories: ByAddress<Vec<History>>,
    /// Positions of the compared steps: the older image, then the newer.
    pub compared: (usize, usize),
}

/// What the page can show of the steps as a path.
#[derive(Clone, PartialEq, Default)]
pub enum PathState {
    /// Two steps: a pair, shown as it always was.
    #[default]
    Pair,
    /// Steps at these positions hold no history yet.
    Incomplete(Vec<usize>),
    /// Big histories being compared in a task of their own.
    Pending,
    Ready(PathView),
}

/// Each step's history, named as the page names it; who is missing.
type StepHistories = Result<Rc<Vec<History>>, Vec<usize>>;

/// The path of the page's steps (3 or more), compared when every step holds
/// a history; rebuilt only when a parse, a choice or a name changes.
#[hook]
pub fn use_path(state: &AppState) -> PathState {
    let key: Vec<(ByAddress<Parsed>, usize, String)> = if state.steps.len() > 2 {
        state
            .steps
            .iter()
            .enumerate()
            .map(|(pos, pane)| {
                let name = pane.label(&AppState::place_name(pos));
                (ByAddress(pane.parsed.clone()), pane.selected, name)
            })
            .collect()
    } else {
        Vec::new()
    };
    let histories = use_memo(key, |key| step_histories(key));
    let compared = state.compared_positions();
    let path = use_compared_path((*histories).clone().ok());
    match (&*histories, path) {
        (_, _) if state.steps.len() <= 2 => PathState::Pair,
        (Err(missing), _) => PathState::Incomplete(missing.clone()),
        (Ok(_), None) => PathState::Pending,
        (Ok(histories), Some(path)) => PathState::Ready(PathView {
            path: ByAddress(path),
            histories: ByAddress(histories.clone()),
            compared,
        }),
    }
}

/// The history of each step (its chosen one, named as the step is), or the
/// positions of the steps without one.
fn step_histories(key: &[(ByAddress<Parsed>, usize, String)]) -> StepHistories {
    let mut missing = Vec::new();
    let mut histories = Vec::new();
    for (pos, (parsed, selected, name)) in key.iter().enumerate() {
        match chosen_history(&parsed.0, *selected) {
            Some(h) => histories.push(History {
                label: name.clone(),
                ..h.clone()
            }),
            None => missing.push(pos),
        }
    }
    if missing.is_empty() {
        Ok(Rc::new(histories))
    } else {
        Err(missing)
    }
}

/// The comparison of the path, right away when small, in a task of its own
/// right after rendering when big (the page says "Comparing…" meanwhile).
#[hook]
fn use_compared_path(histories: Option<Rc<Vec<History>>>) -> Option<Rc<PathComparison>> {
    let key = histories.map(ByAddress);
    let layers = key
        .as_ref()
        .map_or(0, |h| h.0.iter().map(|h| h.layers.len()).sum::<usize>());
    let defer = layers > DEFER_COMPARE_LAYERS;
    let compared = |key: &Option<ByAddress<Vec<History>>>| {
        let histories = key.as_ref()?;
        let _mark = PerfMark::start("layerdiff:path");
        let steps: Vec<&History> = histories.0.iter().collect();
        compare_path(&steps).ok().map(Rc::new)
    };
    let now = use_memo((key.clone(), defer), move |(key, defer)| {
        (!defer).then(|| compared(key)).flatten()
    });
    let later = use_state(|| None::<(ByAddress<Vec<History>>, Rc<PathComparison>)>);
    {
        let later = later.clone();
        use_effect_with((key.clone(), defer), move |(key, defer)| {
            let key = key.clone();
            let timer = defer.then(|| {
                Timeout::new(0, move || {
                    if let (Some(path), Some(for_key)) = (compared(&key), key) {
                        later.set(Some((for_key, path)));
                    }
                })
            });
            move || drop(timer)
        });
    }
    if defer {
        later
            .as_ref()
            .filter(|(for_key, _)| Some(for_key) == key.as_ref())
            .map(|(_, path)| path.clone())
    } else {
        (*now).clone()
    }
}

/// The figures of every step: its name, total, Δ to the previous and Δ to
/// the first, the compared two marked.
pub fn figures(view: &PathView) -> Html {
    let p = &view.path.0;
    let (old, new) = view.compared;
    let cards = p.steps.iter().enumerate().map(|(k, step)| {
        let f = p.figures(k);
        let mark = match k {
            k if k == old => Some(("old", "compared: before")),
            k if k == new => Some(("new", "compared: after")),
            _ => None,
        };
        let trend = |d: Option<layerdiff_core::compare::numbers::Delta>| match d {
            Some(d) if d.bytes < 0 && !d.within_rounding() => "down",
            Some(d) if d.bytes > 0 && !d.within_rounding() => "up",
            _ => "",
        };
        html! {
            <li class={classes!("path-step", mark.map(|m| m.0))} data-testid={format!("path-step-{}", k + 1)}
                data-bytes={step.total.bytes.to_string()}>
                <p class="path-name" title={step.label.clone()}>
                    <span class="path-num">{k + 1}</span>{" "}{&step.label}
                </p>
                <p class="path-total" title={step.total.describe()} data-testid="path-total">{f.total}</p>
                if k > 0 {
                    <dl class="path-deltas">
                        <div class={trend(step.to_previous)}><dt>{"Δ previous"}</dt><dd data-testid="path-to-previous">{f.to_previous}</dd></div>
                        <div class={trend(step.to_first)}><dt>{"Δ first"}</dt><dd data-testid="path-to-first">{f.to_first}</dd></div>
                    </dl>
                } else {
                    <p class="muted small path-first">{format!("{} layers · the start", step.layers)}</p>
                }
                if let Some((_, words)) = mark {
                    <p class="path-mark small">{words}</p>
                }
            </li>
        }
    });
    html! {
        <ol class="path-steps" aria-label="Each step's sum of layer sizes" data-testid="path-figures">
            { for cards }
        </ol>
    }
}

/// What the comparison says while there is no path to show yet.
pub fn note(state: &PathState) -> Html {
    match state {
        PathState::Incomplete(missing) => {
            let places: Vec<String> = missing.iter().map(|p| (p + 1).to_string()).collect();
            let one = missing.len() == 1;
            html! {
                <p class="muted small" role="status" data-testid="path-waiting">
                    {format!(
                        "The chart of the whole path appears once every step holds a docker history (step{} {} {} empty). Below: the two compared steps.",
                        if one { "" } else { "s" },
                        places.join(", "),
                        if one { "is" } else { "are" }
                    )}
                </p>
            }
        }
        PathState::Pending => html! {
            <p class="muted small" role="status" data-testid="path-pending">{"Comparing the path…"}</p>
        },
        PathState::Pair | PathState::Ready(_) => html! {},
    }
}
