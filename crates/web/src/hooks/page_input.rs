//! Input the way people expect it ([`use_page_input`]), on the whole
//! document: a file dropped on a pane fills that pane, dropped anywhere else
//! the first empty step; a paste while no text field has the focus fills the
//! first empty step (the core asks which when none is: `Action::Place`); and
//! the keyboard shortcuts of `shortcuts.rs`. Files are read in the page
//! (`files.rs`); a refused one is said in the notice and changes nothing.
//!
//! Listeners sit on the document, so the page's own handlers (Yew's, on the
//! body) run first: a paste a text box or the read-only view took
//! (`preventDefault`) is left alone.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DataTransfer, Element, Event, KeyboardEvent};
use yew::prelude::*;

use crate::dom::is_text_field;
use crate::files::read_text;
use crate::hooks::Latest;
use layerdiff_core::app::{Action, StepId};

/// A short message from the page about input (a file refused, a link copied).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Our words.
    pub message: String,
    /// Something went wrong (shown as an alert).
    pub problem: bool,
}

/// What the page's input acts on besides the state.
#[derive(Clone)]
pub struct PageInput {
    /// The notice to show.
    pub notice: UseStateHandle<Option<Notice>>,
    /// Whether the shortcuts overlay is open.
    pub help: UseStateHandle<bool>,
    /// The link to copy (the share box's), or why there is none.
    pub link: Rc<RefCell<Result<String, String>>>,
}

/// Listens on the document for drops, pastes and shortcuts while the page is open.
#[hook]
pub fn use_page_input(latest: &Latest, input: PageInput) {
    let latest = latest.clone();
    use_effect_with((), move |_| {
        let listeners = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| listen(&document, &latest, &input));
        move || drop(listeners)
    });
}

fn listen(document: &web_sys::Document, latest: &Latest, input: &PageInput) -> [EventListener; 4] {
    let active = EventListenerOptions::enable_prevent_default();
    let on = |name: &'static str, handle: Box<dyn Fn(&Event)>| {
        EventListener::new_with_options(document, name, active, move |e| handle(e))
    };
    let (l1, i1) = (latest.clone(), input.clone());
    let (l2, i2) = (latest.clone(), input.clone());
    let (l3, i3) = (latest.clone(), input.clone());
    [
        on("dragover", Box::new(on_drag_over)),
        on("drop", Box::new(move |e| on_drop(e, &l1, &i1))),
        on("paste", Box::new(move |e| on_paste(e, &l2, &i2))),
        on("keydown", Box::new(move |e| on_key(e, &l3, &i3))),
    ]
}

/// Lets files (and text over anything but a text box) be dropped anywhere.
fn on_drag_over(e: &Event) {
    let Some(data) = e
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|d| d.data_transfer())
    else {
        return;
    };
    let types = data.types();
    let has = |t: &str| types.includes(&JsValue::from_str(t), 0);
    if has("Files") || (has("text/plain") && !is_text_field(e.target())) {
        e.prevent_default();
        data.set_drop_effect("copy");
    }
}

fn on_drop(e: &Event, latest: &Latest, input: &PageInput) {
    let Some(data) = e
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|d| d.data_transfer())
    else {
        return;
    };
    let into = step_at(e.target(), latest);
    if take_files(&data, into, latest, input) {
        e.prevent_default();
        return;
    }
    // Text dragged from elsewhere: a text box takes it itself.
    if is_text_field(e.target()) {
        return;
    }
    if let Some(text) = data.get_data("text/plain").ok().filter(|t| !t.is_empty()) {
        e.prevent_default();
        place(latest, into, text, "the dropped text".into());
    }
}

fn on_paste(e: &Event, latest: &Latest, input: &PageInput) {
    if e.default_prevented() || is_text_field(e.target()) {
        return;
    }
    let Some(data) = e
        .dyn_ref::<web_sys::ClipboardEvent>()
        .and_then(|c| c.clipboard_data())
    else {
        return;
    };
    if take_files(&data, None, latest, input) {
        e.prevent_default();
        return;
    }
    if let Some(text) = data.get_data("text/plain").ok().filter(|t| !t.is_empty()) {
        e.prevent_default();
        place(latest, None, text, "the pasted text".into());
    }
}

