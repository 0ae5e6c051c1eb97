//! The parser's caps (`core::parse::limits`): a paste far bigger than any real
//! history keeps what the caps allow and says, on the line where the dropping
//! starts, what was left out. Never silently.

use layerdiff_core::model::Severity;
use layerdiff_core::parse::limits::{MAX_HISTORIES, MAX_LAYERS, MAX_LAYERS_PER_HISTORY};
use layerdiff_core::parse::parse;

const ROW: &str = "<missing> 3 days ago /bin/sh -c echo x 1B\n";

fn table(rows: usize) -> String {
    format!(
        "IMAGE          CREATED        CREATED BY                                      SIZE      COMMENT\n{}",
        "<missing>      3 days ago     /bin/sh -c echo x                               1B        \n"
            .repeat(rows)
    )
}

#[test]
fn a_history_longer_than_the_cap_keeps_its_newest_layers_and_says_so() {
    let text = ROW.repeat(100_000);
    let parsed = parse(&text);
    assert_eq!(parsed.histories.len(), 1);
    let history = &parsed.histories[0];
    assert_eq!(history.layers.len(), MAX_LAYERS_PER_HISTORY);
    assert_eq!(history.dropped_layers, 100_000 - MAX_LAYERS_PER_HISTORY);
    assert_eq!(history.layers[0].lines.0, 1, "the newest row is kept");
    let warning = parsed
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Warning)
        .expect("a warning says what was dropped");
    assert_eq!(warning.line, MAX_LAYERS_PER_HISTORY + 1);
    assert!(
        warning.message.contains("100,000 layers") && warning.message.contains("95,000"),
        "{}",
        warning.message
    );
}

#[test]
fn a_paste_of_many_histories_keeps_at_most_the_layer_budget() {
    // 8 tables of 4,000 rows: 5 fit in 20,000 layers.
    let text = (0..8).map(|_| table(4_000)).collect::<Vec<_>>().join("\n");
    let parsed = parse(&text);
    let kept: usize = parsed.histories.iter().map(|h| h.layers.len()).sum();
    assert_eq!(kept, MAX_LAYERS);
    assert_eq!(parsed.histories.len(), MAX_LAYERS / 4_000);
    assert!(parsed
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Warning && d.message.contains("8 histories")));
}

#[test]
fn a_paste_of_too_many_histories_keeps_the_first_ones_and_says_so() {
    let text = (0..MAX_HISTORIES + 7)
        .map(|_| table(2))
        .collect::<Vec<_>>()
        .join("\n");
    let parsed = parse(&text);
    assert_eq!(parsed.histories.len(), MAX_HISTORIES);
    let warning = parsed
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Warning)
        .expect("a warning says what was dropped");
    assert!(
        warning.message.contains("the 7 from here on"),
        "{}",
        warning.message
    );
    // It points at the first row of the first history left out (each table
    // is a header, two rows and a blank line).
    let first_dropped = 4 * MAX_HISTORIES + 2;
    assert_eq!(warning.line, first_dropped);
}

#[test]
fn a_paste_within_the_caps_gets_no_warning() {
    let parsed = parse(&table(300));
    assert_eq!(parsed.histories[0].layers.len(), 300);
    assert_eq!(parsed.histories[0].dropped_layers, 0);
    assert!(parsed
        .diagnostics
        .iter()
        .all(|d| d.severity != Severity::Warning));
}

#[test]
fn a_paste_over_the_size_cap_is_read_up_to_it_and_says_so() {
    use layerdiff_core::parse::limits::MAX_PASTE_BYTES;
    let rows = MAX_PASTE_BYTES / ROW.len() + 1_000;
    let text = ROW.repeat(rows);
    let parsed = parse(&text);
    let cut = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("this paste is"))
        .expect("a warning says the paste was cut");
    assert_eq!(cut.severity, Severity::Warning);
    assert!(
        cut.message.contains("only its first 20 MB"),
        "{}",
        cut.message
    );
    assert_eq!(
        cut.line,
        MAX_PASTE_BYTES / ROW.len() + 1,
        "it points at the first line left out"
    );
}
