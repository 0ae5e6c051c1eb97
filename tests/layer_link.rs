//! Links to one layer: "layer N of step S" is the layer's printed
//! position (newest first, as `layerdiff parse` prints and findings count),
//! and it finds the comparison row holding that layer, on every corpus pair,
//! either way round and as the steps of a longer path.

mod common;
#[path = "share_support/pairs.rs"]
mod pairs;
mod snapshots;

use layerdiff_core::compare::compare;
use layerdiff_core::insights::of_pair;
use layerdiff_core::layer_link::{locate, of_row, Located, Missing};
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::share::{LayerAt, StepPair};

fn history(text: &str) -> History {
    parse(text).histories.remove(0)
}

/// Every layer of both sides, named as a link names it, is found in the row
/// whose layer has that layer's printed command, and the row names it back.
#[test]
fn every_layer_of_every_corpus_pair_is_found_by_its_printed_position() {
    let pairs = pairs::corpus_pairs();
    assert!(pairs.len() > 10, "{} pairs", pairs.len());
    for pair in pairs {
        let (before, after) = (history(&pair.before.text), history(&pair.after.text));
        let c = compare(&before, &after);
        // Steps 3 and 5 of a path, compared backwards or forwards.
        for steps in [
            StepPair { left: 2, right: 4 },
            StepPair { left: 4, right: 2 },
        ] {
            for (step, h, after_side) in [(steps.left, &before, false), (steps.right, &after, true)]
            {
                for (layer, printed) in h.layers.iter().enumerate() {
                    let at = LayerAt { step, layer };
                    let got = locate(at, &c, steps, |_| None);
                    let Ok(Located::Row(row)) = got else {
                        panic!("{}: {at:?} not found: {got:?}", pair.name);
                    };
                    let r = &c.rows[row];
                    let l = if after_side { &r.after } else { &r.before };
                    let l = l.as_ref().expect("the row holds a layer of that side");
                    assert_eq!(l.created_by, printed.created_by, "{}: {at:?}", pair.name);
                    assert_eq!(
                        of_row(&c, steps, row, after_side),
                        Some(at),
                        "{}",
                        pair.name
                    );
                }
                let past = LayerAt {
                    step,
                    layer: h.layers.len(),
                };
                assert_eq!(
                    locate(past, &c, steps, |_| None),
                    Err(Missing {
                        at: past,
                        layers: Some(h.layers.len())
                    }),
                    "{}",
                    pair.name
                );
            }
        }
    }
}

/// A finding's layer is a link's layer: both count printed rows.
#[test]
fn findings_and_links_count_layers_alike() {
    let mut checked = 0;
    for pair in pairs::corpus_pairs() {
        let (before, after) = (history(&pair.before.text), history(&pair.after.text));
        let c = compare(&before, &after);
        let found = of_pair(&before, &after, &c);
        let steps = StepPair { left: 0, right: 1 };
        for (side, ins) in found.histories.iter().enumerate() {
            for f in &ins.findings {
                let at = LayerAt {
                    step: side,
                    layer: f.layer,
                };
                let Ok(Located::Row(row)) = locate(at, &c, steps, |_| None) else {
                    panic!("{}: finding on {at:?} not located", pair.name);
                };
                let r = &c.rows[row];
                let l = if side == 1 { &r.after } else { &r.before };
                let h = if side == 1 { &after } else { &before };
                assert_eq!(
                    l.as_ref().map(|l| &l.created_by),
                    Some(&h.layers[f.layer].created_by),
                    "{}",
                    pair.name
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "{checked} findings");
}

/// A layer of a step outside the compared two is found in that step by its
/// oldest-first index (how the path chart names it), or missing.
#[test]
fn a_layer_of_another_step_is_named_for_the_path_chart() {
    let pair = &pairs::corpus_pairs()[0];
    let (before, after) = (history(&pair.before.text), history(&pair.after.text));
    let c = compare(&before, &after);
    let steps = StepPair { left: 0, right: 1 };
    let at = LayerAt { step: 2, layer: 0 };
    assert_eq!(
        locate(at, &c, steps, |s| (s == 2).then_some(7)),
        Ok(Located::Step { step: 2, index: 6 })
    );
    assert_eq!(
        locate(at, &c, steps, |_| None).unwrap_err().to_string(),
        "This link points at layer 1 of step 3, but that step holds no history: the comparison is shown without it."
    );
}

/// The links the browser test (`tests/e2e/deeplink.test.mjs`) opens: the
/// demo (as the page loads it) pointing at layer 4 of step 2, and at layer
/// 40 of step 2, which has 9 (`tests/snapshots/mod.rs`, written by
/// `cargo run --example write_snapshots -- layer-links`, never by a test).
/// Once written they are frozen: they must open to that focus whatever the
/// packing does later.
#[test]
fn the_e2e_layer_links_open_to_their_layer() {
    use layerdiff_core::share;
    use snapshots::LAYER_LINKS;

    let snaps = snapshots::layer_links();
    assert_eq!(snaps.len(), LAYER_LINKS.len());
    for ((name, at, found), snap) in LAYER_LINKS.into_iter().zip(snaps) {
        let link = snap.stored().unwrap_or_else(|e| panic!("{e}"));
        let opened = share::open(link.trim()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(opened.view.focus, Some(at), "{name}");
        let h: Vec<History> = opened.steps.iter().map(|s| history(&s.text)).collect();
        let c = compare(&h[0], &h[1]);
        let got = locate(at, &c, StepPair { left: 0, right: 1 }, |_| None);
        assert_eq!(got.is_ok(), found, "{name}: {got:?}");
        if found {
            // The e2e test reads this in the inspector.
            let cmds: Vec<_> = h[1].layers.iter().map(|l| l.created_by.as_str()).collect();
            assert_eq!(h[1].layers.len(), 9, "{cmds:#?}");
            assert!(cmds[3].contains("apt-get update"), "{cmds:#?}");
        }
    }
}
