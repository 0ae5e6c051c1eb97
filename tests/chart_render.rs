//! The chart drawn for the demo (corpus 000): a complete SVG that scales (viewBox,
//! no fixed size), carries the UI hooks on every segment, and has both themes.
//! With `CHART_OUT=dir` it also writes the SVGs there for a visual check.

mod compare_common;
use compare_common as common;

use layerdiff_core::chart::{chart_data, render_svg, ChartOptions};
use layerdiff_core::compare::compare;

fn demo_svg(dark: bool) -> (String, layerdiff_core::chart::ChartData) {
    let (b, a) = (common::demo_before(), common::demo_after());
    let c = compare(&b, &a);
    let d = chart_data(&c, &b, &a);
    let svg = render_svg(
        &d,
        &ChartOptions {
            width: 960,
            height: 540,
            dark,
        },
    );
    if let Ok(dir) = std::env::var("CHART_OUT") {
        let name = if dark {
            "demo-dark.svg"
        } else {
            "demo-light.svg"
        };
        let _ = std::fs::write(std::path::Path::new(&dir).join(name), &svg);
    }
    (svg, d)
}

#[test]
fn svg_scales_and_has_one_hook_per_segment() {
    let (svg, d) = demo_svg(false);
    assert!(
        svg.starts_with("<svg class=\"ld-chart\" viewBox=\"0 0 960 540\""),
        "{}",
        &svg[..200.min(svg.len())]
    );
    let root = svg.split('>').next().unwrap_or("");
    assert!(
        !root.contains("width="),
        "fixed width left on the root: {root}"
    );
    assert_eq!(svg.matches("class=\"ld-seg ").count(), d.segments.len());
    for s in &d.segments {
        let hook = format!(
            "data-side=\"{}\" data-row=\"{}\"",
            s.column.as_str(),
            s.rows[0]
        );
        assert!(svg.contains(&hook), "missing {hook}");
    }
    assert_eq!(svg.matches("class=\"ld-bar\"").count(), d.waterfall.len());
    assert!(svg.contains("≈ −101 MB (−24 %)"));
    assert!(svg.trim_end().ends_with("</svg>"));
}

/// The value of attribute `name` in the tag `tag` (`<rect x="0" …/>`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag.get(at..)?.split('"').next()
}

/// The fill of the chart's background: the first element drawn, a `<rect>`
/// covering the whole viewBox (everything else is painted over it). `None`
/// when the first element is anything else.
fn background_fill(svg: &str) -> Option<String> {
    let root = svg.get(..svg.find('>')?)?;
    let view_box: Vec<&str> = attr(root, "viewBox")?.split(' ').collect();
    let rest = svg.get(root.len() + 1..)?.trim_start();
    let first = rest.get(..rest.find('>')?)?;
    let covers = first.starts_with("<rect ")
        && attr(first, "x") == Some("0")
        && attr(first, "y") == Some("0")
        && [attr(first, "width"), attr(first, "height")]
            == [view_box.get(2).copied(), view_box.get(3).copied()];
    covers.then(|| attr(first, "fill").map(str::to_ascii_uppercase))?
}

/// The first lines of an SVG (the root and the background), for messages.
fn head(svg: &str) -> String {
    svg.lines().take(2).collect::<Vec<_>>().join("\n")
}

#[test]
fn dark_theme_changes_the_background() {
    let (light, _) = demo_svg(false);
    let (dark, _) = demo_svg(true);
    assert_eq!(
        background_fill(&light).as_deref(),
        Some("#FFFFFF"),
        "light, its first elements:\n{}",
        head(&light)
    );
    assert_eq!(
        background_fill(&dark).as_deref(),
        Some("#1E1E1E"),
        "dark, its first elements:\n{}",
        head(&dark)
    );
}

/// Corpus pairs drawn through the real parser: every segment and bar gets its
/// hook, nothing is drawn outside the viewBox, and labels never overlap.
#[test]
fn corpus_pairs_draw_cleanly() {
    let pairs = [
        ("004", "004-ex37-patientor-before-after.txt", 0, 1),
        ("013", "013-ipinfo-before-after-mixed-no-trailing.txt", 0, 1),
        ("021", "021-lab4-noopt-vs-opt-echo-separators.txt", 0, 1),
        (
            "022",
            "022-podman-ex307-frontend-backend-after-tab-split.txt",
            0,
            1,
        ),
        (
            "046",
            "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt",
            0,
            1,
        ),
        (
            "061",
            "061-zh-node-vanilla-vs-multistage-no-created-col.txt",
            0,
            1,
        ),
        (
            "067",
            "067-dwd306-pedro-4-histories-last-missing-header.txt",
            2,
            3,
        ),
    ];
    for (name, file, b, a) in pairs {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/corpus")
            .join(file);
        let text = std::fs::read_to_string(path).expect("corpus file");
        let hs = layerdiff_core::parse::parse(&text).histories;
        let (before, after) = (&hs[b], &hs[a]);
        let d = chart_data(&compare(before, after), before, after);
        for dark in [false, true] {
            let svg = render_svg(
                &d,
                &ChartOptions {
                    width: 960,
                    height: 540,
                    dark,
                },
            );
            if let Ok(dir) = std::env::var("CHART_OUT") {
                let theme = if dark { "dark" } else { "light" };
                let _ = std::fs::write(
                    std::path::Path::new(&dir).join(format!("{name}-{theme}.svg")),
                    &svg,
                );
            }
            assert_eq!(
                svg.matches("class=\"ld-seg ").count(),
                d.segments.len(),
                "{name}"
            );
            assert_eq!(
                svg.matches("class=\"ld-bar\"").count(),
                d.waterfall.len(),
                "{name}"
            );
            // Keyboard users reach every segment and bar (Tab), as they do table rows.
            assert_eq!(
                svg.matches("tabindex=\"0\"").count(),
                d.segments.len() + d.waterfall.len(),
                "{name}: every overlay element is focusable"
            );
            for (attr, max) in [(" x=\"", 960), (" y=\"", 540)] {
                for v in svg
                    .split(attr)
                    .skip(1)
                    .filter_map(|s| s.split('"').next()?.parse::<i64>().ok())
                {
                    assert!(
                        (-1..=max).contains(&v),
                        "{name}: {attr}{v} outside the viewBox"
                    );
                }
            }
        }
    }
}
