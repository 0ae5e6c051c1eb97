//! Every corpus comparison survives a link: opening the link gives panes that
//! read back to the same histories (labels, layer count, CREATED BY, sizes with
//! their tolerance, truncation flags), and the options drop or mask exactly
//! what they promise. The comparison (`compare()`) of the reopened pair equals
//! the original's.

#[path = "share_support/pairs.rs"]
mod pairs;
#[path = "share_support/synthetic.rs"]
mod synthetic;

use layerdiff_core::compare::compare;
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::share::v1::PaneBody;
use layerdiff_core::share::{
    decode, decode_link, encode, EncodeOptions, SharedPair, SharedPane, MAX_OPENED_TEXT,
};
use pairs::corpus_pairs;
use synthetic::synthetic_no_trunc_history;

fn compared(pane: &SharedPane) -> Option<History> {
    parse(&pane.text).histories.get(pane.selected).cloned()
}

/// Readable differences between two histories ("" when the same).
fn differences(want: &History, got: &History) -> String {
    let mut out = String::new();
    if want.label != got.label {
        out += &format!("  label {:?} → {:?}\n", want.label, got.label);
    }
    if want.layers.len() != got.layers.len() {
        out += &format!("  {} layers → {}\n", want.layers.len(), got.layers.len());
    }
    for (i, (a, b)) in want.layers.iter().zip(&got.layers).enumerate() {
        let fields = [
            ("id", format!("{:?}", a.id), format!("{:?}", b.id)),
            (
                "created",
                format!("{:?}", a.created),
                format!("{:?}", b.created),
            ),
            (
                "created_by",
                format!("{:?}", a.created_by),
                format!("{:?}", b.created_by),
            ),
            (
                "truncated",
                a.truncated.to_string(),
                b.truncated.to_string(),
            ),
            ("size", format!("{:?}", a.size), format!("{:?}", b.size)),
            (
                "comment",
                format!("{:?}", a.comment),
                format!("{:?}", b.comment),
            ),
        ];
        for (name, x, y) in fields {
            if x != y {
                out += &format!("  layer {i} {name}: {x} → {y}\n");
            }
        }
    }
    out
}

fn round_trip(state: &SharedPair, opts: &EncodeOptions) -> SharedPair {
    let link = encode(state, opts);
    decode(&link).unwrap_or_else(|e| panic!("own link refused: {e}"))
}

