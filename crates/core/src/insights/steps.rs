//! What the rules look at: each layer as a [`RuleLayer`] (read once by
//! [`Instruction::read`], the one CREATED BY reader) and a RUN's body split
//! into shell [`Cmd`]s.
//!
//! Why a second split here: `Instruction` says *which step* a row is; the
//! rules need *which commands* a RUN ran (`apt-get update`, `rm -rf …`) and
//! which of them the cut may have ended early. The split is a reader's, not
//! a shell's: it cuts at `&&`, `||`, `;`, `|`, `&` and line ends, ignores
//! quoting, and skips what stands before the program (`VAR=x`, `sudo`,
//! `then`, `do`, …). When the cell was cut, only the last command is
//! unfinished ([`Cmd::cut`]), and only its last word may be a fragment:
//! rules match whole words, so `apt-get upd` is no `update`.

use crate::instruction::{Instruction, Keyword};
use crate::model::{History, Size};
use crate::text::cut_end;

/// One layer, as the rules see it.
#[derive(Debug, Clone)]
pub struct RuleLayer<'a> {
    /// Position in the history's `layers` (printed order, newest first).
    pub index: usize,
    pub keyword: Keyword,
    /// The visible command (or value) after the keyword.
    pub body: &'a str,
    /// The body was cut short when printed.
    pub cut: bool,
    /// The cell was cut inside its build args: no command is visible.
    pub no_command: bool,
    /// What to show after the keyword (the build args when no command is visible).
    pub shown: &'a str,
    pub size: Option<Size>,
    /// Above the base image (the author's own step).
    pub own: bool,
    /// A RUN's commands, split once (empty for other steps).
    cmds: Vec<Cmd<'a>>,
}

impl<'a> RuleLayer<'a> {
    /// The printed size in bytes (0 when none).
    pub fn bytes(&self) -> u64 {
        self.size.map_or(0, |s| s.bytes)
    }

    /// A RUN whose size was printed as exactly nothing.
    pub fn empty(&self) -> bool {
        self.size.is_some_and(|s| s.high() == 0)
    }

    /// The step in a few words for a report: `RUN npm install`, cut with `…`.
    pub fn snippet(&self) -> String {
        let words: Vec<&str> = self.shown.split_whitespace().collect();
        let text = match self.keyword.word() {
            Some(k) => format!("{k} {}", words.join(" ")),
            None => words.join(" "),
        };
        let mut out = cut_end(text.trim_end(), 60);
        if self.cut && !out.ends_with('…') {
            out.push('…');
        }
        out
    }

    pub fn is_run(&self) -> bool {
        self.keyword == Keyword::Run && !self.no_command
    }

    /// The RUN's commands (empty for other steps).
    pub fn commands(&self) -> &[Cmd<'a>] {
        &self.cmds
    }
}

/// The steps of `history`, oldest first; the oldest `base_layers` are not own.
pub fn steps(history: &History, base_layers: usize) -> Vec<RuleLayer<'_>> {
    let n = history.layers.len();
    history
        .layers
        .iter()
        .enumerate()
        .rev()
        .enumerate()
        .map(|(pos, (index, layer))| {
            let step = Instruction::read(&layer.created_by, layer.truncated);
            let fragment = step.truncated && !layer.created_by.ends_with(char::is_whitespace);
            let no_command = step.cut_in_args();
            let cmds = if step.keyword == Keyword::Run && !no_command {
                commands(step.body, step.truncated, fragment)
            } else {
                Vec::new()
            };
            RuleLayer {
                index,
                cmds,
                keyword: step.keyword,
                body: step.body,
                cut: step.truncated,
                no_command,
                shown: step.shown_body(),
                size: layer.size,
                own: pos >= base_layers.min(n),
            }
        })
        .collect()
}

