//! layerdiff: compare two `docker history` outputs and share the comparison as one link.
//!
//! The crate has two halves with a hard line between them:
//! - [`core`]: parsing, the model, the comparison, the share-link codec and the
//!   chart. Pure Rust, no browser types; tested natively with `cargo test`.
//! - `ui` (wasm32 only): the Yew components. The only code that touches the DOM,
//!   the URL or local storage. `tests/tidy.rs` checks that the core never names
//!   yew, web-sys, gloo, js-sys or wasm-bindgen.

#![forbid(unsafe_code)]

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
