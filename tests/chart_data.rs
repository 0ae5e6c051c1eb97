//! Chart data for the demo (corpus 000) and for arbitrary histories: columns
//! cover every layer once, bottom up and contiguous; tiny layers are grouped but
//! keep their indexes; bands join matched layers; the waterfall adds up.

mod compare_common;
use compare_common as common;

use layerdiff_core::chart::{
    chart_data, render_svg, BarKind, ChartData, ChartOptions, Column, SegmentKind,
};
use layerdiff_core::compare::{compare, Status};
use layerdiff_core::model::{History, Layer, Size};
use proptest::prelude::*;

fn demo() -> ChartData {
    let (b, a) = (common::demo_before(), common::demo_after());
    chart_data(&compare(&b, &a), &b, &a)
}

/// Checks the invariants that hold for any chart; returns a readable failure.
fn check_columns(
    d: &ChartData,
    n_before: usize,
    n_after: usize,
    totals: (u64, u64),
) -> Result<(), String> {
    for (col, n, total) in [
        (Column::Before, n_before, totals.0),
        (Column::After, n_after, totals.1),
    ] {
        let mut seen = vec![0; n];
        let mut next = 0u64;
        for s in d.column(col) {
            if s.start != next {
                return Err(format!(
                    "{col:?}: segment starts at {} instead of {next}",
                    s.start
                ));
            }
            next += s.bytes;
            if s.rows.len() != s.layers.len() {
                return Err(format!(
                    "{col:?}: rows {:?} vs layers {:?}",
                    s.rows, s.layers
                ));
            }
            for &l in &s.layers {
                *seen.get_mut(l).ok_or(format!("layer {l} out of range"))? += 1;
            }
        }
        if next != total {
            return Err(format!("{col:?}: column height {next} != total {total}"));
        }
        if seen.iter().any(|&k| k != 1) {
            return Err(format!("{col:?}: layers seen {seen:?}"));
        }
    }
    let first = d.waterfall.first().ok_or("empty waterfall")?;
    let last = d.waterfall.last().ok_or("empty waterfall")?;
    if (first.kind, first.to) != (BarKind::Start, totals.0)
        || (last.kind, last.to) != (BarKind::End, totals.1)
    {
        return Err(format!("waterfall ends: {first:?} … {last:?}"));
    }
    let changes = &d.waterfall[1..d.waterfall.len() - 1];
    let mut running = totals.0;
    for bar in changes {
        if bar.from != running {
            return Err(format!(
                "bar {:?} starts at {} not {running}",
                bar.label, bar.from
            ));
        }
        running = bar.to;
    }
    if running != totals.1 {
        return Err(format!(
            "waterfall runs to {running}, after total is {}",
            totals.1
        ));
    }
    Ok(())
}

#[test]
fn demo_columns_cover_every_layer_once() {
    let d = demo();
    check_columns(&d, 14, 9, (417_294_752, 316_000_752)).unwrap();
}

#[test]
fn demo_base_is_one_segment_and_tiny_layers_are_grouped() {
    let d = demo();
    let base: Vec<_> = d
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Base)
        .collect();
    assert_eq!(base.len(), 2, "one base block per column");
    assert!(base
        .iter()
        .all(|s| s.layers == [0, 1, 2, 3, 4] && s.bytes == 117_000_752));
    // before, above the base: layers under 0.5 % of 417 MB that are adjacent in
    // layer order: WORKDIR /dir + EXPOSE (0 B each), git clone (394 kB) + WORKDIR
    let groups: Vec<Vec<usize>> = d
        .column(Column::Before)
        .filter(|s| s.kind == SegmentKind::Group)
        .map(|s| s.layers.clone())
        .collect();
    assert_eq!(groups, [vec![5, 6], vec![10, 11]]);
    // WORKDIR /dir was removed, EXPOSE moved: a mixed group, drawn in one of its colours
    let mixed = d
        .column(Column::Before)
        .find(|s| s.layers == [5, 6])
        .expect("group");
    assert_eq!((mixed.status, mixed.status_str()), (None, "mixed"));
    assert!([Status::Removed, Status::Moved].contains(&mixed.dominant));
    let after_groups: Vec<Vec<usize>> = d
        .column(Column::After)
        .filter(|s| s.kind == SegmentKind::Group)
        .map(|s| s.layers.clone())
        .collect();
    assert_eq!(after_groups, [vec![6, 7, 8]], "EXPOSE, WORKDIR /app, CMD");
}

