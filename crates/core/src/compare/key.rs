//! Normalises a layer's CREATED BY cell into a [`LayerKey`]: what the build step
//! *is*, with the noise that differs between builders and printers removed.
//!
//! Two histories of the same Dockerfile print the same step differently
//! depending on the builder (legacy `/bin/sh -c #(nop)  CMD …` vs BuildKit
//! `CMD …`, `RUN … # buildkit`), the printer (podman's `["a", "b"]` vs docker's
//! `["a" "b"]`), the build args in scope (`|2 A=1 B=2 /bin/sh -c …`) and the
//! 45-column truncation. The key drops all of that, so the alignment can compare
//! steps by meaning.
//!
//! The cell is read by [`Instruction::read`] (the one reader of CREATED BY,
//! which drops the builder's additions: `RUN `, build args, shell prefixes,
//! `#(nop)`, ` # buildkit`). On top of that the key normalises for matching:
//!
//! - exec-form lists lose their quotes and commas: `["npm", "start"]` →
//!   `[npm start]`;
//! - `EXPOSE 8000`, `EXPOSE [8000/tcp]` and `EXPOSE map[8000/tcp:{}]` are one key;
//! - legacy `COPY file:<hash> in /dest` is keyed by its content hash;
//! - whitespace runs collapse to one space.
//!
//! A truncated key only knows its beginning, so two keys are [`compatible`]
//! when the visible text of the truncated one is a prefix of the other.

use crate::instruction::{Instruction, Keyword};
use crate::order::order_of_texts;

/// What a build step is, normalised for matching. See the module doc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerKey {
    /// The instruction.
    pub keyword: Keyword,
    /// `KEYWORD body`, normalised and whitespace-collapsed: what matching compares.
    pub text: String,
    /// The same with the whitespace as printed: a step whose text differs only
    /// here was still edited (`&& apt-get` → `&&     apt-get`).
    pub layout: String,
    /// True when the printed cell was cut short, so only a prefix of `text` is known.
    pub truncated: bool,
    /// `KEYWORD body` as printed (noise dropped, whitespace collapsed, quoting
    /// kept): what the user recognises.
    pub shown: String,
    /// For a RUN with build args (`|2 A=1 B=2 /bin/sh -c …`): the cell from `|`
    /// on, whitespace collapsed; empty otherwise.
    pub raw_args: String,
    /// The cell was cut inside the build args, before the command.
    pub cut_in_args: bool,
    /// Where a COPY/ADD puts its files (`/usr/local/bin/` of `COPY file:… in
    /// /usr/local/bin/`, `.` of `COPY app.py .`), when the cell shows it whole.
    pub destination: Option<String>,
}

/// Shortest visible text a truncated key needs before a prefix match means anything.
pub const MIN_PREFIX: usize = 8;

impl LayerKey {
    /// Builds the key of one CREATED BY cell.
    pub fn new(created_by: &str, truncated: bool) -> LayerKey {
        LayerKey::of(&Instruction::read(created_by, truncated))
    }

    /// Builds the key of a step already read.
    fn of(step: &Instruction<'_>) -> LayerKey {
        let raw_args = step
            .build_args
            .as_ref()
            .map_or(String::new(), |args| collapse_whitespace(args.from_bar));
        if step.cut_in_args() {
            return LayerKey::cut_in_args(raw_args, step.truncated);
        }
        let keyword = step.keyword;
        let shown = collapse_whitespace(&with_keyword(keyword, step.body));
        let destination = match keyword {
            Keyword::Copy | Keyword::Add if !step.truncated => copy_destination(step.body),
            _ => None,
        };
        // COPY and ADD of the same content hash are the same content: one key
        // text for both, while the layout keeps the instruction (COPY → ADD is an edit).
        if let (Keyword::Copy | Keyword::Add, Some(hash)) = (keyword, content_hash(step.body)) {
            return LayerKey {
                keyword,
                text: format!("COPY/ADD {hash}"),
                layout: format!("{} {hash}", keyword.as_str()),
                truncated: step.truncated,
                shown,
                raw_args,
                cut_in_args: false,
                destination,
            };
        }
        let layout = with_keyword(keyword, &normalised_body(step));
        LayerKey {
            keyword,
            text: collapse_whitespace(&layout),
            layout,
            truncated: step.truncated,
            shown,
            raw_args,
            cut_in_args: false,
            destination,
        }
    }

