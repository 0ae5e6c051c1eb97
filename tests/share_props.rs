//! Property tests: no string, and no mutation of a valid link, makes `decode`
//! panic; and any state survives a round trip (same labels, view, and the same
//! compared history, or the same text when there is none).

use layerdiff_core::model::{History, Layer, Size};
use layerdiff_core::parse::parse;
use layerdiff_core::render::{render, render_within, RenderStyle};
use layerdiff_core::share::{
    decode, encode, same_history, EncodeOptions, SharedPair, SharedPane, ViewOptions,
};
use proptest::prelude::*;

fn demo_link() -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/corpus/000-course-3.1-backend-before-after.txt"
    ))
    .unwrap_or_default();
    let state = SharedPair {
        before: SharedPane {
            label: "before".into(),
            text: text.clone(),
            selected: 0,
        },
        after: SharedPane {
            label: "after".into(),
            text,
            selected: 1,
        },
        view: ViewOptions::default(),
    };
    encode(&state, &EncodeOptions::default())
}

fn pane() -> impl Strategy<Value = SharedPane> {
    (".{0,12}", ".{0,300}", 0usize..3).prop_map(|(label, text, selected)| SharedPane {
        label,
        text,
        selected,
    })
}

/// Same labels and view; each pane reads back to the same compared history
/// (or, when it has none, the same text).
fn assert_same_comparison(a: &SharedPair, b: &SharedPair) {
    assert_eq!(a.view, b.view);
    for (x, y) in [(&a.before, &b.before), (&a.after, &b.after)] {
        assert_eq!(x.label, y.label);
        let hx = parse(&x.text).histories.get(x.selected).cloned();
        let hy = parse(&y.text).histories.get(y.selected).cloned();
        match (hx, hy) {
            (Some(hx), Some(hy)) => assert!(
                same_history(&hx, &hy),
                "histories differ:\n{hx:#?}\n{hy:#?}"
            ),
            (None, _) => assert_eq!(x.text, y.text),
            (Some(_), None) => panic!("the compared history was lost"),
        }
    }
}

/// Every history of the corpus.
fn corpus_histories() -> Vec<History> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .iter()
        .flat_map(|p| parse(&std::fs::read_to_string(p).unwrap_or_default()).histories)
        .collect()
}