/// Reads every file of `data` (the first into `into`, the others into the
/// first empty steps); false when it holds none.
fn take_files(
    data: &DataTransfer,
    into: Option<StepId>,
    latest: &Latest,
    input: &PageInput,
) -> bool {
    let Some(files) = data.files().filter(|f| f.length() > 0) else {
        return false;
    };
    for k in 0..files.length() {
        let Some(file) = files.get(k) else { continue };
        let (latest, notice) = (latest.clone(), input.notice.clone());
        let name = file.name();
        read_text(&file, move |read| match read {
            Ok(text) => {
                notice.set(None);
                let into = if k == 0 { into } else { None };
                place(&latest, into, text, format!("the file {name}"));
            }
            Err(why) => notice.set(Some(Notice {
                message: format!("Not opened: {why}. Nothing was changed."),
                problem: true,
            })),
        });
    }
    true
}

fn place(latest: &Latest, into: Option<StepId>, text: String, source: String) {
    latest
        .borrow()
        .dispatch(Action::Place { into, text, source });
}

/// The step whose pane holds `target` (its `data-step-position`).
fn step_at(target: Option<web_sys::EventTarget>, latest: &Latest) -> Option<StepId> {
    let pane = target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-step-position]")
        .ok()??;
    let position: usize = pane.get_attribute("data-step-position")?.parse().ok()?;
    latest.borrow().steps.get(position).map(|p| p.id)
}

fn on_key(e: &Event, latest: &Latest, input: &PageInput) {
    let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if key.default_prevented() || key.ctrl_key() || key.meta_key() {
        return;
    }
    if key.alt_key() {
        // Alt+digit by its physical key: Alt changes the character on a Mac.
        let digit = key
            .code()
            .strip_prefix("Digit")
            .and_then(|d| d.parse::<usize>().ok());
        if let Some(n @ 1..=8) = digit {
            key.prevent_default();
            focus_step(n - 1, input);
        }
        return;
    }
    if is_text_field(e.target()) || modal_open() {
        return;
    }
    match key.key().as_str() {
        "?" => input.help.set(true),
        "s" | "S" => latest.borrow().dispatch(Action::Swap),
        "c" | "C" => copy_link(input),
        _ => return,
    }
    key.prevent_default();
}

/// Puts the cursor in the text of the step at `position`.
fn focus_step(position: usize, input: &PageInput) {
    let selector = format!(
        "[data-step-position=\"{position}\"] textarea, [data-step-position=\"{position}\"] .text-view"
    );
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(element) => {
            let _ = element.focus();
        }
        None => input.notice.set(Some(Notice {
            message: format!(
                "There is no step {} (add one with “+ Add a step”).",
                position + 1
            ),
            problem: false,
        })),
    }
}

fn modal_open() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
        .is_some()
}

/// Copies the link and says whether it worked.
fn copy_link(input: &PageInput) {
    let notice = input.notice.clone();
    let link = match &*input.link.borrow() {
        Ok(link) => link.clone(),
        Err(why) => {
            return notice.set(Some(Notice {
                message: format!("No link to copy: {why}."),
                problem: true,
            }))
        }
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = window.navigator().clipboard().write_text(&link);
    let ok = {
        let notice = notice.clone();
        Closure::once(move |_: JsValue| {
            notice.set(Some(Notice {
                message: "Link copied.".into(),
                problem: false,
            }))
        })
    };
    let refused = Closure::once(move |_: JsValue| {
        notice.set(Some(Notice {
            message:
                "The browser did not let the page copy: copy the link from the share box below."
                    .into(),
            problem: true,
        }))
    });
    let _ = promise.then2(&ok, &refused);
    ok.forget();
    refused.forget();
}
