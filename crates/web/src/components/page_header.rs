//! The page's header: a link past it to the comparison, the name, what it
//! does, and its actions (swap the compared steps, load the demo, present,
//! the keys).

use yew::prelude::*;

use layerdiff_core::app::Action;

use crate::dom;

/// The header; `on_demo` replaces the steps with the demo, `help` shows
/// the keyboard shortcuts.
pub fn page_header(
    dispatch: &Callback<Action>,
    on_demo: Callback<MouseEvent>,
    help: &UseStateHandle<bool>,
) -> Html {
    let on_swap = dispatch.reform(|_: MouseEvent| Action::Swap);
    let show_help = {
        let help = help.clone();
        move |_: MouseEvent| help.set(true)
    };
    // The fragment holds the share link: move the focus, leave the address.
    let skip = |event: MouseEvent| {
        event.prevent_default();
        dom::focus_id("comparison");
    };
    html! {
        <>
        <a class="skip-link" href="#comparison" onclick={skip}>{"Skip to the comparison"}</a>
        <header class="top">
            <h1><span class="logo" aria-hidden="true">{"▤"}</span>{"layerdiff"}</h1>
            <p class="tagline">{"Paste two "}<code>{"docker history"}</code>{" outputs — see which layers changed, by how much, and why. Everything stays in your browser."}</p>
            <nav class="actions" aria-label="Page actions">
                <button type="button" onclick={on_swap} title="Swap the two compared steps">{"⇄ Swap"}</button>
                <button type="button" onclick={on_demo} title="Replace the steps with the demo">{"Load demo"}</button>
                <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Present(Some(0)))} data-testid="present"
                    title="Present the comparison one change at a time (P; ← → to move, Esc to stop)">{"▶ Present"}</button>
                <button type="button" onclick={show_help}
                    aria-keyshortcuts="?" title="Keyboard shortcuts (?)" data-testid="show-shortcuts">{"Keys ?"}</button>
            </nav>
        </header>
        </>
    }
}
