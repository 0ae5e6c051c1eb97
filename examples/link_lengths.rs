//! Prints how long share links are for every corpus before/after pair, next
//! to what sharing the raw texts (deflate + base64url, as mermaid.live does)
//! would give, and checks the product targets: the demo link ≤ 700 characters,
//! every default-format pair ≤ 2,000 (a Discord message), and all links
//! together ≤ 0.6 × the raw total. Lengths include the base URL.
//!
//! Columns: layers of each history, the raw-text link, our link, their ratio,
//! our link without ids and CREATED ("lean"), and the form each pane travels
//! in (P = parsed history printed again on opening, T = the paste as typed).
//!
//! Run: `cargo run --release --example link_lengths`

#[path = "../tests/share_support/pairs.rs"]
mod pairs;

use layerdiff_core::share::v1::PaneBody;
use layerdiff_core::share::{decode_link, encode, EncodeOptions, SharedPair};
use pairs::{corpus_pairs, raw_link_len, BASE_URL};

fn main() {
    let mut total_raw = 0usize;
    let mut total_link = 0usize;
    let mut demo = None;
    let mut max_default = 0usize;
    let lean = EncodeOptions {
        drop_ids: true,
        drop_created: true,
        redact: false,
    };
    println!(
        "{:<14} {:>7} {:>6} {:>6} {:>6} {:>6}  format",
        "pair", "layers", "raw", "link", "ratio", "lean"
    );
    for p in corpus_pairs() {
        let state = SharedPair {
            before: p.before.clone(),
            after: p.after.clone(),
            ..SharedPair::default()
        };
        let fragment = encode(&state, &EncodeOptions::default());
        let link = BASE_URL.len() + fragment.len();
        // How each pane travels: P = parsed history, T = the paste as typed.
        let form = |b: &PaneBody| match b {
            PaneBody::History { .. } => 'P',
            PaneBody::Text { .. } => 'T',
        };
        let forms = decode_link(&fragment).map_or("??".to_string(), |l| {
            format!("{}{}", form(&l.before.body), form(&l.after.body))
        });
        let lean_link = BASE_URL.len() + encode(&state, &lean).len();
        let raw = raw_link_len(&p.before.text, &p.after.text);
        let layers = |t: &str, s: usize| {
            layerdiff_core::parse::parse(t)
                .histories
                .get(s)
                .map_or(0, |h| h.layers.len())
        };
        println!(
            "{:<14} {:>3}+{:<3} {:>6} {:>6} {:>6.2} {:>6}  {:<4}  {}",
            p.name,
            layers(&p.before.text, p.before.selected),
            layers(&p.after.text, p.after.selected),
            raw,
            link,
            link as f64 / raw as f64,
            lean_link,
            forms,
            if p.default_format { "default" } else { "other" }
        );
        total_raw += raw;
        total_link += link;
        if p.demo {
            demo = Some(link);
        }
        if p.default_format {
            max_default = max_default.max(link);
        }
    }
    let ratio = total_link as f64 / total_raw.max(1) as f64;
    println!();
    println!(
        "demo link:                    {} characters (target ≤ 700)",
        demo.unwrap_or(0)
    );
    println!("longest default-format pair:  {max_default} characters (target ≤ 2000)");
    println!(
        "total links / total raw:      {total_link} / {total_raw} = {ratio:.3} (target ≤ 0.6)"
    );
}
