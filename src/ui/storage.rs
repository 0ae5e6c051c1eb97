//! Keeps the user's panes in the browser's local storage, so a reload or a
//! reopened tab gives back what was typed, and so that opening a share link
//! never destroys work: the panes it replaces are kept as "recoverable".
//!
//! The stored value is a small versioned JSON object; anything unreadable is
//! ignored (never a crash), since storage may hold data from older builds.

use serde::{Deserialize, Serialize};

use crate::core::compare::numbers::human_bytes;

use crate::ui::state::{AppState, Pane, View};

/// Where the current panes are saved as the user types.
const WORK_KEY: &str = "layerdiff.work.v1";
/// Where panes replaced by an opened link are kept until restored or replaced.
const RECOVER_KEY: &str = "layerdiff.recoverable.v1";

/// One pane as stored.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct SavedPane {
    /// The text as typed.
    pub text: String,
    /// The user's own name for it, if any.
    pub label: Option<String>,
    /// Which history of the paste is compared.
    pub selected: usize,
}

/// Both panes as stored.
#[derive(Serialize, Deserialize, Clone, PartialEq, Debug)]
pub struct SavedWork {
    /// Format version of this object.
    pub v: u32,
    /// The before pane.
    pub before: SavedPane,
    /// The after pane.
    pub after: SavedPane,
}

impl SavedWork {
    /// What to store for `state`.
    pub fn of(state: &AppState) -> Self {
        let pane = |p: &Pane| SavedPane {
            text: p.text.to_string(),
            label: p.label_override.clone(),
            selected: p.selected,
        };
        SavedWork {
            v: 1,
            before: pane(&state.before),
            after: pane(&state.after),
        }
    }

    /// The page state these saved panes stand for.
    pub fn to_state(&self) -> AppState {
        let pane = |p: &SavedPane| Pane::restored(&p.text, p.selected, p.label.clone());
        AppState {
            before: pane(&self.before),
            after: pane(&self.after),
            view: View {
                sort_by_delta: false,
                base_collapsed: true,
            },
        }
    }

    /// Whether there is anything in it worth keeping.
    pub fn is_blank(&self) -> bool {
        self.before.text.trim().is_empty() && self.after.text.trim().is_empty()
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> Option<SavedWork> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str::<SavedWork>(&raw)
        .ok()
        .filter(|w| w.v == 1)
}

/// Text above this size is not even tried: browsers keep about 5 MB per
/// site (as UTF-16 in Chromium), JSON escapes control characters six times
/// over, and writing megabytes is main-thread work (a 1 MB paste of random
/// bytes took 240–360 ms to save in the end-to-end tests).
pub const MAX_SAVED_TEXT: usize = 1_000_000;

/// Saves `work` under `key`, or says why it was not saved (what was saved
/// before stays: a refused `setItem` changes nothing).
fn save(key: &str, work: &SavedWork) -> Result<(), String> {
    let bytes = work.before.text.len() + work.after.text.len();
    if bytes > MAX_SAVED_TEXT {
        return Err(format!(
            "the panes hold {} of text, more than this browser keeps for a page ({} here)",
            human_bytes(bytes as u64),
            human_bytes(MAX_SAVED_TEXT as u64)
        ));
    }
    let store = storage().ok_or("this browser does not let the page keep anything")?;
    let raw = serde_json::to_string(work).map_err(|e| e.to_string())?;
    store
        .set_item(key, &raw)
        .map_err(|_| "this browser's storage for the page is full".to_string())
}

/// The panes saved by the last visit, if any.
pub fn load_work() -> Option<SavedWork> {
    load(WORK_KEY)
}

/// Saves the current panes.
pub fn save_work(work: &SavedWork) -> Result<(), String> {
    save(WORK_KEY, work)
}

thread_local! {
    /// Panes set aside during this visit, also when too big for storage.
    static SET_ASIDE: std::cell::RefCell<Option<SavedWork>> = const { std::cell::RefCell::new(None) };
}

/// Panes set aside when a link replaced them: this visit's, else the stored ones.
pub fn load_recoverable() -> Option<SavedWork> {
    SET_ASIDE
        .with(|kept| kept.borrow().clone())
        .or_else(|| load(RECOVER_KEY))
}

/// Sets panes aside before a link replaces them: in memory for this visit,
/// and in storage when they fit (the error says why they did not).
pub fn save_recoverable(work: &SavedWork) -> Result<(), String> {
    SET_ASIDE.with(|kept| *kept.borrow_mut() = Some(work.clone()));
    save(RECOVER_KEY, work)
}

/// Forgets the set-aside panes (after they were restored or dismissed).
pub fn clear_recoverable() {
    SET_ASIDE.with(|kept| *kept.borrow_mut() = None);
    if let Some(store) = storage() {
        let _ = store.remove_item(RECOVER_KEY);
    }
}