/// One shell command of a RUN: its words from the program on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cmd<'a> {
    /// Every word, `VAR=x` prefixes included.
    pub words: Vec<&'a str>,
    /// Where the program is in `words`.
    prog_at: usize,
    /// The cell was cut inside this command (it is the last one).
    pub cut: bool,
    /// Its last word may be a fragment of a longer one.
    pub fragment: bool,
}

/// Words that stand before the program: shell keywords and wrappers.
const PREFIXES: [&str; 12] = [
    "sudo", "then", "do", "else", "if", "while", "!", "exec", "time", "command", "env", "nohup",
];

impl<'a> Cmd<'a> {
    /// The program's name without its directory (`apt-get` of `/usr/bin/apt-get`).
    pub fn prog(&self) -> &'a str {
        let word = self.prog_word();
        word.rsplit('/').next().unwrap_or(word)
    }

    /// The program word as written (`./install.sh`, `/usr/bin/apt-get`).
    pub fn prog_word(&self) -> &'a str {
        self.words.get(self.prog_at).copied().unwrap_or_default()
    }

    /// The words after the program.
    pub fn args(&self) -> &[&'a str] {
        self.words.get(self.prog_at + 1..).unwrap_or_default()
    }

    /// Whether any word (prefixes included) is exactly `word`.
    pub fn has(&self, word: &str) -> bool {
        self.words.contains(&word)
    }

    /// Whether any word contains `part`.
    pub fn mentions(&self, part: &str) -> bool {
        self.words.iter().any(|w| w.contains(part))
    }

    /// The program is one of `progs` and the first argument that is not an
    /// option is `sub` (`apt-get -y install` → `install`).
    pub fn sub(&self, progs: &[&str], sub: &str) -> bool {
        progs.contains(&self.prog())
            && self
                .args()
                .iter()
                .find(|w| !w.starts_with('-'))
                .is_some_and(|w| *w == sub)
    }

    /// The arguments that are not options, after the subcommand (`skip` words).
    pub fn operands(&self, skip: usize) -> impl Iterator<Item = &'a str> + '_ {
        self.args()
            .iter()
            .copied()
            .filter(|w| !w.starts_with('-'))
            .skip(skip)
    }

    /// The operands that were printed whole (not the cut last word).
    pub fn whole_operands(&self) -> Vec<&'a str> {
        let mut ops: Vec<&'a str> = self.operands(0).collect();
        if self.fragment && ops.last() == self.words.last() {
            ops.pop();
        }
        ops
    }

    /// The program is `prog` (or, cut short, a prefix of it of 2+ letters).
    fn prog_starts(&self, prog: &str) -> bool {
        let p = self.prog();
        p == prog || (self.cut && self.args().is_empty() && p.len() >= 2 && prog.starts_with(p))
    }

    /// Whether this command is `prog … arg…` with an operand starting with
    /// `arg` (`rm -rf /var/lib/apt/lists/*` for `("rm", "/var/lib/apt/lists")`).
    pub fn does(&self, prog: &str, arg: &str) -> bool {
        self.prog() == prog && self.operands(0).any(|w| w.starts_with(arg))
    }

    /// Whether this cut command is the visible start of `prog … arg`
    /// (`rm -rf /var/li`, `dnf cle`, `rm`): then a reader says nothing.
    pub fn starts(&self, prog: &str, arg: &str) -> bool {
        self.cut
            && self.prog_starts(prog)
            && self
                .operands(0)
                .last()
                .is_none_or(|w| arg.starts_with(w) || w.starts_with(arg))
    }
}

