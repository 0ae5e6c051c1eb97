//! Property tests of the comparison: a history against itself is all `same`;
//! one inserted layer is exactly one `added`; one removed layer is exactly one
//! `removed`; and for any two histories (arbitrary text included) every layer
//! appears in exactly one row and the row deltas add up to the total delta.

use layerdiff_core::compare::{compare, Status};
use layerdiff_core::model::{History, Layer, Size};
use proptest::prelude::*;

/// A CREATED BY cell in one of the shapes docker prints, or arbitrary text.
fn created_by() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..40u32).prop_map(|n| format!("/bin/sh -c #(nop)  ENV K{n}=v{n}")),
        (0..40u32).prop_map(|n| format!("RUN /bin/sh -c apt-get install -y pkg{n} # buildkit")),
        (0..40u32).prop_map(|n| format!("/bin/sh -c #(nop) COPY file:{n:08x}abcdef in /x ")),
        (0..40u32).prop_map(|n| format!(r#"CMD ["node" "app{n}.js"]"#)),
        (0..40u32).prop_map(|n| format!("|1 A={n} /bin/sh -c make target{n}")),
        any::<String>(),
    ]
}

fn layer() -> impl Strategy<Value = Layer> {
    (
        created_by(),
        any::<bool>(),
        0u64..2_000_000_000,
        0u64..3,
        any::<bool>(),
    )
        .prop_map(|(created_by, truncated, bytes, digits, exact)| {
            let tolerance = if exact {
                0
            } else {
                10u64.pow(digits as u32 * 3) / 2
            };
            Layer {
                created_by,
                truncated,
                size: Some(Size {
                    bytes,
                    tolerance,
                    exact,
                }),
                ..Layer::default()
            }
        })
}

fn history(max: usize) -> impl Strategy<Value = History> {
    prop::collection::vec(layer(), 0..max).prop_map(|layers| History {
        label: "h".into(),
        layers,
        ..History::default()
    })
}

fn count(c: &layerdiff_core::compare::Comparison, s: Status) -> usize {
    c.rows.iter().filter(|r| r.status == s).count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_history_against_itself_is_all_same(h in history(30)) {
        let c = compare(&h, &h);
        prop_assert_eq!(c.rows.len(), h.layers.len());
        prop_assert!(c.rows.iter().all(|r| r.status == Status::Same), "{:?}", c.rows);
        prop_assert_eq!(c.base.layers, h.layers.len());
        prop_assert_eq!(c.delta.bytes, 0);
    }

    #[test]
    fn one_inserted_layer_is_one_added(h in history(30), extra in layer(), at in any::<prop::sample::Index>()) {
        let mut after = h.clone();
        let pos = at.index(after.layers.len() + 1);
        after.layers.insert(pos, extra);
        let c = compare(&h, &after);
        prop_assert_eq!(count(&c, Status::Added), 1, "{:#?}", c.rows);
        prop_assert_eq!(count(&c, Status::Removed), 0);
        prop_assert_eq!(c.rows.len(), after.layers.len());
    }

    #[test]
    fn one_removed_layer_is_one_removed(h in history(30), at in any::<prop::sample::Index>()) {
        prop_assume!(!h.layers.is_empty());
        let mut after = h.clone();
        after.layers.remove(at.index(h.layers.len()));
        let c = compare(&h, &after);
        prop_assert_eq!(count(&c, Status::Removed), 1, "{:#?}", c.rows);
        prop_assert_eq!(count(&c, Status::Added), 0);
        prop_assert_eq!(c.rows.len(), h.layers.len());
    }

    #[test]
    fn every_layer_is_in_exactly_one_row(b in history(40), a in history(40)) {
        let c = compare(&b, &a);
        let mut seen_b = vec![0u32; b.layers.len()];
        let mut seen_a = vec![0u32; a.layers.len()];
        for r in &c.rows {
            if let Some(l) = &r.before { seen_b[l.index] += 1; }
            if let Some(l) = &r.after { seen_a[l.index] += 1; }
            prop_assert!(r.before.is_some() || r.after.is_some());
        }
        prop_assert!(seen_b.iter().all(|&n| n == 1), "before {:?}", seen_b);
        prop_assert!(seen_a.iter().all(|&n| n == 1), "after {:?}", seen_a);
        let sum: i128 = c.rows.iter().map(|r| i128::from(r.delta.bytes)).sum();
        prop_assert_eq!(sum, i128::from(c.delta.bytes));
        // rows are oldest first on the after side (moved rows sit at their new place)
        let after_order: Vec<usize> = c.rows.iter().filter_map(|r| r.after.as_ref().map(|l| l.index)).collect();
        prop_assert!(after_order.windows(2).all(|w| w[0] < w[1]), "{:?}", after_order);
    }
}