const STYLES: [RenderStyle; 5] = [
    RenderStyle::Docker,
    RenderStyle::DockerNoTrunc,
    RenderStyle::DockerHumanFalse,
    RenderStyle::JsonLines,
    RenderStyle::Podman,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_strings_never_panic(s in ".{0,200}") {
        let _ = decode(&s);
        let _ = decode(&format!("1{s}"));
    }

    #[test]
    fn random_base64_bodies_never_panic(s in "[A-Za-z0-9_-]{0,300}") {
        let _ = decode(&format!("1{s}"));
    }

    #[test]
    fn mutated_links_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), "[A-Za-z0-9_-]{0,3}", 0usize..4), 1..6)) {
        let mut link = demo_link();
        for (at, insert, remove) in edits {
            let chars: Vec<char> = link.chars().collect();
            let i = at.index(chars.len().max(1)).min(chars.len());
            let end = (i + remove).min(chars.len());
            let mut next: String = chars.get(..i).unwrap_or_default().iter().collect();
            next.push_str(&insert);
            next.extend(chars.get(end..).unwrap_or_default());
            link = next;
        }
        let _ = decode(&link);
    }

    #[test]
    fn any_state_round_trips(before in pane(), after in pane(), sort in any::<bool>(), collapsed in any::<bool>()) {
        let state = SharedPair { before, after, view: ViewOptions { sort_by_delta: sort, base_collapsed: collapsed, ..ViewOptions::default() } };
        let link = encode(&state, &EncodeOptions::default());
        let back = decode(&link).map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_same_comparison(&state, &back);
    }

    #[test]
    fn printed_corpus_histories_round_trip(
        pick in any::<prop::sample::Index>(),
        style in 0usize..5,
        keep in prop::collection::vec(any::<bool>(), 0..80),
        view_label in "[a-z ]{0,10}",
    ) {
        let all = corpus_histories();
        prop_assume!(!all.is_empty());
        let mut h = all[pick.index(all.len())].clone();
        // A random subset of the rows, printed in a random style.
        let mut k = keep.iter().cycle();
        h.layers.retain(|_| *k.next().unwrap_or(&true));
        let text = render(&h, STYLES[style]);
        let state = SharedPair {
            before: SharedPane { label: view_label, text, selected: 0 },
            after: SharedPane::default(),
            view: ViewOptions::default(),
        };
        let back = decode(&encode(&state, &EncodeOptions::default())).map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_same_comparison(&state, &back);
    }

    #[test]
    fn links_made_with_any_options_open(
        before in pane(),
        after in pane(),
        drop_ids in any::<bool>(),
        drop_created in any::<bool>(),
        redact in any::<bool>(),
    ) {
        let state = SharedPair { before, after, view: ViewOptions::default() };
        let opts = EncodeOptions { drop_ids, drop_created, redact };
        let back = decode(&encode(&state, &opts)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back.before.label, &state.before.label);
        prop_assert_eq!(&back.after.label, &state.after.label);
    }

    // A crafted link can carry any payload with a valid checksum, so the
    // binary decoder itself must refuse anything without panicking.
    #[test]
    fn any_payload_bytes_never_panic_the_v1_decoder(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = layerdiff_core::share::v1::decode(&bytes);
    }

    #[test]
    fn mutated_payloads_never_panic_the_v1_decoder(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let link = layerdiff_core::share::decode_link(&demo_link()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut bytes = layerdiff_core::share::v1::encode(&link);
        for (at, value) in flips {
            let i = at.index(bytes.len());
            if let Some(b) = bytes.get_mut(i) {
                *b = value;
            }
        }
        if let Ok(link) = layerdiff_core::share::v1::decode(&bytes) {
            // Whatever decodes must also encode and decode to itself.
            let again = layerdiff_core::share::v1::decode(&layerdiff_core::share::v1::encode(&link));
            prop_assert_eq!(again, Ok(link));
        }
    }

    // Opening a link measures a printed history before printing it, so the
    // measure must be exact for any cells a crafted link can hold: tabs and
    // newlines that break tabwriter's rows, wide and escaped characters
    // (the exact length prints; one byte less is refused).
    #[test]
    fn render_within_measures_exactly(
        layers in prop::collection::vec(any_layer(), 0..6),
        label in ".{0,10}",
    ) {
        let h = History { label, layers, ..History::default() };
        for style in STYLES {
            let printed = render(&h, style);
            let len = printed.len();
            prop_assert_eq!(render_within(&h, style, len), Some(printed), "{:?}", style);
            if let Some(short) = len.checked_sub(1) {
                prop_assert_eq!(render_within(&h, style, short), None, "{:?}", style);
            }
        }
    }
}

/// A cell that may hold anything a crafted link can carry.
fn any_cell() -> impl Strategy<Value = String> {
    "(.|\t|\n|\r|三|\u{1}|\u{2028}){0,24}"
}

fn any_layer() -> impl Strategy<Value = Layer> {
    (
        prop::option::of(any_cell()),
        prop::option::of(any_cell()),
        any_cell(),
        any::<bool>(),
        prop::option::of((any::<u64>(), 0u64..100_000, any::<bool>())),
        any_cell(),
    )
        .prop_map(
            |(id, created, created_by, truncated, size, comment)| Layer {
                id,
                created,
                created_by,
                truncated,
                size: size.map(|(bytes, tolerance, exact)| Size {
                    bytes,
                    tolerance,
                    exact,
                }),
                comment,
                ..Layer::default()
            },
        )
}
