//! What the insights promise, checked on the product's demo pair (corpus 000, the text
//! the page opens with): `npm install` in before installs dev dependencies
//! and keeps the npm cache (advice, bytes unknown); the ubuntu base's own
//! `rm -rf /var/lib/apt/lists/*` raises nothing; after's merged apt RUN is
//! cut, so whether it cleans its lists is `possible`; the verdicts on the npm
//! findings are `not visible`, and the words say how to be sure (`--no-trunc`).
//! Also: the Markdown export carries the summary and the findings.

use layerdiff_core::compare::compare;
use layerdiff_core::insights::{
    of_pair, pair_summary, summary, Confidence, Insights, Rule, Signal, StakeKind, VerdictKind,
};
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::report::pair as report;

fn demo() -> (History, History) {
    let text = std::fs::read_to_string("tests/data/corpus/000-course-3.1-backend-before-after.txt")
        .expect("the demo paste");
    let mut hs = parse(&text).histories.into_iter();
    (hs.next().expect("before"), hs.next().expect("after"))
}

fn insights() -> Insights {
    let (b, a) = demo();
    of_pair(&b, &a, &compare(&b, &a))
}

/// The printed position of the row whose CREATED BY contains `needle`.
fn row(h: &History, needle: &str) -> usize {
    h.layers
        .iter()
        .position(|l| l.created_by.contains(needle))
        .unwrap_or_else(|| panic!("no row with {needle:?}"))
}

#[test]
fn npm_install_in_before_is_dev_dependencies_and_cache_advice() {
    let (before, _) = demo();
    let ins = insights();
    let npm = row(&before, "npm install");
    for rule in [Rule::NpmDevDeps, Rule::NpmCache] {
        let f = ins.histories[0]
            .findings
            .iter()
            .find(|f| f.rule == rule && f.layer == npm)
            .unwrap_or_else(|| panic!("{rule:?} on `npm install`"));
        assert_eq!(f.confidence, Confidence::Definite);
        assert_eq!((f.bytes.kind, f.bytes.value), (StakeKind::Unknown, None));
        assert!(!f.inherited);
    }
}

#[test]
fn the_ubuntu_base_cleanup_raises_nothing() {
    let (before, after) = demo();
    let ins = insights();
    for (h, history) in ins.histories.iter().zip([&before, &after]) {
        assert_eq!(h.boundary.signal, Signal::SharedBase);
        assert_eq!(h.boundary.base_layers, 5);
        let rm = row(history, "rm -rf /var/lib/apt/lists/*");
        assert_eq!(h.at_layer(rm).count(), 0, "{:#?}", h.findings);
        assert!(h.inherited().next().is_none());
    }
}

#[test]
fn the_cut_merged_apt_run_is_only_possible_and_says_how_to_be_sure() {
    let (_, after) = demo();
    let ins = insights();
    let merged = row(&after, "apt-get update");
    let f = ins.histories[1]
        .findings
        .iter()
        .find(|f| f.rule == Rule::AptListsKept)
        .expect("lists finding in after");
    assert_eq!((f.layer, f.confidence), (merged, Confidence::Possible));
    assert_eq!(f.bytes.kind, StakeKind::Upper);
    assert!(
        f.message().contains("docker history --no-trunc"),
        "{}",
        f.message()
    );
    assert!(summary(&ins.histories[1]).contains("--no-trunc"));
}

#[test]
fn the_npm_verdicts_are_not_visible_rather_than_fixed() {
    let ins = insights();
    let verdicts = ins.verdicts.as_ref().expect("a pair");
    let npm: Vec<_> = verdicts
        .iter()
        .filter(|v| matches!(v.rule, Rule::NpmDevDeps | Rule::NpmCache))
        .collect();
    assert_eq!(npm.len(), 2);
    assert!(npm.iter().all(|v| v.verdict == VerdictKind::NotVisible));
    assert!(verdicts.iter().all(|v| v.verdict != VerdictKind::Fixed));
    let words = pair_summary(&ins).expect("pair words");
    // what is known: none can be confirmed, and why; never "fixed none"
    assert!(
        words.starts_with(
            "None of the 5 findings can be confirmed or ruled out: the after commands are cut"
        ),
        "{words}"
    );
    assert!(!words.contains("fixed"), "{words}");
    assert!(words.contains("docker history --no-trunc"), "{words}");
}

#[test]
fn the_markdown_export_carries_the_summary_and_the_findings() {
    let (b, a) = demo();
    let c = compare(&b, &a);
    let ins = of_pair(&b, &a, &c);
    let md = report::markdown_full(&c, Some(&ins), Some("https://example.org/#x"));
    assert!(md.starts_with(report::markdown(&c).trim_end()));
    for part in [
        "### Insights",
        summary(&ins.histories[0]).as_str(),
        "npm dev dependencies installed",
        "`RUN npm install`",
        "#### Before → after",
        "| npm cache kept | 2 | not visible |",
        "[Open this comparison in layerdiff](https://example.org/#x)",
    ] {
        assert!(md.contains(part), "{part:?} not in:\n{md}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&report::json_with_insights(&c, &ins)).expect("JSON");
    assert_eq!(
        json["insights"]["pair"]["verdicts"][0]["verdict"],
        "not visible"
    );
    assert_eq!(json["delta_bytes"], c.delta.bytes);
}
