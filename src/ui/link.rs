//! The share link as the page sees it: building the [`SharedPair`] from the
//! panes, reading a link from the address bar at start or when it changes,
//! and writing the current link back with `history.replaceState` (so the
//! address bar always holds the comparison, without piling up history entries).

use crate::core::share::{decode, EncodeOptions, ShareError, SharedPair, SharedPane, ViewOptions};
use crate::ui::state::{AppState, Pane, Text, View};

/// What the share box offers: a shorter link, and masking secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkChoices {
    /// Leave out image ids and CREATED times.
    pub short: bool,
    /// Mask likely secrets.
    pub redact: bool,
}

impl LinkChoices {
    /// The codec's options for these choices.
    pub fn options(self) -> EncodeOptions {
        EncodeOptions {
            drop_ids: self.short,
            drop_created: self.short,
            redact: self.redact,
        }
    }
}

/// What a link and the saved panes depend on: the texts (as the `Rc`s the
/// state already holds), the user's labels, the chosen histories and the view.
/// Cheap to build and to compare on every render (text comparison starts with
/// the pointers), unlike a [`SharedPair`], which copies both texts.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkInputs {
    texts: (Text, Text),
    labels: (Option<String>, Option<String>),
    selected: (usize, usize),
    view: View,
}

impl LinkInputs {
    /// The inputs of `state`.
    pub fn of(state: &AppState) -> Self {
        LinkInputs {
            texts: (state.before.text.clone(), state.after.text.clone()),
            labels: (
                state.before.label_override.clone(),
                state.after.label_override.clone(),
            ),
            selected: (state.before.selected, state.after.selected),
            view: state.view,
        }
    }
}

/// What a link carries for the current panes. A label is only carried when the
/// user typed one: the automatic one is found again in the text.
pub fn share_state(state: &AppState) -> SharedPair {
    let pane = |p: &Pane| SharedPane {
        label: p.label_override.clone().unwrap_or_default(),
        text: p.text.to_string(),
        selected: p.selected,
    };
    SharedPair {
        before: pane(&state.before),
        after: pane(&state.after),
        view: ViewOptions {
            sort_by_delta: state.view.sort_by_delta,
            base_collapsed: state.view.base_collapsed,
        },
    }
}

/// The page state a decoded link stands for.
pub fn app_state(shared: &SharedPair) -> AppState {
    let pane = |p: &SharedPane| Pane::restored(&p.text, p.selected, Some(p.label.clone()));
    AppState {
        before: pane(&shared.before),
        after: pane(&shared.after),
        view: View {
            sort_by_delta: shared.view.sort_by_delta,
            base_collapsed: shared.view.base_collapsed,
        },
    }
}

/// The fragment in the address bar (without `#`), if any.
pub fn current_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.trim_start_matches('#');
    (!fragment.is_empty()).then(|| fragment.to_string())
}

/// The fragment of a whole URL (without `#`), if it has a non-empty one.
pub fn fragment_of(url: &str) -> Option<String> {
    let (_, fragment) = url.split_once('#')?;
    (!fragment.is_empty()).then(|| fragment.to_string())
}

/// Reads the link in the address bar: `None` when there is none.
pub fn read_address_bar() -> Option<Result<SharedPair, ShareError>> {
    current_fragment().map(|f| decode(&f))
}

/// The page's address without its fragment.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// Puts `fragment` in the address bar without adding a history entry (an
/// empty one removes the fragment).
pub fn write_address_bar(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if current_fragment().as_deref().unwrap_or_default() == fragment {
        return;
    }
    if let Ok(history) = window.history() {
        let url = if fragment.is_empty() {
            base_url()
        } else {
            format!("{}#{fragment}", base_url())
        };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
