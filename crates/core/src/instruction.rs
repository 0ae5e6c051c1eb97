//! The one reader of a CREATED BY cell: which Dockerfile step a layer came
//! from, as an [`Instruction`] (keyword, command body, shell, build args, and
//! what the builder added around them).
//!
//! Why one reader: the pane's layer table, the comparison's matching key
//! ([`crate::compare::key`]), the chart labels (made from that key), the
//! secrets list and the coming findings about RUN bodies all ask "what step
//! is this row?". When each answered with its own rules, the table and the
//! comparison could disagree about the same row. Normalising for matching
//! (exec-form quotes, EXPOSE forms, content hashes, whitespace) is the key's
//! business; *reading* is done here only.
//!
//! Builders and tools write the same step differently (docs/formats.md §2):
//!
//! | form | example | read as |
//! |---|---|---|
//! | legacy builder, metadata | `/bin/sh -c #(nop)  CMD ["x"]` | `CMD`, `["x"]`, `nop` |
//! | legacy builder, command | `/bin/sh -c apt-get update` | `RUN`, shell `sh` |
//! | legacy build args | `\|2 A=1 B=two words /bin/sh -c make` | `RUN`, 2 args, `make` |
//! | BuildKit | `COPY . . # buildkit`, `RUN /bin/sh -c make # buildkit` | `buildkit` |
//! | BuildKit build args | `RUN \|2 A=1 B=2 /bin/sh -c make # buildkit` | `RUN`, 2 args, `make` |
//! | suffix cut short | `RUN /bin/sh -c make # bui` (a cut cell) | `make`, whole after all |
//! | other shells | `/bin/bash -c`, `/bin/bash -o pipefail -c`, `cmd /S /C`, `powershell -Command` | shell `bash`/`cmd`/`powershell` |
//! | exec form | `RUN ["npm", "ci"] # buildkit` | `RUN`, no shell |
//! | lowercase keyword | `copy . .` | `COPY` |
//! | import | empty cell | [`Keyword::Other`], empty body |
//! | tools' own text | `# debian.sh --arch amd64 …`, `umoci config`, `Apply image 2.0` | [`Keyword::Other`], the text as-is |
//!
//! Rules that settle the ambiguous cases:
//! - after a shell prefix without `#(nop)` the first word is a command, never
//!   a keyword (`/bin/sh -c env` is a RUN of `env`);
//! - a `#(nop)` row whose first word is no keyword is [`Keyword::Other`] (a
//!   metadata row is never a RUN);
//! - build args are only printed for RUN, so a row with them is a RUN;
//! - a build-arg value may hold spaces (docker prints it unquoted): the args
//!   run up to the shell prefix; when no shell is visible (the cell was cut,
//!   or an exec-form RUN), each of the announced `N` words is one arg;
//! - ` # buildkit` is only dropped from rows BuildKit wrote, and its cut
//!   forms (`# bui`, ` #`) only from cells that were cut: then the command
//!   itself was printed whole, and the instruction is not [`truncated`].
//!
//! [`truncated`]: Instruction::truncated

use std::ops::Range;

/// The Dockerfile instruction a layer came from, as far as the text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Keyword {
    Run,
    Copy,
    Add,
    Env,
    Arg,
    Label,
    Workdir,
    User,
    Expose,
    Cmd,
    Entrypoint,
    Volume,
    Healthcheck,
    Shell,
    Stopsignal,
    Onbuild,
    Maintainer,
    /// Anything else: an imported root filesystem (empty cell), a `docker
    /// commit`, a base image made by a script (`# debian.sh …`).
    Other,
}

impl Keyword {
    /// Every keyword a Dockerfile has, in the order [`Keyword::as_str`] spells them.
    pub const DOCKERFILE: [Keyword; 17] = [
        Keyword::Run,
        Keyword::Copy,
        Keyword::Add,
        Keyword::Env,
        Keyword::Arg,
        Keyword::Label,
        Keyword::Workdir,
        Keyword::User,
        Keyword::Expose,
        Keyword::Cmd,
        Keyword::Entrypoint,
        Keyword::Volume,
        Keyword::Healthcheck,
        Keyword::Shell,
        Keyword::Stopsignal,
        Keyword::Onbuild,
        Keyword::Maintainer,
    ];

