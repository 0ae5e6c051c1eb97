//! The chart of a path (3 to 8 steps) from real corpus paths: every layer of
//! every step is drawn once, a matched layer keeps its colour (origin) in
//! every column, bands join neighbours only, the base block stands in every
//! column of its span, the waterfall goes from the first total through each
//! step to the last, and the overlay names each segment's step and rows.

use layerdiff_core::chart::data::{BarKind, SegmentKind};
use layerdiff_core::chart::{path_chart_data, path_svg, ChartOptions, PathChartData};
use layerdiff_core::compare::path::{compare_path, PathComparison};
use layerdiff_core::model::History;
use std::path::Path;

fn corpus(file: &str) -> Vec<History> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    layerdiff_core::parse::parse(&text).histories
}

const WORKSHOP: &str = "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt";
const COURSE: &str = "067-dwd306-pedro-4-histories-last-missing-header.txt";

fn chart(histories: &[History]) -> (PathComparison, PathChartData) {
    let steps: Vec<&History> = histories.iter().collect();
    let p = compare_path(&steps).expect("a path");
    let d = path_chart_data(&p, &steps);
    (p, d)
}

#[test]
fn every_layer_of_every_step_is_drawn_once_bottom_up() {
    for file in [WORKSHOP, COURSE] {
        let hs = corpus(file);
        let (p, d) = chart(&hs);
        for (k, step) in p.steps.iter().enumerate() {
            let mut layers: Vec<usize> = Vec::new();
            let mut top = 0u64;
            for s in d.segments.iter().filter(|s| s.step == k) {
                assert_eq!(s.start, top, "{file} step {k}: segments stack without gaps");
                top += s.bytes;
                layers.extend(&s.layers);
            }
            assert_eq!(
                layers,
                (0..step.layers).collect::<Vec<_>>(),
                "{file} step {k}"
            );
            assert_eq!(top, step.total.bytes, "{file} step {k}");
        }
    }
}

#[test]
fn a_matched_layer_keeps_its_colour_in_every_column() {
    let hs = corpus(WORKSHOP);
    let (_, d) = chart(&hs);
    // the 105 MB download is the 5th layer of ver1 and the 4th of ver2, ver3 and the commit
    let download: Vec<_> = d
        .segments
        .iter()
        .filter(|s| s.title.contains("RUN wget -O test.txt"))
        .map(|s| (s.step, s.layers.clone(), s.origin, s.kind))
        .collect();
    assert_eq!(
        download,
        vec![
            (0, vec![4], 0, SegmentKind::Layer),
            (1, vec![3], 0, SegmentKind::Layer),
            (2, vec![3], 0, SegmentKind::Layer),
            (3, vec![3], 0, SegmentKind::Layer)
        ]
    );
    // ver1's `apk update` is gone in ver2: hatched, no band to the right
    let update = d
        .segments
        .iter()
        .position(|s| s.step == 0 && s.title.contains("RUN apk update ·"))
        .expect("the segment");
    assert!(d.segments[update].gone_next);
    assert!(d.bands.iter().all(|b| b.left_segment != update));
    // every band joins neighbours, in the colour of its left layer's track
    for b in &d.bands {
        let left = d.segments.get(b.left_segment).expect("a segment");
        let right = d.segments.get(b.right_segment).expect("a segment");
        assert_eq!((left.step, right.step), (b.pair, b.pair + 1));
        if left.kind == SegmentKind::Layer {
            assert_eq!(b.origin, left.origin, "{b:?}");
        }
    }
}

#[test]
fn what_a_step_adds_has_that_step_colour_from_then_on() {
    let hs = corpus(COURSE);
    let (_, d) = chart(&hs);
    // the frontend's build appears in step 3 (it shares nothing with the backend)
    let build: Vec<_> = d
        .segments
        .iter()
        .filter(|s| s.title.contains("npm install && npm run build"))
        .map(|s| (s.step, s.origin, s.new_here))
        .collect();
    assert_eq!(build, vec![(2, 2, true)]);
    // the apt-get layer, new in step 3, keeps step 3's colour in step 4
    let apt: Vec<_> = d
        .segments
        .iter()
        .filter(|s| s.title.contains("apt-get update"))
        .map(|s| (s.step, s.origin, s.new_here))
        .collect();
    assert_eq!(apt, vec![(2, 2, true), (3, 2, false)]);
}

#[test]
fn the_base_block_stands_in_every_column_of_its_span() {
    let hs = corpus(COURSE);
    let (p, d) = chart(&hs);
    let bases: Vec<(usize, usize)> = d
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Base)
        .map(|s| (s.step, s.layers.len()))
        .collect();
    // backend before/after share 3 layers, frontend before/after 3 others
    assert_eq!(bases, vec![(0, 3), (1, 3), (2, 3), (3, 3)]);
    let spans: Vec<(usize, usize)> = p
        .base_spans
        .iter()
        .map(|s| (s.first_step, s.last_step))
        .collect();
    assert_eq!(spans, vec![(0, 1), (2, 3)]);
}

