//! Property tests for redaction: on any text, findings are ordered,
//! non-overlapping ranges on character boundaries that hold a non-empty value,
//! masking never panics, and each finding's value is masked.

use layerdiff_core::model::{History, Layer};
use layerdiff_core::redact::{find_in_text, find_secrets, mask, mask_text};
use proptest::prelude::*;

/// Text that often looks like instructions with secrets in them.
fn instruction_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("|2 ".to_string()),
        Just("GIT_TOKEN=".to_string()),
        Just("ENV DB_PASSWORD ".to_string()),
        Just("--password=".to_string()),
        Just("https://u:p@h/".to_string()),
        Just("Authorization: Bearer ".to_string()),
        Just("ghp_0123456789abcdefABCDEF".to_string()),
        Just("AKIA0123456789ABCDEF".to_string()),
        Just("\"".to_string()),
        Just(" ".to_string()),
        Just("…".to_string()),
        "[a-zA-Z0-9_=:@/ ]{0,8}",
        ".{0,4}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn findings_are_well_formed(text in prop_oneof![instruction_like(), ".{0,120}"]) {
        let found = find_in_text(&text);
        let mut end = 0;
        for s in &found {
            prop_assert!(s.range.start >= end, "overlap or disorder: {found:?}");
            prop_assert!(s.range.start < s.range.end, "empty range: {found:?}");
            prop_assert!(text.get(s.range.clone()).is_some(), "not on char boundaries: {found:?}");
            end = s.range.end;
        }
        let masked = mask_text(&text);
        prop_assert_eq!(masked.chars().count(), text.chars().count());
    }

    #[test]
    fn masked_histories_hold_no_finding(texts in prop::collection::vec(instruction_like(), 0..6)) {
        let history = History {
            layers: texts
                .iter()
                .map(|t| Layer { created_by: t.clone(), ..Layer::default() })
                .collect(),
            ..History::default()
        };
        let findings = find_secrets(&history);
        let masked = mask(&history, &findings);
        prop_assert_eq!(masked.layers.len(), history.layers.len());
        for f in &findings {
            let before = &history.layers[f.layer].created_by;
            let after = &masked.layers[f.layer].created_by;
            let secret = before.get(f.range.clone()).unwrap_or_default();
            // Each finding removes one occurrence of its value. (A value with
            // `*` in it can be spelled again by the mask itself: the masked
            // `--password=***` contains the secret `--password=*`.)
            if secret.len() >= 4 && !secret.contains('*') {
                prop_assert!(
                    after.matches(secret).count() < before.matches(secret).count(),
                    "{secret:?} not masked in {after:?}"
                );
            }
        }
    }
}
