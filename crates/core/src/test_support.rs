//! Builders shared by the core's unit tests: a layer, and a history of a few
//! rows written oldest first (the order a reader thinks in), stored newest
//! first as docker prints it.

use crate::model::{History, Layer, Size};

/// A layer made by `created_by`, exactly `bytes` big. A cell ending in `…`
/// was cut short when printed: the mark is dropped and `truncated` set.
pub(crate) fn layer(created_by: &str, bytes: u64) -> Layer {
    Layer {
        created_by: created_by.trim_end_matches('…').to_string(),
        truncated: created_by.ends_with('…'),
        size: Some(Size {
            bytes,
            tolerance: 0,
            exact: true,
        }),
        ..Layer::default()
    }
}

/// A history of `rows` (CREATED BY, bytes), written oldest first.
pub(crate) fn history(rows: &[(&str, u64)]) -> History {
    labelled("", rows)
}

/// [`history`] with a label.
pub(crate) fn labelled(label: &str, rows: &[(&str, u64)]) -> History {
    History {
        label: label.to_string(),
        layers: rows.iter().rev().map(|&(c, b)| layer(c, b)).collect(),
        ..History::default()
    }
}
