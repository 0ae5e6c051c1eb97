//! The steps in order (each marked when compared), and the bar below them:
//! add a step, and which two are compared.

use yew::prelude::*;

use crate::components::paste_pane::PastePane;
use layerdiff_core::app::{Action, AppState, Compared, MAX_STEPS};

/// The steps in order (each marked when compared), and the bar below them:
/// add a step, and which two are compared.
pub fn steps_view(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let n_steps = state.steps.len();
    let (old_pos, new_pos) = state.compared_positions();
    let panes = state.steps.iter().enumerate().map(|(position, pane)| {
        let compared = match position {
            p if p == old_pos => Some("old"),
            p if p == new_pos => Some("new"),
            _ => None,
        };
        html! {
            <PastePane key={pane.id.0} {position} {n_steps} {compared} pane={pane.clone()} dispatch={dispatch.clone()} />
        }
    });
    html! {
        <>
            <h2 class="visually-hidden">{"Steps"}</h2>
            <div class={classes!("panes", (n_steps > 2).then_some("many"))} data-testid="steps" data-steps={n_steps.to_string()}>
                { for panes }
            </div>
            <div class="step-bar" role="group" aria-labelledby="step-bar-title">
                <h3 class="visually-hidden" id="step-bar-title">{"Add or compare steps"}</h3>
                <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::AddStep)}
                    disabled={n_steps >= MAX_STEPS} data-testid="add-step">{"+ Add a step"}</button>
                {compare_picker(state, dispatch)}
            </div>
        </>
    }
}

/// "Compare step X with step Y", shown when there are more than two steps.
pub fn compare_picker(state: &AppState, dispatch: &Callback<Action>) -> Html {
    if state.steps.len() <= 2 {
        return html! {};
    }
    let (old_pos, new_pos) = state.compared_positions();
    let ids: Vec<_> = state.steps.iter().map(|p| p.id).collect();
    let names: Vec<String> = (0..state.steps.len())
        .map(|pos| {
            let name = state.steps[pos].label(&AppState::place_name(pos));
            format!("{}: {name}", pos + 1)
        })
        .collect();
    let select = |chosen: usize, testid: &str, on_pick: Callback<usize>| {
        let onchange = Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(pos) = select.value().parse::<usize>() {
                on_pick.emit(pos);
            }
        });
        html! {
            // `value` as well as `selected`: the shown choice follows the state
            // even after the user picked (the DOM keeps its own otherwise)
            <select {onchange} value={chosen.to_string()} data-testid={testid.to_string()}>
                { for names.iter().enumerate().map(|(pos, name)| html! {
                    <option value={pos.to_string()} selected={pos == chosen}>{name.clone()}</option>
                }) }
            </select>
        }
    };
    let (ids_old, ids_new) = (ids.clone(), ids);
    let (old_id, new_id) = (ids_old[old_pos], ids_new[new_pos]);
    let on_old = dispatch.reform(move |pos: usize| {
        Action::Compare(Compared {
            old: ids_old[pos],
            new: new_id,
        })
    });
    let on_new = dispatch.reform(move |pos: usize| {
        Action::Compare(Compared {
            old: old_id,
            new: ids_new[pos],
        })
    });
    html! {
        <label class="compare-picker">{"Compare step "}{select(old_pos, "compare-old", on_old)}
            {" with step "}{select(new_pos, "compare-new", on_new)}</label>
    }
}