#[test]
fn the_waterfall_goes_from_the_first_total_through_each_step_to_the_last() {
    let hs = corpus(COURSE);
    let (p, d) = chart(&hs);
    let kinds: Vec<BarKind> = d.waterfall.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            BarKind::Start,
            BarKind::Others,
            BarKind::Shrunk,
            BarKind::Others,
            BarKind::End
        ]
    );
    // each bar starts at the step before; a change within rounding is flat
    // (drawn as no change, not as tall as the rounding made it)
    let totals: Vec<u64> = p.steps.iter().map(|s| s.total.bytes).collect();
    let changes: Vec<(u64, u64)> = d.waterfall[1..4].iter().map(|b| (b.from, b.to)).collect();
    assert_eq!(
        changes,
        vec![
            (totals[0], totals[0]),
            (totals[1], totals[2]),
            (totals[2], totals[2])
        ]
    );
    assert_ne!(
        totals[0], totals[1],
        "the course's first change is within rounding, not zero"
    );
    assert_eq!(d.waterfall[0].label, "1 · Before (hello-backend)");
    assert_eq!(d.waterfall[2].label, "to 3 · Before (hello-frontend)");
    assert_eq!(d.waterfall[2].value, "−46.3 MB");
}

#[test]
fn the_overlay_names_each_segment_step_and_its_neighbour_rows() {
    let hs = corpus(WORKSHOP);
    let steps: Vec<&History> = hs.iter().collect();
    let p = compare_path(&steps).expect("a path");
    let d = path_chart_data(&p, &steps);
    let svg = path_svg(&p, &steps, &ChartOptions::default());
    assert!(svg.starts_with("<svg class=\"ld-chart ld-path\" viewBox=\"0 0 960 540\""));
    assert_eq!(svg.matches("class=\"ld-seg ").count(), d.segments.len());
    assert_eq!(svg.matches("class=\"ld-bar\"").count(), d.waterfall.len());
    // each column's header names its step and total bytes
    for (k, step) in p.steps.iter().enumerate() {
        let hook = format!(
            "class=\"ld-col\" data-step=\"{k}\" data-bytes=\"{}\"",
            step.total.bytes
        );
        assert!(svg.contains(&hook), "missing {hook}");
    }
    assert_eq!(svg.matches("class=\"ld-col\"").count(), p.steps.len());
    // the download in ver2 (its layer 3): a row of ver1→ver2 and one of ver2→ver3
    let cat = d
        .segments
        .iter()
        .find(|s| s.step == 1 && s.title.contains("RUN wget -O test.txt"))
        .expect("the segment");
    let rows: Vec<(usize, usize)> = cat.rows.iter().map(|r| (r.pair, r.row)).collect();
    let pair0 = p.neighbours[0]
        .rows
        .iter()
        .position(|r| r.after.as_ref().is_some_and(|l| l.index == 3));
    let pair1 = p.neighbours[1]
        .rows
        .iter()
        .position(|r| r.before.as_ref().is_some_and(|l| l.index == 3));
    assert_eq!(
        rows,
        vec![(0, pair0.expect("a row")), (1, pair1.expect("a row"))]
    );
    let hook = format!(
        "data-step=\"1\" data-rows=\"0:{} 1:{}\" data-layers=\"3\" data-origin=\"0\"",
        rows[0].1, rows[1].1
    );
    assert!(svg.contains(&hook), "missing {hook}");
    assert!(svg.contains("data-kind=\"end\" data-step=\"3\" data-rows=\"\""));
    // the change to ver2: the rows of ver1 → ver2 that changed size
    let changed: Vec<String> = p.neighbours[0]
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.in_base && r.delta.bytes != 0)
        .map(|(r, _)| format!("0:{r}"))
        .collect();
    assert!(changed.len() >= 3, "{changed:?}");
    let hook = format!("data-step=\"1\" data-rows=\"{}\"", changed.join(" "));
    assert!(
        svg.contains(&format!("data-kind=\"others\" {hook}")),
        "missing {hook}"
    );
}

/// With `CHART_OUT=dir`, the corpus paths are drawn there for a visual check
/// (`path-{file number}-{width}-{theme}.svg`); without it, they are drawn
/// and must close their document.
#[test]
fn corpus_paths_draw_at_phone_and_desktop_widths() {
    for file in [WORKSHOP, COURSE] {
        let hs = corpus(file);
        let steps: Vec<&History> = hs.iter().collect();
        let p = compare_path(&steps).expect("a path");
        for (width, height) in [(400, 620), (960, 540)] {
            for dark in [false, true] {
                let svg = path_svg(
                    &p,
                    &steps,
                    &ChartOptions {
                        width,
                        height,
                        dark,
                    },
                );
                assert!(svg.trim_end().ends_with("</svg>"), "{file} {width}");
                if let Ok(dir) = std::env::var("CHART_OUT") {
                    let theme = if dark { "dark" } else { "light" };
                    let name = format!("path-{}-{width}-{theme}.svg", &file[..3]);
                    let _ = std::fs::write(Path::new(&dir).join(name), &svg);
                }
            }
        }
    }
}
