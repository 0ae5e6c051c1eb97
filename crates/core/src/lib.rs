//! The pure core: text in, comparison and share link out. No browser types here
//! (checked by `tests/tidy.rs`), so all of it is tested natively.
//!
//! Data flow: [`parse`] turns a paste into [`model::History`]s; [`compare`]
//! aligns two of them into a `Comparison`; [`chart`] turns that into chart data
//! and SVG; [`share`] packs the inputs into a URL fragment; [`render`] prints a
//! history back as docker would; [`report`] writes a pair or a path (and
//! the CLI's `parse` and `insights` JSON) as text, Markdown and JSON;
//! [`markdown`] is the one way pasted text enters a Markdown export;
//! [`insights`] says why an image is big and what to try next (findings
//! per history, verdicts per pair); [`extras`] is what the page asks of its
//! lazily loaded second module (the insights and the text exports), and
//! [`export`] what the page saves for each export;
//! [`exchange`] is the binary form of what the page's workers answer.
//!
//! Shared readers: [`instruction`] is the one reader of a CREATED BY cell
//! (table, comparison key, chart labels and secrets all use it); [`text`]
//! measures and cuts text (wide characters, `…`, short ids); [`window`] says
//! which rows of a long list the page holds; [`layer_link`] says what a
//! link's "layer N of step S" is and where it is on the page.
//!
//! Floors, lowest first; a module imports only from its own floor or lower
//! ones (`tests/floors.rs` fails on an import the other way):
//! 0. words and plain data: [`text`], [`model`], [`order`], [`window`],
//!    [`markdown`], [`exchange`], [`instruction`];
//! 1. reading pasted text: [`parse`], [`split`], [`render`], [`redact`];
//! 2. [`compare`];
//! 3. what is made of a comparison: [`chart`], [`insights`], [`share`],
//!    [`present`], [`embed`], [`layer_link`];
//! 4. [`report`];
//! 5. the page's model and its questions: [`app`], [`extras`], [`export`].

#![forbid(unsafe_code)]

pub mod app;
pub mod chart;
pub mod compare;
pub mod embed;
pub mod exchange;
pub mod export;
pub mod extras;
pub mod insights;
pub mod instruction;
pub mod layer_link;
pub mod markdown;
pub mod model;
pub mod order;
pub mod parse;
pub mod present;
pub mod redact;
pub mod render;
pub mod report;
pub mod share;
pub mod split;
#[cfg(test)]
pub(crate) mod test_support;
pub mod text;
pub mod window;
