//! Product requirements on link length (the encoding is deterministic, so
//! these are exact): the demo link fits 700 characters with its base URL,
//! every default-format corpus pair fits a Discord message (2,000), and all
//! links together are at most 0.6 × what sharing the raw texts would give.
//! `cargo run --release --example link_lengths` prints the full table.

#[path = "share_support/pairs.rs"]
mod pairs;

use layerdiff_core::share::{encode, EncodeOptions, SharedPair};
use pairs::{corpus_pairs, raw_link_len, Pair, BASE_URL};

fn link_len(p: &Pair) -> usize {
    let state = SharedPair {
        before: p.before.clone(),
        after: p.after.clone(),
        ..SharedPair::default()
    };
    BASE_URL.len() + encode(&state, &EncodeOptions::default()).len()
}

#[test]
fn the_demo_link_fits_700_characters() {
    let pairs = corpus_pairs();
    let demo = pairs
        .iter()
        .find(|p| p.demo)
        .expect("the demo pair (000, histories 1 and 2)");
    let len = link_len(demo);
    assert!(len <= 700, "demo link is {len} characters");
}

#[test]
fn every_default_format_pair_fits_a_discord_message() {
    let pairs = corpus_pairs();
    let defaults: Vec<&Pair> = pairs.iter().filter(|p| p.default_format).collect();
    assert!(
        defaults.len() >= 8,
        "only {} default-format pairs",
        defaults.len()
    );
    let too_long: Vec<String> = defaults
        .iter()
        .map(|p| (p.name.as_str(), link_len(p)))
        .filter(|(_, n)| *n > 2000)
        .map(|(name, n)| format!("{name}: {n}"))
        .collect();
    assert!(too_long.is_empty(), "over 2,000 characters: {too_long:?}");
}

#[test]
fn links_are_at_most_six_tenths_of_raw_text_links() {
    let pairs = corpus_pairs();
    assert!(pairs.len() >= 12, "only {} pairs", pairs.len());
    let links: usize = pairs.iter().map(link_len).sum();
    let raw: usize = pairs
        .iter()
        .map(|p| raw_link_len(&p.before.text, &p.after.text))
        .sum();
    assert!(
        links * 10 <= raw * 6,
        "links {links} vs raw {raw}: ratio {:.3}",
        links as f64 / raw as f64
    );
}
