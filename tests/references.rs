//! Comments cite only what a reader of a clone can open. Every repository
//! path (`src/…`, `tests/…`, `docs/…`, …) or file name (`formats.md`) that a
//! comment names must exist in the repository, and no comment cites an issue
//! number: issues are not part of the repository, so a comment says what the
//! thing is instead. The same rule holds for the whole text of
//! `ARCHITECTURE.md` and `README.md`. Failures list `file:line` and the
//! citation. (`docs/` is left out: `formats.md` lists other repositories'
//! files, by design.)
//!
//! What counts as a citation, kept simple on purpose:
//! - a word starting with a top-level directory ([`ROOTS`]) and a `/`, anywhere
//!   in a comment, inside backticks or not: it must be a file or a directory
//!   of the repository, or lie under a path `.gitignore` anchors (`/dist`,
//!   `/fuzz/corpus`: things a build or a tool makes);
//! - a word ending in a known extension ([`FILE_EXTENSIONS`]), in prose or as
//!   a whole code span (`` `tidy.rs` ``): some file of the repository must
//!   have that name, or end with that relative path (`hooks/share_link.rs`). A
//!   code span of several words is quoted text (`` `sh install.sh` ``), so
//!   only rooted paths count there;
//! - a pattern (`*`, `…`, `{`) counts when the directory before its first
//!   wildcard exists;
//! - URLs, `module::paths` and `./name` (a file in a shell's directory, in a
//!   quoted command) are never citations; `./scripts/…` is.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Top-level directories whose paths a comment may cite.
const ROOTS: [&str; 8] = [
    "src", "crates", "tests", "docs", "scripts", "examples", "styles", "fuzz",
];

/// Extensions that make a word a file name (`formats.md`, `tidy.rs`).
const FILE_EXTENSIONS: [&str; 13] = [
    "rs", "md", "mjs", "js", "sh", "toml", "txt", "json", "html", "css", "expected", "snapshot",
    "link",
];