    /// A cell cut inside its build args: nothing of the command is visible,
    /// so the printed args are the key (see [`compatible_args`]).
    fn cut_in_args(raw_args: String, truncated: bool) -> LayerKey {
        let text = format!("RUN {raw_args}");
        LayerKey {
            keyword: Keyword::Run,
            layout: text.clone(),
            shown: text.clone(),
            text,
            truncated,
            raw_args,
            cut_in_args: true,
            destination: None,
        }
    }

    /// The step for display: the instruction as printed, without the builder
    /// noise (`ADD file:7f95… in /`, `CMD ["npm" "start"]`, `EXPOSE 8000`).
    pub fn display(&self) -> String {
        self.shown.clone()
    }

    /// The name an ENV/ARG/LABEL sets (`NODE_VERSION` of `ENV NODE_VERSION=12`), if any.
    pub fn variable(&self) -> Option<&str> {
        match self.keyword {
            Keyword::Env | Keyword::Arg | Keyword::Label => {
                let body = self.body();
                let end = body.find(['=', ' ']).unwrap_or(body.len());
                body.get(..end).filter(|v| !v.is_empty())
            }
            _ => None,
        }
    }

    /// The normalised text after the keyword.
    pub fn body(&self) -> &str {
        if self.keyword == Keyword::Other {
            return &self.text;
        }
        let kw = self.keyword.as_str();
        self.text
            .strip_prefix("COPY/ADD")
            .or_else(|| self.text.strip_prefix(kw))
            .map(str::trim_start)
            .unwrap_or(&self.text)
    }

    /// Words of the body, for the similarity of edited steps (a cut-off last word dropped).
    pub fn tokens(&self) -> Vec<&str> {
        let mut t: Vec<&str> = self
            .body()
            .split(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '|' | '\\' | ','))
            .filter(|w| !w.is_empty())
            .collect();
        // a cut-off last word is only a piece of a word (unless a separator ends the text)
        let ends_clean = self
            .body()
            .ends_with(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '|' | '\\' | ','));
        if self.truncated && !ends_clean {
            t.pop();
        }
        t
    }
}

/// Whether two keys can be the same step: equal, or one is cut short and the
/// other starts with its visible text.
pub fn compatible(a: &LayerKey, b: &LayerKey) -> bool {
    if a.text == b.text {
        return true;
    }
    if a.cut_in_args || b.cut_in_args {
        return compatible_args(a, b);
    }
    match (a.truncated, b.truncated) {
        (false, false) => false,
        (true, false) => a.text.len() >= MIN_PREFIX && b.text.starts_with(&a.text),
        (false, true) => b.text.len() >= MIN_PREFIX && a.text.starts_with(&b.text),
        (true, true) => {
            let (short, long) = if a.text.len() <= b.text.len() {
                (a, b)
            } else {
                (b, a)
            };
            short.text.len() >= MIN_PREFIX && long.text.starts_with(&short.text)
        }
    }
}

/// For a cell cut inside its build args: the other cell, printed with its
/// args, starts with the visible part (`|3 A=1 B=2 C…` and `|3 A=1 B=2 C=3 /bin/sh -c make`).
pub fn compatible_args(a: &LayerKey, b: &LayerKey) -> bool {
    let (cut, other) = match (a.cut_in_args, b.cut_in_args) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        (true, true) if a.raw_args.len() <= b.raw_args.len() => (a, b),
        (true, true) => (b, a),
        (false, false) => return false,
    };
    cut.raw_args.len() >= MIN_PREFIX && other.raw_args.starts_with(&cut.raw_args)
}

/// Whether the printed layout of two compatible keys is the same over the part
/// both show (whitespace kept). False means the step was re-written.
pub fn same_layout(a: &LayerKey, b: &LayerKey) -> bool {
    let (x, y) = (a.layout.as_str(), b.layout.as_str());
    if x == y {
        return true;
    }
    let cut = |s: &str, n: usize| -> String { s.chars().take(n).collect() };
    match (a.truncated, b.truncated) {
        (false, false) => false,
        (true, false) => y.starts_with(x),
        (false, true) => x.starts_with(y),
        (true, true) => {
            let n = x.chars().count().min(y.chars().count());
            cut(x, n) == cut(y, n)
        }
    }
}

/// A key with its words read once ([`LayerKey::tokens`]): the alignment scores
/// every pair of leftovers in a gap, and reading the words again for each
/// pair made a 5,000-layer comparison slow.
pub struct KeyWords<'a> {
    pub key: &'a LayerKey,
    pub tokens: Vec<&'a str>,
}

