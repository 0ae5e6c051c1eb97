//! The share link as the page sees it: the choices of the share box, reading
//! a link from the address bar at start or when it changes, and writing the
//! current link back with `history.replaceState` (so the address bar always
//! holds the comparison, without piling up history entries). What a link
//! holds is the panes' snapshot, `layerdiff_core::share::ShareState`.

use layerdiff_core::share::{open, EncodeOptions, ShareError, ShareState};

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
pub fn read_address_bar() -> Option<Result<ShareState, ShareError>> {
    current_fragment().map(|f| open(&f))
}

/// The query the read-only view's "Open in layerdiff" adds to the same
/// link: open it in the editor (the view flag is then ignored, and dropped
/// from the next link the page writes).
pub const EDIT_QUERY: &str = "?edit";

/// Whether the page was opened with [`EDIT_QUERY`].
pub fn opens_editor() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q == EDIT_QUERY)
}

/// The page's address without its fragment (nor [`EDIT_QUERY`]).
pub fn base_url() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok());
    let href = href.unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    base.strip_suffix(EDIT_QUERY).unwrap_or(base).to_string()
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
