//! Finds likely secrets in layer instructions before a comparison is shared,
//! and masks them.
//!
//! `docker history` shows every build argument in effect for a `RUN`
//! (`|1 GIT_ACCESS_TOKEN=leaked /bin/sh -c …`), every `ENV`/`ARG` value and
//! every command line, so a paste often carries a token its author never
//! noticed. [`find_secrets`] reports what looks like one, with the layer and
//! the byte range of the value inside `created_by`, so the UI can highlight it;
//! [`mask`] replaces those values with `***` for the share link and exports;
//! [`mask_text`] does the same in a whole paste with one `*` per character,
//! so that a masked table keeps its columns.
//!
//! What counts, and why:
//! - a value assigned to a name that says it is secret (`TOKEN`, `PASSWORD`,
//!   `PASSWD`, `PASS`, `SECRET`, `KEY`, `API_KEY`, `AUTH`, `CREDENTIAL(S)`,
//!   `PRIVATE`, …): build args (`|N K=v`), `ENV`/`ARG`, shell assignments and
//!   `--password value` style flags;
//! - the password in a URL (`https://user:pass@host`);
//! - credential headers (`Authorization: Bearer …`, `PRIVATE-TOKEN: …`);
//! - well-known token shapes anywhere (`ghp_…`, `github_pat_…`, `glpat-…`,
//!   `AKIA…`, `xoxb-…`, `sk_live_…`, `npm_…`, `AIza…`, PEM private keys).
//!
//! What does not: build args and variables whose names do not say secret
//! (`APP_HOME=/home/node/app`, `TARGETOS=linux`) are **not reported at all**.
//! Reporting every visible value would flag nearly every BuildKit row (052 has
//! 17 build args on each `RUN`) and teach people to ignore the warning; a real
//! token under a harmless name is still caught by its shape. Names that mention
//! a secret but hold something public or a reference are skipped too: `GPG_KEY`
//! (a public key fingerprint in official images), `PUBLIC_KEY`, `*_FILE`,
//! `*_PATH`, `*_URL`, `*_ID`, and values that are `$VARIABLE` references.

use crate::order::{sort_by_rank, Rank};
use std::ops::Range;

use serde::Serialize;

use crate::instruction::{read_build_args, Shell};
use crate::model::History;

/// What the masked value is replaced with.
pub const MASK: &str = "***";

/// Which rule found a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretKind {
    /// A build argument printed before a `RUN` (`|1 TOKEN=…`).
    BuildArg,
    /// An `ENV` or `ARG` instruction's value.
    EnvOrArg,
    /// A `NAME=value` assignment inside a command.
    Assignment,
    /// A command-line flag such as `--password value`.
    Flag,
    /// The password part of `scheme://user:password@host`.
    UrlCredentials,
    /// An HTTP header that carries a credential (`Authorization: Bearer …`,
    /// `PRIVATE-TOKEN: …`).
    Header,
    /// A token recognised by its shape (`ghp_…`, `AKIA…`, …).
    TokenShape,
}

impl SecretKind {
    /// Words for the UI.
    pub fn describe(self) -> &'static str {
        match self {
            SecretKind::BuildArg => "build argument value",
            SecretKind::EnvOrArg => "ENV/ARG value",
            SecretKind::Assignment => "variable value in a command",
            SecretKind::Flag => "command-line secret",
            SecretKind::UrlCredentials => "password in a URL",
            SecretKind::Header => "credential in an HTTP header",
            SecretKind::TokenShape => "access token",
        }
    }
}

/// A likely secret in one layer's `created_by`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerSecret {
    /// Index into `History::layers` (as printed, newest first).
    pub layer: usize,
    /// Byte range of the secret value inside that layer's `created_by`.
    pub range: Range<usize>,
    /// Which rule found it.
    pub kind: SecretKind,
    /// The variable, flag, host or token type it belongs to (`GIT_ACCESS_TOKEN`, `github.com`).
    pub name: String,
}

/// A likely secret in a piece of text (see [`find_in_text`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Secret {
    /// Byte range of the value in the text.
    pub range: Range<usize>,
    /// Which rule found it.
    pub kind: SecretKind,
    /// What it belongs to.
    pub name: String,
}

