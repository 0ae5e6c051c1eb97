//! Property tests: no string, and no mutation of a valid link, makes `decode`
//! panic; and any state survives a round trip (same labels, view, and the same
//! compared history, or the same text when there is none).

use layerdiff::core::parse::parse;
use layerdiff::core::share::{
    decode, encode, same_history, EncodeOptions, ShareState, SharedPane, ViewOptions,
};
use proptest::prelude::*;

fn demo_link() -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/corpus/000-course-3.1-backend-before-after.txt"
    ))
    .unwrap_or_default();
    let state = ShareState {
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
fn assert_same_comparison(a: &ShareState, b: &ShareState) {
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
        let state = ShareState { before, after, view: ViewOptions { sort_by_delta: sort, base_collapsed: collapsed } };
        let link = encode(&state, &EncodeOptions::default());
        let back = decode(&link).map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_same_comparison(&state, &back);
    }
}
