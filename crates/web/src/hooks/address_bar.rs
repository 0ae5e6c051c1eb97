//! The address bar ([`use_address_bar`]): it holds the current link once the
//! user changed something, and a link the user puts there is opened.
//!
//! **A link the user opens wins over any pending write, deterministically.**
//! The write of the current link waits for typing to pause; if the user
//! navigates meanwhile, (1) the `hashchange` handler cancels the pending
//! write and opens the link from the event's own new URL (never from the
//! address bar, which a write may already have changed), and (2) a write
//! that runs before the event is delivered sees that the address bar no
//! longer holds what the page last wrote or read there, and leaves it alone.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::hooks::autosave::SAVE_DELAY_MS;
use crate::hooks::{Latest, Links};
use crate::link;
use layerdiff_core::share::{open, ShareError, ShareState};

/// Writes `links` to the address bar once the user changed something (a bad
/// link stays visible until then), and calls `on_open` with each link the
/// user puts in the address bar while the page is open.
#[hook]
pub fn use_address_bar(
    latest: &Latest,
    links: Option<Rc<Links>>,
    on_open: Callback<Result<ShareState, ShareError>>,
) {
    // What the address bar held when the page last read or wrote it.
    let known = use_mut_ref(link::current_fragment);
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let (known, pending) = (known.clone(), pending.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |event| {
                    drop(pending.borrow_mut().take());
                    let opened = event
                        .dyn_ref::<web_sys::HashChangeEvent>()
                        .and_then(|e| link::fragment_of(&e.new_url()));
                    *known.borrow_mut() = opened.clone();
                    if let Some(fragment) = opened {
                        on_open.emit(open(&fragment));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let (revision, edited) = {
        let state = latest.borrow();
        (state.revision, state.edited)
    };
    let packed = links.as_ref().map(|l| (l.revision, l.full.clone()));
    let latest = latest.clone();
    use_effect_with((packed, revision, edited), move |(packed, _, _)| {
        let packed = packed.clone();
        let write = Timeout::new(SAVE_DELAY_MS, move || {
            let Some((packed_for, fragment)) = packed else {
                return;
            };
            write_if_current(&latest, &known, packed_for, &fragment);
        });
        *pending.borrow_mut() = Some(write);
        move || drop(pending.borrow_mut().take())
    });
}

/// Writes `fragment` when it was packed for the state as it is now (a link
/// packed before the user's change would put a stale comparison in the
/// address bar) and the address bar still holds what the page knows of it.
/// An empty fragment (no link: too big) removes the older one, which a
/// reload would otherwise open over the panes.
fn write_if_current(
    latest: &Latest,
    known: &Rc<RefCell<Option<String>>>,
    packed_for: u64,
    fragment: &str,
) {
    let state = latest.borrow();
    if !state.edited || state.revision != packed_for {
        return;
    }
    if link::current_fragment() != *known.borrow() {
        return; // The user navigated: the hashchange handler opens their link.
    }
    link::write_address_bar(fragment);
    *known.borrow_mut() = (!fragment.is_empty()).then(|| fragment.to_string());
}
