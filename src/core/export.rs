//! The CLI's JSON and the Markdown export.
//!
//! (stub)
