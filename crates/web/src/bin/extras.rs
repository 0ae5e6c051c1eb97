//! The page's second module, `layerdiff-extras`: built by Trunk beside the
//! page (index.html, `data-type="worker"`), never preloaded, and loaded by
//! the extras worker (`crates/web/src/extras-worker.js`) the first time the page
//! asks for insights or an export. It links the rules, their words and the
//! report writers, so the first-load module does not (see
//! `layerdiff_core::extras`).

/// Answers one request of the page (JSON of `layerdiff_core::extras::Request`) with
/// bytes (a `Uint8Array` for JavaScript); an error is thrown as one sentence.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn answer(request: &str) -> Result<Vec<u8>, String> {
    layerdiff_core::extras::answer(request)
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "layerdiff-extras is the page's second module: `trunk build` builds it (see README.md)."
    );
    std::process::exit(2);
}
