//! The core a first screen cannot skip, with no UI: the demo parsed,
//! compared and drawn as the chart's SVG, exported to JavaScript as one
//! function. `scripts/bundle-floor.sh` builds it for wasm32 and prints its
//! gzip size: the least any page must download before it can draw the demo
//! (or an opened link, whose panes are parsed again) itself.
//!
//! Natively it prints the SVG's length (so `cargo test` builds it).

#[path = "support/floor_demo.rs"]
mod floor_demo;

/// The demo's chart as SVG text.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen::prelude::wasm_bindgen)]
pub fn demo_chart() -> String {
    floor_demo::demo_chart()
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    println!("demo chart: {} bytes of SVG", demo_chart().len());
}
