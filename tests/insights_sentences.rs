//! The insights' first sentences on real pastes, against a table written by
//! hand (`tests/data/insights/sentences.txt`): the pair's verdict and each
//! history's biggest own layers. A failure names the paste, the sentence
//! expected and the one written.

use std::fs;
use std::path::Path;

use layerdiff_core::insights::{of_histories, pair_summary, summary};
use layerdiff_core::parse::parse;

/// One expectation: a corpus file, which sentence, the words.
struct Expected {
    file: String,
    which: String,
    words: String,
}

fn table() -> Vec<Expected> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("tests/data/insights/sentences.txt"))
        .expect("tests/data/insights/sentences.txt");
    let mut file = String::new();
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(": ") {
            Some((which, words)) if !line.ends_with(".txt") => out.push(Expected {
                file: file.clone(),
                which: which.to_string(),
                words: words.to_string(),
            }),
            _ => file = line.to_string(),
        }
    }
    out
}

/// The sentences of a paragraph: split after `. ` (numbers such as
/// `2.46 MB` have no space after their point).
fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = paragraph.trim();
    while let Some(at) = rest.find(". ") {
        out.push(rest[..=at].to_string());
        rest = rest[at + 2..].trim_start();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

/// The sentence of `file` that `which` names.
fn written(file: &str, which: &str) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = fs::read_to_string(root.join("tests/data/corpus").join(file)).ok()?;
    let ins = of_histories(&parse(&text).histories);
    if which == "pair" {
        return sentences(&pair_summary(&ins)?).into_iter().next();
    }
    let k: usize = which.strip_prefix("biggest ")?.parse().ok()?;
    let h = ins.histories.get(k.checked_sub(1)?)?;
    sentences(&summary(h))
        .into_iter()
        .find(|s| s.starts_with("The biggest") || s.starts_with("Layer "))
}

#[test]
fn first_sentences_are_the_reviewed_ones() {
    let table = table();
    assert!(table.len() >= 10, "the sentence table lost its rows");
    let wrong: Vec<String> = table
        .iter()
        .filter_map(|e| {
            let got = written(&e.file, &e.which);
            (got.as_deref() != Some(e.words.as_str())).then(|| {
                format!(
                    "{} ({}):\n  expected: {}\n  written:  {}",
                    e.file,
                    e.which,
                    e.words,
                    got.unwrap_or_else(|| "(none)".into())
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn sentences_split_after_a_point_and_a_space() {
    assert_eq!(
        sentences("It grew by 2.46 MB. 2 of the 6 are. Last"),
        ["It grew by 2.46 MB.", "2 of the 6 are.", "Last"]
    );
}
