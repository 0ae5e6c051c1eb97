//! Benchmark of the comparison pipeline: parse + align + chart data + SVG, for
//! the demo paste (corpus 000) and for a synthetic pair of 1,000-layer
//! histories (edits, inserts, deletes, moves and resizes). Prints the median of
//! N runs per stage as a table. Run with
//! `cargo run --release --example bench_compare` (set `BENCH_SVG_DIR=dir` to
//! also write the charts there).

use layerdiff_core::chart::{chart_data, render_svg, ChartOptions};
use layerdiff_core::compare::compare;
use layerdiff_core::model::{History, Layer, Size};
use layerdiff_core::parse::parse;
use layerdiff_core::render::{render, RenderStyle};
use std::time::{Duration, Instant};

/// A small deterministic pseudo-random sequence (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn human(bytes: u64) -> Size {
    // three significant digits, like docker
    let digits = if bytes == 0 {
        1
    } else {
        (bytes as f64).log10().floor() as u32 + 1
    };
    let step = 10u64.pow(digits.saturating_sub(3));
    let rounded = (bytes + step / 2) / step * step;
    Size {
        bytes: rounded,
        tolerance: step / 2,
        exact: false,
    }
}

fn layer(text: String, bytes: u64) -> Layer {
    Layer {
        created_by: text,
        size: Some(human(bytes)),
        ..Layer::default()
    }
}

/// Two 1,000-layer histories: the after one has ~5 % of layers removed,
/// inserted, edited and resized each, and 20 moved.
fn synthetic() -> (History, History) {
    let mut rng = Lcg(42);
    let commands = [
        "apt-get install -y",
        "pip install",
        "npm ci --omit",
        "make -j4 target",
        "go build -o",
    ];
    let mut before = Vec::new();
    for i in 0..1000u64 {
        let text = match rng.below(4) {
            0 => format!("/bin/sh -c #(nop)  ENV VAR_{i}=value{i}"),
            1 => format!(
                "/bin/sh -c #(nop) COPY file:{:016x}{:016x} in /app/{i} ",
                rng.next(),
                i
            ),
            _ => format!(
                "/bin/sh -c {} pkg{i} extra{}",
                commands[rng.below(5) as usize],
                rng.below(100)
            ),
        };
        let bytes = if text.contains("ENV") {
            0
        } else {
            rng.below(50_000_000)
        };
        before.push(layer(text, bytes));
    }
    let mut after: Vec<Layer> = Vec::new();
    for (i, l) in before.iter().enumerate() {
        match rng.below(20) {
            0 => {} // removed
            1 => {
                after.push(l.clone());
                after.push(layer(
                    format!("/bin/sh -c echo inserted {i}"),
                    rng.below(1_000_000),
                ));
            }
            2 => after.push(layer(
                format!("{} --edited", l.created_by),
                rng.below(50_000_000),
            )),
            3 => after.push(layer(l.created_by.clone(), rng.below(50_000_000))),
            _ => after.push(l.clone()),
        }
    }
    for _ in 0..20 {
        let from = rng.below(after.len() as u64) as usize;
        let l = after.remove(from);
        let to = rng.below(after.len() as u64) as usize;
        after.insert(to, l);
    }
    // histories print newest first
    before.reverse();
    after.reverse();
    let h = |label: &str, layers: Vec<Layer>| History {
        label: label.into(),
        layers,
        ..History::default()
    };
    (h("before", before), h("after", after))
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:>9.3}", d.as_secs_f64() * 1000.0)
}

/// Times each stage `runs` times on the paste `text` (two histories).
fn bench(name: &str, text: &str, runs: usize) {
    let mut t = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    let mut sizes = (0, 0, 0);
    for _ in 0..runs {
        let s = Instant::now();
        let parsed = parse(text);
        t[0].push(s.elapsed());
        let (Some(b), Some(a)) = (parsed.histories.first(), parsed.histories.get(1)) else {
            println!(
                "{name}: the parser found {} histories",
                parsed.histories.len()
            );
            return;
        };
        let s = Instant::now();
        let c = compare(b, a);
        t[1].push(s.elapsed());
        let s = Instant::now();
        let d = chart_data(&c, b, a);
        t[2].push(s.elapsed());
        let s = Instant::now();
        let svg = render_svg(&d, &ChartOptions::default());
        t[3].push(s.elapsed());
        sizes = (b.layers.len(), a.layers.len(), svg.len());
        if let Some(dir) = std::env::var_os("BENCH_SVG_DIR") {
            let file = std::path::Path::new(&dir).join(format!(
                "{}.svg",
                name.split_whitespace().next().unwrap_or("chart")
            ));
            let _ = std::fs::write(file, &svg);
        }
    }
    let [p, c, d, s] = t.map(median);
    println!(
        "| {name:<22} | {:>5}×{:<5} | {runs:>4} | {} | {} | {} | {} | {} | {:>8} |",
        sizes.0,
        sizes.1,
        ms(p),
        ms(c),
        ms(d),
        ms(s),
        ms(p + c + d + s),
        sizes.2
    );
}

fn main() {
    let demo = include_str!("../tests/data/corpus/000-course-3.1-backend-before-after.txt");
    let (b, a) = synthetic();
    let synthetic_text = format!(
        "{}\n\n{}",
        render(&b, RenderStyle::Docker),
        render(&a, RenderStyle::Docker)
    );
    println!("median of N runs, milliseconds (SVG size in bytes)\n");
    println!("| input                  | layers      | N    |  parse    |  compare  |  chart    |  svg      |  total    | svg bytes |");
    println!("|------------------------|-------------|------|-----------|-----------|-----------|-----------|-----------|----------|");
    bench("demo (corpus 000)", demo, 101);
    bench("synthetic 2×1,000", &synthetic_text, 21);
}
