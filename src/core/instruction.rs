//! Reads the Dockerfile instruction out of a CREATED BY cell, for display and
//! matching: `/bin/sh -c #(nop)  CMD ["x"]` → (`CMD`, `["x"]`),
//! `|1 A=b /bin/sh -c make` → (`RUN`, `make`), `COPY . . # buildkit` → (`COPY`, `. .`).
//!
//! Builders write the same step differently (formats.md §2): the legacy
//! builder prefixes `/bin/sh -c`, marks metadata steps with `#(nop) `, and
//! puts build args in front as `|N K=v`; BuildKit writes the keyword itself and
//! appends ` # buildkit` (often cut by truncation to `# bui`); `docker import`
//! rows have an empty CREATED BY; other tools write their own text
//! (`# debian.sh …`, `umoci …`, `Apply image …`), which we show as-is.

/// Dockerfile keywords as builders print them.
const KEYWORDS: &[&str] = &[
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

/// The instruction keyword (`RUN`, `COPY`, …) and the rest of the command.
/// Rows that no builder marked (an empty import row, a tool's own text) get
/// the keyword `""` and their whole text (shell rows without `#(nop)` are `RUN`).
pub fn split_instruction(created_by: &str) -> (&'static str, &str) {
    let mut rest = created_by.trim();
    rest = strip_build_args(rest);
    let mut shell = false;
    for prefix in [
        "/bin/sh -c ",
        "/bin/bash -c ",
        "cmd /S /C ",
        "powershell -Command ",
    ] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim_start();
            shell = true;
            break;
        }
    }
    if let Some(r) = rest.strip_prefix("#(nop)") {
        rest = r.trim_start();
        shell = false;
    }
    let rest = strip_buildkit_suffix(rest);
    let word_end = rest.find([' ', '\t']).unwrap_or(rest.len());
    let word = &rest[..word_end];
    if let Some(keyword) = KEYWORDS
        .iter()
        .find(|k| k.eq_ignore_ascii_case(word) && word.chars().all(|c| c.is_ascii_uppercase()))
    {
        let after = rest[word_end..].trim_start();
        // BuildKit prints `RUN |2 A=b /bin/sh -c cmd`: strip again below the keyword.
        if *keyword == "RUN" {
            let (_, inner) = split_instruction(after);
            return ("RUN", inner);
        }
        return (keyword, after);
    }
    if shell {
        return ("RUN", rest);
    }
    ("", rest)
}

/// Drops a legacy/BuildKit build-arg prefix `|N K=v K2=v2 ` (N pairs).
fn strip_build_args(text: &str) -> &str {
    let Some(after_bar) = text.strip_prefix('|') else {
        return text;
    };
    let digits = after_bar.bytes().take_while(u8::is_ascii_digit).count();
    let Ok(n_args) = after_bar[..digits].parse::<usize>() else {
        return text;
    };
    let mut rest = after_bar[digits..].trim_start();
    for _ in 0..n_args {
        // Each pair is `KEY=value` up to the next space (values with spaces are rare).
        match rest.find(' ') {
            Some(space) if rest[..space].contains('=') => rest = rest[space..].trim_start(),
            _ => return text,
        }
    }
    rest
}

/// Drops BuildKit's ` # buildkit` suffix, whole or cut short by truncation.
fn strip_buildkit_suffix(text: &str) -> &str {
    if let Some(hash) = text.rfind(" # ") {
        let tail = &text[hash + 3..];
        if !tail.is_empty() && "buildkit".starts_with(tail) {
            return text[..hash].trim_end();
        }
    }
    if let Some(r) = text.strip_suffix(" #") {
        return r.trim_end();
    }
    text.trim_end()
}

#[cfg(test)]
mod tests {
    use super::split_instruction;

    #[test]
    fn reads_each_builders_spelling() {
        let cases = [
            (
                "/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"npm",
                ("CMD", "[\"/bin/sh\" \"-c\" \"npm"),
            ),
            ("/bin/sh -c #(nop) WORKDIR /dir", ("WORKDIR", "/dir")),
            (
                "/bin/sh -c apt-get install -y nodejs",
                ("RUN", "apt-get install -y nodejs"),
            ),
            (
                "|1 APP_HOME=/home/node/app /bin/sh -c mkdir -p",
                ("RUN", "mkdir -p"),
            ),
            (
                "RUN |2 A=1 B=2 /bin/sh -c npm ci # buildkit",
                ("RUN", "npm ci"),
            ),
            ("RUN /bin/sh -c npm ci # bui", ("RUN", "npm ci")),
            ("COPY . . # buildkit", ("COPY", ". .")),
            ("EXPOSE map[80/tcp:{}]", ("EXPOSE", "map[80/tcp:{}]")),
            ("", ("", "")),
            (
                "# debian.sh --arch 'amd64' out/",
                ("", "# debian.sh --arch 'amd64' out/"),
            ),
            (
                "/bin/sh -c #(nop) ADD file:7f95be7c8278786d5 in / ",
                ("ADD", "file:7f95be7c8278786d5 in /"),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(split_instruction(input), expected, "input: {input:?}");
        }
    }

    #[test]
    fn lowercase_words_are_not_keywords() {
        assert_eq!(split_instruction("sh"), ("", "sh"));
        assert_eq!(
            split_instruction("/bin/sh -c run tests"),
            ("RUN", "run tests")
        );
    }
}
