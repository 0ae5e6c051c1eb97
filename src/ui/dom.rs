//! Small questions about the page's DOM that several parts ask the same
//! way: which element has the focus, whether a key or a paste went to a
//! text field (single-key shortcuts, presenting and page pastes leave those
//! alone), and listening to the window's keys with the right to prevent
//! their default.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// The element that has the focus, if any.
pub fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
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
