//! Parse throughput, natively: how fast `layerdiff_core::parse::parse` reads
//! the real pastes in tests/data/corpus/ (each file, and all of them
//! concatenated) and a synthetic before/after pair of 1,000-layer
//! `--no-trunc` histories and a 10 MB paste (corpus 000 repeated), next to a
//! plain line count over the same bytes
//! (the floor any parser pays to look at its input). Median of N runs.
//!
//! Run: `cargo run --release --example bench_parse [RUNS]` (default 15 runs).
//! The release profile is the size-optimised one the wasm uses (opt-level
//! "z"), so the numbers are close to what the page gets, before the browser's
//! own wasm overhead. It prints numbers only; it is not a timed test.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use layerdiff_core::parse::parse;

#[path = "../tests/share_support/synthetic.rs"]
mod synthetic;

use synthetic::synthetic_no_trunc_history;

const DEFAULT_RUNS: usize = 15;

/// The median wall time of `runs` calls of `work`.
fn median_time(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn megabytes_per_second(bytes: usize, time: Duration) -> f64 {
    let seconds = time.as_secs_f64();
    if seconds > 0.0 {
        bytes as f64 / 1e6 / seconds
    } else {
        f64::INFINITY
    }
}

/// Times `parse` and a line count over `text`, prints one table row and
/// returns parse time ÷ line-count time.
fn report(name: &str, text: &str, runs: usize) -> f64 {
    // Warm up caches and the allocator once.
    black_box(parse(black_box(text)));
    let parse_time = median_time(runs, || {
        black_box(parse(black_box(text)));
    });
    let lines_time = median_time(runs, || {
        black_box(black_box(text).lines().count());
    });
    let parsed = parse(text);
    let n_layers: usize = parsed.histories.iter().map(|h| h.layers.len()).sum();
    println!(
        "{name:<62} {kib:>9.1} {hist:>5} {layers:>7} {pt:>11.3} {pmb:>9.1} {lt:>10.3} {lmb:>9.1}",
        kib = text.len() as f64 / 1024.0,
        hist = parsed.histories.len(),
        layers = n_layers,
        pt = parse_time.as_secs_f64() * 1e3,
        pmb = megabytes_per_second(text.len(), parse_time),
        lt = lines_time.as_secs_f64() * 1e3,
        lmb = megabytes_per_second(text.len(), lines_time),
    );
    parse_time.as_secs_f64() / lines_time.as_secs_f64().max(1e-9)
}

fn main() {
    let runs = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(DEFAULT_RUNS);
    let corpus_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&corpus_dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if cfg!(debug_assertions) {
        println!("note: debug build; run with --release for representative numbers");
    }
    println!("parse throughput, median of {runs} runs (MB = 10^6 bytes)\n");
    println!(
        "{:<62} {:>9} {:>5} {:>7} {:>11} {:>9} {:>10} {:>9}",
        "input", "KiB", "hist", "layers", "parse ms", "MB/s", "lines ms", "MB/s"
    );

    let mut all = String::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = report(&name, &text, runs);
        all.push_str(&text);
        all.push('\n');
    }
    let corpus_ratio = if files.is_empty() {
        println!("(no .txt files in {})", corpus_dir.display());
        f64::NAN
    } else {
        report(
            &format!("all {} corpus files concatenated", files.len()),
            &all,
            runs,
        )
    };

    let synthetic = format!(
        "$ docker history --no-trunc app:before\n{}\n$ docker history --no-trunc app:after\n{}",
        synthetic_no_trunc_history(1000, 0x5eed_0001),
        synthetic_no_trunc_history(1000, 0x5eed_0002),
    );
    let pair_ratio = report("synthetic 2 x 1,000-layer --no-trunc", &synthetic, runs);

    // A real table pasted over and over (a CI log that printed it in a loop).
    let demo_path = corpus_dir.join("000-course-3.1-backend-before-after.txt");
    let demo = std::fs::read_to_string(demo_path).unwrap_or_default();
    let ten_mb = if demo.is_empty() {
        String::new()
    } else {
        demo.repeat(10_000_000 / demo.len() + 1)
    };
    let big_ratio = report("corpus 000 repeated to 10 MB", &ten_mb, runs.min(5));
    println!(
        "\nratio (parse ÷ line count): corpus {corpus_ratio:.1}×, 2x1000 {pair_ratio:.1}×, 10MB {big_ratio:.1}×"
    );
}
