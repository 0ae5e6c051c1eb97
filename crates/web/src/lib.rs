//! The browser edge: Yew components, the page state, and the effects that touch
//! the DOM, the URL and local storage. This crate is the only one that
//! depends on yew, web-sys, gloo, js-sys or wasm-bindgen; all decisions about
//! the data are made by `layerdiff_core`.
//!
//! Everything here is for wasm32: a native build of the workspace compiles
//! this crate empty (and none of the browser crates).

#![cfg(target_arch = "wasm32")]
#![forbid(unsafe_code)]

mod app;
mod components;
mod diagnostics;
mod dom;
mod download;
mod embed_view;
mod extras;
mod files;
mod format;
mod gutter;
mod hooks;
mod insights;
mod layer_link;
mod layer_table;
mod link;
mod marks;
mod message;
mod path;
mod path_chart;
mod perf;
mod present;
mod reader;
mod shortcuts;
mod snippets;
pub mod state;
pub mod storage;
mod text_view;
mod windowed;

pub use app::App;
pub use reader::read_paste;