#[test]
fn demo_biggest_layers_are_labelled_and_joined() {
    let d = demo();
    let labels: Vec<&str> = d
        .segments
        .iter()
        .filter_map(|s| s.label.as_deref())
        .collect();
    for needle in [
        "RUN npm install\n57.7 MB",
        "RUN apt-get install -y nodejs\n93.9 MB",
        "base image (5 layers)\n117 MB",
    ] {
        assert!(labels.contains(&needle), "{needle:?} not in {labels:?}");
    }
    let changed: Vec<_> = d
        .bands
        .iter()
        .filter(|b| b.status == Status::Changed)
        .collect();
    assert!(
        changed
            .iter()
            .any(|b| b.before_span == (117_000_752, 232_000_752)
                && b.after_span == (117_000_752, 316_000_752)),
        "apt-get band: {changed:?}"
    );
    assert_eq!(d.delta, "≈ −101 MB (−24 %)");
    let npm = d
        .column(Column::Before)
        .find(|s| s.layers == [12])
        .expect("npm install");
    assert_eq!(npm.title, "RUN npm install · 57.7 MB · removed · layer 2");
    assert_eq!(
        (d.before_total.as_str(), d.after_total.as_str()),
        ("≈ 417 MB", "≈ 316 MB")
    );
}

#[test]
fn demo_waterfall_lists_the_big_changes_in_order() {
    let d = demo();
    let bars: Vec<(BarKind, &str, &str)> = d
        .waterfall
        .iter()
        .map(|b| (b.kind, b.label.as_str(), b.value.as_str()))
        .collect();
    assert_eq!(
        bars,
        [
            (BarKind::Start, "before", "≈ 417 MB"),
            (
                BarKind::Removed,
                "RUN apt-get install -y nodejs",
                "−93.9 MB"
            ),
            (BarKind::Removed, "RUN npm install", "−57.7 MB"),
            (
                BarKind::Removed,
                "RUN curl -sL https://deb.nodesource.c…",
                "−33.3 MB"
            ),
            (
                BarKind::Grown,
                "RUN apt-get update && apt-get ins…",
                "+84 MB"
            ),
            (BarKind::Others, "1 small change", "−394 kB"),
            (BarKind::End, "after", "≈ 316 MB"),
        ]
    );
}

fn arb_history() -> impl Strategy<Value = History> {
    let layer = (
        "[a-z ]{0,12}|RUN /bin/sh -c [a-z]{1,4}",
        any::<bool>(),
        prop_oneof![Just(0u64), 1u64..1_000, 1u64..500_000_000],
    )
        .prop_map(|(created_by, truncated, bytes)| Layer {
            created_by,
            truncated,
            size: Some(Size {
                bytes,
                tolerance: bytes / 200,
                exact: false,
            }),
            ..Layer::default()
        });
    prop::collection::vec(layer, 0..30).prop_map(|layers| History {
        layers,
        ..History::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]
    #[test]
    fn any_chart_covers_every_layer_and_adds_up(b in arb_history(), a in arb_history()) {
        let c = compare(&b, &a);
        let d = chart_data(&c, &b, &a);
        let r = check_columns(&d, b.layers.len(), a.layers.len(), (b.total_bytes(), a.total_bytes()));
        prop_assert!(r.is_ok(), "{}", r.unwrap_err());
        let svg = render_svg(&d, &ChartOptions::default());
        prop_assert_eq!(svg.matches("class=\"ld-seg ").count(), d.segments.len());
    }
}

#[test]
fn titles_say_a_layers_number_and_when_it_was_made() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus/000-course-3.1-backend-before-after.txt");
    let hs = layerdiff_core::parse::parse(&std::fs::read_to_string(path).expect("demo")).histories;
    let d = chart_data(&compare(&hs[0], &hs[1]), &hs[0], &hs[1]);
    let npm = d
        .column(Column::Before)
        .find(|s| s.layers == [12])
        .expect("npm install");
    assert_eq!(
        npm.title,
        "RUN npm install · 57.7 MB · removed · layer 2 · created 34 seconds ago"
    );
    let apt = d
        .column(Column::After)
        .find(|s| s.layers == [5])
        .expect("apt-get");
    assert!(
        apt.title
            .ends_with("(+84 MB) · layer 4 · created 7 seconds ago"),
        "{}",
        apt.title
    );
}
