//! The product's demo (corpus 000) compared: the numbers and the rows a
//! careful reader expects, with histories built by hand (independent of the parser).

mod compare_common;
use compare_common as common;

use layerdiff_core::compare::{compare, Status};
use layerdiff_core::report::pair as report;

#[test]
fn demo_totals_read_as_the_headings_say() {
    let c = compare(&common::demo_before(), &common::demo_after());
    assert_eq!(c.before.total.approx(), "≈ 417 MB");
    assert_eq!(c.after.total.approx(), "≈ 316 MB");
    assert_eq!(c.delta.describe(c.before.total.bytes), "−101 MB (−24 %)");
    assert_eq!(
        c.delta.describe_approx(c.before.total.bytes),
        "≈ −101 MB (−24 %)"
    );
    assert_eq!(c.base.layers, 5);
    assert_eq!(c.base.total.approx(), "≈ 117 MB");
    assert!(!c.base.changed, "{:?}", c.base.reason);
    assert_eq!(c.before.total.bytes, 417_294_752);
    assert_eq!(c.after.total.bytes, 316_000_752);
}

#[test]
fn demo_rows_are_what_a_person_sees() {
    let c = compare(&common::demo_before(), &common::demo_after());
    println!("{}", report::text(&c));
    let find = |needle: &str| {
        c.rows
            .iter()
            .find(|r| {
                r.before
                    .as_ref()
                    .is_some_and(|l| l.created_by.contains(needle))
                    || r.after
                        .as_ref()
                        .is_some_and(|l| l.created_by.contains(needle))
            })
            .map(|r| r.status)
    };
    assert_eq!(find("EXPOSE 8000"), Some(Status::Moved));
    assert_eq!(find("apt-get update"), Some(Status::Changed));
    assert_eq!(find("apt-get install -y nodejs"), Some(Status::Removed));
    assert_eq!(find("curl -sL"), Some(Status::Removed));
    assert_eq!(find("npm install"), Some(Status::Removed));
    assert!(c
        .rows
        .iter()
        .take(5)
        .all(|r| r.status == Status::Same && r.in_base));
    assert_eq!(
        c.rows.last().map(|r| r.status),
        Some(Status::Same),
        "the final CMD"
    );
}

#[test]
fn demo_file_parsed_by_the_real_parser_reads_the_same() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus/000-course-3.1-backend-before-after.txt");
    let text = std::fs::read_to_string(path).expect("demo file");
    let parsed = layerdiff_core::parse::parse(&text);
    assert_eq!(parsed.histories.len(), 2, "{:?}", parsed.diagnostics);
    let c = compare(&parsed.histories[0], &parsed.histories[1]);
    assert_eq!(c.before.total.approx(), "≈ 417 MB");
    assert_eq!(c.after.total.approx(), "≈ 316 MB");
    assert_eq!(
        c.delta.describe_approx(c.before.total.bytes),
        "≈ −101 MB (−24 %)"
    );
    assert_eq!(
        (c.base.layers, c.base.total.approx()),
        (5, "≈ 117 MB".to_string())
    );
    assert_eq!(c.headline(), "≈ 417 MB → ≈ 316 MB: ≈ −101 MB (−24 %)");
}