impl<'a> KeyWords<'a> {
    pub fn of(key: &'a LayerKey) -> KeyWords<'a> {
        KeyWords {
            key,
            tokens: key.tokens(),
        }
    }
}

/// How alike two steps' words are, 0.0 to 1.0 (Dice coefficient over word
/// multisets). When one side is cut short, only as many words as it shows count.
pub fn similarity(a: &KeyWords<'_>, b: &KeyWords<'_>) -> f64 {
    let (mut na, mut nb) = (a.tokens.len(), b.tokens.len());
    match (a.key.truncated, b.key.truncated) {
        (true, false) => nb = nb.min(na.max(1)),
        (false, true) => na = na.min(nb.max(1)),
        (true, true) => {
            let n = na.min(nb).max(1);
            na = na.min(n);
            nb = nb.min(n);
        }
        (false, false) => {}
    }
    let ta = a.tokens.get(..na).unwrap_or(&[]);
    let tb = b.tokens.get(..nb).unwrap_or(&[]);
    if ta.is_empty() && tb.is_empty() {
        return if a.key.text == b.key.text { 1.0 } else { 0.0 };
    }
    let mut taken = vec![false; tb.len()];
    let mut common = 0usize;
    for w in ta {
        let free = tb
            .iter()
            .zip(taken.iter_mut())
            .find(|(x, taken)| !**taken && *x == w);
        if let Some((_, taken)) = free {
            *taken = true;
            common += 1;
        }
    }
    (2 * common) as f64 / (ta.len() + tb.len()) as f64
}

/// `KEYWORD body`, or just the body for [`Keyword::Other`].
fn with_keyword(keyword: Keyword, body: &str) -> String {
    match keyword {
        Keyword::Other => body.trim().to_string(),
        k => format!("{} {}", k.as_str(), body.trim()),
    }
}

/// The body with the matching normalisations: EXPOSE forms, exec-form
/// lists (CMD/ENTRYPOINT/… lists, or a RUN in JSON form; a shell test
/// `[ -z "$x" ]` keeps its quotes).
fn normalised_body(step: &Instruction<'_>) -> String {
    let body = match step.keyword {
        Keyword::Expose => normalise_expose(step.body).unwrap_or_else(|| step.body.to_string()),
        _ => step.body.to_string(),
    };
    let exec_form = match step.keyword {
        Keyword::Run | Keyword::Other => step.is_exec_form(),
        _ => true,
    };
    if exec_form {
        normalise_exec_form(&body)
    } else {
        body
    }
}

/// `8000`, `[8000/tcp]`, `map[8000/tcp:{}]` → `8000/tcp` (ports sorted).
fn normalise_expose(body: &str) -> Option<String> {
    let mut ports: Vec<String> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, ports: &mut Vec<String>| {
        if !cur.is_empty() {
            let p = if cur.contains('/') {
                cur.clone()
            } else {
                format!("{cur}/tcp")
            };
            ports.push(p);
            cur.clear();
        }
    };
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || c == '-' && !cur.is_empty() {
            cur.push(c);
        } else if c == '/' && !cur.is_empty() {
            cur.push(c);
            while let Some(&p) = chars.peek() {
                if p.is_ascii_alphabetic() {
                    cur.push(p);
                    chars.next();
                } else {
                    break;
                }
            }
        } else {
            flush(&mut cur, &mut ports);
        }
    }
    flush(&mut cur, &mut ports);
    if ports.is_empty() {
        return None;
    }
    let texts: Vec<&str> = ports.iter().map(String::as_str).collect();
    let mut sorted: Vec<&str> = order_of_texts(&texts)
        .into_iter()
        .filter_map(|k| texts.get(k).copied())
        .collect();
    sorted.dedup();
    Some(sorted.join(" "))
}

/// Legacy `file:<hash> in /dest` / `dir:…` / `multi:…` → `file:<hash>`: the
/// content hash says what was copied; the same hash is the same content.
fn content_hash(body: &str) -> Option<String> {
    let mut words = body.split_whitespace();
    let first = words.next()?;
    let (kind, hash) = first.split_once(':')?;
    if !matches!(kind, "file" | "dir" | "multi") {
        return None;
    }
    if hash.is_empty() || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    Some(format!("{kind}:{hash}"))
}

/// The destination of a COPY/ADD body: after ` in ` (legacy `file:<hash> in
/// /dest `), else the last of at least two words (`src dest`), flags skipped.
fn copy_destination(body: &str) -> Option<String> {
    let words: Vec<&str> = body
        .split_whitespace()
        .filter(|w| !w.starts_with("--"))
        .collect();
    if let Some(at) = words.iter().position(|w| *w == "in") {
        if words.first().is_some_and(|w| w.contains(':')) {
            return words.get(at + 1).map(|w| w.to_string());
        }
    }
    if words.len() >= 2 {
        return words.last().map(|w| w.to_string());
    }
    None
}

