//! The browser edge: Yew components, the page state, and the effects that touch
//! the DOM, the URL and local storage. This is the only module that may use
//! yew, web-sys, gloo, js-sys or wasm-bindgen (checked by `tests/tidy.rs`); all
//! decisions about the data are made by `crate::core`.

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
mod share_bar;
mod shortcuts;
mod snippets;
pub mod state;
pub mod storage;
mod text_view;
mod windowed;

pub use app::App;
pub use reader::read_paste;