/// Every likely secret in the layers' `created_by`, layer by layer.
pub fn find_secrets(history: &History) -> Vec<LayerSecret> {
    history
        .layers
        .iter()
        .enumerate()
        .flat_map(|(layer, l)| {
            find_in_text(&l.created_by)
                .into_iter()
                .map(move |s| LayerSecret {
                    layer,
                    range: s.range,
                    kind: s.kind,
                    name: s.name,
                })
        })
        .collect()
}

/// A copy of `history` with every secret's value replaced by [`MASK`].
/// Secrets whose range does not fit the layer's text are ignored.
pub fn mask(history: &History, secrets: &[LayerSecret]) -> History {
    let mut out = history.clone();
    for (i, layer) in out.layers.iter_mut().enumerate() {
        let ranges: Vec<Range<usize>> = secrets
            .iter()
            .filter(|f| f.layer == i)
            .map(|f| f.range.clone())
            .collect();
        layer.created_by = mask_ranges(&layer.created_by, &ranges, |_| MASK.to_string());
    }
    out
}

/// `text` with every likely secret replaced by as many `*` as it had
/// characters (for a pasted text that is shared as it is: a table's columns
/// stay aligned, so it still reads as the same table).
pub fn mask_text(text: &str) -> String {
    let ranges: Vec<Range<usize>> = find_in_text(text).into_iter().map(|s| s.range).collect();
    mask_ranges(text, &ranges, |secret| "*".repeat(secret.chars().count()))
}

/// Replaces each range (byte offsets on char boundaries; overlapping or
/// invalid ones are skipped) with what `cover` gives for it.
fn mask_ranges(text: &str, ranges: &[Range<usize>], cover: impl Fn(&str) -> String) -> String {
    let mut sorted: Vec<&Range<usize>> = ranges.iter().collect();
    sort_by_rank(&mut sorted, |r| {
        Rank::new()
            .then(r.start as u64, 64)
            .then(r.end as u64, 64)
            .get()
    });
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for r in sorted {
        if r.start < pos || r.start >= r.end {
            continue;
        }
        let (Some(keep), Some(secret)) = (text.get(pos..r.start), text.get(r.clone())) else {
            continue;
        };
        out.push_str(keep);
        out.push_str(&cover(secret));
        pos = r.end;
    }
    out.push_str(text.get(pos..).unwrap_or_default());
    out
}

/// Every likely secret in `text` (one `created_by`, or a whole paste), in
/// order, without overlaps.
pub fn find_in_text(text: &str) -> Vec<Secret> {
    let mut found = Vec::new();
    assignments(text, &mut found);
    flags(text, &mut found);
    url_credentials(text, &mut found);
    headers(text, &mut found);
    token_shapes(text, &mut found);
    sort_by_rank(&mut found, |s| {
        Rank::new()
            .then(s.range.start as u64, 64)
            .then_desc(s.range.end as u64, 64)
            .get()
    });
    let mut out: Vec<Secret> = Vec::with_capacity(found.len());
    for s in found {
        match out.last() {
            Some(prev) if s.range.start < prev.range.end => {}
            _ => out.push(s),
        }
    }
    out
}

