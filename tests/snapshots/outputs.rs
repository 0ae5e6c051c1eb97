//! The `outputs` group: every output a user sees for the corpus pairs and
//! paths, frozen byte for byte, so that a change of structure (a pair made a
//! path of two, one report writer, one chart) can show it changed nothing.
//!
//! For each pair: the CLI's text, Markdown and JSON (`layerdiff compare`),
//! the page's Markdown and JSON exports (the extras module's answers), and
//! the chart's SVG at five widths, light and dark. For each path: the same
//! through the path's writers, exports for its first and last step, and its
//! chart. The outputs are tens of megabytes together, so the snapshot keeps
//! one line per output — its length and a 64-bit FNV-1a hash — and a
//! failure names the outputs that moved (`CHART_OUT`-style dumps are left to
//! the reader: print one with the CLI or `render_svg`).

use layerdiff_core::chart::{chart_data, path_svg, render_svg, ChartOptions};
use layerdiff_core::compare::compare;
use layerdiff_core::compare::path::compare_path;
use layerdiff_core::extras::{answer, Request};
use layerdiff_core::insights;
use layerdiff_core::model::History;
use layerdiff_core::report::{pair as report, path as path_report};

use super::{corpus_histories, path_steps, root, Snapshot, PAIRS, PATHS};

/// The chart widths frozen: the narrowest, a phone, the narrow layout's
/// widest, the default and the widest.
const WIDTHS: [u32; 5] = [320, 400, 740, 960, 1100];

/// The link the exports carry (any text: it is only printed).
const LINK: &str = "https://example.org/layerdiff/#frozen";

/// 64-bit FNV-1a: stable across platforms and releases, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One manifest line: case, output, length and hash.
fn line(case: &str, output: &str, bytes: &[u8]) -> String {
    format!("{case} {output} {} {:016x}\n", bytes.len(), fnv1a(bytes))
}

/// The extras module's answer to `request`, as the page would get it.
fn exported(request: &Request) -> Vec<u8> {
    let json = serde_json::to_string(request).expect("a request is JSON");
    answer(&json).unwrap_or_else(|e| format!("error: {e}").into_bytes())
}

/// The chart SVGs of `draw` at every frozen width and theme.
fn charts(case: &str, draw: impl Fn(&ChartOptions) -> String) -> String {
    let mut out = String::new();
    for width in WIDTHS {
        for dark in [false, true] {
            let svg = draw(&ChartOptions::fitting(width, dark));
            let theme = if dark { "dark" } else { "light" };
            out.push_str(&line(case, &format!("svg-{width}-{theme}"), svg.as_bytes()));
        }
    }
    out
}

/// Every output of one pair.
fn pair_outputs(case: &str, before: &History, after: &History) -> String {
    let c = compare(before, after);
    let found = insights::of_pair(before, after, &c);
    let mut out = String::new();
    out.push_str(&line(case, "cli-text", report::text(&c).as_bytes()));
    let md = report::markdown_full(&c, Some(&found), None);
    out.push_str(&line(case, "cli-markdown", md.as_bytes()));
    let json = report::json_with_insights(&c, &found);
    out.push_str(&line(case, "cli-json", json.as_bytes()));
    let (b, a) = (before.clone(), after.clone());
    out.push_str(&line(
        case,
        "export-markdown",
        &exported(&Request::PairMarkdown {
            before: b.clone(),
            after: a.clone(),
            link: LINK.to_string(),
        }),
    ));
    out.push_str(&line(
        case,
        "export-json",
        &exported(&Request::PairJson {
            before: b,
            after: a,
        }),
    ));
    let data = chart_data(&c, before, after);
    out + &charts(case, |options| render_svg(&data, options))
}

/// Every output of one path.
fn path_outputs(case: &str, steps: &[History]) -> String {
    let refs: Vec<&History> = steps.iter().collect();
    let p = compare_path(&refs).unwrap_or_else(|e| panic!("{case}: {e}"));
    let mut out = String::new();
    out.push_str(&line(case, "cli-text", path_report::text(&p).as_bytes()));
    out.push_str(&line(
        case,
        "cli-markdown",
        path_report::markdown(&p).as_bytes(),
    ));
    out.push_str(&line(case, "cli-json", path_report::json(&p).as_bytes()));
    out.push_str(&line(
        case,
        "export-markdown",
        &exported(&Request::PathMarkdown {
            steps: steps.to_vec(),
            before_step: 0,
            after_step: steps.len() - 1,
            link: LINK.to_string(),
        }),
    ));
    out.push_str(&line(
        case,
        "export-json",
        &exported(&Request::PathJson {
            steps: steps.to_vec(),
        }),
    ));
    out + &charts(case, |options| path_svg(&p, &refs, options))
}

/// The one snapshot of the group: the manifest of every output.
pub fn outputs() -> Snapshot {
    let mut made = String::from(
        "# case output bytes fnv1a-64 — written by the outputs group, never by hand\n",
    );
    for &(name, file, b, a) in PAIRS {
        let hs = corpus_histories(file);
        made.push_str(&pair_outputs(name, &hs[b], &hs[a]));
    }
    for &(name, file, picks) in PATHS {
        made.push_str(&path_outputs(name, &path_steps(name, file, picks)));
    }
    Snapshot {
        group: "outputs",
        path: root().join("tests/data/outputs.snapshot"),
        made,
    }
}