    /// Reads an instruction word in any case (`CMD`, `copy`), if it is one.
    pub fn from_word(word: &str) -> Option<Keyword> {
        Keyword::DOCKERFILE
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(word))
    }

    /// The instruction word as written in a Dockerfile (`RUN`), or `…` for [`Keyword::Other`].
    pub fn as_str(self) -> &'static str {
        self.word().unwrap_or("…")
    }

    /// The instruction word (`RUN`), or None for [`Keyword::Other`].
    pub fn word(self) -> Option<&'static str> {
        let word = match self {
            Keyword::Run => "RUN",
            Keyword::Copy => "COPY",
            Keyword::Add => "ADD",
            Keyword::Env => "ENV",
            Keyword::Arg => "ARG",
            Keyword::Label => "LABEL",
            Keyword::Workdir => "WORKDIR",
            Keyword::User => "USER",
            Keyword::Expose => "EXPOSE",
            Keyword::Cmd => "CMD",
            Keyword::Entrypoint => "ENTRYPOINT",
            Keyword::Volume => "VOLUME",
            Keyword::Healthcheck => "HEALTHCHECK",
            Keyword::Shell => "SHELL",
            Keyword::Stopsignal => "STOPSIGNAL",
            Keyword::Onbuild => "ONBUILD",
            Keyword::Maintainer => "MAINTAINER",
            Keyword::Other => return None,
        };
        Some(word)
    }

    /// Instructions that only set image metadata and take one value, so two of
    /// them next to each other in a diff are one edited step (`WORKDIR /a` → `WORKDIR /b`).
    pub fn is_single_setting(self) -> bool {
        matches!(
            self,
            Keyword::Workdir
                | Keyword::User
                | Keyword::Expose
                | Keyword::Cmd
                | Keyword::Entrypoint
                | Keyword::Healthcheck
                | Keyword::Shell
                | Keyword::Stopsignal
                | Keyword::Maintainer
                | Keyword::Volume
        )
    }
}

/// The shell a command was given to, from the prefix the builder printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shell {
    /// `/bin/sh -c` (the default on Linux).
    Sh,
    /// `/bin/bash -c`, also with options (`/bin/bash -o pipefail -c`), after a
    /// Dockerfile `SHELL`.
    Bash,
    /// `cmd /S /C` (the default on Windows).
    Cmd,
    /// `powershell -Command` (Windows, after a `SHELL`).
    PowerShell,
}

impl Shell {
    /// Every shell a builder names.
    pub const ALL: [Shell; 4] = [Shell::Sh, Shell::Bash, Shell::Cmd, Shell::PowerShell];

    /// The prefix as builders print it without options (`/bin/sh -c`).
    pub fn prefix(self) -> &'static str {
        match self {
            Shell::Sh => "/bin/sh -c",
            Shell::Bash => "/bin/bash -c",
            Shell::Cmd => "cmd /S /C",
            Shell::PowerShell => "powershell -Command",
        }
    }

    /// Reads a shell prefix at the start of `s`; returns the shell and the
    /// byte length of its prefix (`-c` included, the space after it not).
    pub fn at_start(s: &str) -> Option<(Shell, usize)> {
        for shell in [Shell::Cmd, Shell::PowerShell] {
            let prefix = shell.prefix();
            if s.starts_with(prefix) && ends_word(s, prefix.len()) {
                return Some((shell, prefix.len()));
            }
        }
        let (shell, path) = [(Shell::Sh, "/bin/sh"), (Shell::Bash, "/bin/bash")]
            .into_iter()
            .find(|(_, path)| s.starts_with(path) && ends_word(s, path.len()))?;
        posix_options_end(s, path.len()).map(|end| (shell, end))
    }
}