#[test]
fn comments_cite_only_what_the_repository_holds() {
    let repo = Repository::walk(&crate_root());
    let mut offenders = Vec::new();
    for file in scanned_files(&repo) {
        let text = fs::read_to_string(crate_root().join(&file))
            .unwrap_or_else(|err| panic!("cannot read {file}: {err}"));
        let blocks = if file.ends_with(".md") {
            vec![TextBlock {
                first_line: 1,
                text: text.clone(),
            }]
        } else {
            comment_blocks(&text, comment_marker(&file))
        };
        for block in &blocks {
            for (offset, problem) in problems(&block.text, &repo) {
                let line = block.first_line + block.text[..offset].matches('\n').count();
                offenders.push(format!("  {file}:{line}: {}", problem.describe()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "comments must cite only what is in the repository: name a file that exists \
         (or say what the outside document says), and say what a thing is instead \
         of citing an issue number ({} found):\n{}",
        offenders.len(),
        offenders.join("\n")
    );
}

/// What is wrong with one citation.
#[derive(Debug, PartialEq)]
enum Problem<'a> {
    /// A path or file name that no file or directory of the repository has.
    MissingFile(&'a str),
    /// The word "issue" and a number (with `#` or not): only the issue
    /// tracker knows what it means.
    IssueNumber(&'a str),
}

impl Problem<'_> {
    fn describe(&self) -> String {
        match self {
            Problem::MissingFile(cited) => {
                format!("cites `{cited}`, which is not in the repository")
            }
            Problem::IssueNumber(cited) => format!("cites `{cited}`; say what it is instead"),
        }
    }
}

/// Every problem in `text` (comments already stripped of their markers), with
/// its byte offset.
fn problems<'a>(text: &'a str, repo: &Repository) -> Vec<(usize, Problem<'a>)> {
    let mut found: Vec<(usize, Problem<'a>)> = cited_files(text)
        .into_iter()
        .filter(|(_, cited)| !repo.holds(cited))
        .map(|(offset, cited)| (offset, Problem::MissingFile(cited)))
        .collect();
    found.extend(
        issue_numbers(text)
            .into_iter()
            .map(|(offset, cited)| (offset, Problem::IssueNumber(cited))),
    );
    found.sort_by_key(|(offset, _)| *offset);
    found
}

/// The files and paths `text` cites, with their byte offsets. Text between
/// backticks is a code span: alone in its span a file name is a citation, in
/// a span of several words it is quoted text and only rooted paths count.
fn cited_files(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for (span_idx, span) in text.split('`').enumerate() {
        let in_code = span_idx % 2 == 1;
        let words = words(span);
        let quoted = in_code && words.len() > 1;
        for (word_offset, word) in words {
            let Some(cited) = as_citation(word) else {
                continue;
            };
            if quoted && !is_rooted(cited) {
                continue;
            }
            found.push((offset + word_offset, cited));
        }
        offset += span.len() + 1;
    }
    found
}

/// The words of `text` with their byte offsets, split at whitespace and at
/// characters that never occur in a path we cite.
fn words(text: &str) -> Vec<(usize, &str)> {
    let is_separator = |c: char| c.is_whitespace() || "()[]<>\"'’,;|!?=".contains(c);
    let mut found = Vec::new();
    let mut start = None;
    for (idx, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_separator(c)) {
            (None, false) => start = Some(idx),
            (Some(begin), true) => {
                found.push((begin, &text[begin..idx]));
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// `word` as a cited path or file name, if it is one: trailing punctuation
/// and a `:line` suffix dropped. URLs and `module::paths` are not.
fn as_citation(word: &str) -> Option<&str> {
    if word.contains("://") || word.contains("::") {
        return None;
    }
    let word = word.trim_end_matches(['.', ':']);
    let word = word.trim_end_matches(|c: char| c.is_ascii_digit() || c == ':');
    if let Some(word) = word.strip_prefix("./") {
        return is_rooted(word).then_some(word);
    }
    (is_rooted(word) || has_file_extension(word)).then_some(word)
}

/// `src/…`, `tests/…`: a path from the repository's root.
fn is_rooted(word: &str) -> bool {
    word.split_once('/')
        .is_some_and(|(first, _)| ROOTS.contains(&first))
}

/// `formats.md`, `hooks/share_link.rs`: ends in a known extension.
fn has_file_extension(word: &str) -> bool {
    let name = word.rsplit('/').next().unwrap_or(word);
    name.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && FILE_EXTENSIONS.contains(&ext))
}

/// Issue numbers ("issue", "issues" or "Issue", then a number with `#` or
/// not, also on the next line of the comment), with their byte offsets. A
/// URL's `/issues/` path is not one: it says where to look.
fn issue_numbers(text: &str) -> Vec<(usize, &str)> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for (start, _) in lower.match_indices("issue") {
        let starts_word = lower[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || "/_-".contains(c)));
        if !starts_word {
            continue;
        }
        let rest = &lower[start + "issue".len()..];
        let rest = rest.strip_prefix('s').unwrap_or(rest).trim_start();
        let rest = rest.strip_prefix('#').unwrap_or(rest);
        let n_digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if n_digits > 0 {
            let end = lower.len() - rest.len() + n_digits;
            found.push((start, &text[start..end]));
        }
    }
    found
}

/// Consecutive comment lines joined by `\n`, and the line the first one is on.
struct TextBlock {
    first_line: usize,
    text: String,
}

/// The comments of `source`, one block per run of consecutive comment lines
/// (so a citation cut by a line break is still seen). A comment starts at
/// `marker` outside a string literal; `//` right after `:` is a URL's.
fn comment_blocks(source: &str, marker: &str) -> Vec<TextBlock> {
    let mut blocks: Vec<TextBlock> = Vec::new();
    let mut previous_line = 0;
    for (line_idx, line) in source.lines().enumerate() {
        let line_no = line_idx + 1;
        let Some(comment) = comment_of(line, marker) else {
            continue;
        };
        match blocks.last_mut() {
            Some(block) if previous_line + 1 == line_no => {
                block.text.push('\n');
                block.text.push_str(comment);
            }
            _ => blocks.push(TextBlock {
                first_line: line_no,
                text: comment.to_string(),
            }),
        }
        previous_line = line_no;
    }
    blocks
}

/// The text after `marker` (and after `/`, `!` of `///`, `//!`) when `line`
/// has a comment, else `None`.
fn comment_of<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let mut n_quotes = 0;
    for (idx, c) in line.char_indices() {
        if c == '"' {
            n_quotes += 1;
        }
        if n_quotes % 2 == 1 || !line[idx..].starts_with(marker) {
            continue;
        }
        let before = line[..idx].chars().next_back();
        let starts_comment = match marker {
            "#" => before.is_none_or(char::is_whitespace) && !line[idx..].starts_with("#!"),
            _ => before != Some(':'),
        };
        if starts_comment {
            let rest = &line[idx + marker.len()..];
            return Some(rest.trim_start_matches(['/', '!']));
        }
    }
    None
}

fn comment_marker(file: &str) -> &'static str {
    if file.ends_with(".sh") {
        "#"
    } else {
        "//"
    }
}

/// The files whose comments (or, for Markdown, whole text) are checked.
fn scanned_files(repo: &Repository) -> Vec<String> {
    let under = |dirs: &[&str], exts: &[&str], file: &str| {
        dirs.iter().any(|dir| file.starts_with(&format!("{dir}/")))
            && exts.iter().any(|ext| file.ends_with(&format!(".{ext}")))
    };
    let files: Vec<String> = repo
        .files
        .iter()
        .filter(|file| {
            under(
                &["src", "crates", "tests", "examples", "fuzz"],
                &["rs"],
                file,
            ) || under(
                &["tests/e2e", "crates/web/src", "scripts"],
                &["mjs", "js"],
                file,
            ) || under(&["scripts"], &["sh"], file)
                || ["ARCHITECTURE.md", "README.md"].contains(&file.as_str())
        })
        .cloned()
        .collect();
    assert!(
        files.iter().any(|f| f == "crates/core/src/lib.rs"),
        "the walk found no crates/core/src/lib.rs"
    );
    files
}

/// The repository's files and directories (relative, `/`-separated), found by
/// a walk that skips `.git` and what `.gitignore` anchors (`/target`, …).
struct Repository {
    files: BTreeSet<String>,
    dirs: BTreeSet<String>,
    /// `.gitignore`'s anchored entries, without the leading `/`.
    ignored: Vec<String>,
}

impl Repository {
    fn walk(root: &Path) -> Repository {
        let gitignore = fs::read_to_string(root.join(".gitignore")).unwrap_or_default();
        let ignored: Vec<String> = gitignore
            .lines()
            .filter_map(|line| line.trim().strip_prefix('/'))
            .map(|entry| entry.trim_end_matches('/').to_string())
            .collect();
        let mut repo = Repository {
            files: BTreeSet::new(),
            dirs: BTreeSet::new(),
            ignored,
        };
        let mut pending: Vec<PathBuf> = vec![root.to_path_buf()];
        while let Some(dir) = pending.pop() {
            let entries = fs::read_dir(&dir)
                .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()));
            for entry in entries.flatten() {
                let path = entry.path();
                let relative = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                if relative == ".git" || repo.is_ignored(&relative) {
                    continue;
                }
                if path.is_dir() {
                    repo.dirs.insert(relative);
                    pending.push(path);
                } else {
                    repo.files.insert(relative);
                }
            }
        }
        repo
    }

    fn is_ignored(&self, path: &str) -> bool {
        self.ignored
            .iter()
            .any(|entry| path == entry || path.starts_with(&format!("{entry}/")))
    }

    /// Whether `cited` names something here: a rooted path exactly (or under
    /// an ignored one), a relative path or bare name as the end of some path,
    /// a pattern by the directory before its first wildcard.
    fn holds(&self, cited: &str) -> bool {
        let cited = cited.trim_end_matches('/');
        let cited = match cited.find(['*', '…', '{']) {
            Some(wildcard) => match cited[..wildcard].rfind('/') {
                Some(slash) => &cited[..slash],
                None => return true,
            },
            None => cited,
        };
        let has = |path: &String| path == cited;
        let ends_with = |path: &String| path.ends_with(&format!("/{cited}"));
        if is_rooted(cited) {
            self.files.iter().chain(&self.dirs).any(has) || self.is_ignored(cited)
        } else {
            self.files
                .iter()
                .chain(&self.dirs)
                .any(|p| has(p) || ends_with(p))
        }
    }
}

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn citations_are_told_from_quoted_text() {
    let cited = |text| {
        cited_files(text)
            .into_iter()
            .map(|(_, c)| c)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cited("the rules of `insights.md` (see formats.md)."),
        ["insights.md", "formats.md"]
    );
    assert_eq!(
        cited("`scripts/fuzz.sh SECONDS [TARGET]`"),
        ["scripts/fuzz.sh"]
    );
    assert_eq!(
        cited("`sh install.sh`, `# debian.sh …`"),
        Vec::<&str>::new()
    );
    assert_eq!(
        cited("see src/core/mod.rs:12, then tests/tidy.rs."),
        ["src/core/mod.rs", "tests/tidy.rs"]
    );
    assert_eq!(
        cited("https://example.org/src/a.md and core::parse::table"),
        Vec::<&str>::new()
    );
    assert_eq!(
        cited("[the demo](docs/comparison.png)"),
        ["docs/comparison.png"]
    );
}

#[test]
fn issue_numbers_are_found_in_any_spelling() {
    let numbers = |text| {
        issue_numbers(text)
            .into_iter()
            .map(|(_, c)| c)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        numbers("(issue 8) and Issue #12's links"),
        ["issue 8", "Issue #12"]
    );
    assert_eq!(numbers("as the issue\n10 asks"), ["issue\n10"]);
    assert_eq!(
        numbers("https://github.com/o/r/issues/5, an issue comment"),
        Vec::<&str>::new()
    );
}

#[test]
fn comments_are_found_outside_strings_and_urls() {
    assert_eq!(
        comment_of("let a = 1; // see docs/", "//"),
        Some(" see docs/")
    );
    assert_eq!(comment_of("//! Module doc", "//"), Some(" Module doc"));
    assert_eq!(comment_of(r#"let url = "https://x/y"; "#, "//"), None);
    assert_eq!(comment_of(r#"fetch("//x") // here"#, "//"), Some(" here"));
    assert_eq!(comment_of("#!/bin/bash", "#"), None);
    assert_eq!(comment_of("echo ${#list} # count", "#"), Some(" count"));
}
