//! A step's head: its place, its editable name, and its buttons to move it
//! earlier or later (also Alt+←/→ in the head) and to remove it. Moving a
//! step moves its element in the page, which loses the focus: the control
//! that moved it gets it back once the step is in its place
//! ([`use_focus_after_move`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::dom::active_element;
use layerdiff_core::app::{Action, AppState, StepId};

/// Which step a head is for, and where it sends its actions.
pub struct HeadParts<'a> {
    pub id: StepId,
    /// Where the step is (0 = the first).
    pub position: usize,
    /// How many steps there are.
    pub n_steps: usize,
    /// The step's name as shown.
    pub name: &'a str,
    /// The word in the step's test ids (`before`, `after`, `step-3`…).
    pub key: &'a str,
    pub dispatch: &'a Callback<Action>,
    /// The control to focus again after a move ([`use_focus_after_move`]).
    pub focused: &'a Refocus,
}

/// The control to focus again once the step has moved.
pub type Refocus = Rc<RefCell<Option<web_sys::HtmlElement>>>;

/// The head of a paste pane. A view function, not a component: each
/// component costs the first load its own machinery.
pub fn pane_head(h: HeadParts) -> Html {
    let HeadParts {
        id,
        position,
        n_steps,
        name,
        key,
        focused,
        ..
    } = h;
    let on_head_key = {
        let (dispatch, focused) = (h.dispatch.clone(), focused.clone());
        Callback::from(move |e: KeyboardEvent| {
            let to = match e.key().as_str() {
                "ArrowLeft" | "ArrowUp" if e.alt_key() && position > 0 => position - 1,
                "ArrowRight" | "ArrowDown" if e.alt_key() && position + 1 < n_steps => position + 1,
                _ => return,
            };
            e.prevent_default();
            *focused.borrow_mut() = active_element();
            dispatch.emit(Action::MoveStep(id, to));
        })
    };
    let onrename = h.dispatch.reform(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::Rename(id, input.value())
    });
    let move_to = |to: usize| {
        let (dispatch, focused) = (h.dispatch.clone(), focused.clone());
        Callback::from(move |_: MouseEvent| {
            *focused.borrow_mut() = active_element();
            dispatch.emit(Action::MoveStep(id, to));
        })
    };
    let remove = h
        .dispatch
        .reform(move |_: MouseEvent| Action::RemoveStep(id));
    html! {
        <header class="pane-head" onkeydown={on_head_key}>
            <span class="side-tag">{AppState::place_name(position)}</span>
            <input class="label" type="text" value={name.to_string()} onchange={onrename}
                aria-label={format!("Name of the {key} image")} data-testid={format!("label-{key}")}
                spellcheck="false" />
            <span class="step-tools" role="group" aria-label={format!("Step {}: move or remove", position + 1)}>
                <button type="button" onclick={move_to(position.saturating_sub(1))} disabled={position == 0}
                    aria-label={format!("Move {name} one step earlier (Alt+←)")} data-testid={format!("earlier-{key}")}>{"◀"}</button>
                <button type="button" onclick={move_to(position + 1)} disabled={position + 1 >= n_steps}
                    aria-label={format!("Move {name} one step later (Alt+→)")} data-testid={format!("later-{key}")}>{"▶"}</button>
                if n_steps > 2 {
                    <button type="button" onclick={remove}
                        aria-label={format!("Remove step {}: {name}", position + 1)} data-testid={format!("remove-{key}")}>{"✕"}</button>
                }
            </span>
        </header>
    }
}

/// Where to put the focus back after the step moved to `position`.
#[hook]
pub fn use_focus_after_move(position: usize) -> Refocus {
    let focused = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let focused = focused.clone();
        use_effect_with(position, move |_| {
            if let Some(element) = focused.borrow_mut().take() {
                let _ = element.focus();
            }
        });
    }
    focused
}
