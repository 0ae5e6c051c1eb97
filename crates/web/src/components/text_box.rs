//! A step's text box and what serves it: typing and pasting into it (a
//! paste too big for a text box is taken before the browser lays it out),
//! the line gutter kept on its scroll position, the text put back in it
//! only when the state holds another, and going to a line (selected in the
//! box, or highlighted in the read-only view of a big paste).

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::text_view::LINE_PX;
use layerdiff_core::app::{Action, StepId, Text, VIEW_ONLY_BYTES};

/// The elements of a pane's text: the box, its gutter, the read-only view.
#[derive(Clone, PartialEq)]
pub struct PaneRefs {
    pub textarea: NodeRef,
    pub gutter: NodeRef,
    pub view: NodeRef,
}

/// A pane's [`PaneRefs`].
#[hook]
pub fn use_pane_refs() -> PaneRefs {
    PaneRefs {
        textarea: use_node_ref(),
        gutter: use_node_ref(),
        view: use_node_ref(),
    }
}

/// Typing (`oninput`) and pasting (`onpaste`) in the step `id`.
pub fn text_input(
    id: StepId,
    read_only: bool,
    dispatch: &Callback<Action>,
) -> (Callback<InputEvent>, Callback<Event>) {
    let oninput = dispatch.reform(move |e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        let text = area.value();
        if e.input_type() == "insertFromPaste" || e.input_type() == "insertFromDrop" {
            Action::PasteText(id, text)
        } else {
            Action::EditText(id, text)
        }
    });
    // A paste too big for the text box is taken before the browser puts it
    // there (the box would freeze the page laying it out); any paste into
    // the read-only view replaces the text.
    let dispatch = dispatch.clone();
    let onpaste = Callback::from(move |e: Event| {
        let Some(text) = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|c| c.clipboard_data())
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if read_only || text.len() > VIEW_ONLY_BYTES {
            e.prevent_default();
            if !text.is_empty() {
                // In a task of its own: taking megabytes off the
                // clipboard is one long task, showing them another.
                let dispatch = dispatch.clone();
                Timeout::new(0, move || dispatch.emit(Action::PasteText(id, text))).forget();
            }
        }
    });
    (oninput, onpaste)
}

/// The text's scroll handler: the gutter follows, and the window of lines.
pub fn follow_gutter(gutter: &NodeRef, on_lines_scroll: Callback<i32>) -> Callback<Event> {
    let gutter = gutter.clone();
    Callback::from(move |e: Event| {
        let scroller: web_sys::Element = e.target_unchecked_into();
        if let Some(g) = gutter.cast::<web_sys::HtmlElement>() {
            g.set_scroll_top(scroller.scroll_top());
        }
        on_lines_scroll.emit(scroller.scroll_top());
    })
}

/// Goes to a 1-based line. Stable across renders (it reads the text from
/// the box when used), so the table and the notes do not re-render on every
/// keystroke.
#[hook]
pub fn use_goto_line(
    refs: &PaneRefs,
    highlight: &UseStateHandle<Option<usize>>,
    read_only: bool,
) -> Callback<usize> {
    use_callback(
        (refs.clone(), highlight.clone(), read_only),
        |line: usize, (refs, highlight, read_only)| {
            if *read_only {
                show_line(&refs.view, highlight, line);
            } else {
                select_line(&refs.textarea, line);
            }
        },
    )
}

/// Keeps the gutter on the text's scroll position after every render (a
/// paste scrolls the box before the gutter has grown to its new length),
/// and puts `text` in the box only when the box holds another (re-setting a
/// big value is slow and moves the caret), as after a split paste, a swap, a
/// link or the demo.
#[hook]
pub fn use_text_in_box(refs: &PaneRefs, text: &Text, read_only: bool) {
    {
        let refs = refs.clone();
        use_effect(move || {
            let scroller = refs
                .textarea
                .cast::<web_sys::Element>()
                .or_else(|| refs.view.cast::<web_sys::Element>());
            if let (Some(scroller), Some(g)) =
                (scroller, refs.gutter.cast::<web_sys::HtmlElement>())
            {
                g.set_scroll_top(scroller.scroll_top());
            }
        });
    }
    let textarea = refs.textarea.clone();
    use_effect_with((text.clone(), read_only), move |(text, _)| {
        if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
            if area.value() != **text {
                area.set_value(text);
            }
        }
    });
}

/// Scrolls the read-only view to line `line` (1-based) and highlights it.
fn show_line(view_ref: &NodeRef, highlight: &UseStateHandle<Option<usize>>, line: usize) {
    if let Some(view) = view_ref.cast::<web_sys::HtmlElement>() {
        let top = ((line as f64 - 3.0).max(0.0) * LINE_PX) as i32;
        view.set_scroll_top(top);
        let _ = view.focus();
    }
    highlight.set(Some(line));
}

/// Selects line `line` (1-based) of the text box and scrolls it into view.
fn select_line(textarea: &NodeRef, line: usize) {
    let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let text = area.value();
    if line == 0 {
        return;
    }
    // The DOM counts UTF-16 code units.
    let mut start = 0u32;
    let mut end = 0u32;
    for (idx, l) in text.split_inclusive('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if idx + 1 == line {
            end = start + l.trim_end_matches(['\n', '\r']).encode_utf16().count() as u32;
            break;
        }
        start += len;
    }
    let _ = area.focus();
    let _ = area.set_selection_range(start, end.max(start));
    let top = ((line as f64 - 3.0).max(0.0) * LINE_PX) as i32;
    area.set_scroll_top(top);
}