/// After a POSIX shell's path: options up to and including `-c` (`-c`,
/// `-e -c`, `-o pipefail -c`, `-ec`); returns where `-c` ends.
fn posix_options_end(s: &str, mut at: usize) -> Option<usize> {
    let mut words = words_from(s, at);
    let mut option_argument = false;
    for _ in 0..8 {
        let (start, word) = words.next()?;
        at = start + word.len();
        if option_argument {
            option_argument = false;
            continue;
        }
        let flags = word.strip_prefix('-').filter(|f| !f.is_empty())?;
        if !flags.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        if flags.ends_with('c') {
            return Some(at);
        }
        option_argument = flags.ends_with('o');
    }
    None
}

/// One `NAME=value` build argument printed before a RUN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildArg<'a> {
    /// `GIT_ACCESS_TOKEN` of `GIT_ACCESS_TOKEN=abc`.
    pub name: &'a str,
    /// The value, without surrounding quotes; may hold spaces.
    pub value: &'a str,
    /// Where the value stands in the text that was read.
    pub value_range: Range<usize>,
}

/// The build args a builder printed before a RUN: `|2 A=1 B=2 ` (legacy
/// builder) or after BuildKit's `RUN `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildArgs<'a> {
    /// How many the builder announced (`2` of `|2 A=1 B=2`).
    pub declared: usize,
    /// The visible pairs, in order (fewer than declared when the cell was cut).
    pub args: Vec<BuildArg<'a>>,
    /// The text from the `|` to its end, as printed: all that a cell cut
    /// inside its args can be compared by.
    pub from_bar: &'a str,
    /// Where the command after the args starts in the text that was read.
    pub command_at: usize,
    /// The cell was cut inside the args: no command is visible.
    pub cut: bool,
}

/// Reads `|N NAME=value … ` at byte `at` of `text` (ranges count from the
/// start of `text`). None when `text[at..]` does not start with `|N` and a
/// space.
pub fn read_build_args(text: &str, at: usize) -> Option<BuildArgs<'_>> {
    let after_bar = text.get(at..)?.strip_prefix('|')?;
    let digits = after_bar.bytes().take_while(u8::is_ascii_digit).count();
    let declared: usize = after_bar.get(..digits)?.parse().ok()?;
    if !ends_word(after_bar, digits) {
        return None;
    }
    let region_at = at + 1 + digits;
    let from_bar = text.get(at..).unwrap_or_default().trim_end();
    let shell_at = match declared {
        0 => None,
        _ => words_from(text, region_at)
            .find_map(|(w, _)| text.get(w..).and_then(Shell::at_start).map(|_| w)),
    };
    let (args, command_at) = match shell_at {
        Some(shell_at) => (
            args_before_shell(text, region_at, shell_at, declared),
            shell_at,
        ),
        None => args_by_words(text, region_at, declared),
    };
    Some(BuildArgs {
        declared,
        args,
        from_bar,
        command_at,
        cut: false,
    })
}

/// The args of `text[from..to]` when the shell prefix follows them: a word
/// that is not `NAME=…` (or past `declared` args) belongs to the value before.
fn args_before_shell(text: &str, from: usize, to: usize, declared: usize) -> Vec<BuildArg<'_>> {
    let region = text.get(..to).unwrap_or_default();
    let mut args: Vec<BuildArg<'_>> = Vec::new();
    for (start, word) in words_from(region, from) {
        let end = start + word.len();
        match arg_name(word) {
            Some(name) if args.len() < declared => {
                args.push(build_arg(text, name, start + name.len() + 1, end))
            }
            _ => {
                if let Some(last) = args.pop() {
                    args.push(build_arg(text, last.name, last.value_range.start, end));
                }
            }
        }
    }
    args
}

