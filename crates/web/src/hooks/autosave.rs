//! Saving the panes in the browser as the user types ([`use_autosave`]).

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::hooks::Latest;
use crate::storage;

/// How long typing must pause before the panes are saved.
pub const SAVE_DELAY_MS: u32 = 250;

/// Saves the panes' snapshot once typing pauses, from the newest state (the
/// snapshot is made when the timer fires, not per keystroke), and only once
/// the user changed something: a page opened on a link leaves the last save
/// alone until then. Returns why the browser refused the last save (too
/// big, storage full); the save before it stays as it was.
#[hook]
pub fn use_autosave(latest: &Latest) -> Option<String> {
    let not_saved = use_state_eq(|| None::<String>);
    let (revision, edited) = {
        let state = latest.borrow();
        (state.revision, state.edited)
    };
    {
        let (latest, not_saved) = (latest.clone(), not_saved.clone());
        use_effect_with((revision, edited), move |&(_, edited)| {
            let timer = edited.then(|| {
                Timeout::new(SAVE_DELAY_MS, move || {
                    let snapshot = latest.borrow().snapshot();
                    not_saved.set(storage::save_work(&snapshot).err());
                })
            });
            move || drop(timer)
        });
    }
    (*not_saved).clone()
}
