//! Keeps the user's panes in the browser's local storage, so a reload or a
//! reopened tab gives back what was typed, and so that opening a share link
//! never destroys work: the panes it replaces are kept as "recoverable".
//!
//! The stored value is a small versioned JSON object; anything unreadable is
//! ignored (never a crash), since storage may hold data from older builds.

use serde::{Deserialize, Serialize};

use layerdiff_core::compare::numbers::human_bytes;
use layerdiff_core::share::{ShareState, SharedPane};

/// Where the current panes are saved as the user types.
const WORK_KEY: &str = "layerdiff.work.v1";
/// Where panes replaced by an opened link are kept until restored or replaced.
const RECOVER_KEY: &str = "layerdiff.recoverable.v1";

/// The stored value: the snapshot of the panes, versioned (`v: 2`: any
/// number of steps and the view).
#[derive(Serialize)]
struct Stored<'a> {
    v: u32,
    #[serde(flatten)]
    work: &'a ShareState,
}

/// A save by an older build (`v: 1`): exactly two panes, no view. Read only,
/// so that work saved before steps existed still comes back.
#[derive(Deserialize)]
struct StoredV1 {
    before: StoredV1Pane,
    after: StoredV1Pane,
}

#[derive(Deserialize)]
struct StoredV1Pane {
    text: String,
    label: Option<String>,
    selected: usize,
}

impl From<StoredV1> for ShareState {
    fn from(old: StoredV1) -> Self {
        let pane = |p: StoredV1Pane| SharedPane {
            label: p.label.unwrap_or_default(),
            text: p.text,
            selected: p.selected,
        };
        ShareState {
            steps: vec![pane(old.before), pane(old.after)],
            view: layerdiff_core::share::ViewOptions {
                sort_by_delta: false,
                base_collapsed: true,
                ..layerdiff_core::share::ViewOptions::default()
            },
            compared: None,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The version of a stored value (its other fields are skipped unread).
#[derive(Deserialize)]
struct Version {
    v: u64,
}

/// Each reading goes straight from the text (not through a
/// `serde_json::Value`): a second deserializer would be a second copy of
/// every stored type's reading code in the page's wasm.
fn load(key: &str) -> Option<ShareState> {
    let raw = storage()?.get_item(key).ok().flatten()?;
    match serde_json::from_str::<Version>(&raw).ok()?.v {
        1 => serde_json::from_str::<StoredV1>(&raw)
            .ok()
            .map(ShareState::from),
        2 => serde_json::from_str::<ShareState>(&raw).ok(),
        _ => None,
    }
}

/// Text above this size is not even tried: browsers keep about 5 MB per
/// site (as UTF-16 in Chromium), JSON escapes control characters six times
/// over, and writing megabytes is main-thread work (a 1 MB paste of random
/// bytes took 240–360 ms to save in the end-to-end tests).
pub const MAX_SAVED_TEXT: usize = 1_000_000;

/// Saves `work` under `key`, or says why it was not saved (what was saved
/// before stays: a refused `setItem` changes nothing).
fn save(key: &str, work: &ShareState) -> Result<(), String> {
    let bytes = work.text_bytes();
    if bytes > MAX_SAVED_TEXT {
        return Err(format!(
            "the panes hold {} of text, more than this browser keeps for a page ({} here)",
            human_bytes(bytes as u64),
            human_bytes(MAX_SAVED_TEXT as u64)
        ));
    }
    let store = storage().ok_or("this browser does not let the page keep anything")?;
    let raw = serde_json::to_string(&Stored { v: 2, work }).map_err(|e| e.to_string())?;
    store
        .set_item(key, &raw)
        .map_err(|_| "this browser's storage for the page is full".to_string())
}

/// The panes saved by the last visit, if any.
pub fn load_work() -> Option<ShareState> {
    load(WORK_KEY)
}

/// Saves the current panes.
pub fn save_work(work: &ShareState) -> Result<(), String> {
    save(WORK_KEY, work)
}

thread_local! {
    /// Panes set aside during this visit, also when too big for storage.
    static SET_ASIDE: std::cell::RefCell<Option<ShareState>> = const { std::cell::RefCell::new(None) };
}

/// Panes set aside when a link replaced them: this visit's, else the stored ones.
pub fn load_recoverable() -> Option<ShareState> {
    SET_ASIDE
        .with(|kept| kept.borrow().clone())
        .or_else(|| load(RECOVER_KEY))
}

/// Sets panes aside before a link replaces them: in memory for this visit,
/// and in storage when they fit (the error says why they did not).
pub fn save_recoverable(work: &ShareState) -> Result<(), String> {
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