/// Whether a variable or flag name says it holds a secret.
pub fn name_looks_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Names about a secret rather than holding one: public keys, where a
    // secret is kept, its kind, and switches (`--password-stdin`, `--no-auth`).
    const HARMLESS: [&str; 18] = [
        "STDIN",
        "NO",
        "PROMPT",
        "GPG",
        "PGP",
        "PUBLIC",
        "PUB",
        "FILE",
        "PATH",
        "DIR",
        "URL",
        "ID",
        "NAME",
        "TYPE",
        "LENGTH",
        "SIZE",
        "KEYRING",
        "KEYSERVER",
    ];
    if words.iter().any(|w| HARMLESS.contains(w)) {
        return false;
    }
    const INSIDE: [&str; 6] = [
        "PASSWORD",
        "PASSWD",
        "SECRET",
        "TOKEN",
        "CREDENTIAL",
        "APIKEY",
    ];
    if INSIDE.iter().any(|s| upper.contains(s)) {
        return true;
    }
    const WORDS: [&str; 6] = ["KEY", "AUTH", "PASS", "PRIVATE", "CREDS", "PAT"];
    if words.iter().any(|w| WORDS.contains(w)) {
        return true;
    }
    // `PWD` alone is the working directory; `DB_PWD` is a password.
    words.len() > 1 && words.contains(&"PWD")
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Where a value that starts at `start` ends: a quoted value runs to its
/// closing quote (range excludes the quotes), a bare one to whitespace or a
/// shell separator.
fn value_range(text: &str, start: usize) -> Range<usize> {
    let b = text.as_bytes();
    match b.get(start) {
        Some(&q @ (b'"' | b'\'')) => {
            let inner = start + 1;
            let end = b
                .get(inner..)
                .and_then(|rest| rest.iter().position(|&c| c == q))
                .map_or(b.len(), |p| inner + p);
            inner..end
        }
        _ => {
            let end = b
                .get(start..)
                .and_then(|rest| {
                    rest.iter().position(|&c| {
                        c.is_ascii_whitespace()
                            || matches!(c, b';' | b'&' | b'|' | b')' | b'"' | b'\'' | b'`')
                    })
                })
                .map_or(b.len(), |p| start + p);
            start..end
        }
    }
}

/// Whether a value is worth hiding: not empty, not a `$REFERENCE`, not already masked.
fn value_is_secret(value: &str) -> bool {
    let v = value.trim_end_matches('…').trim_end_matches("...");
    !v.is_empty() && !v.starts_with('$') && v != MASK
}

/// `NAME=value` (and the old `ENV NAME value`) with a secret-looking name.
fn assignments(text: &str, out: &mut Vec<Secret>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let at_token = i == 0
            || b.get(i - 1).is_some_and(|&c| {
                c.is_ascii_whitespace() || matches!(c, b';' | b'&' | b'(' | b'"' | b'\'')
            });
        if !at_token {
            i += 1;
            continue;
        }
        if b.get(i) == Some(&b'|') {
            if let Some(command_at) = build_args(text, i, out) {
                i = command_at;
                continue;
            }
        }
        let name_len = b
            .get(i..)
            .map_or(0, |r| r.iter().take_while(|&&c| is_name_char(c)).count());
        let first_is_letter = b
            .get(i)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_');
        if name_len == 0 || !first_is_letter {
            i += 1;
            continue;
        }
        let name = text.get(i..i + name_len).unwrap_or_default();
        let after = i + name_len;
        if b.get(after) == Some(&b'=') {
            let range = value_range(text, after + 1);
            let kind = if in_env_or_arg(text, i) {
                SecretKind::EnvOrArg
            } else {
                SecretKind::Assignment
            };
            let value = text.get(range.clone()).unwrap_or_default();
            if name_looks_secret(name) && value_is_secret(value) {
                out.push(Secret {
                    range: range.clone(),
                    kind,
                    name: name.to_string(),
                });
            }
            i = range.end.max(after + 1);
            continue;
        }
        // Old form `ENV NAME value`: the value is the rest of the instruction.
        let is_env = name == "ENV" && b.get(after) == Some(&b' ');
        if is_env {
            let n0 = after + 1;
            let n_len = b
                .get(n0..)
                .map_or(0, |r| r.iter().take_while(|&&c| is_name_char(c)).count());
            let var = text.get(n0..n0 + n_len).unwrap_or_default();
            if n_len > 0 && b.get(n0 + n_len) == Some(&b' ') && name_looks_secret(var) {
                let v0 = n0 + n_len + 1;
                let end = b
                    .get(v0..)
                    .and_then(|r| r.iter().position(|&c| c == b'\n'))
                    .map_or(b.len(), |p| v0 + p);
                let end = text.get(v0..end).map_or(end, |v| v0 + v.trim_end().len());
                if text.get(v0..end).is_some_and(value_is_secret) {
                    out.push(Secret {
                        range: v0..end,
                        kind: SecretKind::EnvOrArg,
                        name: var.to_string(),
                    });
                }
            }
        }
        i = after;
    }
}

