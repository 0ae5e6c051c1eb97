//! Frozen links: links made by released versions, committed in
//! `tests/data/share/frozen-v*.txt`, must open to the same comparison forever.
//!
//! Each fixture line is `name<TAB>fragment`; `frozen-v*.json` holds, per name,
//! what the link held when it was frozen (both panes: label and either the
//! text or the history's layers, and the view). Never edit either file, only
//! add lines: a failure here means a change broke links people have posted.

use std::collections::BTreeMap;

use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::share::v1::{LinkV1, PaneBody, PaneV1};
use layerdiff_core::share::{decode, decode_link, decode_steps, open, same_history, v2};
use serde_json::{json, Value};

fn data(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/share")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn frozen(version: u32) -> Vec<(String, String)> {
    data(&format!("frozen-v{version}.txt"))
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, link) = l.split_once('\t').unwrap_or(("?", l));
            (name.to_string(), link.to_string())
        })
        .collect()
}

fn describe_history(h: &History) -> Value {
    json!({
        "label": h.label,
        "layers": h.layers.iter().map(|l| json!({
            "id": l.id,
            "created": l.created,
            "created_by": l.created_by,
            "truncated": l.truncated,
            "size": l.size.map(|s| json!([s.bytes, s.tolerance, s.exact])),
            "comment": l.comment,
        })).collect::<Vec<_>>(),
    })
}

fn describe_pane(p: &PaneV1) -> Value {
    match &p.body {
        PaneBody::Text { selected, text } => {
            json!({ "label": p.label, "selected": selected, "text": text })
        }
        PaneBody::History { style, history } => {
            json!({ "label": p.label, "style": style, "history": describe_history(history) })
        }
    }
}

/// What a link holds, in a form that does not depend on the model's Rust types.
pub fn describe(link: &LinkV1) -> Value {
    json!({
        "view": { "sort_by_delta": link.view.sort_by_delta, "base_collapsed": link.view.base_collapsed },
        "before": describe_pane(&link.before),
        "after": describe_pane(&link.after),
    })
}

#[test]
fn frozen_v1_links_hold_what_they_held() {
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&data("frozen-v1.json")).expect("frozen-v1.json is JSON");
    let links = frozen(1);
    assert!(links.len() >= 6, "only {} frozen links", links.len());
    for (name, link) in &links {
        let got = decode_link(link).unwrap_or_else(|e| panic!("{name}: frozen link refused: {e}"));
        let want = expected
            .get(name)
            .unwrap_or_else(|| panic!("{name}: no expected content"));
        assert_eq!(
            &describe(&got),
            want,
            "{name}: frozen link now reads differently"
        );
    }
}

#[test]
fn frozen_v1_links_open_to_panes_that_read_back_to_their_histories() {
    // `edge-*` links were built by hand to reach every code of the format;
    // their histories need not be printable.
    for (name, link) in frozen(1)
        .into_iter()
        .filter(|(n, _)| !n.starts_with("edge-"))
    {
        let Ok(held) = decode_link(&link) else {
            panic!("{name}: refused")
        };
        let state = decode(&link).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (pane, shown) in [(&held.before, &state.before), (&held.after, &state.after)] {
            assert_eq!(pane.label, shown.label, "{name}");
            match &pane.body {
                PaneBody::Text { selected, text } => {
                    assert_eq!((selected, text), (&shown.selected, &shown.text), "{name}");
                }
                PaneBody::History { history, .. } => {
                    let parsed = parse(&shown.text);
                    let again = parsed.histories.get(shown.selected);
                    assert!(
                        again.is_some_and(|h| same_history(history, h)),
                        "{name}: the pane text does not read back to the frozen history:\n{}\n{again:#?}",
                        shown.text
                    );
                }
            }
        }
    }
}

/// What a version 2 link holds (steps, the compared pair, every view choice).
pub fn describe_v2(link: &v2::LinkV2) -> Value {
    let v = &link.view;
    json!({
        "view": {
            "sort_by_delta": v.sort_by_delta,
            "base_collapsed": v.base_collapsed,
            "embed": v.embed.map(|e| json!({ "findings": e.findings, "table": e.table })),
            "theme": v.theme.map(|t| format!("{t:?}")),
            "slide": v.slide,
            "focus": v.focus.map(|f| json!([f.step, f.layer])),
        },
        "pair": link.pair.map(|p| json!([p.left, p.right])),
        "steps": link.steps.iter().map(describe_pane).collect::<Vec<_>>(),
    })
}

#[test]
fn frozen_v2_links_hold_what_they_held() {
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&data("frozen-v2.json")).expect("frozen-v2.json is JSON");
    let links = frozen(2);
    assert!(links.len() >= 4, "only {} frozen links", links.len());
    for (name, link) in &links {
        let got = decode_steps(link).unwrap_or_else(|e| panic!("{name}: frozen link refused: {e}"));
        let want = expected
            .get(name)
            .unwrap_or_else(|| panic!("{name}: no expected content"));
        assert_eq!(
            &describe_v2(&got),
            want,
            "{name}: frozen link now reads differently"
        );
        let opened = open(link).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(opened.steps.len(), got.steps.len(), "{name}");
        assert_eq!(
            (opened.view, opened.compared),
            (got.view, got.pair),
            "{name}"
        );
    }
}

#[test]
fn frozen_v1_links_open_as_two_steps_through_the_pages_reader() {
    for (name, link) in frozen(1) {
        let (Ok(pair), Ok(steps)) = (decode(&link), open(&link)) else {
            panic!("{name}: refused")
        };
        assert_eq!(steps.steps, vec![pair.before, pair.after], "{name}");
        assert_eq!((steps.view, steps.compared), (pair.view, None), "{name}");
    }
}
