//! Expectations reasoned by hand: for corpus pairs and paths, what a careful
//! reader says each row of the comparison is, written from the pastes and the
//! documented rules of `crates/core/src/compare` — not from the program's output.
//! (The other files in `tests/data/compare/` are snapshots: the program's own
//! output, reviewed. These are an independent reading of the same pairs.)
//!
//! The files live in `tests/data/compare/reasoned/` (pairs) and
//! `tests/data/compare/reasoned/path/` (paths); their format is described at
//! the top of `000-demo.txt` and `path/046-ver1-ver2-ver3.txt`. Every row
//! line is `status | before piece | after piece | reason`, oldest first:
//! the pieces are short substrings of each side's CREATED BY (whitespace runs
//! squashed to one space on both sides; `—` for a side with no layer), so
//! the files stay readable while still naming the layer.
//!
//! What is checked, per pair (and per neighbour of a path):
//! - every row, in order: its status, and that each piece occurs in that
//!   side's CREATED BY (or that the side is absent);
//! - the layer counts and the shared base (`base: N layers, changed|unchanged`);
//! - the totals. A stated total is the sum of the printed SIZE column
//!   (the terms are written out and the test re-adds them, so the file's own
//!   arithmetic is checked too). The rule against the program, from
//!   `numbers.rs`: every printed size stands for a range (`57.7MB` is
//!   57.65–57.75 MB; plain bytes are exact), so the stated total must lie
//!   within the comparison's `Total::low..=Total::high`;
//! - the change (after − before): it must lie within the comparison's
//!   `Delta::bytes ± Delta::tolerance`, and the file says whether the printed
//!   sizes allow no change at all (`(within rounding)`), which must agree with
//!   `Delta::within_rounding`.
//!
//! Per path, besides each neighbour's rows: each step's layer count and
//! total (same rule), the base spans, and the number of tracks (all, and
//! those alive from the first step to the last).
//!
//! A row the reader disputes (the program is believed wrong) is preceded by a
//! `# disputed: …` comment: its pieces are still checked, its status is not;
//! the test prints it so it is not forgotten.

use layerdiff_core::compare::path::{compare_path, PathComparison};
use layerdiff_core::compare::{compare, Comparison, LayerRef, Row};
use layerdiff_core::model::History;
use std::path::{Path, PathBuf};

/// Fewest hand-reasoned pairs and paths the directory must hold.
const MIN_PAIRS: usize = 8;
const MIN_PATHS: usize = 3;

fn reasoned_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/compare/reasoned")
}

fn histories(file: &str) -> Vec<History> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    layerdiff_core::parse::parse(&text).histories
}

/// The `.txt` files of a directory, sorted.
fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- the format

