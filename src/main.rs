//! The `layerdiff` command line: the same core as the page, for terminals, CI
//! and course submissions.
//!
//! `layerdiff parse FILE|-` prints the parse as JSON (exit 0 when at least one
//! history was found, 1 when none, 2 for a usage error).

use std::io::Read;
use std::process::ExitCode;

use layerdiff::core::export::parsed_json;
use layerdiff::core::parse::parse;

const USAGE: &str = "\
usage: layerdiff parse FILE|-
       layerdiff compare OLD [NEW] [--format text|markdown|json]
       layerdiff link OLD [NEW] [--base-url URL]

FILE may be - for standard input. A single file holding two histories
(a before/after submission) may be passed alone to compare and link.";

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
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
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
    println!("{out}");
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
