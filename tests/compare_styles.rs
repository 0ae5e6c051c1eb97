//! The same image printed in different ways (`--no-trunc`, default truncation,
//! `--human=false`, JSON lines, podman) compares as all `same`: the comparison
//! sees through truncation, builder noise, quoting and rounding. Every corpus
//! history whose text is whole (`--no-trunc` or JSON) is printed in each style
//! with the project's renderer, read back with the parser and compared with
//! the original.

use layerdiff_core::compare::{compare, Status};
use layerdiff_core::parse::parse;
use layerdiff_core::render::{render, RenderStyle};

const STYLES: [RenderStyle; 5] = [
    RenderStyle::Docker,
    RenderStyle::DockerNoTrunc,
    RenderStyle::DockerHumanFalse,
    RenderStyle::JsonLines,
    RenderStyle::Podman,
];

#[test]
fn one_image_printed_five_ways_compares_as_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    {
        let text = std::fs::read_to_string(path).expect("corpus file");
        for original in parse(&text).histories {
            if original.layers.is_empty() {
                continue;
            }
            for style in STYLES {
                let again = parse(&render(&original, style));
                let Some(printed) = again.histories.first() else {
                    failures.push(format!("{}: {style:?} did not read back", path.display()));
                    continue;
                };
                let c = compare(&original, printed);
                let odd: Vec<String> = c
                    .rows
                    .iter()
                    .filter(|r| r.status != Status::Same)
                    .map(|r| {
                        format!(
                            "  {} | {:?} | {:?}",
                            r.status.as_str(),
                            r.before.as_ref().map(|l| &l.created_by),
                            r.after.as_ref().map(|l| &l.created_by)
                        )
                    })
                    .collect();
                if !odd.is_empty() || !c.delta.within_rounding() {
                    failures.push(format!(
                        "{} ({}) as {style:?}: delta {:?}\n{}",
                        path.file_name().and_then(|f| f.to_str()).unwrap_or(""),
                        original.label,
                        c.delta,
                        odd.join("\n")
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 100, "only {checked} comparisons ran");
    assert!(
        failures.is_empty(),
        "{} of {checked}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A before/after pair whose two sides were printed by different tools reads
/// the same as when both were printed alike.
#[test]
fn a_pair_printed_by_different_tools_compares_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    for file in [
        "000-course-3.1-backend-before-after.txt",
        "004-ex37-patientor-before-after.txt",
        "013-ipinfo-before-after-mixed-no-trailing.txt",
        "021-lab4-noopt-vs-opt-echo-separators.txt",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).expect("corpus file");
        let hs = parse(&text).histories;
        let statuses = |c: &layerdiff_core::compare::Comparison| {
            c.rows.iter().map(|r| r.status).collect::<Vec<_>>()
        };
        let plain = compare(&hs[0], &hs[1]);
        for (sb, sa) in [
            (RenderStyle::JsonLines, RenderStyle::Podman),
            (RenderStyle::DockerHumanFalse, RenderStyle::Docker),
        ] {
            let b = parse(&render(&hs[0], sb)).histories.remove(0);
            let a = parse(&render(&hs[1], sa)).histories.remove(0);
            let mixed = compare(&b, &a);
            assert_eq!(
                statuses(&mixed),
                statuses(&plain),
                "{file}: {sb:?} vs {sa:?}"
            );
            assert_eq!(mixed.base.layers, plain.base.layers, "{file}");
        }
    }
}
