//! One snippet of the share box: its name, its text (read-only, selected
//! on focus) and a copy button that says whether the browser let it copy.

use yew::prelude::*;

use crate::dom::copy_to_clipboard;

/// Which snippet was just copied, and whether the browser let it.
#[derive(Clone, Copy, PartialEq)]
pub struct Copied {
    pub what: &'static str,
    pub ok: bool,
}

/// One snippet: its name, its text (read-only, selected on focus) and a copy button.
pub fn snippet(
    id: &'static str,
    name: &'static str,
    text: String,
    copied: &UseStateHandle<Option<Copied>>,
) -> Html {
    let on_copy = {
        let (copied, text) = (copied.clone(), text.clone());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_to_clipboard(&text, move |res| {
                copied.set(Some(Copied {
                    what: id,
                    ok: res.is_ok(),
                }))
            });
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let field: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        field.select();
    });
    let label = match **copied {
        Some(Copied { what, ok: true }) if what == id => "Copied ✓",
        Some(Copied { what, ok: false }) if what == id => "Select and copy (Ctrl+C)",
        _ => "Copy",
    };
    let rows = if id == "view-link" { "2" } else { "3" };
    html! {
        <div class="snippet">
            <label for={id}>{name}</label>
            <div class="link-row">
                <textarea id={id} readonly=true rows={rows} value={text} onfocus={select_all} data-testid={id} />
                <button type="button" onclick={on_copy} aria-live="polite" data-testid={format!("copy-{id}")}>{label}</button>
            </div>
        </div>
    }
}
