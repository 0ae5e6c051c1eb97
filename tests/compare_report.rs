//! The CLI renderings of the demo comparison: the JSON has the documented shape
//! (rows oldest first, indexes oldest first from 0), the Markdown has the totals
//! line and the aligned table, the text lines up; and the Δ sort helper.

mod compare_common;
use compare_common as common;

use layerdiff_core::compare::{compare, Comparison, SortBy, Status};
use layerdiff_core::report::pair as report;
use serde_json::Value;

fn demo() -> Comparison {
    compare(&common::demo_before(), &common::demo_after())
}

#[test]
fn json_has_the_documented_shape() {
    let v: Value = serde_json::from_str(&report::json(&demo())).expect("valid JSON");
    assert_eq!(v["before"]["label"], "Backend size beforehand");
    assert_eq!(v["before"]["total_bytes"], 417_294_752u64);
    assert_eq!(v["after"]["total_bytes"], 316_000_752u64);
    assert_eq!(v["base"]["layers"], 5);
    assert_eq!(v["base"]["bytes"], 117_000_752u64);
    assert_eq!(v["delta_bytes"], -101_294_000i64);
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 14);
    // oldest first: the ADD of the base, index 0 on both sides
    assert_eq!(rows[0]["status"], "same");
    assert_eq!(rows[0]["before"]["index"], 0);
    assert_eq!(rows[0]["after"]["index"], 0);
    assert_eq!(rows[0]["before"]["size_bytes"], 117_000_000u64);
    assert_eq!(
        rows[0]["before"]["created_by"],
        "/bin/sh -c #(nop) ADD file:7f95be7c8278786d5"
    );
    let removed = rows
        .iter()
        .find(|r| r["before"]["created_by"] == "/bin/sh -c npm install")
        .expect("npm row");
    assert_eq!(removed["status"], "removed");
    assert_eq!(removed["after"], Value::Null);
    assert_eq!(removed["before"]["index"], 12);
    assert_eq!(removed["delta_bytes"], -57_700_000i64);
    for r in rows {
        let s = r["status"].as_str().unwrap_or("");
        assert!(
            ["same", "resized", "changed", "moved", "removed", "added"].contains(&s),
            "{s}"
        );
        assert!(r["delta_bytes"].is_i64());
    }
}

#[test]
fn markdown_is_a_summary_table() {
    let md = report::markdown(&demo());
    assert!(
        md.starts_with("**Sum of layer sizes:** ≈ 417 MB → ≈ 316 MB: ≈ −101 MB (−24 %)"),
        "{md}"
    );
    assert!(md.contains("| Status | Before | Size | Δ | After | Size |"));
    assert!(
        md.contains("| = same | *base image (5 layers)* | 117 MB |"),
        "{md}"
    );
    assert!(
        md.contains("| − removed | `RUN npm install` | 57.7 MB | −57.7 MB |  |  |"),
        "{md}"
    );
    assert!(md.contains("| ⇅ moved | `EXPOSE 8000` |"), "{md}");
    // base rows are collapsed into one line: 14 rows − 5 base + 1
    assert_eq!(
        md.lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Status"))
            .count(),
        10
    );
}

#[test]
fn text_report_lines_up() {
    let t = report::text(&demo());
    assert!(
        t.contains("Change: ≈ −101 MB (−24 %) (sum of layer sizes)"),
        "{t}"
    );
    let table: Vec<&str> = t.lines().skip_while(|l| !l.starts_with("STATUS")).collect();
    let col = |l: &str| {
        l.find("BEFORE")
            .or_else(|| l.char_indices().nth(11).map(|x| x.0))
    };
    assert_eq!(table.len(), 11, "{t}");
    assert!(col(table[0]).is_some());
}

#[test]
fn sorting_by_delta_puts_the_biggest_saving_first() {
    let c = demo();
    let order = c.row_order(SortBy::DeltaAscending);
    let first = &c.rows[order[0]];
    assert_eq!(first.status, Status::Removed);
    assert_eq!(first.delta.bytes, -93_900_000);
    let grow = &c.rows[c.row_order(SortBy::DeltaDescending)[0]];
    assert_eq!(grow.delta.bytes, 84_000_000);
    let big = &c.rows[c.row_order(SortBy::Magnitude)[0]];
    assert_eq!(big.delta.bytes, -93_900_000);
    assert_eq!(
        c.row_order(SortBy::Position),
        (0..c.rows.len()).collect::<Vec<_>>()
    );
    assert_eq!(c.counts().iter().map(|x| x.1).sum::<usize>(), c.rows.len());
}
