//! Legibility of the chart at every width the UI uses (520 to 1100) and at
//! phone widths: every corpus pair, and paths of 3 to 8 steps made of the
//! corpus histories in order, are drawn at 320, 360, 400, 520, 640, 760, 960
//! and 1100 wide, light and dark, and no text may overlap another text or
//! leave the viewBox.
//!
//! Text boxes are estimated, not measured (no font engine here): a character
//! is 0.6 × the font size wide (a CJK one 1.0 ×), a line is one font size
//! high, placed by `text-anchor` and the `dy` plotters writes. Boxes may touch
//! by up to [`SLACK`] units, since the estimate is rough.
//!
//! A drawing must also have its labels (a chart without text would have
//! nothing to overlap). The estimate cannot see a real font nor the badges
//! the page lays over the drawing: `tests/e2e/chart-layout.test.mjs`
//! measures both in Chromium.
//!
//! With `CHART_OUT=dir` every drawing is also written there
//! (`{file number}-{width}-{theme}.svg`) for a visual check.

mod compare_common;
use compare_common as common;

use layerdiff_core::chart::{chart_data, path_svg, render_svg, ChartOptions};
use layerdiff_core::compare::compare;
use layerdiff_core::compare::path::{compare_path, MAX_STEPS};
use layerdiff_core::model::History;

/// How far two estimated boxes may overlap (or a box may leave the viewBox)
/// before it counts, in viewBox units.
const SLACK: f64 = 1.0;

/// The widths the UI asks for (its container clamped to 520..=1100), and
/// phone widths (320, 360, 400) for when it draws at the true width of a phone.
const WIDTHS: [u32; 8] = [320, 360, 400, 520, 640, 760, 960, 1100];

/// The height the page gives for a width (the core's, which the page uses).
fn height_for(width: u32) -> u32 {
    ChartOptions::fitting(width, false).height
}

/// One `<text>` of the drawing with its estimated box.
#[derive(Debug, Clone)]
struct TextBox {
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl TextBox {
    fn overlap(&self, o: &TextBox) -> Option<(f64, f64)> {
        let w = self.x1.min(o.x1) - self.x0.max(o.x0);
        let h = self.y1.min(o.y1) - self.y0.max(o.y0);
        (w > SLACK && h > SLACK).then_some((w, h))
    }
}

impl std::fmt::Display for TextBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} at x {:.0}..{:.0}, y {:.0}..{:.0}",
            self.text, self.x0, self.x1, self.y0, self.y1
        )
    }
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let rest = tag.get(at..)?;
    rest.get(..rest.find('"')?)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Estimated width of `s` in em: CJK and other wide characters count 1, the rest 0.6.
fn em_width(s: &str) -> f64 {
    s.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide {
                1.0
            } else {
                0.6
            }
        })
        .sum()
}

/// Every `<text>` element of an SVG written by the chart, with its estimated box.
fn text_boxes(svg: &str) -> Vec<TextBox> {
    let mut out = Vec::new();
    for chunk in svg.split("<text").skip(1) {
        let Some(end) = chunk.find('>') else { continue };
        let tag = &chunk[..end];
        let body = chunk[end + 1..].split("</text>").next().unwrap_or("");
        let text = unescape(body.trim());
        if text.is_empty() {
            continue;
        }
        let num = |n: &str| attr(tag, n).and_then(|v| v.parse::<f64>().ok());
        let (Some(x), Some(y), Some(size)) = (num("x"), num("y"), num("font-size")) else {
            panic!("a <text> without x, y or font-size: <text{tag}>");
        };
        let w = em_width(&text) * size;
        let x0 = match attr(tag, "text-anchor") {
            Some("middle") => x - w / 2.0,
            Some("end") => x - w,
            _ => x,
        };
        // plotters: dy="0.5ex" centres the text on y, dy="1ex" hangs it from y,
        // no dy puts the baseline on y
        let (y0, y1) = match attr(tag, "dy") {
            Some("0.5ex") => (y - size / 2.0, y + size / 2.0),
            Some("1ex") => (y, y + size),
            _ => (y - size * 0.8, y + size * 0.2),
        };
        out.push(TextBox {
            text,
            x0,
            y0,
            x1: x0 + w,
            y1,
        });
    }
    out
}

