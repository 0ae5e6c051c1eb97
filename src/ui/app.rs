//! The page: two paste panes side by side and, below them, the comparison.
//! Effects live here (never in the reducer): the debounced re-parse of big
//! pastes.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::compare::compare;
use crate::core::parse::parse;
use crate::core::split::split_after_first;
use crate::ui::comparison::{ComparisonView, PerfMark};
use crate::ui::paste_pane::PastePane;
use crate::ui::state::{Action, AppState, Side};
use crate::ui::storage::{self, SavedWork};

/// The demo comparison shown on a first visit: a course submission with a
/// before and an after table (tests/data/corpus/000-…, with its provenance in INDEX.md).
pub const DEMO: &str =
    include_str!("../../tests/data/corpus/000-course-3.1-backend-before-after.txt");

/// How long typing must pause before a big paste is parsed again.
const REPARSE_DELAY_MS: u32 = 180;

/// How long typing must pause before the panes are saved locally.
const SAVE_DELAY_MS: u32 = 250;

/// What the page opens with: the panes saved by the last visit, else the demo.
fn initial_state() -> AppState {
    match storage::load_work() {
        Some(work) if !work.is_blank() => work.to_state(),
        _ => demo_state(),
    }
}

/// The demo split into its before and after parts.
pub fn demo_state() -> AppState {
    let parsed = parse(DEMO);
    let (before, after) = split_after_first(DEMO, &parsed);
    AppState::from_texts(&before, &after)
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // Debounced parse of panes whose text ran ahead of their parse.
    {
        let state = state.clone();
        let stale = (
            state.before.is_stale(),
            state.after.is_stale(),
            state.before.text.clone(),
            state.after.text.clone(),
        );
        use_effect_with(stale, move |(before_stale, after_stale, _, _)| {
            let sides: Vec<Side> = [(Side::Before, *before_stale), (Side::After, *after_stale)]
                .into_iter()
                .filter_map(|(side, stale)| stale.then_some(side))
                .collect();
            let timer = (!sides.is_empty()).then(|| {
                Timeout::new(REPARSE_DELAY_MS, move || {
                    for side in sides {
                        state.dispatch(Action::Reparse(side));
                    }
                })
            });
            move || drop(timer)
        });
    }

    // Save the panes as the user types (cheap: a JSON string into local storage).
    {
        let work = SavedWork::of(&state);
        use_effect_with(work, |work| {
            let work = work.clone();
            let timer = Timeout::new(SAVE_DELAY_MS, move || storage::save_work(&work));
            move || drop(timer)
        });
    }

    let dark = use_dark_mode();
    let before = state.before.history().cloned().map(Rc::new);
    let after = state.after.history().cloned().map(Rc::new);
    let comparison = use_memo((before.clone(), after.clone()), |(before, after)| {
        let (Some(before), Some(after)) = (before, after) else {
            return None;
        };
        let _mark = PerfMark::start("layerdiff:compare");
        Some(Rc::new(compare(before, after)))
    });
    let comparison_view = match ((*comparison).clone(), before, after) {
        (Some(c), Some(b), Some(a)) => html! {
            <ComparisonView comparison={c} before={b} after={a} dark={dark}
                sort_by_delta={state.view.sort_by_delta} base_collapsed={state.view.base_collapsed}
                on_toggle_sort={dispatch.reform(|_| Action::ToggleSort)}
                on_toggle_base={dispatch.reform(|_| Action::ToggleBase)} />
        },
        _ => html! {
            <section class="comparison empty" data-testid="comparison-empty">
                <p class="muted">{"The comparison appears here once both panes hold a docker history."}</p>
            </section>
        },
    };

    let on_swap = dispatch.reform(|_: MouseEvent| Action::Swap);
    let on_demo = dispatch.reform(|_: MouseEvent| Action::Load(Box::new(demo_state())));

    html! {
        <>
            <header class="top">
                <h1><span class="logo" aria-hidden="true">{"▤"}</span>{"layerdiff"}</h1>
                <p class="tagline">{"Paste two "}<code>{"docker history"}</code>{" outputs — see which layers changed, by how much, and why. Everything stays in your browser."}</p>
                <nav class="actions">
                    <button type="button" onclick={on_swap} title="Swap before and after">{"⇄ Swap"}</button>
                    <button type="button" onclick={on_demo}>{"Load demo"}</button>
                </nav>
            </header>
            <main>
                <div class="panes">
                    <PastePane side={Side::Before} pane={state.before.clone()} dispatch={dispatch.clone()} />
                    <PastePane side={Side::After} pane={state.after.clone()} dispatch={dispatch.clone()} />
                </div>
                {comparison_view}
            </main>
        </>
    }
}

/// Whether the system asks for dark mode; follows changes while the page is open.
#[hook]
fn use_dark_mode() -> bool {
    let query = || {
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    };
    let dark = use_state(|| query().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let listener = query().map(|q| {
                let target = q.clone();
                gloo::events::EventListener::new(&target, "change", move |_| dark.set(q.matches()))
            });
            move || drop(listener)
        });
    }
    *dark
}