/// Where a line came from, for messages: `004-patientor.txt:23`.
#[derive(Debug, Clone)]
struct At {
    file: String,
    line: usize,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A total written as `a + b + … = N B`.
#[derive(Debug, Clone)]
struct Stated {
    bytes: u64,
    at: At,
}

#[derive(Debug, Clone)]
struct Change {
    bytes: i64,
    within_rounding: bool,
    at: At,
}

#[derive(Debug, Clone)]
struct RowSpec {
    status: String,
    before: Option<String>,
    after: Option<String>,
    reason: String,
    disputed: Option<String>,
    at: At,
}

/// What a pair file (or an inline neighbour of a path) expects.
#[derive(Debug, Clone, Default)]
struct PairSpec {
    corpus: Option<(String, usize, usize)>,
    layers: Option<(usize, usize, At)>,
    total_before: Option<Stated>,
    total_after: Option<Stated>,
    change: Option<Change>,
    base: Option<(usize, bool, At)>,
    rows: Vec<RowSpec>,
}

/// Reads a size as printed (`117MB`, `7.62 MB`, `3.58 kB`, `745B`, `63206481`)
/// into bytes, exactly (decimal units, like docker).
fn size_bytes(term: &str) -> Option<u64> {
    let t = term.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let scale: u64 = match unit.trim() {
        "" | "B" => 1,
        "kB" => 1_000,
        "MB" => 1_000_000,
        "GB" => 1_000_000_000,
        _ => return None,
    };
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    let whole: u64 = whole.parse().ok()?;
    let mut value = whole.checked_mul(scale)?;
    if !frac.is_empty() {
        let digits: u64 = frac.parse().ok()?;
        let div = 10u64.checked_pow(u32::try_from(frac.len()).ok()?)?;
        if (digits * scale) % div != 0 {
            return None;
        }
        value = value.checked_add(digits * scale / div)?;
    }
    Some(value)
}

/// `5.54MB + 400B = 5540400 B` → the stated bytes, after checking the sum.
fn stated(text: &str, at: &At) -> Result<Stated, String> {
    let (sum, result) = text
        .rsplit_once('=')
        .ok_or_else(|| format!("{at}: a total is written `a + b + … = N B`"))?;
    let bytes = result
        .trim()
        .strip_suffix('B')
        .and_then(|n| n.trim().parse::<u64>().ok())
        .ok_or_else(|| format!("{at}: `{}` is not `N B`", result.trim()))?;
    let mut added = 0u64;
    for term in sum.split('+') {
        added += size_bytes(term).ok_or_else(|| format!("{at}: `{}` is no size", term.trim()))?;
    }
    if added != bytes {
        return Err(format!(
            "{at}: the terms add up to {added} B, the line says {bytes} B (fix the file's arithmetic)"
        ));
    }
    Ok(Stated {
        bytes,
        at: at.clone(),
    })
}

fn change(text: &str, at: &At) -> Result<Change, String> {
    let within_rounding = text.contains("(within rounding)");
    let number = text
        .split_whitespace()
        .next()
        .and_then(|n| n.parse::<i64>().ok())
        .ok_or_else(|| format!("{at}: a change is written `N B` or `N B (within rounding)`"))?;
    Ok(Change {
        bytes: number,
        within_rounding,
        at: at.clone(),
    })
}

const STATUSES: [&str; 6] = ["same", "resized", "changed", "moved", "removed", "added"];

fn row(line: &str, disputed: Option<String>, at: &At) -> Result<RowSpec, String> {
    let cells: Vec<&str> = line.splitn(4, '|').map(str::trim).collect();
    let [status, before, after, reason] = cells.as_slice() else {
        return Err(format!("{at}: a row is `status | before | after | reason`"));
    };
    if !STATUSES.contains(status) {
        return Err(format!("{at}: unknown status `{status}`"));
    }
    if reason.is_empty() {
        return Err(format!("{at}: every row needs a reason"));
    }
    let side = |s: &str| (s != "—").then(|| squash(s));
    Ok(RowSpec {
        status: status.to_string(),
        before: side(before),
        after: side(after),
        reason: reason.to_string(),
        disputed,
        at: at.clone(),
    })
}

/// The pair part of a line, or None when the line is none of it.
fn pair_line(
    spec: &mut PairSpec,
    line: &str,
    disputed: &mut Option<String>,
    at: &At,
) -> Result<bool, String> {
    if let Some(rest) = line.strip_prefix("pair:") {
        let w: Vec<&str> = rest.split_whitespace().collect();
        let [file, b, a] = w.as_slice() else {
            return Err(format!("{at}: `pair: <corpus file> <before> <after>`"));
        };
        let n = |s: &str| s.parse::<usize>().map_err(|_| format!("{at}: `{s}`"));
        spec.corpus = Some((file.to_string(), n(b)?, n(a)?));
    } else if let Some(rest) = line.strip_prefix("layers:") {
        let (b, a) = rest
            .split_once("->")
            .ok_or_else(|| format!("{at}: `layers: <before> -> <after>`"))?;
        let n = |s: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| format!("{at}: `{s}`"))
        };
        spec.layers = Some((n(b)?, n(a)?, at.clone()));
    } else if let Some(rest) = line.strip_prefix("total before:") {
        spec.total_before = Some(stated(rest, at)?);
    } else if let Some(rest) = line.strip_prefix("total after:") {
        spec.total_after = Some(stated(rest, at)?);
    } else if let Some(rest) = line.strip_prefix("change:") {
        spec.change = Some(change(rest, at)?);
    } else if let Some(rest) = line.strip_prefix("base:") {
        let (n, state) = rest
            .split_once("layers,")
            .ok_or_else(|| format!("{at}: `base: N layers, changed|unchanged`"))?;
        let n = n
            .trim()
            .parse::<usize>()
            .map_err(|_| format!("{at}: `{n}`"))?;
        let changed = match state.trim() {
            "changed" => true,
            "unchanged" => false,
            other => return Err(format!("{at}: `{other}` is not changed|unchanged")),
        };
        spec.base = Some((n, changed, at.clone()));
    } else if line.contains('|') {
        spec.rows.push(row(line, disputed.take(), at)?);
    } else {
        return Ok(false);
    }
    Ok(true)
}