/// The problems of one drawing: texts outside the viewBox, texts overlapping.
/// A drawing without a single label has nothing to overlap: that is a
/// problem of its own, not a pass.
fn legibility_problems(svg: &str, w: u32, h: u32) -> Vec<String> {
    let boxes = text_boxes(svg);
    let mut problems = Vec::new();
    if boxes.len() < 4 {
        problems.push(format!(
            "only {} labels: a chart has at least its title, change and two totals",
            boxes.len()
        ));
    }
    let (w, h) = (f64::from(w), f64::from(h));
    for b in &boxes {
        if b.x0 < -SLACK || b.y0 < -SLACK || b.x1 > w + SLACK || b.y1 > h + SLACK {
            problems.push(format!("outside the {w}×{h} viewBox: {b}"));
        }
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in boxes.iter().skip(i + 1) {
            if let Some((ow, oh)) = a.overlap(b) {
                problems.push(format!("overlap {ow:.0}×{oh:.0}: {a}  ⟷  {b}"));
            }
        }
    }
    problems
}

/// Where the header ends: the chart's change and totals are printed above
/// the columns, which start at this y.
const HEADER_BOTTOM: f64 = 92.0;

/// The header labels of `wanted` that no text above the columns shows
/// (whole, or cut with `…` to fit). The waterfall prints the same totals
/// lower down, so only the header's own texts count.
fn missing_labels(svg: &str, wanted: &[&str]) -> Vec<String> {
    let shown: Vec<String> = text_boxes(svg)
        .into_iter()
        .filter(|b| b.y1 <= HEADER_BOTTOM)
        .map(|b| b.text)
        .collect();
    let shows = |label: &str| {
        shown.iter().any(|t| {
            t == label
                || t.strip_suffix('…')
                    .is_some_and(|cut| !cut.is_empty() && label.starts_with(cut))
        })
    };
    wanted
        .iter()
        .filter(|label| !shows(label))
        .map(|label| format!("the label {label:?} is not drawn"))
        .collect()
}

/// Every pair the corpus offers: each history next to the following one in
/// its file, and a file with one history against itself (nothing changed).
fn corpus_pairs() -> Vec<(String, History, History)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut pairs = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let number: String = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let hs = layerdiff_core::parse::parse(&text).histories;
        match hs.len() {
            0 => {}
            1 => pairs.push((number, hs[0].clone(), hs[0].clone())),
            n => {
                for k in 0..n - 1 {
                    let name = if n == 2 {
                        number.clone()
                    } else {
                        format!("{number}.{k}")
                    };
                    pairs.push((name, hs[k].clone(), hs[k + 1].clone()));
                }
            }
        }
    }
    pairs
}

/// Made-up pairs at the limits the corpus does not reach: as many waterfall
/// bars and side labels as the chart draws, very long and CJK image names.
fn extreme_pairs() -> Vec<(String, History, History)> {
    let base = [
        ("-", "/bin/sh -c #(nop)  CMD [\"bash\"]", "0B"),
        (
            "-",
            "/bin/sh -c #(nop) ADD file:0123456789abcdef in / ",
            "77.8MB",
        ),
    ];
    let step = |k: usize| {
        format!("/bin/sh -c apt-get install -y --no-install-recommends package-number-{k} && rm -rf /var/lib/apt/lists/*")
    };
    // before: 18 steps of 4–38 MB; after: every third removed, every third
    // resized a lot, six new steps added
    let mut before_rows: Vec<(String, String)> = (0..18)
        .map(|k| (step(k), format!("{}MB", 4 + (k * 7) % 35)))
        .collect();
    let mut after_rows: Vec<(String, String)> = Vec::new();
    for (k, (cmd, _)) in before_rows.iter().enumerate() {
        match k % 3 {
            0 => {}
            1 => after_rows.push((cmd.clone(), format!("{}MB", 40 + k))),
            _ => after_rows.push((cmd.clone(), format!("{}MB", 4 + (k * 7) % 35))),
        }
    }
    for k in 0..6 {
        after_rows.push((
            format!("/bin/sh -c make build-{k} && strip ./bin/tool-{k}"),
            format!("{}MB", 3 + 5 * k),
        ));
    }
    let as_history = |label: &str, rows: &mut Vec<(String, String)>| {
        rows.reverse(); // newest first, as printed
        let mut table: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|(c, s)| ("-", c.as_str(), s.as_str()))
            .collect();
        table.extend(base);
        common::history(label, &table)
    };
    let many_before = as_history(
        "registry.example.com/team/very-long-image-name-for-the-service:2024-01-01-build-1234",
        &mut before_rows,
    );
    let many_after = as_history(
        "registry.example.com/team/very-long-image-name-for-the-service:2024-06-30-build-9876",
        &mut after_rows,
    );
    let cjk_before = common::history(
        "优化前的镜像（未使用多阶段构建，包含全部开发依赖）",
        &[
            ("-", "/bin/sh -c npm install", "212MB"),
            ("-", "/bin/sh -c #(nop) ADD file:abc in / ", "77.8MB"),
        ],
    );
    let cjk_after = common::history(
        "优化后的镜像（多阶段构建）",
        &[
            ("-", "/bin/sh -c npm ci --omit=dev", "31.2MB"),
            ("-", "/bin/sh -c #(nop) ADD file:abc in / ", "77.8MB"),
        ],
    );
    vec![
        ("many-changes".to_string(), many_before, many_after),
        ("cjk-labels".to_string(), cjk_before, cjk_after),
    ]
}