/// The build args `|N NAME=value …` that start at `at`, read on their line
/// as [`read_build_args`] reads them in a CREATED BY (a value may hold
/// spaces); the secret-looking ones go to `out`. Returns where the command
/// after them starts, or None when no build args start there.
fn build_args(text: &str, at: usize, out: &mut Vec<Secret>) -> Option<usize> {
    let line_end = text.get(at..)?.find('\n').map_or(text.len(), |p| at + p);
    let args = read_build_args(text.get(..line_end)?, at)?;
    for arg in &args.args {
        if name_looks_secret(arg.name) && value_is_secret(arg.value) {
            out.push(Secret {
                range: arg.value_range.clone(),
                kind: SecretKind::BuildArg,
                name: arg.name.to_string(),
            });
        }
    }
    Some(args.command_at)
}

/// Whether the assignment at `pos` belongs to an `ENV` or `ARG` instruction
/// (the last instruction word before it on its line is `ENV`/`ARG`).
fn in_env_or_arg(text: &str, pos: usize) -> bool {
    let line_start = text
        .get(..pos)
        .and_then(|h| h.rfind('\n'))
        .map_or(0, |p| p + 1);
    let head = text.get(line_start..pos).unwrap_or_default();
    let last_env = [" ENV ", " ARG "]
        .iter()
        .filter_map(|k| head.rfind(k))
        .chain(
            ["ENV ", "ARG "]
                .iter()
                .filter(|k| head.starts_with(**k))
                .map(|_| 0),
        )
        .max();
    let last_shell = Shell::ALL
        .iter()
        .map(|shell| shell.prefix())
        .chain(["RUN "])
        .filter_map(|k| head.rfind(k))
        .max();
    match (last_env, last_shell) {
        (Some(e), Some(s)) => e > s,
        (Some(_), None) => true,
        _ => false,
    }
}

/// `--password value`, `--token=value`: long flags with secret-looking names.
fn flags(text: &str, out: &mut Vec<Secret>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|r| r.find("--")) {
        let start = from + p;
        from = start + 2;
        let at_token = start == 0 || b.get(start - 1).is_some_and(|c| c.is_ascii_whitespace());
        let n_len = b.get(start + 2..).map_or(0, |r| {
            r.iter()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
                .count()
        });
        if !at_token || n_len == 0 {
            continue;
        }
        let name = text.get(start + 2..start + 2 + n_len).unwrap_or_default();
        if !name_looks_secret(name) {
            continue;
        }
        let sep = start + 2 + n_len;
        let v0 = match b.get(sep) {
            Some(b'=') | Some(b' ') => sep + 1,
            _ => continue,
        };
        if b.get(v0)
            .is_some_and(|&c| c == b'-' || c.is_ascii_whitespace())
        {
            continue;
        }
        let range = value_range(text, v0);
        if text.get(range.clone()).is_some_and(value_is_secret) {
            out.push(Secret {
                range,
                kind: SecretKind::Flag,
                name: format!("--{name}"),
            });
        }
    }
}

/// `Authorization: Bearer value`, `X-Api-Key: value`: HTTP headers whose name
/// says credential (as in `curl -H` or `wget --header`). An auth scheme word
/// (`Bearer`, `Basic`, `token`) before the value is kept visible.
fn headers(text: &str, out: &mut Vec<Secret>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|r| r.find(": ")) {
        let colon = from + p;
        from = colon + 2;
        let name_len = b.get(..colon).map_or(0, |h| {
            h.iter()
                .rev()
                .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
                .count()
        });
        let name = text.get(colon - name_len..colon).unwrap_or_default();
        let opens = colon - name_len == 0
            || b.get(colon - name_len - 1)
                .is_some_and(|&c| matches!(c, b'"' | b'\'' | b' ' | b'\t' | b'='));
        let credential = name.eq_ignore_ascii_case("authorization")
            || name.eq_ignore_ascii_case("proxy-authorization")
            || name_looks_secret(name);
        if name_len == 0 || !opens || !credential {
            continue;
        }
        let mut v0 = colon + 2;
        let word = value_range(text, v0);
        let scheme = text.get(word.clone()).unwrap_or_default();
        let is_scheme = ["bearer", "basic", "token", "digest"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s));
        if is_scheme && b.get(word.end) == Some(&b' ') {
            v0 = word.end + 1;
        }
        let range = value_range(text, v0);
        if text.get(range.clone()).is_some_and(value_is_secret) {
            out.push(Secret {
                range,
                kind: SecretKind::Header,
                name: name.to_string(),
            });
        }
    }
}