/// Comment lines: `# disputed: …` marks the next row.
fn comment(line: &str, disputed: &mut Option<String>) -> bool {
    let Some(text) = line.strip_prefix('#') else {
        return false;
    };
    if let Some(why) = text.trim().strip_prefix("disputed:") {
        *disputed = Some(why.trim().to_string());
    }
    true
}

fn read_pair(path: &Path) -> Result<PairSpec, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut spec = PairSpec::default();
    let mut disputed = None;
    for (k, line) in text.lines().enumerate() {
        let at = At {
            file: file.clone(),
            line: k + 1,
        };
        let line = line.trim();
        if line.is_empty() || comment(line, &mut disputed) {
            continue;
        }
        if !pair_line(&mut spec, line, &mut disputed, &at)? {
            return Err(format!("{at}: cannot read `{line}`"));
        }
    }
    Ok(spec)
}

#[derive(Debug)]
enum Neighbour {
    /// Rows as in `reasoned/<name>.txt`.
    Pair(String),
    Inline(Box<PairSpec>),
}

#[derive(Debug)]
struct PathSpec {
    corpus: String,
    picks: Vec<usize>,
    steps: Vec<(usize, usize, Stated)>,
    spans: Vec<(usize, usize, usize)>,
    spans_at: Option<At>,
    tracks: Option<(usize, usize, At)>,
    neighbours: Vec<(usize, Neighbour, At)>,
}

fn read_path(path: &Path) -> Result<PathSpec, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let mut spec = PathSpec {
        corpus: String::new(),
        picks: Vec::new(),
        steps: Vec::new(),
        spans: Vec::new(),
        spans_at: None,
        tracks: None,
        neighbours: Vec::new(),
    };
    let mut disputed = None;
    for (k, line) in text.lines().enumerate() {
        let at = At {
            file: file.clone(),
            line: k + 1,
        };
        let line = line.trim();
        if line.is_empty() || comment(line, &mut disputed) {
            continue;
        }
        let num = |s: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| format!("{at}: `{s}`"))
        };
        if let Some(rest) = line.strip_prefix("path:") {
            let mut w = rest.split_whitespace();
            spec.corpus = w.next().unwrap_or_default().to_string();
            spec.picks = w.map(num).collect::<Result<_, _>>()?;
        } else if let Some(rest) = line.strip_prefix("step ") {
            let (k, rest) = rest
                .split_once(':')
                .ok_or_else(|| format!("{at}: `step <k>: <n> layers, total …`"))?;
            let (n, total) = rest
                .split_once("layers, total")
                .ok_or_else(|| format!("{at}: `step <k>: <n> layers, total …`"))?;
            spec.steps.push((num(k)?, num(n)?, stated(total, &at)?));
        } else if let Some(rest) = line.strip_prefix("base span:") {
            spec.spans_at = Some(at.clone());
            if rest.trim() != "none" {
                let (steps, n) = rest
                    .split_once(',')
                    .ok_or_else(|| format!("{at}: `base span: steps a-b, n layers`"))?;
                let (a, b) = steps
                    .trim()
                    .strip_prefix("steps")
                    .and_then(|s| s.split_once('-'))
                    .ok_or_else(|| format!("{at}: `base span: steps a-b, n layers`"))?;
                let n = n.trim().strip_suffix("layers").unwrap_or(n);
                spec.spans.push((num(a)?, num(b)?, num(n)?));
            }
        } else if let Some(rest) = line.strip_prefix("tracks:") {
            let (all, through) = rest
                .split_once(',')
                .ok_or_else(|| format!("{at}: `tracks: <all>, <first to last>`"))?;
            spec.tracks = Some((num(all)?, num(through)?, at.clone()));
        } else if let Some(rest) = line.strip_prefix("neighbours") {
            let (pair, name) = rest
                .split_once(':')
                .ok_or_else(|| format!("{at}: `neighbours k -> k+1: [pair file]`"))?;
            let (a, b) = pair
                .split_once("->")
                .ok_or_else(|| format!("{at}: `neighbours k -> k+1`"))?;
            let (a, b) = (num(a)?, num(b)?);
            if b != a + 1 || a == 0 {
                return Err(format!("{at}: neighbours are `k -> k+1`, from 1"));
            }
            let n = if name.trim().is_empty() {
                Neighbour::Inline(Box::default())
            } else {
                Neighbour::Pair(name.trim().to_string())
            };
            spec.neighbours.push((a - 1, n, at.clone()));
        } else {
            let Some((_, Neighbour::Inline(inline), _)) = spec.neighbours.last_mut() else {
                return Err(format!("{at}: cannot read `{line}` here"));
            };
            if !pair_line(inline, line, &mut disputed, &at)? {
                return Err(format!("{at}: cannot read `{line}`"));
            }
        }
    }
    Ok(spec)
}