fn extreme_layer() -> impl Strategy<Value = Layer> {
    (
        created_by(),
        any::<bool>(),
        any::<u64>(),
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(|(created_by, truncated, bytes, tolerance, exact)| Layer {
            created_by,
            truncated,
            size: if exact && bytes % 7 == 0 {
                None
            } else {
                Some(Size {
                    bytes,
                    tolerance,
                    exact,
                })
            },
            ..Layer::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Sizes anywhere in u64 (sums saturate), missing sizes, odd text: the whole
    /// pipeline (comparison, reports, chart, SVG) neither panics nor loses a layer.
    #[test]
    fn extreme_sizes_never_panic(
        b in prop::collection::vec(extreme_layer(), 0..12),
        a in prop::collection::vec(extreme_layer(), 0..12),
    ) {
        let (b, a) = (History { layers: b, ..History::default() }, History { layers: a, ..History::default() });
        let c = compare(&b, &a);
        let n: usize = c.rows.iter().map(|r| usize::from(r.before.is_some()) + usize::from(r.after.is_some())).sum();
        prop_assert_eq!(n, b.layers.len() + a.layers.len());
        let _ = (layerdiff_core::report::pair::text(&c), layerdiff_core::report::pair::markdown(&c));
        let json: serde_json::Value = serde_json::from_str(&layerdiff_core::report::pair::json(&c)).expect("json");
        prop_assert_eq!(json["rows"].as_array().map(|r| r.len()), Some(c.rows.len()));
        let d = layerdiff_core::chart::chart_data(&c, &b, &a);
        let svg = layerdiff_core::chart::render_svg(&d, &layerdiff_core::chart::ChartOptions::default());
        prop_assert!(svg.trim_end().ends_with("</svg>"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A path of 2 to 8 histories (sizes anywhere in u64 included): every layer
    /// of every step has one track, distinct within its step; a track lives in
    /// one run of consecutive steps and passes from a step to the next exactly
    /// where a neighbour row matches its layers; Δ to first is the totals'
    /// difference; the chart covers every layer once and draws at any width.
    #[test]
    fn a_path_follows_every_layer_and_draws(
        steps in prop::collection::vec(
            prop_oneof![history(10), prop::collection::vec(extreme_layer(), 0..6)
                .prop_map(|layers| History { layers, ..History::default() })],
            2..=8,
        ),
        width in 300u32..1200,
    ) {
        use layerdiff_core::compare::path::compare_path;
        let refs: Vec<&History> = steps.iter().collect();
        let p = compare_path(&refs).expect("2 to 8 steps");
        for (k, step) in p.steps.iter().enumerate() {
            prop_assert_eq!(step.tracks.len(), steps[k].layers.len());
            let mut ids: Vec<usize> = step.tracks.iter().map(|t| t.0).collect();
            ids.sort_unstable();
            ids.dedup();
            prop_assert_eq!(ids.len(), step.tracks.len());
            let diff = i128::from(step.total.bytes) - i128::from(p.steps[0].total.bytes);
            let to_first = step.to_first.map_or(0, |d| i128::from(d.bytes));
            // saturating sums may clip the difference; it is exact otherwise
            if step.total.bytes < u64::MAX / 2 && p.steps[0].total.bytes < u64::MAX / 2 {
                prop_assert_eq!(to_first, diff);
            }
        }
        for (t, track) in p.tracks.iter().enumerate() {
            for (k, step) in p.steps.iter().enumerate() {
                let holds = step.tracks.iter().any(|x| x.0 == t);
                prop_assert_eq!(holds, (track.first_step..=track.last_step).contains(&k));
            }
        }
        for (k, c) in p.neighbours.iter().enumerate() {
            for r in &c.rows {
                if let (Some(b), Some(a)) = (&r.before, &r.after) {
                    prop_assert_eq!(p.track_of(k, b.index), p.track_of(k + 1, a.index));
                }
            }
        }
        for w in p.base_spans.windows(2) {
            prop_assert!(w[0].last_step < w[1].first_step, "{:?}", p.base_spans);
        }
        let d = layerdiff_core::chart::path_chart_data(&p, &refs);
        for (k, h) in steps.iter().enumerate() {
            let mut layers: Vec<usize> = d.segments.iter().filter(|s| s.step == k).flat_map(|s| s.layers.clone()).collect();
            layers.sort_unstable();
            prop_assert_eq!(layers, (0..h.layers.len()).collect::<Vec<_>>());
        }
        let options = layerdiff_core::chart::ChartOptions { width, height: 600, dark: width % 2 == 0 };
        let svg = layerdiff_core::chart::path_svg(&p, &refs, &options);
        prop_assert!(svg.trim_end().ends_with("</svg>"));
        let json: serde_json::Value = serde_json::from_str(&layerdiff_core::report::path::json(&p)).expect("json");
        prop_assert_eq!(json["steps"].as_array().map(Vec::len), Some(steps.len()));
        let _ = (layerdiff_core::report::path::text(&p), layerdiff_core::report::path::markdown(&p));
    }
}
