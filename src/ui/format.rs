//! Short display strings for sizes and counts used across the page.

use crate::core::model::Size;

/// `117 MB`, `7 B`, `1.2 kB`: decimal units like docker, three significant digits.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["B", "kB", "MB", "GB", "TB", "PB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 999.5 && unit + 1 < UNITS.len() {
        value /= 1000.0;
        unit += 1;
    }
    let text = if unit == 0 || value >= 100.0 {
        format!("{value:.0}")
    } else if value >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    };
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    format!("{text} {}", UNITS[unit])
}

/// A layer size for a table cell: as docker would print it, with the range it stands for.
pub fn size_cell(size: Option<Size>) -> (String, String) {
    match size {
        None => ("—".into(), "no size in this row".into()),
        Some(s) if s.tolerance == 0 => (bytes(s.bytes), format!("{} bytes (exact)", s.bytes)),
        Some(s) => (
            bytes(s.bytes),
            format!(
                "printed rounded: between {} and {} bytes",
                s.low(),
                s.high()
            ),
        ),
    }
}