// ---------------------------------------------------------------- the checks

/// A side as the failure shows it: the squashed CREATED BY, `…` when cut.
fn shown(l: Option<&LayerRef>) -> String {
    match l {
        None => "—".to_string(),
        Some(l) if l.truncated => format!("{}…", squash(&l.created_by)),
        Some(l) => squash(&l.created_by),
    }
}

fn side_matches(piece: Option<&String>, layer: Option<&LayerRef>) -> bool {
    match (piece, layer) {
        (None, None) => true,
        (Some(p), Some(l)) => squash(&l.created_by).contains(p.as_str()),
        _ => false,
    }
}

/// Most mismatching rows shown per comparison (an early shift makes every
/// later row differ; the first ones tell the story).
const MAX_ROWS_SHOWN: usize = 8;

fn check_rows(name: &str, rows: &[RowSpec], actual: &[Row], out: &mut Vec<String>) {
    if rows.len() != actual.len() {
        out.push(format!(
            "{name}: {} rows reasoned, the comparison has {}",
            rows.len(),
            actual.len()
        ));
    }
    let mut shown_rows = 0;
    for k in 0..rows.len().max(actual.len()) {
        let (e, a) = (rows.get(k), actual.get(k));
        let ok = match (e, a) {
            (Some(e), Some(a)) => {
                let status_ok = e.disputed.is_some() || e.status == a.status.as_str();
                status_ok
                    && side_matches(e.before.as_ref(), a.before.as_ref())
                    && side_matches(e.after.as_ref(), a.after.as_ref())
            }
            _ => false,
        };
        if ok {
            continue;
        }
        shown_rows += 1;
        if shown_rows > MAX_ROWS_SHOWN {
            continue;
        }
        let mut msg = format!("{name}, row {} (oldest first):", k + 1);
        match e {
            Some(e) => msg.push_str(&format!(
                "\n    reasoned ({}): {:<8}| {} | {}\n    reason: {}",
                e.at,
                e.status,
                e.before.as_deref().unwrap_or("—"),
                e.after.as_deref().unwrap_or("—"),
                e.reason
            )),
            None => msg.push_str("\n    reasoned: (no row)"),
        }
        match a {
            Some(a) => msg.push_str(&format!(
                "\n    program:  {:<8}| {} | {}",
                a.status.as_str(),
                shown(a.before.as_ref()),
                shown(a.after.as_ref())
            )),
            None => msg.push_str("\n    program:  (no row)"),
        }
        out.push(msg);
    }
    if shown_rows > MAX_ROWS_SHOWN {
        out.push(format!(
            "{name}: … and {} more rows differ",
            shown_rows - MAX_ROWS_SHOWN
        ));
    }
}

fn check_total(
    name: &str,
    what: &str,
    s: &Stated,
    t: layerdiff_core::compare::numbers::Total,
) -> Option<String> {
    (!(t.low..=t.high).contains(&s.bytes)).then(|| {
        format!(
            "{name}: {what} reasoned {} B ({}), the program's {} B allows {}..={} B",
            s.bytes, s.at, t.bytes, t.low, t.high
        )
    })
}

