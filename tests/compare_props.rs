//! Property tests of the comparison: a history against itself is all `same`;
//! one inserted layer is exactly one `added`; one removed layer is exactly one
//! `removed`; and for any two histories (arbitrary text included) every layer
//! appears in exactly one row and the row deltas add up to the total delta.

use layerdiff::core::compare::{compare, Status};
use layerdiff::core::model::{History, Layer, Size};
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

fn count(c: &layerdiff::core::compare::Comparison, s: Status) -> usize {
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
        let _ = (layerdiff::core::compare::report::text(&c), layerdiff::core::compare::report::markdown(&c));
        let json: serde_json::Value = serde_json::from_str(&layerdiff::core::compare::report::json(&c)).expect("json");
        prop_assert_eq!(json["rows"].as_array().map(|r| r.len()), Some(c.rows.len()));
        let d = layerdiff::core::chart::chart_data(&c, &b, &a);
        let svg = layerdiff::core::chart::render_svg(&d, &layerdiff::core::chart::ChartOptions::default());
        prop_assert!(svg.trim_end().ends_with("</svg>"));
    }
}
