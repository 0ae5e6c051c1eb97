//! Plain data for what a paste holds: [`History`], [`Layer`], [`Size`], and the
//! [`Diagnostic`]s the parser leaves next to them.
//!
//! These types are the contract between the parser, the comparison, the share
//! link and the UI. They know nothing about text layout or the browser.
//!
//! Order: a [`History`]'s `layers` are kept **as printed**, newest first (the
//! way `docker history` prints them). Code that needs the oldest layer first
//! (the comparison) reverses explicitly.
//!
//! Numbers: a layer shown to a person is numbered by [`LayerNumber`], and
//! only by it: its row from the top as printed, from 1 (`layer 1` is the
//! newest). Positions in `layers` (0 = the top row) and the comparison's
//! oldest-first indexes are for code; every writer turns them into a
//! [`LayerNumber`] before a person reads them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Everything [`crate::parse::parse`] found in one paste. Parsing never
/// fails: a paste with no history yields an empty `histories` and a diagnostic.
/// (`Eq` lets the UI's `Rc<Parsed>` props compare by pointer first.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parsed {
    /// The histories found, in the order they appear in the paste.
    pub histories: Vec<History>,
    /// Every line that was skipped or doubted, in line order.
    pub diagnostics: Vec<Diagnostic>,
}

/// One `docker history` output (one table or one JSON document).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// A name for it, taken from what stands before it in the paste (a heading,
    /// the `docker history IMAGE` command, an `=== opt ===` line), or empty.
    pub label: String,
    /// How it was printed.
    pub format: Format,
    /// Which tool (and generation) printed it, as far as the text tells.
    pub dialect: Dialect,
    /// The layers as printed: newest first.
    pub layers: Vec<Layer>,
    /// First and last line (1-based, inclusive) of the paste that it came from.
    pub lines: (usize, usize),
    /// Layers printed after the last one kept, left out because the history
    /// is longer than `parse::limits` allows (a warning says so).
    ///
    /// Always written: a parse travels to the page in `exchange`'s binary
    /// form, which has no field names to tell a left-out one.
    #[serde(default)]
    pub dropped_layers: usize,
}

/// The shape of the printed history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A table with a header line (default output, `--no-trunc`, `--human=false`,
    /// `--format 'table …'`).
    #[default]
    Table,
    /// Table rows recognised by their shape, with no header line.
    Headerless,
    /// JSON: one object per line, pretty objects one after another, or an array.
    Json,
    /// A custom `--format` without `table`: fields joined by the user's separator.
    Custom,
}

impl Format {
    /// The lowercase name used in the CLI's JSON (`table`, `headerless`, `json`, `custom`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Headerless => "headerless",
            Format::Json => "json",
            Format::Custom => "custom",
        }
    }
}

/// The tool that printed a history, as far as the text tells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dialect {
    /// Could not tell.
    #[default]
    Unknown,
    /// docker ≥ 20.10 (15-wide IMAGE column, 3-space gaps).
    Docker,
    /// docker ≤ 20.09 (20-wide columns).
    Docker2009,
    /// docker ≤ 17.03 (`0 B`, `1.29 kB`: a space before the unit) or ≤ 1.12 (4 digits).
    DockerOld,
    /// podman (header `ID`, ASCII `...` truncation, `FROM …` comments).
    Podman,
    /// nerdctl (header `SNAPSHOT`).
    Nerdctl,
}

impl Dialect {
    /// Words for the UI ("docker ≥ 20.10", "podman", …).
    pub fn describe(self) -> &'static str {
        match self {
            Dialect::Unknown => "docker",
            Dialect::Docker => "docker ≥ 20.10",
            Dialect::Docker2009 => "docker ≤ 20.09",
            Dialect::DockerOld => "docker ≤ 17.03",
            Dialect::Podman => "podman",
            Dialect::Nerdctl => "nerdctl",
        }
    }
}