/// `scheme://user:password@host`: the password.
fn url_credentials(text: &str, out: &mut Vec<Secret>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|r| r.find("://")) {
        let auth0 = from + p + 3;
        from = auth0;
        let stop = |c: u8| {
            c.is_ascii_whitespace() || matches!(c, b'/' | b'"' | b'\'' | b'`' | b'?' | b'#')
        };
        let Some(at) = b
            .get(auth0..)
            .and_then(|r| r.iter().take_while(|&&c| !stop(c)).position(|&c| c == b'@'))
            .map(|p| auth0 + p)
        else {
            continue;
        };
        let Some(colon) = b
            .get(auth0..at)
            .and_then(|r| r.iter().position(|&c| c == b':'))
            .map(|p| auth0 + p)
        else {
            continue;
        };
        let password = colon + 1..at;
        let host_len = b.get(at + 1..).map_or(0, |r| {
            r.iter().take_while(|&&c| !stop(c) && c != b':').count()
        });
        if text.get(password.clone()).is_some_and(value_is_secret) {
            out.push(Secret {
                name: text
                    .get(at + 1..at + 1 + host_len)
                    .unwrap_or_default()
                    .to_string(),
                range: password,
                kind: SecretKind::UrlCredentials,
            });
        }
    }
}

/// A well-known token shape: its prefix, the characters that follow it, the
/// fewest such characters that make a token (a cut-off token still leaks), and
/// a name for the UI.
struct TokenShape {
    prefix: &'static str,
    body: fn(u8) -> bool,
    min: usize,
    name: &'static str,
}

const SHAPES: [TokenShape; 13] = [
    TokenShape {
        prefix: "ghp_",
        body: alnum,
        min: 16,
        name: "GitHub token",
    },
    TokenShape {
        prefix: "gho_",
        body: alnum,
        min: 16,
        name: "GitHub token",
    },
    TokenShape {
        prefix: "ghu_",
        body: alnum,
        min: 16,
        name: "GitHub token",
    },
    TokenShape {
        prefix: "ghs_",
        body: alnum,
        min: 16,
        name: "GitHub token",
    },
    TokenShape {
        prefix: "github_pat_",
        body: word,
        min: 16,
        name: "GitHub token",
    },
    TokenShape {
        prefix: "glpat-",
        body: dash_word,
        min: 16,
        name: "GitLab token",
    },
    TokenShape {
        prefix: "AKIA",
        body: upper_digit,
        min: 16,
        name: "AWS access key",
    },
    TokenShape {
        prefix: "xoxb-",
        body: dash_word,
        min: 10,
        name: "Slack token",
    },
    TokenShape {
        prefix: "xoxp-",
        body: dash_word,
        min: 10,
        name: "Slack token",
    },
    TokenShape {
        prefix: "sk_live_",
        body: alnum,
        min: 16,
        name: "Stripe key",
    },
    TokenShape {
        prefix: "npm_",
        body: alnum,
        min: 30,
        name: "npm token",
    },
    TokenShape {
        prefix: "AIza",
        body: dash_word,
        min: 30,
        name: "Google API key",
    },
    TokenShape {
        prefix: "-----BEGIN",
        body: pem,
        min: 20,
        name: "private key",
    },
];

fn alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}
fn word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}
fn dash_word(c: u8) -> bool {
    word(c) || c == b'-'
}
fn upper_digit(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit()
}
fn pem(c: u8) -> bool {
    c != b'"' && c != b'\''
}