fn check_change(
    name: &str,
    ch: &Change,
    d: layerdiff_core::compare::numbers::Delta,
) -> Vec<String> {
    let mut out = Vec::new();
    if ch.bytes.abs_diff(d.bytes) > d.tolerance {
        out.push(format!(
            "{name}: change reasoned {} B ({}), the program's is {} B ± {} B",
            ch.bytes, ch.at, d.bytes, d.tolerance
        ));
    }
    if ch.within_rounding != d.within_rounding() {
        out.push(format!(
            "{name}: change reasoned {} rounding ({}), the program says {} B ± {} B is {} rounding",
            if ch.within_rounding {
                "within"
            } else {
                "beyond"
            },
            ch.at,
            d.bytes,
            d.tolerance,
            if d.within_rounding() {
                "within"
            } else {
                "beyond"
            }
        ));
    }
    out
}

/// Every check of one comparison against what was reasoned.
fn check_comparison(name: &str, spec: &PairSpec, c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((b, a, at)) = &spec.layers {
        if (c.before.layers, c.after.layers) != (*b, *a) {
            out.push(format!(
                "{name}: layers reasoned {b} -> {a} ({at}), the program read {} -> {}",
                c.before.layers, c.after.layers
            ));
        }
    }
    if let Some(s) = &spec.total_before {
        out.extend(check_total(name, "total before", s, c.before.total));
    }
    if let Some(s) = &spec.total_after {
        out.extend(check_total(name, "total after", s, c.after.total));
    }
    if let (Some(b), Some(a), Some(ch)) = (&spec.total_before, &spec.total_after, &spec.change) {
        let sum =
            i64::try_from(a.bytes).unwrap_or(i64::MAX) - i64::try_from(b.bytes).unwrap_or(i64::MAX);
        if sum != ch.bytes {
            out.push(format!(
                "{name}: the file's change {} B ({}) is not its after − before = {sum} B",
                ch.bytes, ch.at
            ));
        }
    }
    if let Some(ch) = &spec.change {
        out.extend(check_change(name, ch, c.delta));
    }
    if let Some((n, changed, at)) = &spec.base {
        if (c.base.layers, c.base.changed) != (*n, *changed) {
            let word = |b: bool| if b { "changed" } else { "unchanged" };
            out.push(format!(
                "{name}: base reasoned {n} layers, {} ({at}); the program: {} layers, {}{}",
                word(*changed),
                c.base.layers,
                word(c.base.changed),
                c.base
                    .reason
                    .as_ref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            ));
        }
    }
    check_rows(name, &spec.rows, &c.rows, &mut out);
    out
}

/// The disputed rows of a spec, for the test's output.
fn disputes(name: &str, spec: &PairSpec) -> Vec<String> {
    spec.rows
        .iter()
        .filter_map(|r| {
            r.disputed
                .as_ref()
                .map(|why| format!("{name}: disputed row at {}: {why}", r.at))
        })
        .collect()
}

fn pair_files() -> Vec<PathBuf> {
    txt_files(&reasoned_dir())
}

fn path_files() -> Vec<PathBuf> {
    txt_files(&reasoned_dir().join("path"))
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}

fn pair_failures(path: &Path) -> (Vec<String>, Vec<String>) {
    let name = stem(path);
    let spec = match read_pair(path) {
        Ok(s) => s,
        Err(e) => return (vec![e], Vec::new()),
    };
    let Some((file, b, a)) = &spec.corpus else {
        return (vec![format!("{name}: no `pair:` line")], Vec::new());
    };
    let hs = histories(file);
    let (Some(before), Some(after)) = (hs.get(*b), hs.get(*a)) else {
        return (
            vec![format!("{name}: {file} gave {} histories", hs.len())],
            Vec::new(),
        );
    };
    (
        check_comparison(&name, &spec, &compare(before, after)),
        disputes(&name, &spec),
    )
}

