//! Presenting the demo pair (corpus 000, histories built by hand in
//! `compare_common`): the slides a teacher steps through, in order.

mod compare_common;
use compare_common as common;

use layerdiff_core::compare::{compare, Status};
use layerdiff_core::present::{slides, summary, Slide};

#[test]
fn demo_slides_are_totals_then_changes_by_bytes_then_summary() {
    let c = compare(&common::demo_before(), &common::demo_after());
    let all = slides(&c);
    assert_eq!(all.first(), Some(&Slide::Totals));
    assert_eq!(all.last(), Some(&Slide::Summary));
    let changes: Vec<(usize, &str, &str)> = all
        .iter()
        .filter_map(|s| match s {
            Slide::Change { row, step, what } => Some((*row, step.as_str(), what.as_str())),
            _ => None,
        })
        .collect();
    // Every row that is not the same within rounding is one slide, once.
    let expected: Vec<usize> = (0..c.rows.len())
        .filter(|&k| c.rows[k].status != Status::Same || !c.rows[k].delta.within_rounding())
        .collect();
    let mut got: Vec<usize> = changes.iter().map(|c| c.0).collect();
    got.sort_unstable();
    assert_eq!(got, expected);
    // Biggest change first, whichever way it went.
    let sizes: Vec<u64> = changes
        .iter()
        .map(|c| c.0)
        .map(|k| c.rows[k].delta.bytes.unsigned_abs())
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{changes:#?}");
    // What a reader of the demo sees first: nodejs's apt layer gone, the
    // merged apt RUN grown, npm's dev dependencies gone; a layer of 0 B that
    // changed says so in words, not with an empty delta.
    let words: Vec<String> = changes
        .iter()
        .map(|(_, step, what)| format!("{step}: {what}"))
        .collect();
    assert_eq!(words[0], "RUN apt-get install -y nodejs: removed: −93.9 MB");
    assert!(
        words[1].ends_with("changed: 115 MB → 199 MB (+84 MB)"),
        "{words:#?}"
    );
    assert_eq!(words[2], "RUN npm install: removed: −57.7 MB");
    assert!(
        words.contains(&"WORKDIR /app: changed, same size".to_string()),
        "{words:#?}"
    );
    assert!(
        words
            .iter()
            .all(|w| !w.ends_with(": ") && !w.contains("()")),
        "{words:#?}"
    );
}

#[test]
fn demo_summary_counts_the_changes_and_says_the_total() {
    let c = compare(&common::demo_before(), &common::demo_after());
    let n = slides(&c).len() - 2;
    let words = summary(&c);
    assert!(words.starts_with(&format!("{n} changes, ")), "{words}");
    assert!(
        words.contains(&c.delta.describe_approx(c.before.total.bytes)),
        "{words}"
    );
}

#[test]
fn a_comparison_of_a_history_with_itself_has_no_change_slides() {
    let before = common::demo_before();
    let c = compare(&before, &before);
    assert_eq!(slides(&c), vec![Slide::Totals, Slide::Summary]);
    assert_eq!(summary(&c), "Nothing changed between the two images.");
}
