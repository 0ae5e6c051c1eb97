//! The line that says the page shows the demo, while its steps hold the
//! demo's text: a first visit then knows the two steps are an example, and
//! how to compare its own images instead.

use yew::prelude::*;

use super::editor::demo;
use layerdiff_core::app::AppState;

thread_local! {
    /// The demo's step texts (parsed once).
    static DEMO_TEXTS: Vec<String> = demo().steps.into_iter().map(|p| p.text).collect();
}

/// Whether `texts` are the demo's, step for step.
pub fn is_demo<'a>(texts: impl ExactSizeIterator<Item = &'a str>) -> bool {
    DEMO_TEXTS.with(|demo| {
        texts.len() == demo.len() && texts.zip(demo.iter()).all(|(t, d)| t == d.as_str())
    })
}

/// "This is the demo: …", or nothing once a step holds other text.
pub fn demo_note(state: &AppState) -> Html {
    if !is_demo(state.steps.iter().map(|p| &*p.text)) {
        return Html::default();
    }
    html! {
        <p class="demo-note" role="note" data-testid="demo-note">
            <b>{"This is the demo: "}</b>
            {"a course's backend image before and after a change. Paste your own "}
            <code>{"docker history"}</code>{" output into a step (or drop a file on it) to compare your images."}
        </p>
    }
}
