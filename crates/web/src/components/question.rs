//! The question the page waits on: fill one step with each history of a
//! paste, or which step should hold text that came with no step.

use yew::prelude::*;

use layerdiff_core::app::{Action, AppState, Question, MAX_STEPS};

/// The question the page waits on, if any.
pub fn question_view(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let (n_histories, replaced) = match &state.question {
        None => return html! {},
        Some(Question::WhichStep { source, .. }) => {
            return which_step_view(state, source, dispatch)
        }
        Some(Question::FillSteps {
            n_histories,
            replaced,
            ..
        }) => (n_histories, replaced),
    };
    let places: Vec<String> = replaced.iter().map(|pos| (pos + 1).to_string()).collect();
    html! {
        <div class="banner info" role="alertdialog" aria-label="Fill steps from the paste?" data-testid="fill-question">
            <p>{format!("This paste holds {n_histories} histories. Fill one step with each? That replaces the text you typed in step {}.", places.join(", "))}</p>
            <button type="button" class="primary" onclick={dispatch.reform(|_: MouseEvent| Action::Answer(true))} data-testid="fill-yes">
                {format!("Fill {n_histories} steps")}</button>
            <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Answer(false))} data-testid="fill-no">
                {"Keep the paste in one step"}</button>
        </div>
    }
}

/// "Which step should hold it?", when text came with no step and none is empty.
pub fn which_step_view(state: &AppState, source: &str, dispatch: &Callback<Action>) -> Html {
    let steps = state.steps.iter().enumerate().map(|(pos, pane)| {
        let id = pane.id;
        let name = pane.label(&AppState::place_name(pos));
        html! {
            <button type="button" onclick={dispatch.reform(move |_: MouseEvent| Action::PlaceIn(Some(id)))}
                data-testid={format!("place-in-{}", pos + 1)}>{format!("Step {}: {name}", pos + 1)}</button>
        }
    });
    html! {
        <div class="banner info" role="alertdialog" aria-label="Which step should hold it?" data-testid="which-step">
            <p>{format!("Every step holds text. Which one should {source} replace?")}</p>
            { for steps }
            if state.steps.len() < MAX_STEPS {
                <button type="button" class="primary" onclick={dispatch.reform(|_: MouseEvent| Action::PlaceIn(None))}
                    data-testid="place-new">{"A new step"}</button>
            }
            <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Answer(false))}
                data-testid="place-cancel">{"Cancel"}</button>
        </div>
    }
}
