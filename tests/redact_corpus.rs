//! Redaction on the real pastes: the one leaked token in the corpus (043) is
//! found and masked, and nothing else in the corpus is flagged (004's
//! `APP_HOME=…` build arg, the official images' `GPG_KEY=…`, 052's 17 build
//! args are all harmless).

use layerdiff_core::parse::parse;
use layerdiff_core::redact::{find_in_text, find_secrets, mask, mask_text, SecretKind};

fn corpus(name_start: &str) -> (String, String) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    entries
        .into_iter()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(n, _)| n.starts_with(name_start) && n.ends_with(".txt"))
        .map(|(n, p)| (n, std::fs::read_to_string(p).unwrap_or_default()))
        .next()
        .unwrap_or_else(|| panic!("no corpus file {name_start}"))
}

#[test]
fn the_leaked_build_arg_in_043_is_found_in_the_text() {
    let (_, text) = corpus("043");
    let found = find_in_text(&text);
    let seen: Vec<(&str, SecretKind, &str)> = found
        .iter()
        .map(|s| {
            (
                text.get(s.range.clone()).unwrap_or("?"),
                s.kind,
                s.name.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![("leaked", SecretKind::BuildArg, "GIT_ACCESS_TOKEN")]
    );
    let masked = mask_text(&text);
    assert!(
        masked.contains("|1 GIT_ACCESS_TOKEN=****** /bin/sh -c echo"),
        "{masked}"
    );
    assert!(!masked.contains("leaked"));
}

#[test]
fn the_leaked_build_arg_in_043_is_found_in_the_parsed_history() {
    let (_, text) = corpus("043");
    let parsed = parse(&text);
    let Some(history) = parsed.histories.first() else {
        panic!(
            "043 should parse to a history; diagnostics: {:?}",
            parsed.diagnostics
        )
    };
    let found = find_secrets(history);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    let layer = &history.layers[f.layer];
    assert_eq!(
        f.layer, 0,
        "the newest row holds the RUN with the build arg"
    );
    assert_eq!(layer.created_by.get(f.range.clone()), Some("leaked"));
    assert_eq!(
        (f.kind, f.name.as_str()),
        (SecretKind::BuildArg, "GIT_ACCESS_TOKEN")
    );
    let masked = mask(history, &found);
    assert!(masked.layers[0]
        .created_by
        .starts_with("|1 GIT_ACCESS_TOKEN=*** /bin/sh -c"));
    assert_eq!(
        masked.layers[1..],
        history.layers[1..],
        "other rows untouched"
    );
}

#[test]
fn nothing_else_in_the_corpus_is_flagged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut flagged = Vec::new();
    for entry in std::fs::read_dir(dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".txt") || name.starts_with("043") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for s in find_in_text(&text) {
            flagged.push(format!(
                "{name}: {:?} {} = {:?}",
                s.kind,
                s.name,
                text.get(s.range.clone())
            ));
        }
        for h in parse(&text).histories {
            for f in find_secrets(&h) {
                flagged.push(format!("{name} (parsed): {:?} {}", f.kind, f.name));
            }
        }
    }
    assert!(
        flagged.is_empty(),
        "false positives:\n{}",
        flagged.join("\n")
    );
}

#[test]
fn the_app_home_build_arg_in_004_is_not_a_secret() {
    let (_, text) = corpus("004");
    assert!(text.contains("|1 APP_HOME=/home/node/app"));
    assert_eq!(find_in_text(&text), vec![]);
    assert_eq!(mask_text(&text), text);
}
