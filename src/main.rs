//! The `layerdiff` command line: the same core as the page, for terminals, CI
//! and course submissions.
//!
//! - `layerdiff parse FILE|-` prints the parse as JSON (exit 0 when at least
//!   one history was found, 1 when none, 2 for a usage error).
//! - `layerdiff compare OLD [NEW] [--format text|markdown|json]` prints the
//!   aligned rows, the totals and the delta (Markdown and JSON also carry the
//!   pair's insights, as the page's exports do).
//! - `layerdiff compare A B C… ` (3 to 8 files, the first history of each) or
//!   `layerdiff compare FILE` with FILE holding 3 to 8 histories compares a
//!   path in order: each step's total and changes, then every neighbour pair
//!   (`core::report`, which writes a pair and a path alike).
//! - `layerdiff link OLD [NEW] [--base-url URL] [--short] [--redact]` prints
//!   a share link; `layerdiff link A B C…` (3 to 8 files) or one file holding
//!   3 to 8 histories prints the link of the path (a version 2 link).
//! - `layerdiff insights FILE [NEW] [--format text|markdown|json]` prints why
//!   each image is big and what to try next (findings with bytes at stake);
//!   for a pair, what the after image fixed. Every history of FILE gets its
//!   findings, and the first two are compared; with NEW, the first history
//!   of each file is. Exit 1 when no history was found.
//!
//! With one file, `compare` and `link` need it to hold two histories (a
//! before/after submission): its first is "before" and its second "after".

use std::io::Read;
use std::process::ExitCode;

use layerdiff_core::compare::path::{compare_path, MAX_STEPS};
use layerdiff_core::insights::{self, of_histories};
use layerdiff_core::model::{History, Parsed};
use layerdiff_core::parse::parse;
use layerdiff_core::report::documents::{insights_json, parsed_json};
use layerdiff_core::report::{self, PairInsights, Report, Steps};
use layerdiff_core::share::{self, EncodeOptions, ShareState, SharedPane, ViewOptions};
use layerdiff_core::split::{split_after_first, split_histories};

/// Where `layerdiff link` points by default: the page as `scripts/serve.sh` serves it.
const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080/";

const USAGE: &str = "\
usage: layerdiff parse FILE|-
       layerdiff compare OLD [NEW] [--format text|markdown|json]
       layerdiff compare A B C... [--format text|markdown|json]
       layerdiff link OLD [NEW] [--base-url URL] [--short] [--redact]
       layerdiff link A B C... [--base-url URL] [--short] [--redact]
       layerdiff insights FILE [NEW] [--format text|markdown|json]

FILE may be - for standard input. A single file holding two histories
(a before/after submission) may be passed alone to compare and link.
compare and link with 3 to 8 files, or one file holding 3 to 8 histories,
take them as a path, in order.
insights reports every history of FILE and compares the first two
(with NEW: the first history of each file).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(CliError::Usage(msg)) => {
            eprintln!("layerdiff: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(CliError::Input(msg)) => {
            eprintln!("layerdiff: {msg}");
            ExitCode::from(2)
        }
    }
}

enum CliError {
    /// The command line itself is wrong.
    Usage(String),
    /// A file could not be read.
    Input(String),
}

fn run(args: &[String]) -> Result<ExitCode, CliError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(CliError::Usage("no command given".into()));
    };
    match command.as_str() {
        "parse" => cmd_parse(rest),
        "compare" => cmd_compare(rest),
        "link" => cmd_link(rest),
        "insights" => cmd_insights(rest),
        "-h" | "--help" | "help" => {
            say(USAGE);
            Ok(ExitCode::SUCCESS)
        }
        other => Err(CliError::Usage(format!("unknown command `{other}`"))),
    }
}

