//! Every output users see for the corpus pairs and paths — the CLI's text,
//! Markdown and JSON, the page's exports, the chart at five widths in light
//! and dark — is byte for byte what `tests/data/outputs.snapshot` froze
//! (`tests/snapshots/outputs.rs` says how). A change of structure must keep
//! it; a change of behaviour rewrites it with the command the failure gives,
//! and the diff of the manifest says which outputs moved.

mod common;
mod snapshots;

#[test]
fn every_output_of_the_corpus_pairs_and_paths_is_unchanged() {
    let snap = snapshots::outputs::outputs();
    assert!(
        snap.made.lines().count() > 19 * 10,
        "the manifest lists too few outputs:\n{}",
        snap.made
    );
    if let Err(why) = snap.check() {
        panic!("{why}");
    }
}
