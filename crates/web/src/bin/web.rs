//! The web app's entry point, built by Trunk for wasm32: mounts the Yew app.
//!
//! The same module also runs inside the page's parse worker
//! (`crates/web/src/parse-worker.js`, see `layerdiff_web::reader`): there the start
//! function finds no `window` and mounts nothing, and the worker calls
//! [`read_paste`].

#[cfg(target_arch = "wasm32")]
fn main() {
    if web_sys::window().is_some() {
        yew::Renderer::<layerdiff_web::App>::new().render();
    }
}

/// Parses `text` (in the worker) and answers with the parse in
/// `layerdiff_core::exchange`'s binary form (a `Uint8Array` for JavaScript).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn read_paste(text: &str) -> Vec<u8> {
    layerdiff_web::read_paste(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("layerdiff-web is the browser app: build it with `trunk build` (see README.md).");
    std::process::exit(2);
}