/// The args when no shell follows (a cut cell, an exec-form RUN): each of the
/// `declared` words is one; returns them and where the command starts.
fn args_by_words(text: &str, from: usize, declared: usize) -> (Vec<BuildArg<'_>>, usize) {
    let mut args = Vec::new();
    let mut command_at = from;
    for (start, word) in words_from(text, from).take(declared) {
        let end = start + word.len();
        if let Some(name) = arg_name(word) {
            args.push(build_arg(text, name, start + name.len() + 1, end));
        }
        command_at = end;
    }
    (args, command_at)
}

/// `NAME` of a word `NAME=…` (a shell variable name), if it is one.
fn arg_name(word: &str) -> Option<&str> {
    let (name, _) = word.split_once('=')?;
    let mut chars = name.chars();
    let first = chars.next()?;
    let ok = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then_some(name)
}

/// The arg `name` whose value is `text[start..end]`, quotes around it dropped.
fn build_arg<'a>(text: &'a str, name: &'a str, start: usize, end: usize) -> BuildArg<'a> {
    let raw = text.get(start..end).unwrap_or_default();
    let quoted = raw.len() >= 2
        && (raw.starts_with('"') && raw.ends_with('"')
            || raw.starts_with('\'') && raw.ends_with('\''));
    let value_range = if quoted {
        start + 1..end - 1
    } else {
        start..end
    };
    BuildArg {
        name,
        value: text.get(value_range.clone()).unwrap_or_default(),
        value_range,
    }
}

/// What a CREATED BY cell says about its step. See the module doc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction<'a> {
    /// The instruction.
    pub keyword: Keyword,
    /// The command after the keyword (or the whole text of an
    /// [`Keyword::Other`] row), without the builder's additions, trimmed:
    /// `apt-get update` of `RUN |1 A=b /bin/sh -c apt-get update # buildkit`.
    pub body: &'a str,
    /// The shell a RUN's command was given to; None for exec form, metadata
    /// (`#(nop)`) rows and rows no builder marked.
    pub shell: Option<Shell>,
    /// The build args printed before a RUN, if any.
    pub build_args: Option<BuildArgs<'a>>,
    /// The legacy builder's metadata mark `#(nop)` was there.
    pub nop: bool,
    /// BuildKit wrote it: the keyword printed first (`RUN /bin/sh -c …`,
    /// `COPY …`), usually with ` # buildkit` after it.
    pub buildkit: bool,
    /// The cell was cut short when printed and the cut fell in the command,
    /// so only a prefix of [`Instruction::body`] is known.
    pub truncated: bool,
}

impl<'a> Instruction<'a> {
    /// Reads one CREATED BY cell; `truncated` says whether it was printed cut short.
    pub fn read(created_by: &'a str, truncated: bool) -> Instruction<'a> {
        let cell = created_by.trim();
        let cell_at = created_by.len() - created_by.trim_start().len();
        let run_prefix = strip_word(cell, "RUN");
        let rest = run_prefix.unwrap_or(cell);
        let rest_at = cell_at + cell.len() - rest.len();
        let mut build_args = read_build_args(created_by, rest_at);
        let rest = match &build_args {
            Some(args) => created_by.get(args.command_at..).unwrap_or_default().trim(),
            None => rest,
        };
        let (shell, rest) = match Shell::at_start(rest) {
            Some((shell, len)) => (
                Some(shell),
                rest.get(len..).unwrap_or_default().trim_start(),
            ),
            None => (None, rest),
        };
        if let Some(args) = build_args.as_mut() {
            args.cut = truncated && shell.is_none() && !rest.starts_with('[');
        }
        let nop_rest = rest.strip_prefix("#(nop)").map(str::trim_start);
        let nop = nop_rest.is_some();
        let rest = nop_rest.unwrap_or(rest);
        let (keyword, body) = if run_prefix.is_some() {
            (Keyword::Run, rest)
        } else {
            keyword_and_body(rest, nop, shell.is_some() || build_args.is_some())
        };
        let buildkit = run_prefix.is_some()
            || keyword != Keyword::Other && !nop && shell.is_none() && build_args.is_none();
        let mut step = Instruction {
            keyword,
            body: body.trim(),
            shell: if nop { None } else { shell },
            build_args,
            nop,
            buildkit,
            truncated,
        };
        if buildkit {
            step.drop_buildkit_suffix(body);
        }
        step
    }

    /// Drops BuildKit's ` # buildkit` from `body` (cut forms only from a cut
    /// cell: then the command was printed whole, so it is not truncated).
    fn drop_buildkit_suffix(&mut self, body: &'a str) {
        if let Some(whole) = strip_buildkit_suffix(body, self.truncated) {
            self.body = whole.trim();
            self.truncated = false;
        }
    }

    /// Whether the body is an exec-form list (`["npm", "ci"]`), not a shell
    /// test such as `[ -z "$x" ]`.
    pub fn is_exec_form(&self) -> bool {
        self.body.starts_with("[\"")
    }

    /// Whether the cell was cut inside its build args, so no command is visible.
    pub fn cut_in_args(&self) -> bool {
        self.build_args.as_ref().is_some_and(|args| args.cut)
    }

    /// What to show after the keyword: the body, or for a cell cut inside
    /// its build args the args as printed (`|17 TARGETOS=linux TARG`), which
    /// is all there is to see.
    pub fn shown_body(&self) -> &'a str {
        match &self.build_args {
            Some(args) if args.cut => args.from_bar,
            _ => self.body,
        }
    }
}

