//! Property tests of the insights: for any before/after pair that shares a
//! base image (whose rows are full of what own-layer rules look for:
//! `apt-get update`, `rm -rf /var/lib/apt/lists/*`, `chown`, `npm install`,
//! builds), no rule fires on a base row except the two that are about the
//! base (toolchain, full base), and those say `inherited`. The base is told
//! by the shared block and never runs past it. Any text at all, on its own
//! or as a pair, gives findings that point inside the history.

mod timing;

use layerdiff_core::compare::compare;
use layerdiff_core::insights::{of_histories, of_pair, HistoryInsights, Rule, Signal};
use layerdiff_core::model::{History, Layer, Size};
use proptest::prelude::*;

/// Base-image steps an own-layer rule would flag (legacy builder rows).
const BASE: [&str; 14] = [
    "/bin/sh -c apt-get update && apt-get install -y curl",
    "/bin/sh -c rm -rf /var/lib/apt/lists/*",
    "/bin/sh -c chown -R app /app",
    "/bin/sh -c npm install",
    "/bin/sh -c pip install flask",
    "/bin/sh -c apk add go",
    "/bin/sh -c tar xzf /tmp/a.tgz",
    "/bin/sh -c make && make install",
    "/bin/sh -c yum install -y x",
    "/bin/sh -c go build",
    "/bin/sh -c #(nop)  ENV GOLANG_VERSION=1.2",
    "/bin/sh -c #(nop)  ENV PYTHON_VERSION=3.12",
    "/bin/sh -c #(nop)  CMD [\"jshell\"]",
    "/bin/sh -c #(nop) COPY dir:abc in /app ",
];

/// Own steps, legacy or BuildKit, smelly or not.
const OWN: [&str; 12] = [
    "/bin/sh -c npm ci",
    "RUN /bin/sh -c apt-get update # buildkit",
    "RUN /bin/sh -c apt-get install -y gcc # buildkit",
    "COPY . . # buildkit",
    "/bin/sh -c #(nop) COPY dir:def in /app ",
    "/bin/sh -c rm -rf /tmp/x",
    "RUN /bin/sh -c chmod -R 755 /app # buildkit",
    "/bin/sh -c #(nop) WORKDIR /app",
    "RUN /bin/sh -c npm run build # buildkit",
    "/bin/sh -c echo done",
    "RUN /bin/sh -c pip install --no-cache-dir -r r.txt # buildkit",
    "/bin/sh -c #(nop)  CMD [\"node\", \"app.js\"]",
];

/// One layer: a step of `pool`, a size, maybe cut short.
fn layer(pool: &'static [&'static str]) -> impl Strategy<Value = Layer> {
    (0..pool.len(), 0u64..600_000_000, 0usize..60, any::<bool>()).prop_map(
        move |(k, bytes, cut_at, cut)| {
            let text = pool.get(k).copied().unwrap_or_default();
            let cut = cut && cut_at < text.chars().count();
            Layer {
                created_by: if cut {
                    text.chars().take(cut_at).collect()
                } else {
                    text.to_string()
                },
                truncated: cut,
                size: Some(Size {
                    bytes,
                    tolerance: 0,
                    exact: true,
                }),
                ..Layer::default()
            }
        },
    )
}

/// Two histories on the same base: (before, after, rows of the base), layers as printed.
fn pair() -> impl Strategy<Value = (History, History, usize)> {
    (
        prop::collection::vec(layer(&BASE), 1..8),
        prop::collection::vec(layer(&OWN), 1..8),
        prop::collection::vec(layer(&OWN), 1..8),
    )
        .prop_map(|(base, own_b, own_a)| {
            let root = Layer {
                created_by: "/bin/sh -c #(nop) ADD file:0123abcd in / ".into(),
                size: Some(Size {
                    bytes: 80_000_000,
                    tolerance: 0,
                    exact: true,
                }),
                ..Layer::default()
            };
            let build = |own: Vec<Layer>| {
                let mut oldest = vec![root.clone()];
                oldest.extend(base.iter().cloned());
                oldest.extend(own);
                oldest.reverse();
                History {
                    layers: oldest,
                    ..History::default()
                }
            };
            (build(own_b), build(own_a), 1 + base.len())
        })
}