/// `["a", "b"]` / `["a" "b"]` / `[a b]` → `[a b]` (exec form without quoting noise).
fn normalise_exec_form(body: &str) -> String {
    let t = body.trim_start();
    if !t.starts_with('[') {
        return body.to_string();
    }
    let mut out = String::with_capacity(t.len());
    let mut in_list = true;
    for c in t.chars() {
        if in_list {
            match c {
                '"' => continue,
                ',' => {
                    if !out.ends_with(' ') {
                        out.push(' ');
                    }
                    continue;
                }
                ']' => in_list = false,
                _ => {}
            }
        }
        out.push(c);
    }
    // ", " became "  ": tidy the doubled spaces inside the list only.
    let mut tidy = String::with_capacity(out.len());
    for c in out.chars() {
        if c == ' ' && tidy.ends_with(' ') {
            continue;
        }
        tidy.push(c);
    }
    tidy
}

/// Runs of whitespace → one space; trimmed.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> LayerKey {
        LayerKey::new(s, false)
    }

    #[test]
    fn legacy_and_buildkit_metadata_rows_are_one_key() {
        let legacy = key(r#"/bin/sh -c #(nop)  CMD ["python" "app.py"]"#);
        let bk = key(r#"CMD ["python" "app.py"]"#);
        let podman = key(r#"/bin/sh -c #(nop) CMD ["python", "app.py"]"#);
        assert_eq!(legacy.text, "CMD [python app.py]");
        assert_eq!(bk.text, legacy.text);
        assert_eq!(podman.text, legacy.text);
        assert_eq!(legacy.keyword, Keyword::Cmd);
    }

    #[test]
    fn run_prefixes_and_buildkit_suffix_are_dropped() {
        let a = key("/bin/sh -c npm install");
        let b = key("RUN /bin/sh -c npm install # buildkit");
        let c = key("|1 APP_HOME=/home/node/app /bin/sh -c npm install");
        let d = key("RUN |2 A=1 B=2 /bin/sh -c npm install # buildkit");
        for k in [&b, &c, &d] {
            assert_eq!(k.text, a.text, "{k:?}");
        }
        assert_eq!(a.text, "RUN npm install");
    }

    #[test]
    fn a_cut_off_buildkit_suffix_means_the_command_was_whole() {
        let k = LayerKey::new("RUN /bin/sh -c apt-get install -y wget # bui", true);
        assert_eq!(k.text, "RUN apt-get install -y wget");
        assert!(!k.truncated);
        let k = LayerKey::new("RUN /bin/sh -c apk add --no-cache go # build", true);
        assert_eq!(k.text, "RUN apk add --no-cache go");
        assert!(!k.truncated);
        let k = LayerKey::new("RUN /bin/sh -c apt-get update &&     apt-get", true);
        assert!(k.truncated);
    }

    #[test]
    fn a_shell_test_keeps_its_quotes_and_other_rows_have_no_keyword() {
        let k = key(r#"/bin/sh -c [ -z "$(apt-get indextargets)" ]"#);
        assert_eq!(k.text, r#"RUN [ -z "$(apt-get indextargets)" ]"#);
        let k = key("# debian.sh --arch 'amd64' out/ 'trixie'");
        assert_eq!(
            (k.keyword, k.text.as_str()),
            (Keyword::Other, "# debian.sh --arch 'amd64' out/ 'trixie'")
        );
        assert_eq!(k.body(), k.text);
        let k = key(r#"RUN ["apt-get", "install", "-y", "curl"] # buildkit"#);
        assert_eq!(k.text, "RUN [apt-get install -y curl]");
    }

    #[test]
    fn a_cell_cut_inside_its_build_args_matches_on_the_args() {
        let full = key("RUN |3 ZSTD_COMPRESS=true ZSTD_COMPRESS_LEVEL=22 COMPRESS_LAYER=true /bin/sh -c chmod a+x /b.sh # buildkit");
        let cut = LayerKey::new("RUN |3 ZSTD_COMPRESS=true ZSTD_COMPRESS_LEVE", true);
        assert!(cut.cut_in_args && !full.cut_in_args);
        assert_eq!(full.text, "RUN chmod a+x /b.sh");
        assert!(compatible(&full, &cut) && compatible(&cut, &full));
        let other = LayerKey::new("RUN |3 ZSTD_COMPRESS=false ZSTD_COMPRESS_LEVE", true);
        assert!(!compatible(&full, &other));
        assert!(
            !compatible(&cut, &other),
            "two cut cells with other args differ"
        );
        assert_eq!(cut.text, "RUN |3 ZSTD_COMPRESS=true ZSTD_COMPRESS_LEVE");
    }

    #[test]
    fn copy_destinations_are_read() {
        let a = key("/bin/sh -c #(nop) COPY file:238737301d473041 in /usr/local/bin/ ");
        assert_eq!(a.destination.as_deref(), Some("/usr/local/bin/"));
        let b = key("COPY --chown=node app.py . # buildkit");
        assert_eq!(b.destination.as_deref(), Some("."));
        assert_eq!(
            LayerKey::new("/bin/sh -c #(nop) COPY file:2387373", true).destination,
            None
        );
    }

    #[test]
    fn every_shell_and_builder_reads_as_one_step() {
        // a Dockerfile with `SHELL ["/bin/bash", "-c"]`, legacy and BuildKit
        let legacy = key("/bin/bash -c make");
        let bk = key("RUN /bin/bash -c make # buildkit");
        assert_eq!(legacy.text, "RUN make");
        assert_eq!(bk.text, legacy.text);
        // Windows: the legacy builder's metadata row is the EXPOSE it says
        let win = key("cmd /S /C #(nop)  EXPOSE 80");
        assert_eq!(
            (win.keyword, win.text.as_str()),
            (Keyword::Expose, "EXPOSE 80/tcp")
        );
        let ps = key("powershell -Command Install-Module x");
        assert_eq!(ps.text, "RUN Install-Module x");
        // a build-arg value with a space does not leak into the command
        let spaced = key("|2 A=two words B=1 /bin/sh -c make");
        assert_eq!(spaced.text, "RUN make");
        // a metadata row is never a RUN
        assert_eq!(key("/bin/sh -c #(nop) odd").keyword, Keyword::Other);
    }

    #[test]
    fn expose_forms_agree() {
        let a = key("/bin/sh -c #(nop)  EXPOSE 8080");
        let b = key("EXPOSE map[8080/tcp:{}]");
        let c = key("EXPOSE [8080/tcp]");
        assert_eq!(a.text, "EXPOSE 8080/tcp");
        assert_eq!(b.text, a.text);
        assert_eq!(c.text, a.text);
    }

    #[test]
    fn copy_is_keyed_by_content_hash() {
        let a = key("/bin/sh -c #(nop) COPY file:238737301d473041 in /usr/local/bin/ ");
        let b = LayerKey::new("/bin/sh -c #(nop) COPY file:238737301d473041", true);
        assert!(compatible(&a, &b));
        let c = key("/bin/sh -c #(nop) COPY file:999737301d473041 in /usr/local/bin/ ");
        assert!(!compatible(&a, &c));
    }

    #[test]
    fn truncated_keys_match_on_their_common_prefix() {
        let full = key("/bin/sh -c apt-get update && apt-get install -y curl");
        let cut = LayerKey::new("/bin/sh -c apt-get update && apt-get install", true);
        let cut2 = LayerKey::new("/bin/sh -c apt-get update &&     apt-get ins", true);
        assert!(compatible(&full, &cut));
        assert!(compatible(&cut, &cut2));
        assert!(same_layout(&full, &cut));
        assert!(!same_layout(&cut, &cut2), "respaced line is an edit");
        let other = key("/bin/sh -c apt-get update");
        assert!(!compatible(&other, &cut2));
    }

    #[test]
    fn similarity_sees_an_edited_line() {
        let a = key("/bin/sh -c apt-get install -y curl");
        let b = key("/bin/sh -c apt-get install -y curl nodejs");
        let c = key("/bin/sh -c npm ci");
        let sim = |x: &LayerKey, y: &LayerKey| similarity(&KeyWords::of(x), &KeyWords::of(y));
        assert!(sim(&a, &b) > 0.8);
        assert!(sim(&a, &c) < 0.2);
        assert_eq!(a.variable(), None);
        assert_eq!(
            key("/bin/sh -c #(nop)  ENV NODE_VERSION=12").variable(),
            Some("NODE_VERSION")
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "", "|", "|99", "|x y", "RUN", "#(nop)", "[", "EXPOSE", "é|1 é", "RUN |1",
        ] {
            let k = LayerKey::new(s, true);
            let _ = (
                k.tokens(),
                k.variable(),
                similarity(&KeyWords::of(&k), &KeyWords::of(&k)),
                compatible(&k, &k),
            );
        }
    }
}