/// The keyword and body of a row without BuildKit's `RUN `: the first word
/// is the keyword of a metadata row, or of one no shell ran; the rest is a
/// RUN when a shell (or build args) say so.
fn keyword_and_body(rest: &str, nop: bool, ran: bool) -> (Keyword, &str) {
    let first_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let first = rest.get(..first_end).unwrap_or_default();
    match Keyword::from_word(first) {
        Some(keyword) if nop || !ran => (
            keyword,
            rest.get(first_end..).unwrap_or_default().trim_start(),
        ),
        _ if ran && !nop => (Keyword::Run, rest),
        _ => (Keyword::Other, rest),
    }
}

/// `body` without BuildKit's ` # buildkit`, or None when it has none. When
/// the cell was `truncated`, also its cut forms `… # bui`, `… # `, `… #`.
fn strip_buildkit_suffix(body: &str, truncated: bool) -> Option<&str> {
    const SUFFIX: &str = " # buildkit";
    let trimmed = body.trim_end();
    if let Some(whole) = trimmed.strip_suffix(SUFFIX) {
        return Some(whole);
    }
    if !truncated {
        return None;
    }
    // the cut forms, longest first: " # buildki", … " # b", " # ", " #"
    (2..SUFFIX.len()).rev().find_map(|n| {
        let part = SUFFIX.get(..n).unwrap_or_default();
        if let Some(whole) = body.strip_suffix(part) {
            return Some(whole);
        }
        let part = part.trim_end();
        let whole = trimmed.strip_suffix(part).filter(|_| part.len() >= 2)?;
        (whole.ends_with(' ') || whole.is_empty()).then_some(whole)
    })
}

/// `s` without a leading `word` (any case) and the whitespace after it, or None.
fn strip_word<'s>(s: &'s str, word: &str) -> Option<&'s str> {
    let head = s.get(..word.len())?;
    let rest = s.get(word.len()..)?;
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace))
        .then(|| rest.trim_start())
}

