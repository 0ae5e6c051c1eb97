//! The page's exports, prepared: for each export the page offers (Markdown,
//! JSON, the chart as SVG or PNG) of what it shows (a pair, or a path of 3
//! to 8 steps), what to save and under which name. [`prepare`] masks the
//! likely secrets when the user chose to, compares the masked histories
//! again and draws the chart; the page only saves the answer
//! (`crates/web/src/components/exports.rs`).
//!
//! The Markdown and JSON are written by the second module (the report
//! writers and the insights are not in the first load): for them the
//! answer is the [`Request`] to send it ([`Download::Ask`]). The chart is
//! drawn here, by the first-load module that already draws it on the page.

use crate::chart::{chart_data, path_svg, render_svg, ChartOptions};
use crate::compare::compare;
use crate::compare::path::compare_path;
use crate::extras::Request;
use crate::model::History;
use crate::redact::{find_secrets, mask};

/// The PNG's pixels per unit of the chart's viewBox.
pub const PNG_SCALE: f64 = 2.0;

const MARKDOWN: &str = "text/markdown;charset=utf-8";
const JSON: &str = "application/json";
const SVG: &str = "image/svg+xml";

/// One export the page offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportKind {
    /// The tables and the compared pair's insights, then `link` (the page's
    /// own share link) back to the comparison.
    Markdown { link: String },
    /// The CLI's JSON (a pair's with its insights).
    Json,
    /// The chart as SVG.
    Svg,
    /// The chart as PNG.
    Png,
}

/// What the page shows, as it holds it (before any masking).
#[derive(Debug, Clone, Copy)]
pub enum Shown<'a> {
    /// Two steps: the before image and the after image.
    Pair {
        before: &'a History,
        after: &'a History,
    },
    /// 3 to 8 steps in order, and the two the page compares (the older
    /// image, then the newer; from 0), whose insights the Markdown carries.
    Path {
        steps: &'a [History],
        compared: (usize, usize),
    },
}

/// The user's choices that change an export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportChoices {
    /// Mask the likely secrets (`***`) in every history exported.
    pub redact: bool,
    /// Draw the chart in the dark theme.
    pub dark: bool,
}

/// What to save for one export.
#[derive(Debug, Clone, PartialEq)]
pub enum Download {
    /// Send `request` to the second module (`crate::extras::answer`) and save
    /// its text answer as `file`.
    Ask {
        request: Request,
        file: &'static str,
        mime: &'static str,
    },
    /// Save `text` as `file`.
    Text {
        text: String,
        file: &'static str,
        mime: &'static str,
    },
    /// Draw `svg` (a `width` × `height` viewBox) at `scale` pixels a unit
    /// and save it as the PNG `file`.
    Png {
        svg: String,
        width: u32,
        height: u32,
        scale: f64,
        file: &'static str,
    },
}

/// What to save for `kind` of what is `shown`, masked and drawn as
/// `choices` say. `None` when there is nothing to draw: a path whose steps
/// cannot be compared (the page shows none then).
pub fn prepare(kind: ExportKind, shown: Shown, choices: ExportChoices) -> Option<Download> {
    let exported = |h: &History| {
        if choices.redact {
            mask(h, &find_secrets(h))
        } else {
            h.clone()
        }
    };
    let options = ChartOptions {
        dark: choices.dark,
        ..ChartOptions::default()
    };
    match shown {
        Shown::Pair { before, after } => Some(pair_download(
            kind,
            exported(before),
            exported(after),
            &options,
        )),
        Shown::Path { steps, compared } => {
            let steps: Vec<History> = steps.iter().map(exported).collect();
            path_download(kind, steps, compared, &options)
        }
    }
}

/// The pair's export of `kind` (its histories already masked as chosen).
fn pair_download(
    kind: ExportKind,
    before: History,
    after: History,
    options: &ChartOptions,
) -> Download {
    let chart = || {
        let data = chart_data(&compare(&before, &after), &before, &after);
        render_svg(&data, options)
    };
    match kind {
        ExportKind::Markdown { link } => Download::Ask {
            request: Request::PairMarkdown {
                before,
                after,
                link,
            },
            file: "layerdiff-comparison.md",
            mime: MARKDOWN,
        },
        ExportKind::Json => Download::Ask {
            request: Request::PairJson { before, after },
            file: "layerdiff-comparison.json",
            mime: JSON,
        },
        ExportKind::Svg => Download::Text {
            text: chart(),
            file: "layerdiff-chart.svg",
            mime: SVG,
        },
        ExportKind::Png => png(chart(), options, "layerdiff-chart.png"),
    }
}

/// The path's export of `kind` (its steps already masked as chosen);
/// `None` for a chart of steps that cannot be compared.
fn path_download(
    kind: ExportKind,
    steps: Vec<History>,
    compared: (usize, usize),
    options: &ChartOptions,
) -> Option<Download> {
    let chart = || {
        let refs: Vec<&History> = steps.iter().collect();
        let p = compare_path(&refs).ok()?;
        Some(path_svg(&p, &refs, options))
    };
    Some(match kind {
        ExportKind::Markdown { link } => Download::Ask {
            request: Request::PathMarkdown {
                before_step: compared.0,
                after_step: compared.1,
                steps,
                link,
            },
            file: "layerdiff-path.md",
            mime: MARKDOWN,
        },
        ExportKind::Json => Download::Ask {
            request: Request::PathJson { steps },
            file: "layerdiff-path.json",
            mime: JSON,
        },
        ExportKind::Svg => Download::Text {
            text: chart()?,
            file: "layerdiff-path-chart.svg",
            mime: SVG,
        },
        ExportKind::Png => png(chart()?, options, "layerdiff-path-chart.png"),
    })
}

/// A chart saved as PNG: the SVG drawn at [`PNG_SCALE`] by the page.
fn png(svg: String, options: &ChartOptions, file: &'static str) -> Download {
    Download::Png {
        svg,
        width: options.width,
        height: options.height,
        scale: PNG_SCALE,
        file,
    }
}