/// One row of a history: one build step, which may or may not have made a layer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layer {
    /// The image id in the first column, or `None` for `<missing>` (or no id column).
    pub id: Option<String>,
    /// The CREATED / CREATED AT cell as printed (`3 days ago`, an RFC 3339 time), if any.
    pub created: Option<String>,
    /// The CREATED BY cell, with the truncation mark removed.
    pub created_by: String,
    /// Whether `created_by` was cut short when printed (`…`, `...`, or a hard cut at 45).
    pub truncated: bool,
    /// The size, if the row had one.
    pub size: Option<Size>,
    /// The COMMENT cell (may hold spaces), or empty.
    pub comment: String,
    /// First and last line (1-based, inclusive) of the paste that this row came from.
    pub lines: (usize, usize),
}

/// A layer size as printed, in bytes, with how precise the printed value was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Size {
    /// The printed value in bytes (decimal units: kB = 1000; KiB/MiB binary).
    pub bytes: u64,
    /// Half of the last printed digit, in bytes: the true size lies within
    /// `bytes ± tolerance`. `57.7MB` → 50 000; `745B` or plain bytes → 0.
    pub tolerance: u64,
    /// True when printed as plain bytes (`--human=false`, JSON integers), false for human units.
    pub exact: bool,
}

impl Size {
    /// The smallest size this printed value can stand for.
    pub fn low(self) -> u64 {
        self.bytes.saturating_sub(self.tolerance)
    }
    /// The largest size this printed value can stand for.
    pub fn high(self) -> u64 {
        self.bytes.saturating_add(self.tolerance)
    }
}

/// The number people read for a layer, the one every page, export and CLI
/// output shows: its row from the top of its history as `docker history`
/// prints it (newest first), counted from 1. Shown as `layer 3`; [`get`]
/// is the bare number (a table's `#` column, a JSON `layer` field).
///
/// [`get`]: LayerNumber::get
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LayerNumber(usize);

impl LayerNumber {
    /// The number of the layer at `printed` in [`History::layers`] (0 = the
    /// top row): the one place that decides how layers are numbered.
    pub fn of_printed(printed: usize) -> LayerNumber {
        LayerNumber(printed.saturating_add(1))
    }

    /// The number of the layer at oldest-first `index` (the comparison's
    /// and the chart's count, 0 = the oldest) in a history of `n_layers`,
    /// if there is one.
    pub fn of_oldest_first(index: usize, n_layers: usize) -> Option<LayerNumber> {
        let printed = n_layers.checked_sub(index.checked_add(1)?)?;
        Some(LayerNumber::of_printed(printed))
    }

    /// The bare number, from 1.
    pub fn get(self) -> usize {
        self.0
    }
}

impl fmt::Display for LayerNumber {
    /// `layer 3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "layer {}", self.0)
    }
}

impl History {
    /// Sum of the layer sizes (rows without a size count as 0).
    pub fn total_bytes(&self) -> u64 {
        self.layers
            .iter()
            .filter_map(|l| l.size)
            .fold(0u64, |acc, s| acc.saturating_add(s.bytes))
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information: a line skipped on purpose (prose, a prompt, a `docker images` row).
    Note,
    /// Read, but doubted (misaligned cells, an unknown size unit guessed).
    Warning,
    /// Could not be read at all.
    Error,
}

/// A message about one line of the paste: where, what, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// The 1-based line number in the paste (0 when about the whole paste).
    pub line: usize,
    /// The line's text (trimmed to a sane length for display).
    pub text: String,
    /// What is wrong and what was expected, phrased for the user.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::LayerNumber;

    #[test]
    fn layers_are_numbered_from_1_at_the_top_whichever_way_they_are_counted() {
        assert_eq!(LayerNumber::of_printed(0).to_string(), "layer 1");
        assert_eq!(LayerNumber::of_printed(4).get(), 5);
        // 14 layers: the oldest is the 14th row from the top, the newest the 1st
        assert_eq!(
            LayerNumber::of_oldest_first(0, 14).map(LayerNumber::get),
            Some(14)
        );
        assert_eq!(
            LayerNumber::of_oldest_first(13, 14).map(LayerNumber::get),
            Some(1)
        );
        assert_eq!(
            LayerNumber::of_oldest_first(9, 14),
            Some(LayerNumber::of_printed(4))
        );
        assert_eq!(LayerNumber::of_oldest_first(14, 14), None);
        assert_eq!(LayerNumber::of_oldest_first(usize::MAX, 14), None);
    }
}