fn token_shapes(text: &str, out: &mut Vec<Secret>) {
    let b = text.as_bytes();
    for TokenShape {
        prefix,
        body,
        min,
        name,
    } in SHAPES
    {
        let mut from = 0;
        while let Some(p) = text.get(from..).and_then(|r| r.find(prefix)) {
            let start = from + p;
            from = start + prefix.len();
            let boundary = start == 0 || b.get(start - 1).is_some_and(|&c| !word(c));
            let len = b
                .get(from..)
                .map_or(0, |r| r.iter().take_while(|&&c| body(c)).count());
            if prefix.starts_with("-----") {
                let private = text
                    .get(from..from + len)
                    .is_some_and(|s| s.contains("PRIVATE KEY"));
                if !private {
                    continue;
                }
            }
            if boundary && len >= min {
                out.push(Secret {
                    range: start..from + len,
                    kind: SecretKind::TokenShape,
                    name: name.to_string(),
                });
                from += len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` masked as a layer's CREATED BY is (`***`).
    fn masked(text: &str) -> String {
        let ranges: Vec<Range<usize>> = find_in_text(text).into_iter().map(|s| s.range).collect();
        mask_ranges(text, &ranges, |_| MASK.to_string())
    }

    #[test]
    fn names_that_say_secret() {
        for n in [
            "GIT_ACCESS_TOKEN",
            "DB_PASSWORD",
            "api_key",
            "APIKEY",
            "AWS_SECRET_ACCESS_KEY",
            "NPM_AUTH",
            "DB_PASS",
            "GH_PAT",
            "PRIVATE_KEY",
            "DB_PWD",
            "password",
        ] {
            assert!(name_looks_secret(n), "{n} should look secret");
        }
        for n in [
            "password-stdin",
            "no-auth",
            "APP_HOME",
            "TARGETOS",
            "GPG_KEY",
            "GPG_KEYS",
            "PWD",
            "PUBLIC_KEY",
            "API_KEY_FILE",
            "AUTH_URL",
            "KEY_ID",
            "AUTHOR",
            "PASSENGER_VERSION",
            "MONKEY",
        ] {
            assert!(!name_looks_secret(n), "{n} should not look secret");
        }
    }

    #[test]
    fn masks_values_in_each_form() {
        let cases = [
            (
                "|1 GIT_ACCESS_TOKEN=leaked /bin/sh -c echo",
                "|1 GIT_ACCESS_TOKEN=*** /bin/sh -c echo",
            ),
            (
                "RUN |2 A=b NPM_TOKEN=abc123 /bin/sh -c npm ci # buildkit",
                "RUN |2 A=b NPM_TOKEN=*** /bin/sh -c npm ci # buildkit",
            ),
            // a build-arg value with a space is printed unquoted: all of it is the value
            (
                "|1 DB_PASSWORD=two words /bin/sh -c make",
                "|1 DB_PASSWORD=*** /bin/sh -c make",
            ),
            (
                "|1 DB_PASSWORD=two words /bin/bash -o pipefail -c make",
                "|1 DB_PASSWORD=*** /bin/bash -o pipefail -c make",
            ),
            (
                "/bin/sh -c #(nop)  ENV DB_PASSWORD=hunter2 APP=x",
                "/bin/sh -c #(nop)  ENV DB_PASSWORD=*** APP=x",
            ),
            ("ENV API_KEY=\"a b c\"", "ENV API_KEY=\"***\""),
            (
                "/bin/sh -c #(nop)  ENV SECRET_KEY s3cr3t value",
                "/bin/sh -c #(nop)  ENV SECRET_KEY ***",
            ),
            (
                "/bin/sh -c git clone https://bob:pa55@github.com/x/y.git",
                "/bin/sh -c git clone https://bob:***@github.com/x/y.git",
            ),
            (
                "/bin/sh -c mysql --password=root -u root",
                "/bin/sh -c mysql --password=*** -u root",
            ),
            (
                "/bin/sh -c login --token abcdef",
                "/bin/sh -c login --token ***",
            ),
            (
                "/bin/sh -c curl -H x ghp_0123456789abcdefghijABCDEFGHIJ012345",
                "/bin/sh -c curl -H x ***",
            ),
            (
                "/bin/sh -c export AWS=AKIAIOSFODNN7EXAMPLE && x",
                "/bin/sh -c export AWS=*** && x",
            ),
            (
                "/bin/sh -c curl -H \"Authorization: Bearer abc.def\" https://x",
                "/bin/sh -c curl -H \"Authorization: Bearer ***\" https://x",
            ),
            (
                "RUN curl --header 'PRIVATE-TOKEN: glp123' x # buildkit",
                "RUN curl --header 'PRIVATE-TOKEN: ***' x # buildkit",
            ),
            (
                "/bin/sh -c wget --header=X-Api-Key: k3y https://x",
                "/bin/sh -c wget --header=X-Api-Key: *** https://x",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(masked(input), want, "input: {input}");
        }
    }

    #[test]
    fn leaves_harmless_text_alone() {
        for text in [
            "|1 APP_HOME=/home/node/app /bin/sh -c mkdir …",
            "/bin/sh -c #(nop)  ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305",
            "RUN |17 TARGETOS=linux TARGETARCH=amd64 TARG…",
            "/bin/sh -c #(nop)  ARG GIT_ACCESS_TOKEN",
            "ENV TOKEN=$TOKEN PASSWORD=",
            "/bin/sh -c git clone https://github.com/docker/x.git",
            "RUN --mount=type=secret,id=npmrc npm ci # buildkit",
            "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container",
            "/bin/sh -c echo $PW | docker login -u bot --password-stdin registry.example.com",
        ] {
            assert_eq!(find_in_text(text), vec![], "text: {text}");
        }
    }

    #[test]
    fn findings_point_at_the_value_with_kind_and_name() {
        let text = "|1 GIT_ACCESS_TOKEN=leaked /bin/sh -c echo";
        let found = find_in_text(text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            (text.get(f.range.clone()), f.kind, f.name.as_str()),
            (Some("leaked"), SecretKind::BuildArg, "GIT_ACCESS_TOKEN")
        );
        let text = "/bin/sh -c #(nop)  ARG DEPLOY_KEY=abc";
        let kinds: Vec<SecretKind> = find_in_text(text).iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![SecretKind::EnvOrArg]);
        let text = "/bin/sh -c export DEPLOY_KEY=abc";
        let kinds: Vec<SecretKind> = find_in_text(text).iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![SecretKind::Assignment]);
        // the build args are read as the CREATED BY reader reads them: after a
        // value with a space, the next pair is still a build arg
        let text = "RUN |2 OPTS=-a -b NPM_TOKEN=abc /bin/sh -c export DEPLOY_KEY=def";
        let kinds: Vec<SecretKind> = find_in_text(text).iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![SecretKind::BuildArg, SecretKind::Assignment]);
        // every shell the reader knows ends an ENV's reach on its line
        let text = "ENV A=1 && /bin/bash -c export DEPLOY_KEY=abc";
        let kinds: Vec<SecretKind> = find_in_text(text).iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![SecretKind::Assignment]);
    }

    #[test]
    fn mask_ignores_ranges_that_do_not_fit() {
        assert_eq!(
            mask_ranges(
                "héllo",
                &[1..2, 3..100, Range { start: 4, end: 2 }],
                |_| MASK.into()
            ),
            "héllo"
        );
        assert_eq!(
            mask_ranges("abcdef", &[1..3, 2..4, 4..5], |_| MASK.into()),
            "a***d***f"
        );
    }

    #[test]
    fn masking_a_pasted_table_keeps_its_columns() {
        let table = "IMAGE          CREATED         CREATED BY                                      SIZE\n\
                     6e558799f7ba   4 seconds ago   |1 GIT_ACCESS_TOKEN=le /bin/sh -c echo \"…      0B\n";
        let masked = mask_text(table);
        assert!(masked.contains("GIT_ACCESS_TOKEN=** /bin/sh"), "{masked}");
        let widths = |t: &str| t.lines().map(|l| l.chars().count()).collect::<Vec<_>>();
        assert_eq!(widths(&masked), widths(table));
    }
}
