//! Small questions about the page's DOM that several parts ask the same
//! way: which element has the focus, whether a key or a paste went to a
//! text field (single-key shortcuts, presenting and page pastes leave those
//! alone), listening to the window's keys with the right to prevent
//! their default, and copying text to the clipboard.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The element that has the focus, if any.
pub fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves the focus to the element `id` (the browser scrolls it into view),
/// as a link to `#id` would without changing the address.
pub fn focus_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Whether typing in `target` types text (a text box, a select, the
/// read-only text view): single-key shortcuts and page pastes leave it alone.
pub fn is_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    let typed_input = tag == "input"
        && !matches!(
            element.get_attribute("type").as_deref(),
            Some("button" | "checkbox" | "radio" | "submit" | "reset" | "range" | "color")
        );
    typed_input
        || matches!(tag.as_str(), "textarea" | "select")
        || element.is_content_editable()
        || element.get_attribute("role").as_deref() == Some("textbox")
}

/// Calls `on_key` for every key pressed in the window (it may prevent the
/// key's default); the listener lives as long as the value returned.
pub fn window_keys(on_key: impl Fn(&web_sys::KeyboardEvent) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &window,
        "keydown",
        options,
        move |e| {
            if let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                on_key(key);
            }
        },
    ))
}

/// Copies `text` and calls `done` with the outcome: Err when the browser
/// refuses (no clipboard API, insecure context, permission denied), so the UI
/// can ask the user to copy by hand from the selected field.
pub fn copy_to_clipboard(text: &str, done: impl Fn(Result<(), String>) + 'static) {
    // One body for every caller (its closures are big in the wasm).
    copy_with(text, Rc::new(done));
}

fn copy_with(text: &str, done: Rc<dyn Fn(Result<(), String>)>) {
    let Some(window) = web_sys::window() else {
        return done(Err("no window".into()));
    };
    let promise = window.navigator().clipboard().write_text(text);
    let on_ok = {
        let done = done.clone();
        Closure::once(move |_: JsValue| done(Ok(())))
    };
    let on_err = Closure::once(move |e: JsValue| {
        done(Err(e.as_string().unwrap_or_else(|| "refused".into())))
    });
    let _ = promise.then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}