/// Every finding on a base row is inherited and about the base; every
/// inherited finding is on a base row; every layer is inside the history.
fn base_rows_raise_only_base_rules(h: &HistoryInsights, n: usize) -> Result<(), TestCaseError> {
    let first_base = n.saturating_sub(h.boundary.base_layers);
    for f in &h.findings {
        prop_assert!(f.layers.iter().all(|&l| l < n), "{f:?} outside {n} layers");
        prop_assert_eq!(f.layers.first(), Some(&f.layer));
        let on_base = f.layers.iter().any(|&l| l >= first_base);
        let base_rule = matches!(f.rule, Rule::ToolchainInFinalImage | Rule::FullBaseImage);
        prop_assert!(
            !on_base || (f.inherited && base_rule),
            "{f:?} on a base row"
        );
        prop_assert_eq!(f.inherited, f.layer >= first_base, "{:?}", f);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_rule_fires_on_the_shared_base_rows((before, after, base) in pair()) {
        let c = compare(&before, &after);
        let ins = of_pair(&before, &after, &c);
        let shared = c.base.layers;
        prop_assert!(shared >= base, "the root filesystem and the base steps are shared");
        for (h, history) in ins.histories.iter().zip([&before, &after]) {
            let n = history.layers.len();
            if shared < n {
                prop_assert!(h.boundary.base_layers <= shared);
                prop_assert!(h.boundary.base_layers > 0);
            }
            if h.boundary.signal == Signal::SharedBase {
                prop_assert_eq!(h.boundary.base_layers, shared);
            }
            base_rows_raise_only_base_rules(h, n)?;
        }
        let verdicts = ins.verdicts.unwrap_or_default();
        let before_layers: Vec<usize> = ins.histories[0].findings.iter().map(|f| f.layer).collect();
        prop_assert_eq!(verdicts.iter().map(|v| v.before_layer).collect::<Vec<_>>(), before_layers);
    }

    #[test]
    fn any_text_gives_findings_inside_the_history(
        rows in prop::collection::vec((any::<String>(), any::<bool>(), 0u64..10_000_000), 0..12),
        count in 1usize..4,
    ) {
        let history = History {
            layers: rows
                .into_iter()
                .map(|(created_by, truncated, bytes)| Layer {
                    created_by,
                    truncated,
                    size: Some(Size { bytes, tolerance: 0, exact: true }),
                    ..Layer::default()
                })
                .collect(),
            ..History::default()
        };
        let n = history.layers.len();
        let all = vec![history; count];
        let ins = of_histories(&all);
        prop_assert_eq!(ins.histories.len(), count);
        for h in &ins.histories {
            base_rows_raise_only_base_rules(h, n)?;
        }
    }
}

/// A history of `n` rows with every smell, in a repeating pattern of six
/// (the paths differ from row to row).
fn long_history(n: usize) -> History {
    let rows: Vec<Layer> = (0..n)
        .map(|k| Layer {
            created_by: match k % 6 {
                0 => "COPY . . # buildkit".to_string(),
                1 => format!("RUN /bin/sh -c npm install && rm -rf /tmp/{k} # buildkit"),
                2 => format!("/bin/sh -c #(nop)  ENV K{k}=v"),
                3 => format!("/bin/sh -c rm -rf /app/{k}"),
                4 => format!("/bin/sh -c chown -R app /app/{k}"),
                _ => format!("/bin/sh -c tar xzf /tmp/{k}.tgz"),
            },
            size: Some(Size {
                bytes: 2_000_000,
                tolerance: 0,
                exact: true,
            }),
            ..Layer::default()
        })
        .collect();
    History {
        layers: rows,
        ..History::default()
    }
}

/// The rules read a history without rescanning it per row (a rule looking
/// back for the layer that made a file looks at a bounded number of
/// layers): 8 times the rows take about 8 times the time (9 measured),
/// where a rescan per row takes over 40 times (46 to 52 with the look-back bound
/// of `insights::layers` removed). There is no operation counter to read,
/// so this is a ratio of times measured in the same run (`tests/timing`:
/// the fastest of 5 interleaved runs of each size, on the thread's CPU
/// clock), not an absolute limit. The figures are printed.
#[test]
fn the_rules_read_8_times_the_rows_in_about_8_times_the_time() {
    use layerdiff_core::insights::of_history;

    let (small, big) = (long_history(1_000), long_history(8_000));
    let mut found = (0, 0);
    let g = timing::growth(
        5,
        || found.0 = of_history(&small).findings.len(),
        || found.1 = of_history(&big).findings.len(),
    );
    println!(
        "1,000 rows ({} findings) against 8,000 ({} findings): {g} (linear: 8, a rescan per row: over 40)",
        found.0, found.1
    );
    // The rules did run, on every part of the history.
    assert!(
        found.0 > 500 && found.1 > 7 * found.0,
        "findings: {found:?}"
    );
    assert!(
        g.ratio < 20.0,
        "8,000 rows against 1,000: {g}; over 20: a rule rescans the history per row"
    );
}
