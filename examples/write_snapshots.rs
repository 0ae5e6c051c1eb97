//! Writes the snapshots the tests compare against (`tests/snapshots/mod.rs`
//! says what each group holds and which test reads it). Tests never write
//! them: a missing or stale snapshot fails its test with this command, and
//! running it is a separate step whose diff is reviewed like code.
//!
//! Run: `cargo run --example write_snapshots -- GROUP…` with one or more of
//! `compare`, `compare-path`, `embed-links`, `layer-links`, `demo-snippet`, `outputs`,
//! or `all`. It prints each file and whether it changed; then read
//! `git diff` (a link that changed means links written before may no longer
//! be what the browser tests open).

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/snapshots/mod.rs"]
mod snapshots;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let groups: Vec<&str> = if args.iter().any(|a| a == "all") {
        snapshots::GROUPS.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };
    if groups.is_empty() {
        eprintln!(
            "usage: cargo run --example write_snapshots -- GROUP…  (GROUP: {}, or all)",
            snapshots::GROUPS.join(", ")
        );
        return ExitCode::from(2);
    }
    // Every name is checked before anything is written.
    let mut made = Vec::new();
    for group in groups {
        let Some(snaps) = snapshots::of_group(group) else {
            eprintln!(
                "write_snapshots: no group `{group}` (groups: {}, or all)",
                snapshots::GROUPS.join(", ")
            );
            return ExitCode::from(2);
        };
        made.extend(snaps);
    }
    for snap in made {
        let before = std::fs::read_to_string(&snap.path).ok();
        let what = match before {
            Some(old) if old == snap.made => "unchanged",
            Some(_) => "changed",
            None => "new",
        };
        if what != "unchanged" {
            if let Some(dir) = snap.path.parent() {
                if let Err(e) = std::fs::create_dir_all(dir) {
                    eprintln!("write_snapshots: {}: {e}", dir.display());
                    return ExitCode::FAILURE;
                }
            }
            if let Err(e) = std::fs::write(&snap.path, &snap.made) {
                eprintln!("write_snapshots: {}: {e}", snap.shown());
                return ExitCode::FAILURE;
            }
        }
        println!("{what:<9} {}", snap.shown());
    }
    println!("Review the changes (git diff) before committing them.");
    ExitCode::SUCCESS
}