fn path_failures(path: &Path) -> (Vec<String>, Vec<String>) {
    let name = stem(path);
    let spec = match read_path(path) {
        Ok(s) => s,
        Err(e) => return (vec![e], Vec::new()),
    };
    let hs = histories(&spec.corpus);
    let steps: Vec<&History> = spec.picks.iter().filter_map(|&k| hs.get(k)).collect();
    if steps.len() != spec.picks.len() || steps.len() < 2 {
        return (
            vec![format!(
                "{name}: {} gave {} histories",
                spec.corpus,
                hs.len()
            )],
            Vec::new(),
        );
    }
    let p: PathComparison = match compare_path(&steps) {
        Ok(p) => p,
        Err(e) => return (vec![format!("{name}: {e}")], Vec::new()),
    };
    let mut out = Vec::new();
    let mut notes = Vec::new();
    if spec.steps.len() != p.steps.len() {
        out.push(format!(
            "{name}: {} steps reasoned, the path has {}",
            spec.steps.len(),
            p.steps.len()
        ));
    }
    for (k, n, total) in &spec.steps {
        let Some(step) = k.checked_sub(1).and_then(|i| p.steps.get(i)) else {
            out.push(format!("{name}: no step {k} ({})", total.at));
            continue;
        };
        if step.layers != *n {
            out.push(format!(
                "{name}: step {k} reasoned {n} layers ({}), the program read {}",
                total.at, step.layers
            ));
        }
        out.extend(check_total(
            &name,
            &format!("step {k} total"),
            total,
            step.total,
        ));
    }
    if let Some(at) = &spec.spans_at {
        let actual: Vec<(usize, usize, usize)> = p
            .base_spans
            .iter()
            .map(|s| (s.first_step + 1, s.last_step + 1, s.layers))
            .collect();
        if actual != spec.spans {
            out.push(format!(
                "{name}: base spans reasoned {:?} ({at}), the program: {actual:?} (steps from 1, layers)",
                spec.spans
            ));
        }
    }
    if let Some((all, through, at)) = &spec.tracks {
        let last = p.steps.len().saturating_sub(1);
        let alive = p
            .tracks
            .iter()
            .filter(|t| t.first_step == 0 && t.last_step == last)
            .count();
        if (p.tracks.len(), alive) != (*all, *through) {
            out.push(format!(
                "{name}: tracks reasoned {all}, {through} through all steps ({at}); the program: {}, {alive}",
                p.tracks.len()
            ));
        }
    }
    if spec.neighbours.len() != p.neighbours.len() {
        out.push(format!(
            "{name}: {} neighbours reasoned, the path has {}",
            spec.neighbours.len(),
            p.neighbours.len()
        ));
    }
    for (k, n, at) in &spec.neighbours {
        let label = format!("{name} (neighbours {} -> {})", k + 1, k + 2);
        let Some(c) = p.neighbours.get(*k) else {
            out.push(format!("{label}: no such neighbour ({at})"));
            continue;
        };
        let pair = match n {
            Neighbour::Inline(spec) => spec.as_ref().clone(),
            Neighbour::Pair(file) => match read_pair(&reasoned_dir().join(format!("{file}.txt"))) {
                Ok(spec) => spec,
                Err(e) => {
                    out.push(format!("{label}: {e}"));
                    continue;
                }
            },
        };
        out.extend(check_comparison(&label, &pair, c));
        notes.extend(disputes(&label, &pair));
    }
    (out, notes)
}

fn report(kind: &str, files: &[PathBuf], check: fn(&Path) -> (Vec<String>, Vec<String>)) {
    let mut failures = Vec::new();
    for f in files {
        let (fails, notes) = check(f);
        for n in notes {
            println!("{n}");
        }
        failures.extend(fails);
    }
    assert!(
        failures.is_empty(),
        "the program disagrees with the {kind} reasoned by hand \
         (tests/data/compare/reasoned/):\n\n{}\n",
        failures.join("\n\n")
    );
}

#[test]
fn corpus_pairs_compare_as_reasoned_by_hand() {
    let files = pair_files();
    assert!(
        files.len() >= MIN_PAIRS,
        "at least {MIN_PAIRS} reasoned pairs, found {}",
        files.len()
    );
    report("pairs", &files, pair_failures);
}

#[test]
fn corpus_paths_compare_as_reasoned_by_hand() {
    let files = path_files();
    assert!(
        files.len() >= MIN_PATHS,
        "at least {MIN_PATHS} reasoned paths, found {}",
        files.len()
    );
    report("paths", &files, path_failures);
}

#[test]
fn printed_sizes_read_exactly() {
    assert_eq!(size_bytes("117MB"), Some(117_000_000));
    assert_eq!(size_bytes("7.62 MB"), Some(7_620_000));
    assert_eq!(size_bytes("3.58 kB"), Some(3_580));
    assert_eq!(size_bytes("745B"), Some(745));
    assert_eq!(size_bytes("0 B"), Some(0));
    assert_eq!(size_bytes("63206481"), Some(63_206_481));
    assert_eq!(size_bytes("1.2MiB"), None);
}
