//! The page's effects, one hook per concern, so `App` only composes them:
//! [`use_autosave`] (local save), [`use_share_link`] (packing the link),
//! [`use_address_bar`] (writing the link to the address bar, opening a link
//! the user puts there), [`use_reading`] (re-reading a pane whose text ran
//! ahead of its parse), [`use_compared_histories`], [`use_comparison`] and
//! [`use_dark_mode`], and [`use_page_input`] (drops, pastes and keys on the
//! whole page).
//!
//! They share [`Latest`]: a handle on the newest state, so timers that fire
//! later act on what the page holds then (a cheap handle per render, never a
//! copy of the state).

mod address_bar;
mod autosave;
mod comparison;
mod dark_mode;
mod page_input;
mod reading;
mod share_link;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::state::PageState;

pub use address_bar::use_address_bar;
pub use autosave::use_autosave;
pub use comparison::{use_compared_histories, use_comparison, DEFER_COMPARE_LAYERS};
pub use dark_mode::use_dark_mode;
pub use page_input::{use_page_input, Notice, PageInput};
pub use reading::use_reading;
pub use share_link::{pack_link, pack_now, use_share_link, Links};

/// The newest state, for timers and event handlers.
pub type Latest = Rc<RefCell<UseReducerHandle<PageState>>>;

/// A [`Latest`] kept on the state of every render.
#[hook]
pub fn use_latest(state: &UseReducerHandle<PageState>) -> Latest {
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    latest
}
