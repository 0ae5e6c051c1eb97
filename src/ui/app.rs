//! The page: two paste panes side by side and, below them, the comparison.
//! Effects live here (never in the reducer): the debounced re-parse of big
//! pastes.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::parse::parse;
use crate::core::split::split_after_first;
use crate::ui::paste_pane::PastePane;
use crate::ui::state::{Action, AppState, Side};

/// The demo comparison shown on a first visit: a course submission with a
/// before and an after table (tests/data/corpus/000-…, with its provenance in INDEX.md).
pub const DEMO: &str =
    include_str!("../../tests/data/corpus/000-course-3.1-backend-before-after.txt");

/// How long typing must pause before a big paste is parsed again.
const REPARSE_DELAY_MS: u32 = 180;

/// The demo split into its before and after parts.
pub fn demo_state() -> AppState {
    let parsed = parse(DEMO);
    let (before, after) = split_after_first(DEMO, &parsed);
    AppState::from_texts(&before, &after)
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(demo_state);
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
            </main>
        </>
    }
}