#[test]
fn every_corpus_pair_round_trips() {
    let pairs = corpus_pairs();
    assert!(
        pairs.len() >= 12,
        "only {} pairs found: is the parser merged?",
        pairs.len()
    );
    let mut failures = String::new();
    for p in &pairs {
        let state = SharedPair {
            before: p.before.clone(),
            after: p.after.clone(),
            ..SharedPair::default()
        };
        let back = round_trip(&state, &EncodeOptions::default());
        let sides = [&state.before, &state.after, &back.before, &back.after].map(compared);
        if let [Some(b0), Some(a0), Some(b1), Some(a1)] = &sides {
            if compare(b0, a0) != compare(b1, a1) {
                failures += &format!("{}: the comparison (rows, totals, base) differs\n", p.name);
            }
        }
        for (side, want, got) in [
            ("before", &state.before, &back.before),
            ("after", &state.after, &back.after),
        ] {
            assert_eq!(want.label, got.label);
            match (compared(want), compared(got)) {
                (Some(w), Some(g)) => {
                    let d = differences(&w, &g);
                    if !d.is_empty() {
                        failures += &format!("{} {side}:\n{d}", p.name);
                    }
                }
                (w, g) => {
                    failures += &format!(
                        "{} {side}: history {} → {}\n",
                        p.name,
                        w.is_some(),
                        g.is_some()
                    )
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "links that changed the comparison:\n{failures}"
    );
}

#[test]
fn every_corpus_history_round_trips_alone() {
    let dir = pairs::corpus_dir();
    let mut failures = String::new();
    let mut checked = 0;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let n = parse(&text).histories.len();
        for selected in 0..n {
            let state = SharedPair {
                before: SharedPane {
                    label: "x".into(),
                    text: text.clone(),
                    selected,
                },
                ..SharedPair::default()
            };
            let back = round_trip(&state, &EncodeOptions::default());
            checked += 1;
            match (compared(&state.before), compared(&back.before)) {
                (Some(w), Some(g)) => {
                    let d = differences(&w, &g);
                    if !d.is_empty() {
                        failures += &format!("{} #{selected}:\n{d}", path.display());
                    }
                }
                _ => failures += &format!("{} #{selected}: history lost\n", path.display()),
            }
        }
    }
    assert!(
        checked >= 40,
        "only {checked} histories: is the parser merged?"
    );
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn dropping_ids_and_created_removes_them_and_keeps_the_rest() {
    let opts = EncodeOptions {
        drop_ids: true,
        drop_created: true,
        redact: false,
    };
    for p in corpus_pairs() {
        let state = SharedPair {
            before: p.before.clone(),
            after: p.after.clone(),
            ..SharedPair::default()
        };
        let full = encode(&state, &EncodeOptions::default());
        let lean_link = encode(&state, &opts);
        assert!(
            lean_link.len() <= full.len(),
            "{}: lean {} > full {}",
            p.name,
            lean_link.len(),
            full.len()
        );
        let back = round_trip(&state, &opts);
        for (want, got) in [(&state.before, &back.before), (&state.after, &back.after)] {
            let (Some(mut w), Some(g)) = (compared(want), compared(got)) else {
                panic!("{}: history lost", p.name)
            };
            // Without a CREATED value, the table prints docker's `N/A`.
            let no_created = |c: &Option<String>| c.as_deref().is_none_or(|c| c == "N/A");
            assert!(
                g.layers
                    .iter()
                    .all(|l| l.id.is_none() && no_created(&l.created)),
                "{}: ids or CREATED kept",
                p.name
            );
            for (l, back) in w.layers.iter_mut().zip(&g.layers) {
                l.id = None;
                l.created = back.created.clone();
                // Printed in today's style, a pre-1.13 hard cut at 45
                // characters comes back cut at 44 + `…` (063): accepted here,
                // where the paste cannot travel as typed.
                let recut = l.truncated
                    && back.truncated
                    && l.created_by.starts_with(&back.created_by)
                    && l.created_by.chars().count() == back.created_by.chars().count() + 1;
                if recut {
                    l.created_by = back.created_by.clone();
                }
            }
            let d = differences(&w, &g);
            assert!(d.is_empty(), "{}:\n{d}", p.name);
        }
    }
}

#[test]
fn redact_masks_the_leak_in_both_forms_of_a_pane() {
    let path = pairs::corpus_dir().join("043-hash-prefixed-rows-build-arg-leak.txt");
    let text = std::fs::read_to_string(path).expect("043");
    let state = SharedPair {
        before: SharedPane {
            text: text.clone(),
            ..SharedPane::default()
        },
        ..SharedPair::default()
    };
    let plain = round_trip(&state, &EncodeOptions::default());
    assert!(
        plain.before.text.contains("GIT_ACCESS_TOKEN=leaked"),
        "without redact the text is kept"
    );
    let safe = round_trip(
        &state,
        &EncodeOptions {
            redact: true,
            ..EncodeOptions::default()
        },
    );
    assert!(!safe.before.text.contains("leaked"), "{}", safe.before.text);
    assert!(
        safe.before.text.contains("GIT_ACCESS_TOKEN=***"),
        "{}",
        safe.before.text
    );
    // A paste with no history at all travels as text, masked too.
    let prose = SharedPair {
        before: SharedPane {
            text: "export NPM_TOKEN=abc123 && npm ci".into(),
            ..SharedPane::default()
        },
        ..SharedPair::default()
    };
    let back = round_trip(
        &prose,
        &EncodeOptions {
            redact: true,
            ..EncodeOptions::default()
        },
    );
    assert_eq!(back.before.text, "export NPM_TOKEN=****** && npm ci");
}

#[test]
fn view_options_and_labels_travel() {
    let mut state = SharedPair::default();
    state.before.label = "node:16 vanilla".into();
    state.after.label = "multi-stage ✓".into();
    state.view.sort_by_delta = true;
    state.view.base_collapsed = true;
    assert_eq!(round_trip(&state, &EncodeOptions::default()), state);
}

/// Bytes of text a pane opens to: its label and its text.
fn opened_len(p: &SharedPane) -> usize {
    p.label.len() + p.text.len()
}

#[test]
fn a_large_real_pair_opens_well_under_the_text_budget() {
    // Two 1,000-layer `--no-trunc` histories (long commands, full ids): far
    // longer than any real image, and still a small part of the budget.
    let pane = |label: &str, seed: u64| SharedPane {
        label: label.into(),
        text: format!(
            "$ docker history --no-trunc app:{label}\n{}",
            synthetic_no_trunc_history(1_000, seed)
        ),
        selected: 0,
    };
    let state = SharedPair {
        before: pane("before", 0x5eed_0001),
        after: pane("after", 0x5eed_0002),
        ..SharedPair::default()
    };
    let link = encode(&state, &EncodeOptions::default());
    let forms = decode_link(&link)
        .map(|l| [l.before.body, l.after.body].map(|b| matches!(b, PaneBody::History { .. })));
    let back = round_trip(&state, &EncodeOptions::default());
    for (want, got) in [(&state.before, &back.before), (&state.after, &back.after)] {
        match (compared(want), compared(got)) {
            (Some(w), Some(g)) => {
                assert_eq!(w.layers.len(), 1_000);
                assert_eq!(differences(&w, &g), "");
            }
            (w, g) => panic!("history {} → {}", w.is_some(), g.is_some()),
        }
    }
    let pasted = opened_len(&state.before) + opened_len(&state.after);
    let opened = opened_len(&back.before) + opened_len(&back.after);
    eprintln!(
        "2 × 1,000-layer --no-trunc: pasted {pasted} bytes, link {} characters \
         (panes travel as parsed histories: {forms:?}), opened {opened} bytes, \
         budget {MAX_OPENED_TEXT}",
        link.len()
    );
    assert!(
        opened * 16 <= MAX_OPENED_TEXT,
        "opened {opened} bytes: more than a 16th of the budget {MAX_OPENED_TEXT}"
    );
}
