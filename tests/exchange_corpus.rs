//! The parse worker's answer (`core::exchange`, postcard) carries every
//! real paste's parse whole: for each corpus file and each parser fixture
//! (`tests/data/parse`: odd layouts, tools, limits), the parse read back from its bytes equals the parse itself
//! (histories, layers, sizes, lines, diagnostics). A field left out when
//! written (the format has no field names) shifts every field after it, so
//! a mistake there fails here on the first paste.

use layerdiff_core::exchange::{from_bytes, to_bytes};
use layerdiff_core::model::Parsed;
use layerdiff_core::parse::parse;

fn texts(dir: &str) -> Vec<(String, String)> {
    let dir = format!("{}/tests/data/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_corpus_parse_comes_back_whole() {
    let files = [texts("corpus"), texts("parse")].concat();
    assert!(files.len() > 60, "the pastes are there: {}", files.len());
    let mut layers = 0;
    for (name, text) in files {
        let parsed = parse(&text);
        let back: Parsed = from_bytes(&to_bytes(&parsed)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, parsed, "{name}");
        layers += parsed
            .histories
            .iter()
            .map(|h| h.layers.len())
            .sum::<usize>();
    }
    assert!(layers > 500, "layers carried: {layers}");
}

#[test]
fn bytes_cut_short_are_refused_not_misread() {
    let (_, text) = &texts("corpus")[0];
    let bytes = to_bytes(&parse(text));
    for cut in [1, bytes.len() / 2, bytes.len() - 1] {
        assert!(from_bytes::<Parsed>(&bytes[..cut]).is_err(), "cut at {cut}");
    }
}