fn cmd_parse(args: &[String]) -> Result<ExitCode, CliError> {
    let [path] = args else {
        return Err(CliError::Usage(
            "`parse` takes exactly one FILE (or - for standard input)".into(),
        ));
    };
    let text = read_input(path)?;
    let parsed = parse(&text);
    let out = serde_json::to_string_pretty(&parsed_json(&parsed)).unwrap_or_default();
    say(&out);
    Ok(if parsed.histories.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads a file (or standard input for `-`), accepting any bytes: invalid
/// UTF-8 is replaced rather than refused, since pastes come from everywhere.
fn read_input(path: &str) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    res.map_err(|e| CliError::Input(format!("cannot read {path}: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The two inputs of `compare` / `link`: either two files (the first history
/// of each), or one file holding two histories.
struct Pair {
    before_text: String,
    after_text: String,
    before: History,
    after: History,
    /// For one-file input, which history of each text is meant.
    selected: (usize, usize),
}

fn read_pair(files: &[&String]) -> Result<Pair, CliError> {
    match files {
        [one] => {
            let text = read_input(one)?;
            let parsed = parse(&text);
            pair_of_parsed(one, &text, &parsed)
        }
        [old, new] => {
            let first = |path: &String| -> Result<(String, History), CliError> {
                let text = read_input(path)?;
                let history =
                    parse(&text).histories.into_iter().next().ok_or_else(|| {
                        CliError::Input(format!("no docker history found in {path}"))
                    })?;
                Ok((text, history))
            };
            let (before_text, before) = first(old)?;
            let (after_text, after) = first(new)?;
            Ok(Pair {
                before_text,
                after_text,
                before,
                after,
                selected: (0, 0),
            })
        }
        _ => Err(CliError::Usage(
            "expected OLD NEW, or one file holding two histories".into(),
        )),
    }
}

/// The pair one file holds (its first two histories), `name` for messages.
fn pair_of_parsed(name: &str, text: &str, parsed: &Parsed) -> Result<Pair, CliError> {
    let [before, after, ..] = parsed.histories.as_slice() else {
        return Err(CliError::Usage(format!(
            "{name} holds {} history; pass a second file (OLD NEW), or one file holding both",
            parsed.histories.len()
        )));
    };
    let (before_text, after_text) = split_after_first(text, parsed);
    Ok(Pair {
        before: before.clone(),
        after: after.clone(),
        before_text,
        after_text,
        selected: (0, 0),
    })
}

/// What `compare` compares: a pair (two files, or one file holding two
/// histories), or a path (3 to 8 files, or one file holding 3 to 8).
enum CompareInput {
    Pair(Pair),
    Path(Vec<History>),
}

fn read_compared(files: &[&String]) -> Result<CompareInput, CliError> {
    match files {
        [one] => {
            let text = read_input(one)?;
            let parsed = parse(&text);
            let n = parsed.histories.len();
            if n <= 2 {
                return pair_of_parsed(one, &text, &parsed).map(CompareInput::Pair);
            }
            if n > MAX_STEPS {
                return Err(CliError::Input(format!(
                    "{one} holds {n} histories; a path compares at most {MAX_STEPS}: pass the files of the steps instead"
                )));
            }
            Ok(CompareInput::Path(parsed.histories))
        }
        [_, _] => read_pair(files).map(CompareInput::Pair),
        _ if files.len() > MAX_STEPS => Err(CliError::Usage(format!(
            "{} files given; a path compares at most {MAX_STEPS}",
            files.len()
        ))),
        _ => {
            let mut steps = Vec::with_capacity(files.len());
            for path in files {
                let history = parse(&read_input(path)?)
                    .histories
                    .into_iter()
                    .next()
                    .ok_or_else(|| CliError::Input(format!("no docker history found in {path}")))?;
                steps.push(history);
            }
            Ok(CompareInput::Path(steps))
        }
    }
}

/// Options given on the command line: `(name, value)`.
type Options<'a> = Vec<(&'a str, Option<&'a str>)>;

/// Splits `args` into file names and `--flag value` options.
fn split_args<'a>(
    args: &'a [String],
    valued: &[&str],
    flags: &[&str],
) -> Result<(Vec<&'a String>, Options<'a>), CliError> {
    let mut files = Vec::new();
    let mut opts = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some((name, value)) = arg.split_once('=').filter(|(n, _)| n.starts_with("--")) {
            if !valued.contains(&name) {
                return Err(CliError::Usage(format!("unknown option `{name}`")));
            }
            opts.push((name, Some(value)));
        } else if valued.contains(&arg.as_str()) {
            let value = it
                .next()
                .ok_or_else(|| CliError::Usage(format!("`{arg}` needs a value")))?;
            opts.push((arg.as_str(), Some(value.as_str())));
        } else if flags.contains(&arg.as_str()) {
            opts.push((arg.as_str(), None));
        } else if arg.starts_with("--") {
            return Err(CliError::Usage(format!("unknown option `{arg}`")));
        } else {
            files.push(arg);
        }
    }
    Ok((files, opts))
}

fn cmd_compare(args: &[String]) -> Result<ExitCode, CliError> {
    let (files, opts) = split_args(args, &["--format"], &[])?;
    let format = opts.iter().find_map(|(_, v)| *v).unwrap_or("text");
    let histories = match read_compared(&files)? {
        CompareInput::Pair(pair) => vec![pair.before, pair.after],
        CompareInput::Path(steps) => steps,
    };
    let steps: Vec<&History> = histories.iter().collect();
    let path = compare_path(&steps).map_err(|e| CliError::Input(e.to_string()))?;
    // Two steps are the pair they are, reported with the pair's insights.
    let steps = Steps::of_path(&path);
    let found = match (steps, histories.as_slice()) {
        (Steps::Pair(c), [before, after]) => Some(insights::of_pair(before, after, c)),
        _ => None,
    };
    let report = Report {
        steps,
        insights: found.as_ref().map(PairInsights::of_pair),
        link: None,
    };
    print_report(&report, format)
}

/// Prints a report (a pair with its insights, or a path of 3 to 8
/// histories) in `format`.
fn print_report(r: &Report, format: &str) -> Result<ExitCode, CliError> {
    let out = match format {
        "text" => report::text(r),
        "markdown" | "md" => report::markdown(r),
        "json" => report::json(r),
        other => {
            return Err(CliError::Usage(format!(
                "unknown --format `{other}`: expected text, markdown or json"
            )))
        }
    };
    say(out.trim_end());
    Ok(ExitCode::SUCCESS)
}

fn cmd_link(args: &[String]) -> Result<ExitCode, CliError> {
    let (files, opts) = split_args(args, &["--base-url"], &["--short", "--redact"])?;
    let base_url = opts
        .iter()
        .find(|(name, _)| *name == "--base-url")
        .and_then(|(_, v)| *v)
        .unwrap_or(DEFAULT_BASE_URL);
    let has = |flag: &str| opts.iter().any(|(name, _)| *name == flag);
    let state = ShareState {
        steps: read_link_steps(&files)?,
        view: ViewOptions {
            sort_by_delta: false,
            base_collapsed: true,
            ..ViewOptions::default()
        },
        compared: None,
    };
    let options = EncodeOptions {
        drop_ids: has("--short"),
        drop_created: has("--short"),
        redact: has("--redact"),
    };
    let fragment = share::link(&state, &options).map_err(CliError::Input)?;
    let base = base_url.split('#').next().unwrap_or(base_url);
    say(&format!("{base}#{fragment}"));
    Ok(ExitCode::SUCCESS)
}

/// The steps of a link, each a text and the history in it that is meant: a
/// pair as `compare` reads it (two files, or one holding two histories), a
/// path of 3 to 8 files (the first history of each), or one file holding 3
/// to 8 histories (split one step per history, as the page does).
fn read_link_steps(files: &[&String]) -> Result<Vec<SharedPane>, CliError> {
    // The parser finds a label again in its text; only a user's own name
    // would be worth its bytes, so labels stay empty.
    let pane = |text: String, selected: usize| SharedPane {
        label: String::new(),
        text,
        selected,
    };
    match files {
        [one] => {
            let text = read_input(one)?;
            let parsed = parse(&text);
            let n = parsed.histories.len();
            if n > MAX_STEPS {
                return Err(CliError::Input(format!(
                    "{one} holds {n} histories; a link holds at most {MAX_STEPS} steps: pass the files of the steps instead"
                )));
            }
            if n > 2 {
                let steps = split_histories(&text, &parsed, MAX_STEPS);
                return Ok(steps.into_iter().map(|t| pane(t, 0)).collect());
            }
            let pair = pair_of_parsed(one, &text, &parsed)?;
            return Ok(vec![pane(pair.before_text, 0), pane(pair.after_text, 0)]);
        }
        [_, _] => {}
        _ if files.len() > MAX_STEPS => {
            return Err(CliError::Usage(format!(
                "{} files given; a link holds at most {MAX_STEPS} steps",
                files.len()
            )))
        }
        _ => {
            let mut steps = Vec::with_capacity(files.len());
            for path in files {
                let text = read_input(path)?;
                if parse(&text).histories.is_empty() {
                    return Err(CliError::Input(format!(
                        "no docker history found in {path}"
                    )));
                }
                steps.push(pane(text, 0));
            }
            return Ok(steps);
        }
    }
    let pair = read_pair(files)?;
    Ok(vec![
        pane(pair.before_text, pair.selected.0),
        pane(pair.after_text, pair.selected.1),
    ])
}

fn cmd_insights(args: &[String]) -> Result<ExitCode, CliError> {
    let (files, opts) = split_args(args, &["--format"], &[])?;
    let format = opts.iter().find_map(|(_, v)| *v).unwrap_or("text");
    let histories = match files.as_slice() {
        [one] => parse(&read_input(one)?).histories,
        [old, new] => {
            let first = |path: &String| -> Result<Vec<History>, CliError> {
                Ok(parse(&read_input(path)?)
                    .histories
                    .into_iter()
                    .take(1)
                    .collect())
            };
            let mut both = first(old)?;
            both.extend(first(new)?);
            both
        }
        _ => return Err(CliError::Usage("`insights` takes FILE, or OLD NEW".into())),
    };
    let found = of_histories(&histories);
    let out = match format {
        "text" => insights::report::text(&found),
        "markdown" | "md" => insights::report::markdown(&found),
        "json" => serde_json::to_string_pretty(&insights_json(&found)).unwrap_or_default(),
        other => {
            return Err(CliError::Usage(format!(
                "unknown --format `{other}`: expected text, markdown or json"
            )))
        }
    };
    say(out.trim_end());
    Ok(if histories.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints `text` and a newline on stdout. A reader that went away (`| head`)
/// ends the command quietly, as other terminal tools do, instead of a panic.
fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{text}").and_then(|()| out.flush()).is_err() {
        std::process::exit(0);
    }
}
