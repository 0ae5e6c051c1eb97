//! The keyboard shortcuts ([`SHORTCUTS`], one list: the `?` overlay shows it
//! and `hooks/page_input.rs` acts on it) and the overlay itself, a modal
//! `<dialog>`: the browser keeps the focus inside it and closes it on Esc;
//! closing gives the focus back to where it was.

use yew::prelude::*;

use crate::dom::active_element;

/// One shortcut as the overlay lists it.
pub struct Shortcut {
    /// The keys, as printed.
    pub keys: &'static str,
    /// What they do.
    pub does: &'static str,
}

/// Every shortcut of the page. Single keys work only when no text field has
/// the focus; the Alt combinations work everywhere.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: "Alt+1 … Alt+8",
        does: "Put the cursor in the text of step 1 … 8",
    },
    Shortcut {
        keys: "Alt+← / Alt+→",
        does: "Move the step whose name has the focus earlier or later",
    },
    Shortcut {
        keys: "S",
        does: "Swap the two compared steps",
    },
    Shortcut {
        keys: "C",
        does: "Copy the link to this comparison",
    },
    Shortcut {
        keys: "P",
        does: "Present the comparison one change at a time (← → or Space move, Esc stops)",
    },
    Shortcut {
        keys: "Ctrl+V",
        does: "Anywhere outside a text box: paste into the first empty step",
    },
    Shortcut {
        keys: "?",
        does: "Show this list",
    },
    Shortcut {
        keys: "Esc",
        does: "Close this list",
    },
];

/// Props of [`ShortcutsDialog`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsDialogProps {
    /// Whether it is shown.
    pub open: bool,
    /// Called when it closes (Esc, the button).
    pub on_close: Callback<()>,
}

/// The `?` overlay.
#[component]
pub fn ShortcutsDialog(props: &ShortcutsDialogProps) -> Html {
    let dialog = use_node_ref();
    let opener = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let (dialog, opener) = (dialog.clone(), opener.clone());
        use_effect_with(props.open, move |open| {
            let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() else {
                return;
            };
            if *open && !d.open() {
                *opener.borrow_mut() = active_element();
                let _ = d.show_modal();
            } else if !*open && d.open() {
                d.close();
            }
        });
    }
    // Esc closes the dialog itself (the `close` event); the state follows.
    let onclose = {
        let (on_close, opener) = (props.on_close.clone(), opener.clone());
        Callback::from(move |_: Event| {
            if let Some(element) = opener.borrow_mut().take() {
                let _ = element.focus();
            }
            on_close.emit(());
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let rows = SHORTCUTS.iter().map(|s| {
        html! { <tr><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.does}</td></tr> }
    });
    html! {
        <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title" {onclose} data-testid="shortcuts">
            <h2 id="shortcuts-title">{"Keyboard shortcuts"}</h2>
            <p class="muted small">{"Single keys work when no text box has the focus."}</p>
            <table><tbody>{ for rows }</tbody></table>
            <button type="button" class="primary" onclick={close} data-testid="shortcuts-close">{"Close"}</button>
        </dialog>
    }
}