/// Whether byte `at` of `s` ends a word (whitespace or the end follows).
fn ends_word(s: &str, at: usize) -> bool {
    s.get(at..)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// The whitespace-separated words of `s` from byte `from` on, with where each starts.
fn words_from(s: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = from;
    std::iter::from_fn(move || {
        let tail = s.get(at..)?;
        let start = at + tail.len() - tail.trim_start().len();
        let word_tail = s.get(start..)?;
        let len = word_tail
            .find(char::is_whitespace)
            .unwrap_or(word_tail.len());
        at = start + len;
        word_tail
            .get(..len)
            .filter(|word| !word.is_empty())
            .map(|word| (start, word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a cell should read as (build args as `(name, value)`).
    struct Case {
        cell: &'static str,
        cut: bool,
        keyword: Keyword,
        body: &'static str,
        shell: Option<Shell>,
        args: &'static [(&'static str, &'static str)],
        nop: bool,
        buildkit: bool,
        truncated: bool,
    }

    /// A case with the common defaults: not cut, no shell, no args, no marks.
    const fn case(cell: &'static str, keyword: Keyword, body: &'static str) -> Case {
        Case {
            cell,
            cut: false,
            keyword,
            body,
            shell: None,
            args: &[],
            nop: false,
            buildkit: false,
            truncated: false,
        }
    }

    fn check(cases: &[Case]) {
        for c in cases {
            let step = Instruction::read(c.cell, c.cut);
            let args: Vec<(&str, &str)> = step
                .build_args
                .iter()
                .flat_map(|a| a.args.iter().map(|arg| (arg.name, arg.value)))
                .collect();
            let got = (
                step.keyword,
                step.body,
                step.shell,
                args,
                step.nop,
                step.buildkit,
                step.truncated,
            );
            let want = (
                c.keyword,
                c.body,
                c.shell,
                c.args.to_vec(),
                c.nop,
                c.buildkit,
                c.truncated,
            );
            assert_eq!(got, want, "cell: {:?} (cut: {})", c.cell, c.cut);
        }
    }

    #[test]
    fn legacy_builder_rows() {
        use Keyword::{Add, Cmd, Other, Run, Workdir};
        check(&[
            Case {
                cut: true,
                nop: true,
                truncated: true,
                ..case(
                    "/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"npm",
                    Cmd,
                    "[\"/bin/sh\" \"-c\" \"npm",
                )
            },
            Case {
                nop: true,
                ..case("/bin/sh -c #(nop) WORKDIR /dir", Workdir, "/dir")
            },
            Case {
                nop: true,
                ..case(
                    "/bin/sh -c #(nop) ADD file:7f95be7c8278786d5 in / ",
                    Add,
                    "file:7f95be7c8278786d5 in /",
                )
            },
            Case {
                shell: Some(Shell::Sh),
                ..case(
                    "/bin/sh -c apt-get install -y nodejs",
                    Run,
                    "apt-get install -y nodejs",
                )
            },
            Case {
                shell: Some(Shell::Sh),
                ..case("/bin/sh -c", Run, "")
            },
            // after a shell, the first word is a command: `env` is no ENV, `run` no RUN
            Case {
                shell: Some(Shell::Sh),
                ..case("/bin/sh -c env | sort", Run, "env | sort")
            },
            Case {
                shell: Some(Shell::Sh),
                ..case("/bin/sh -c run tests", Run, "run tests")
            },
            // a metadata row is never a RUN
            Case {
                nop: true,
                ..case("/bin/sh -c #(nop) something odd", Other, "something odd")
            },
            Case {
                cut: true,
                shell: Some(Shell::Sh),
                truncated: true,
                ..case(
                    "/bin/sh -c apt-get update &&     apt-get",
                    Run,
                    "apt-get update &&     apt-get",
                )
            },
        ]);
    }

    #[test]
    fn build_args_before_a_run() {
        use Keyword::Run;
        let sh = Some(Shell::Sh);
        check(&[
            Case {
                shell: sh,
                args: &[("APP_HOME", "/home/node/app")],
                ..case(
                    "|1 APP_HOME=/home/node/app /bin/sh -c mkdir -p",
                    Run,
                    "mkdir -p",
                )
            },
            // values with spaces (docker prints them unquoted) and quoted ones
            Case {
                shell: sh,
                args: &[("A", "two words"), ("B", "3")],
                ..case("|2 A=two words B=3 /bin/sh -c make", Run, "make")
            },
            Case {
                shell: sh,
                args: &[("A", "x y")],
                ..case("|1 A=\"x y\" /bin/sh -c make", Run, "make")
            },
            // more `NAME=` words than announced: the last value holds them
            Case {
                shell: sh,
                args: &[("FLAGS", "a b=c")],
                ..case("|1 FLAGS=a b=c /bin/sh -c make", Run, "make")
            },
            Case {
                shell: sh,
                buildkit: true,
                args: &[("A", "1"), ("B", "2")],
                ..case("RUN |2 A=1 B=2 /bin/sh -c npm ci # buildkit", Run, "npm ci")
            },
            // cut inside the args: no command visible
            Case {
                cut: true,
                buildkit: true,
                truncated: true,
                args: &[("ZSTD_COMPRESS", "true")],
                ..case("RUN |3 ZSTD_COMPRESS=true ZSTD_COMPRESS_LEVE", Run, "")
            },
            // build args are only printed for RUN: an exec-form RUN of the legacy builder
            Case {
                args: &[("A", "b")],
                ..case("|1 A=b echo hi", Run, "echo hi")
            },
        ]);
    }

    #[test]
    fn buildkit_rows_and_their_suffix() {
        use Keyword::{Copy, Expose, Run};
        let sh = Some(Shell::Sh);
        check(&[
            Case {
                buildkit: true,
                ..case("COPY . . # buildkit", Copy, ". .")
            },
            Case {
                buildkit: true,
                ..case("EXPOSE map[80/tcp:{}]", Expose, "map[80/tcp:{}]")
            },
            Case {
                shell: sh,
                buildkit: true,
                ..case("RUN /bin/sh -c npm ci # buildkit", Run, "npm ci")
            },
            // a suffix cut short means the command itself was printed whole
            Case {
                cut: true,
                shell: sh,
                buildkit: true,
                ..case("RUN /bin/sh -c npm ci # bui", Run, "npm ci")
            },
            Case {
                cut: true,
                shell: sh,
                buildkit: true,
                ..case("RUN /bin/sh -c apk add go # ", Run, "apk add go")
            },
            Case {
                cut: true,
                shell: sh,
                buildkit: true,
                ..case("RUN /bin/sh -c apk add go #", Run, "apk add go")
            },
            // … but only in a cut cell: a whole one ending in `# b` means it
            Case {
                shell: sh,
                buildkit: true,
                ..case("RUN /bin/sh -c echo hi # b", Run, "echo hi # b")
            },
            // exec form: no shell
            Case {
                buildkit: true,
                ..case("RUN [\"npm\", \"ci\"] # buildkit", Run, "[\"npm\", \"ci\"]")
            },
            // lowercase keywords
            Case {
                buildkit: true,
                ..case("copy . .", Copy, ". .")
            },
            Case {
                buildkit: true,
                ..case("run make", Run, "make")
            },
        ]);
    }

    #[test]
    fn other_shells() {
        use Keyword::{Env, Expose, Other, Run};
        check(&[
            Case {
                shell: Some(Shell::Bash),
                ..case("/bin/bash -c apt-get update", Run, "apt-get update")
            },
            Case {
                shell: Some(Shell::Bash),
                ..case(
                    "/bin/bash -o pipefail -c curl -fsSL x | sh",
                    Run,
                    "curl -fsSL x | sh",
                )
            },
            Case {
                shell: Some(Shell::Sh),
                ..case("/bin/sh -ec make", Run, "make")
            },
            Case {
                nop: true,
                ..case("/bin/bash -c #(nop)  ENV A=1", Env, "A=1")
            },
            Case {
                nop: true,
                ..case("cmd /S /C #(nop)  EXPOSE 80", Expose, "80")
            },
            Case {
                shell: Some(Shell::Cmd),
                ..case("cmd /S /C mkdir C:\\app", Run, "mkdir C:\\app")
            },
            Case {
                shell: Some(Shell::PowerShell),
                ..case(
                    "powershell -Command $ErrorActionPreference = 'Stop'",
                    Run,
                    "$ErrorActionPreference = 'Stop'",
                )
            },
            Case {
                buildkit: true,
                shell: Some(Shell::Bash),
                ..case("RUN /bin/bash -c make # buildkit", Run, "make")
            },
            // not a shell prefix
            case("/bin/shell -c x", Other, "/bin/shell -c x"),
            case("/bin/sh script.sh", Other, "/bin/sh script.sh"),
        ]);
    }

    #[test]
    fn rows_no_builder_marked() {
        use Keyword::Other;
        check(&[
            case("", Other, ""),
            case("   ", Other, ""),
            case(
                "# debian.sh --arch 'amd64' out/",
                Other,
                "# debian.sh --arch 'amd64' out/",
            ),
            case(
                "umoci config --config.cmd sh",
                Other,
                "umoci config --config.cmd sh",
            ),
            case(
                "Apply image 10.0.17763.1",
                Other,
                "Apply image 10.0.17763.1",
            ),
            case("sh", Other, "sh"),
            case("# buildkit", Other, "# buildkit"),
        ]);
    }

    #[test]
    fn build_arg_values_point_into_the_text() {
        let text = "x |2 TOKEN=se cret B='q' /bin/sh -c make";
        let args = read_build_args(text, 2).expect("args");
        assert_eq!(args.declared, 2);
        let values: Vec<&str> = args
            .args
            .iter()
            .filter_map(|a| text.get(a.value_range.clone()))
            .collect();
        assert_eq!(values, ["se cret", "q"]);
        assert_eq!(text.get(args.command_at..), Some("/bin/sh -c make"));
        assert_eq!(args.from_bar, "|2 TOKEN=se cret B='q' /bin/sh -c make");
        assert_eq!(read_build_args(text, 0), None);
        assert_eq!(read_build_args("|x A=b", 0), None);
        assert_eq!(read_build_args("|1A=b", 0), None);
        // non-ASCII whitespace keeps the offsets right
        let text = "|1 A=é\u{3000}b /bin/sh -c x";
        let args = read_build_args(text, 0).expect("args");
        assert_eq!(args.args.first().map(|a| a.value), Some("é\u{3000}b"));
    }

    #[test]
    fn helpers_for_the_callers() {
        assert!(Instruction::read("RUN [\"npm\", \"ci\"]", false).is_exec_form());
        assert!(!Instruction::read("/bin/sh -c [ -z \"$x\" ]", false).is_exec_form());
        assert!(Instruction::read("|2 A=1 B", true).cut_in_args());
        assert!(!Instruction::read("|2 A=1 B=2 /bin/sh -c x", true).cut_in_args());
        let cut = Instruction::read("RUN |17 TARGETOS=linux TARG", true);
        assert_eq!(
            (cut.body, cut.shown_body()),
            ("", "|17 TARGETOS=linux TARG")
        );
        let whole = Instruction::read("RUN |1 A=b /bin/sh -c make", false);
        assert_eq!(whole.shown_body(), "make");
        for shell in Shell::ALL {
            let cell = format!("{} x", shell.prefix());
            assert_eq!(Instruction::read(&cell, false).shell, Some(shell), "{cell}");
        }
        assert_eq!(Keyword::from_word("Copy"), Some(Keyword::Copy));
        assert_eq!(Keyword::from_word("COPYX"), None);
        assert_eq!(Keyword::Other.word(), None);
        assert_eq!(Keyword::Healthcheck.word(), Some("HEALTHCHECK"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for cell in [
            "",
            "|",
            "|99",
            "|x y",
            "RUN",
            "RUN |1",
            "#(nop)",
            "[",
            "é|1 é",
            "|1 é=é /bin/sh -c",
            "/bin/sh -o",
            "/bin/bash -o pipefail",
            "RUN |2 A=1 B=2 /bin/sh -c # bu",
            "\u{3000}RUN\u{3000}|1\u{3000}A=b",
        ] {
            for cut in [false, true] {
                let _ = Instruction::read(cell, cut).cut_in_args();
            }
        }
    }
}