/// The commands of a RUN body; the last one is `cut` when the body was
/// (and ends in a `fragment` when the cut fell inside a word).
pub fn commands(body: &str, cut: bool, fragment: bool) -> Vec<Cmd<'_>> {
    let exec = body.starts_with('[');
    let mut out: Vec<Cmd<'_>> = body
        .split(['&', '|', ';', '\n'])
        .filter_map(|part| {
            let words: Vec<&str> = part
                .split_whitespace()
                .map(|w| {
                    if exec {
                        w.trim_matches(['[', ']', '"', ','])
                    } else {
                        w.trim_start_matches(['(', '{'])
                            .trim_end_matches([')', '}'])
                    }
                })
                .filter(|w| !w.is_empty())
                .collect();
            let prog_at = words
                .iter()
                .position(|w| !PREFIXES.contains(w) && !is_assignment(w))?;
            Some(Cmd {
                words,
                prog_at,
                cut: false,
                fragment: false,
            })
        })
        .collect();
    if cut {
        // a command after the last separator is the cut one; a body cut
        // right after `&&` has none, so the cut hides whole commands only
        let ends_in_separator = body.trim_end().ends_with(['&', '|', ';']);
        if let Some(last) = out.last_mut().filter(|_| !ends_in_separator) {
            last.cut = true;
            last.fragment = fragment;
        }
    }
    out
}

/// `NAME=value` before a program.
fn is_assignment(word: &str) -> bool {
    word.split_once('=').is_some_and(|(name, _)| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    })
}

/// Commands that do something (not `set -eux`, `true`, `:`).
pub fn doing<'c, 'a>(cmds: &'c [Cmd<'a>]) -> impl Iterator<Item = &'c Cmd<'a>> {
    cmds.iter()
        .filter(|c| !matches!(c.prog(), "set" | "true" | ":"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn progs(body: &str, cut: bool) -> Vec<(String, bool)> {
        commands(body, cut, cut)
            .iter()
            .map(|c| (c.prog().to_string(), c.cut))
            .collect()
    }

    #[test]
    fn splits_at_shell_separators_and_skips_prefixes() {
        let p = |s: &str| progs(s, false);
        assert_eq!(
            p("set -eux; apt-get update && DEBIAN_FRONTEND=x sudo /usr/bin/apt-get install -y a || true"),
            [
                ("set".into(), false),
                ("apt-get".into(), false),
                ("apt-get".into(), false),
                ("true".into(), false)
            ]
        );
        assert_eq!(
            p("curl -sL x | bash -"),
            [("curl".into(), false), ("bash".into(), false)]
        );
        assert_eq!(p("[\"npm\", \"ci\"]"), [("npm".into(), false)]);
        assert_eq!(
            p("if [ -x y ]; then (make); fi"),
            [
                ("[".into(), false),
                ("make".into(), false),
                ("fi".into(), false)
            ]
        );
        assert!(p("").is_empty());
    }

    #[test]
    fn only_the_last_command_of_a_cut_body_is_cut() {
        assert_eq!(
            progs("apt-get update && apt-get ins", true),
            [("apt-get".into(), false), ("apt-get".into(), true)]
        );
        // cut right after a separator: every visible command is whole
        assert_eq!(
            progs("npm install && npm run build &&", true),
            [("npm".into(), false), ("npm".into(), false)]
        );
    }

    #[test]
    fn subcommands_operands_and_cut_starts() {
        let c = commands(
            "apt-get -y install --no-install-recommends curl=1 git",
            false,
            false,
        );
        let cmd = c.first().expect("one command");
        assert!(cmd.sub(&["apt-get", "apt"], "install"));
        assert!(!cmd.sub(&["apt-get"], "update"));
        assert_eq!(cmd.operands(1).collect::<Vec<_>>(), ["curl=1", "git"]);
        let cut = commands("apt-get update && rm -rf /var/li", true, true);
        let tail = cut.last().expect("tail");
        assert!(tail.starts("rm", "/var/lib/apt/lists"));
        assert!(!tail.does("rm", "/var/lib/apt/lists"));
        let dnf = commands("dnf cle", true, true);
        assert!(dnf.last().is_some_and(|c| c.starts("dnf", "clean")));
        let r = commands("yum install x && r", true, true);
        assert!(r.last().is_some_and(|c| !c.starts("rm", "/var/cache/yum")));
        let rm = commands("yum install x && rm", true, true);
        assert!(rm.last().is_some_and(|c| c.starts("rm", "/var/cache/yum")));
    }
}