#[test]
fn no_text_overlaps_or_leaves_the_view_at_any_width() {
    let mut pairs = corpus_pairs();
    assert!(pairs.len() >= 30, "only {} corpus pairs", pairs.len());
    pairs.extend(extreme_pairs());
    let mut failures = Vec::new();
    for (name, before, after) in &pairs {
        let d = chart_data(&compare(before, after), before, after);
        for width in WIDTHS {
            let height = height_for(width);
            for dark in [false, true] {
                let svg = render_svg(
                    &d,
                    &ChartOptions {
                        width,
                        height,
                        dark,
                    },
                );
                let theme = if dark { "dark" } else { "light" };
                if let Ok(dir) = std::env::var("CHART_OUT") {
                    let file = format!("{name}-{width}-{theme}.svg");
                    let _ = std::fs::write(std::path::Path::new(&dir).join(file), &svg);
                }
                let mut problems = legibility_problems(&svg, width, height);
                problems.extend(missing_labels(
                    &svg,
                    &[&d.delta, &d.before_total, &d.after_total],
                ));
                if !problems.is_empty() {
                    failures.push(format!(
                        "corpus {name} at {width}×{height} {theme}:\n    {}",
                        problems.join("\n    ")
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} drawings are hard to read:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The estimate itself: two texts drawn on the same spot overlap, two far
/// apart do not, and a text past the right edge is reported.
#[test]
fn the_estimate_sees_overlaps_and_edges() {
    let text = |x: i32, y: i32, anchor: &str, s: &str| {
        format!(
            "<text x=\"{x}\" y=\"{y}\" dy=\"0.5ex\" text-anchor=\"{anchor}\" font-size=\"10\">\n{s}\n</text>\n"
        )
    };
    let svg = [
        text(100, 50, "start", "hello world"), // x 100..166
        text(160, 52, "start", "again"),       // overlaps the first
        text(300, 50, "middle", "apart"),
        text(300, 80, "end", "中文标签"), // 40 wide: 260..300
        text(395, 20, "start", "past the edge"),
    ]
    .concat();
    let problems = legibility_problems(&svg, 400, 100);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems
        .iter()
        .any(|p| p.starts_with("overlap") && p.contains("hello world") && p.contains("again")));
    assert!(problems
        .iter()
        .any(|p| p.starts_with("outside") && p.contains("past the edge")));
}

/// The overlay boxes (`x`, `y`, `width`, `height`) of every element of `class`.
fn overlay_boxes(svg: &str, class: &str) -> Vec<(f64, f64, f64, f64)> {
    svg.split("<rect class=\"")
        .skip(1)
        .filter(|chunk| chunk.starts_with(class))
        .filter_map(|chunk| {
            let tag = chunk.split('>').next()?;
            let num = |n: &str| attr(tag, n).and_then(|v| v.parse::<f64>().ok());
            Some((num("x")?, num("y")?, num("width")?, num("height")?))
        })
        .collect()
}

/// On a phone the waterfall sits below the columns, across the width; on a
/// desktop it stands to their right, as before.
#[test]
fn the_waterfall_goes_below_the_columns_when_narrow() {
    let (before, after) = (common::demo_before(), common::demo_after());
    let d = chart_data(&compare(&before, &after), &before, &after);
    for width in WIDTHS {
        let height = height_for(width);
        let svg = render_svg(
            &d,
            &ChartOptions {
                width,
                height,
                dark: false,
            },
        );
        let segs = overlay_boxes(&svg, "ld-seg");
        let bars = overlay_boxes(&svg, "ld-bar");
        assert_eq!(
            (segs.len(), bars.len()),
            (d.segments.len(), d.waterfall.len())
        );
        let columns_bottom = segs.iter().map(|b| b.1 + b.3).fold(0.0, f64::max);
        let columns_right = segs.iter().map(|b| b.0 + b.2).fold(0.0, f64::max);
        let bars_top = bars.iter().map(|b| b.1).fold(f64::MAX, f64::min);
        let bars_left = bars.iter().map(|b| b.0).fold(f64::MAX, f64::min);
        if width < 760 {
            assert!(
                bars_top > columns_bottom + 20.0,
                "{width}: bars start at y {bars_top}, columns end at {columns_bottom}"
            );
            assert!(bars_left < 40.0, "{width}: bars start at x {bars_left}");
        } else {
            assert!(
                bars_left > columns_right,
                "{width}: bars start at x {bars_left}, columns end at {columns_right}"
            );
        }
    }
}

/// Paths of `n` steps from the corpus: every history of every file, in file
/// order, cut into runs of `n` (the last run taken from the end, so every
/// history is in some path), and the made-up extremes repeated to `n` steps.
fn corpus_paths(n: usize) -> Vec<(String, Vec<History>)> {
    let mut all: Vec<History> = Vec::new();
    for (_, before, after) in corpus_pairs() {
        // corpus_pairs gives neighbours; keep each history once
        if all.last() != Some(&before) {
            all.push(before);
        }
        all.push(after);
    }
    let mut paths = Vec::new();
    let mut start = 0;
    while start < all.len() {
        let from = start.min(all.len().saturating_sub(n));
        paths.push((format!("path{n}-{from}"), all[from..from + n].to_vec()));
        start += n;
    }
    let extremes: Vec<History> = extreme_pairs()
        .into_iter()
        .flat_map(|(_, b, a)| [b, a])
        .collect();
    let repeated: Vec<History> = extremes.iter().cycle().take(n).cloned().collect();
    paths.push((format!("path{n}-extremes"), repeated));
    paths
}

#[test]
fn path_charts_of_2_to_8_columns_stay_legible_at_every_width() {
    let mut failures = Vec::new();
    let mut drawn = 0;
    for n in 2..=MAX_STEPS {
        for (name, histories) in corpus_paths(n) {
            let steps: Vec<&History> = histories.iter().collect();
            let p = compare_path(&steps).unwrap_or_else(|e| panic!("{name}: {e}"));
            for width in WIDTHS {
                let height = height_for(width);
                for dark in [false, true] {
                    let options = ChartOptions {
                        width,
                        height,
                        dark,
                    };
                    let svg = path_svg(&p, &steps, &options);
                    drawn += 1;
                    let theme = if dark { "dark" } else { "light" };
                    if let Ok(dir) = std::env::var("CHART_OUT") {
                        let file = format!("{name}-{width}-{theme}.svg");
                        let _ = std::fs::write(std::path::Path::new(&dir).join(file), &svg);
                    }
                    // every step has its column: one overlay rect per segment at least
                    for k in 0..n {
                        let hook = format!("data-step=\"{k}\"");
                        let two = n == 2 && svg.contains("data-side=");
                        assert!(two || svg.contains(&hook), "{name}: no column {k}");
                    }
                    let problems = legibility_problems(&svg, width, height);
                    if !problems.is_empty() {
                        failures.push(format!(
                            "{name} at {width}×{height} {theme}:\n    {}",
                            problems.join("\n    ")
                        ));
                    }
                }
            }
        }
    }
    assert!(drawn >= 7 * 8 * 2 * 3, "only {drawn} drawings");
    assert!(
        failures.is_empty(),
        "{} drawings are hard to read:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Two steps through the path call draw exactly the pair chart.
#[test]
fn a_path_of_two_is_the_pair_chart() {
    let (before, after) = (common::demo_before(), common::demo_after());
    let p = compare_path(&[&before, &after]).expect("a path");
    for width in WIDTHS {
        let options = ChartOptions {
            width,
            height: height_for(width),
            dark: false,
        };
        let pair = render_svg(
            &chart_data(&compare(&before, &after), &before, &after),
            &options,
        );
        assert_eq!(path_svg(&p, &[&before, &after], &options), pair, "{width}");
    }
}

/// Between the widths above: every 20 units from 320 to 1100, the first
/// corpus path and the made-up extremes of every length stay legible too.
#[test]
fn path_charts_stay_legible_between_the_usual_widths() {
    let mut failures = Vec::new();
    for n in 2..=MAX_STEPS {
        let paths = corpus_paths(n);
        let picked = [paths.first(), paths.last()];
        for (name, histories) in picked.into_iter().flatten() {
            let steps: Vec<&History> = histories.iter().collect();
            let p = compare_path(&steps).unwrap_or_else(|e| panic!("{name}: {e}"));
            for width in (320..=1100).step_by(20) {
                let height = height_for(width);
                let options = ChartOptions {
                    width,
                    height,
                    dark: false,
                };
                let problems = legibility_problems(&path_svg(&p, &steps, &options), width, height);
                if !problems.is_empty() {
                    failures.push(format!(
                        "{name} at {width}×{height}:\n    {}",
                        problems.join("\n    ")
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} drawings are hard to read:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
