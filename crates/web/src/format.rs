//! Short display strings for sizes used across the page (decimal units and
//! three significant digits, like docker: `layerdiff_core::compare::numbers`).

use layerdiff_core::compare::numbers::{human_bytes as bytes, size_words};
use layerdiff_core::model::Size;

/// A layer size for a table cell: as docker would print it, with the range it stands for.
pub fn size_cell(size: Option<Size>) -> (String, String) {
    match size {
        None => ("—".into(), "no size in this row".into()),
        Some(s) => (bytes(s.bytes), size_words(size)),
    }
}
