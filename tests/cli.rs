//! The `layerdiff` binary as a user runs it: exit codes, the documented JSON
//! shapes of `parse`, `compare` and `insights`, one-file before/after input, and `link`
//! printing a link that decodes to the same comparison.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use layerdiff_core::compare::compare;
use layerdiff_core::parse::parse;
use layerdiff_core::share::decode;
use serde_json::Value;

const DEMO: &str = "tests/data/corpus/000-course-3.1-backend-before-after.txt";

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_layerdiff"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the layerdiff binary runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("layerdiff finishes")
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

#[test]
fn parse_prints_the_documented_json_for_every_corpus_file() {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/data/corpus/expected.json").expect("expected.json"),
    )
    .expect("valid JSON");
    let mut problems = Vec::new();
    for (file, want) in expected.as_object().expect("an object of files") {
        let out = run(&["parse", &format!("tests/data/corpus/{file}")], None);
        if out.status.code() != Some(0) {
            problems.push(format!("{file}: exit {:?}", out.status.code()));
            continue;
        }
        let got = json_of(&out);
        let histories = got["histories"].as_array().expect("histories array");
        let want_histories = want["histories"].as_array().expect("expected histories");
        if histories.len() != want_histories.len() {
            problems.push(format!(
                "{file}: {} histories, expected {}",
                histories.len(),
                want_histories.len()
            ));
            continue;
        }
        for (h, w) in histories.iter().zip(want_histories) {
            let sizes: Vec<Value> = h["layers"]
                .as_array()
                .expect("layers")
                .iter()
                .map(|l| l["size_bytes"].clone())
                .collect();
            let want_sizes = w["sizes"].as_array().expect("sizes").clone();
            if sizes != want_sizes {
                problems.push(format!(
                    "{file} `{}`: sizes {sizes:?}, expected {want_sizes:?}",
                    w["label"]
                ));
            }
            for layer in h["layers"].as_array().expect("layers") {
                for key in [
                    "id",
                    "created",
                    "created_by",
                    "truncated",
                    "size_bytes",
                    "size_exact",
                    "comment",
                    "lines",
                ] {
                    if layer.get(key).is_none() {
                        problems.push(format!("{file}: a layer lacks `{key}`"));
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "CLI parse disagrees with expected.json:\n{}",
        problems.join("\n")
    );
}

#[test]
fn parse_reads_standard_input_and_exits_1_when_nothing_is_found() {
    let demo = std::fs::read_to_string(DEMO).expect("demo");
    let found = run(&["parse", "-"], Some(&demo));
    assert_eq!(found.status.code(), Some(0));
    assert_eq!(
        json_of(&found)["histories"].as_array().map(Vec::len),
        Some(2)
    );

    let none = run(
        &["parse", "-"],
        Some("hello, this is not a docker history\n"),
    );
    assert_eq!(none.status.code(), Some(1));
    let diagnostics = json_of(&none)["diagnostics"].clone();
    assert!(
        !diagnostics.as_array().expect("diagnostics").is_empty(),
        "says why: {diagnostics}"
    );
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["parse"][..],
        &["compare", DEMO, "--format", "yaml"][..],
        &["parse", "/no/such/file"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "args {args:?}");
        assert!(!out.stderr.is_empty(), "args {args:?} print a message");
    }
}

#[test]
fn compare_json_of_the_demo_has_the_documented_shape_and_numbers() {
    let out = run(&["compare", DEMO, "--format", "json"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = json_of(&out);
    assert_eq!(c["before"]["total_bytes"], 417_294_752u64);
    assert_eq!(c["after"]["total_bytes"], 316_000_752u64);
    assert_eq!(c["delta_bytes"], 316_000_752i64 - 417_294_752i64);
    assert_eq!(c["base"]["layers"], 5);
    assert_eq!(c["base"]["bytes"], 117_000_752u64);
    let rows = c["rows"].as_array().expect("rows");
    // Oldest first: the first row is the base image's ADD, index 0 on both sides.
    assert_eq!(rows[0]["before"]["index"], 0);
    assert_eq!(rows[0]["after"]["index"], 0);
    assert_eq!(rows[0]["status"], "same");
    let statuses: Vec<&str> = rows.iter().filter_map(|r| r["status"].as_str()).collect();
    assert!(
        statuses.contains(&"moved"),
        "EXPOSE 8000 moved: {statuses:?}"
    );
    assert!(statuses.contains(&"removed"));
    // Every before layer and every after layer is in exactly one row.
    for (side, n) in [("before", 14), ("after", 9)] {
        let mut seen: Vec<u64> = rows
            .iter()
            .filter_map(|r| r[side]["index"].as_u64())
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..n).collect::<Vec<u64>>(), "{side} indexes");
    }
}

#[test]
fn compare_text_and_markdown_state_the_totals() {
    let text = run(&["compare", DEMO], None);
    assert_eq!(text.status.code(), Some(0), "{}", stderr_of(&text));
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("≈ 417 MB") && text.contains("≈ 316 MB") && text.contains("−101 MB (−24 %)"),
        "{text}"
    );
    let md = run(&["compare", DEMO, "--format", "markdown"], None);
    assert_eq!(md.status.code(), Some(0), "{}", stderr_of(&md));
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("| ") && md.contains("≈ 417 MB"), "{md}");
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// README's exit codes for `compare`: 0 when it printed its result, 2
/// otherwise (an unreadable file, a file with no history), never 1; a
/// failure prints nothing on standard output and says why on standard error.
#[test]
fn compare_exits_0_on_a_good_pair_and_2_on_input_it_cannot_read() {
    let busybox = "tests/data/corpus/002-jonny-busybox-old-1819kB.txt";
    for args in [
        &["compare", DEMO][..],
        &["compare", DEMO, busybox][..],
        &["compare", DEMO, busybox, "--format", "json"][..],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr_of(&out));
        assert!(!out.stdout.is_empty(), "{args:?} prints the comparison");
    }

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-compare-exit");
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let no_history = dir.join("no-history.txt");
    std::fs::write(&no_history, "nothing like a docker history here\n").expect("a file");
    let no_history = no_history.to_string_lossy().into_owned();
    let a_dir = dir.to_string_lossy().into_owned();
    for (args, says) in [
        (
            vec!["compare", "/no/such/file", DEMO],
            "cannot read /no/such/file",
        ),
        (
            vec!["compare", DEMO, "/no/such/file"],
            "cannot read /no/such/file",
        ),
        (
            vec!["compare", "/no/such/file"],
            "cannot read /no/such/file",
        ),
        // A directory opens but cannot be read as a file.
        (vec!["compare", DEMO, &a_dir], "cannot read"),
        (
            vec!["compare", DEMO, &no_history],
            "no docker history found",
        ),
    ] {
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            stderr_of(&out).contains(says),
            "{args:?}: {}",
            stderr_of(&out)
        );
    }
}

#[test]
fn compare_markdown_of_hostile_commands_keeps_them_in_code_spans() {
    let out = run(
        &[
            "compare",
            "tests/data/hostile/before.txt",
            "tests/data/hostile/after.txt",
            "--format",
            "markdown",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let expected = std::fs::read_to_string("tests/data/hostile/expected.md").expect("expected.md");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    assert!(
        expected.contains(r"| ``RUN echo `id` <img src=x onerror=alert(1)> \| x`` |"),
        "{expected}"
    );
}

#[test]
fn compare_of_one_file_with_one_history_asks_for_a_second() {
    let out = run(
        &[
            "compare",
            "tests/data/corpus/002-jonny-busybox-old-1819kB.txt",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("second file"));
}

#[test]
fn link_prints_a_link_that_opens_the_same_comparison() {
    let out = run(
        &[
            "link",
            DEMO,
            "--base-url",
            "https://example.github.io/layerdiff/",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        link.starts_with("https://example.github.io/layerdiff/#1"),
        "{link}"
    );
    assert!(
        link.len() <= 700,
        "the demo's link is {} characters",
        link.len()
    );
    let state = decode(&link).expect("the printed link decodes");
    let before = parse(&state.before.text)
        .histories
        .into_iter()
        .nth(state.before.selected)
        .expect("before history");
    let after = parse(&state.after.text)
        .histories
        .into_iter()
        .nth(state.after.selected)
        .expect("after history");
    let reopened = compare(&before, &after);
    let demo = parse(&std::fs::read_to_string(DEMO).expect("demo"));
    let original = compare(&demo.histories[0], &demo.histories[1]);
    assert_eq!(reopened.delta, original.delta);
    assert_eq!(
        reopened.rows.iter().map(|r| r.status).collect::<Vec<_>>(),
        original.rows.iter().map(|r| r.status).collect::<Vec<_>>()
    );
}

/// The keys of a JSON object, sorted.
fn keys(v: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = v
        .as_object()
        .unwrap_or_else(|| panic!("an object: {v}"))
        .keys()
        .map(String::as_str)
        .collect();
    k.sort_unstable();
    k
}

#[test]
fn insights_json_is_exactly_the_issue_contract() {
    let out = run(&["insights", DEMO, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let v = json_of(&out);
    assert_eq!(keys(&v), ["histories", "pair"]);
    let histories = v["histories"].as_array().expect("histories");
    assert_eq!(histories.len(), 2);
    for h in histories {
        assert_eq!(keys(h), ["boundary", "findings", "label"]);
        assert_eq!(keys(&h["boundary"]), ["base_layers", "signal"]);
        assert_eq!(h["boundary"]["signal"], "shared-base");
        assert_eq!(h["boundary"]["base_layers"], 5);
        for f in h["findings"].as_array().expect("findings") {
            assert_eq!(
                keys(f),
                [
                    "bytes",
                    "confidence",
                    "fix",
                    "index",
                    "indexes",
                    "inherited",
                    "layer",
                    "layers",
                    "message",
                    "rule",
                    "source"
                ]
            );
            assert_eq!(keys(&f["bytes"]), ["kind", "value"]);
            let kind = f["bytes"]["kind"].as_str().expect("kind");
            assert!(
                ["exact", "estimate", "upper", "unknown"].contains(&kind),
                "{kind}"
            );
            assert_eq!(kind == "unknown", f["bytes"]["value"].is_null());
            let confidence = f["confidence"].as_str().expect("confidence");
            assert!(["definite", "likely", "possible"].contains(&confidence));
            assert_eq!(f["layers"][0], f["layer"]);
            assert_eq!(f["indexes"][0], f["index"]);
            // the number people read is the position from the top, from 1
            assert_eq!(f["layer"].as_u64(), f["index"].as_u64().map(|i| i + 1));
        }
    }
    // before: `npm install` is layer 2, row 1 from 0 as `layerdiff parse` prints it
    let npm: Vec<&Value> = histories[0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["layer"] == 2 && f["index"] == 1)
        .collect();
    let rules: Vec<&str> = npm.iter().filter_map(|f| f["rule"].as_str()).collect();
    assert_eq!(rules, ["npm-dev-deps", "npm-cache"]);
    let verdicts = v["pair"]["verdicts"].as_array().expect("verdicts");
    assert_eq!(keys(&v["pair"]), ["verdicts"]);
    for verdict in verdicts {
        assert_eq!(
            keys(verdict),
            [
                "before_index",
                "before_layer",
                "delta_bytes",
                "rule",
                "verdict"
            ]
        );
        assert_eq!(
            verdict["before_layer"].as_u64(),
            verdict["before_index"].as_u64().map(|i| i + 1)
        );
        assert_eq!(verdict["verdict"], "not visible");
    }
    assert_eq!(verdicts[0]["rule"], "apt-lists-kept");
    // its layer grew by 84 MB, but a smell that cannot be seen has no Δ
    assert!(verdicts[0]["delta_bytes"].is_null(), "{}", verdicts[0]);
}

#[test]
fn insights_of_one_history_has_no_pair_and_every_history_is_reported() {
    let one = json_of(&run(
        &[
            "insights",
            "tests/data/corpus/015-myubuntu-newline-inside-createdby.txt",
            "--format=json",
        ],
        None,
    ));
    assert!(one["pair"].is_null());
    assert_eq!(one["histories"][0]["findings"][0]["rule"], "apt-lists-kept");
    assert_eq!(one["histories"][0]["findings"][0]["bytes"]["kind"], "exact");
    let four = json_of(&run(
        &[
            "insights",
            "tests/data/corpus/067-dwd306-pedro-4-histories-last-missing-header.txt",
            "--format",
            "json",
        ],
        None,
    ));
    assert_eq!(four["histories"].as_array().map(Vec::len), Some(4));
    assert!(four["pair"]["verdicts"].is_array());
    // OLD NEW: the first history of each file
    let two = json_of(&run(
        &[
            "insights",
            DEMO,
            "tests/data/corpus/002-jonny-busybox-old-1819kB.txt",
            "--format",
            "json",
        ],
        None,
    ));
    assert_eq!(two["histories"].as_array().map(Vec::len), Some(2));
    assert_eq!(two["histories"][1]["findings"][0]["rule"], "dnf-yum-cache");
}

#[test]
fn insights_text_and_markdown_and_their_errors() {
    let text = run(&["insights", DEMO], None);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("[npm-dev-deps]") && text.contains("not visible"),
        "{text}"
    );
    let md = run(&["insights", DEMO, "--format", "markdown"], None);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.starts_with("### Insights") && md.contains("`RUN npm install`"),
        "{md}"
    );
    assert_eq!(
        run(&["insights", "-"], Some("no history here\n"))
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["insights", DEMO, "--format", "yaml"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["insights", DEMO, DEMO, DEMO], None).status.code(),
        Some(2)
    );
    assert_eq!(run(&["insights"], None).status.code(), Some(2));
}

const WORKSHOP: &str =
    "tests/data/corpus/046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt";
const COURSE: &str = "tests/data/corpus/067-dwd306-pedro-4-histories-last-missing-header.txt";

/// Each history of a corpus file as a file of its own (the text from the end
/// of the previous history to the end of this one, so its command line and
/// heading stay with it), written under the target dir; their paths.
fn one_file_per_history(corpus: &str, tag: &str) -> Vec<String> {
    let text = std::fs::read_to_string(corpus).expect("the corpus file");
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-path-{tag}"));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let mut from = 0;
    let mut paths = Vec::new();
    for (k, h) in parse(&text).histories.iter().enumerate() {
        let path = dir.join(format!("step{k}.txt"));
        std::fs::write(&path, lines[from..h.lines.1].concat()).expect("a step file");
        paths.push(path.to_string_lossy().into_owned());
        from = h.lines.1;
    }
    paths
}

/// `(total_bytes, to_previous delta_bytes)` of every step of a path's JSON.
fn step_figures(v: &Value) -> Vec<(u64, Option<i64>)> {
    v["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            let total = s["total_bytes"].as_u64().expect("a total");
            (total, s["to_previous"]["delta_bytes"].as_i64())
        })
        .collect()
}

#[test]
fn compare_of_three_files_is_a_path_of_three_steps() {
    let files = one_file_per_history(WORKSHOP, "workshop");
    let args = |format: &'static str| -> Vec<String> {
        let mut a = vec!["compare".to_string()];
        a.extend(files.iter().take(3).cloned());
        a.extend(["--format".to_string(), format.to_string()]);
        a
    };
    let run_with = |format| {
        let a = args(format);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        let out = run(&refs, None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    let v = json_of(&run_with("json"));
    // ver1 → ver2 → ver3 as the corpus lists them (expected.json)
    let hs = parse(&std::fs::read_to_string(WORKSHOP).expect("the corpus file")).histories;
    let total = |k: usize| -> u64 {
        hs[k]
            .layers
            .iter()
            .map(|l| l.size.map_or(0, |s| s.bytes))
            .sum()
    };
    assert_eq!(
        step_figures(&v),
        vec![
            (total(0), None),
            (total(1), Some(total(1) as i64 - total(0) as i64)),
            (total(2), Some(-23)),
        ]
    );
    assert_eq!(v["neighbours"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["neighbours"][1]["before_step"], 1);
    // each neighbour is the pair's own JSON
    let pair = compare(&hs[0], &hs[1]);
    assert_eq!(v["neighbours"][0]["delta_bytes"], pair.delta.bytes);
    assert_eq!(v["neighbours"][0]["rows"][2]["status"], "removed");
    assert_eq!(
        v["base_spans"],
        serde_json::json!([{"first_step": 0, "last_step": 2, "layers": 2, "bytes": 5_540_000}])
    );
    let md = String::from_utf8_lossy(&run_with("markdown").stdout).into_owned();
    assert!(
        md.contains("| Step | Image | Layers | Total | Δ to previous | Δ to first |"),
        "{md}"
    );
    assert!(
        md.contains("| 3 | `basic-app` | 8 | ≈ 117 MB | −23 B (< 0.1 %) | ≈ 0 (within rounding) |"),
        "{md}"
    );
    assert_eq!(md.matches("### Step ").count(), 2, "{md}");
    let text = String::from_utf8_lossy(&run_with("text").stdout).into_owned();
    assert!(
        text.starts_with("Path of 3 steps: ≈ 117 MB → ≈ 117 MB → ≈ 117 MB"),
        "{text}"
    );
    assert!(text.contains("== Step 2 → 3 =="), "{text}");
}

#[test]
fn compare_of_one_file_holding_four_histories_is_a_path_of_four_steps() {
    let out = run(&["compare", COURSE, "--format", "json"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_of(&out);
    let hs = parse(&std::fs::read_to_string(COURSE).expect("the corpus file")).histories;
    let totals: Vec<u64> = step_figures(&v).into_iter().map(|f| f.0).collect();
    let expected: Vec<u64> = hs
        .iter()
        .map(|h| h.layers.iter().map(|l| l.size.map_or(0, |s| s.bytes)).sum())
        .collect();
    assert_eq!(totals, expected);
    assert_eq!(v["steps"][3]["label"], "After (hello-frontend)");
    let spans: Vec<(u64, u64)> = v["base_spans"]
        .as_array()
        .expect("spans")
        .iter()
        .filter_map(|s| Some((s["first_step"].as_u64()?, s["last_step"].as_u64()?)))
        .collect();
    assert_eq!(spans, vec![(0, 1), (2, 3)]);
    // the same four as four files: the same path
    let files = one_file_per_history(COURSE, "course");
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    args.extend(["--format", "json"]);
    let four = json_of(&run(&args, None));
    assert_eq!(step_figures(&four), step_figures(&v));
    let md = run(&["compare", COURSE, "--format", "markdown"], None);
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains("| 3 | `Before (hello-frontend)` | 10 | ≈ 514 MB | ≈ −46.3 MB (−8.3 %) | ≈ −46.3 MB (−8.3 %) |"),
        "{md}"
    );
    assert!(
        md.contains("### Step 3 → 4: `Before (hello-frontend)` → `After (hello-frontend)`"),
        "{md}"
    );
}

#[test]
fn a_path_of_more_than_eight_is_refused_with_a_message() {
    let nine = vec![DEMO; 9];
    let mut args = vec!["compare"];
    args.extend(nine);
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("9 files given; a path compares at most 8"),
        "{err}"
    );
}

/// The steps a printed link opens to: each step's compared history.
fn opened_steps(link: &str) -> Vec<layerdiff_core::model::History> {
    let state = layerdiff_core::share::open(link).expect("the printed link opens");
    state
        .steps
        .iter()
        .map(|s| parse(&s.text).histories.remove(s.selected))
        .collect()
}

#[test]
fn link_of_a_file_holding_a_path_opens_to_its_steps() {
    let out = run(&["link", COURSE, "--short"], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let link = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(
        link.contains("/#2"),
        "a path needs a version 2 link: {link}"
    );
    assert!(
        link.len() <= 2000,
        "067's four steps, short: {} characters",
        link.len()
    );
    let steps = opened_steps(&link);
    let want = parse(&std::fs::read_to_string(COURSE).expect("corpus")).histories;
    assert_eq!(steps.len(), 4);
    for (k, (got, want)) in steps.iter().zip(&want).enumerate() {
        let sum = |h: &layerdiff_core::model::History| -> u64 {
            h.layers
                .iter()
                .filter_map(|l| l.size)
                .map(|s| s.bytes)
                .sum()
        };
        assert_eq!(got.layers.len(), want.layers.len(), "step {k}");
        assert_eq!(sum(got), sum(want), "step {k}");
    }
}

#[test]
fn link_of_three_files_is_a_path_of_their_first_histories() {
    let dir = std::env::temp_dir().join(format!("layerdiff-cli-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let text = std::fs::read_to_string(WORKSHOP).expect("corpus");
    let parsed = parse(&text);
    let parts = layerdiff_core::split::split_histories(&text, &parsed, 3);
    let files: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(k, part)| {
            let path = dir.join(format!("step{k}.txt"));
            std::fs::write(&path, part).expect("write step");
            path.to_string_lossy().into_owned()
        })
        .collect();
    let mut args = vec!["link"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args, None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let steps = opened_steps(String::from_utf8_lossy(&out.stdout).trim());
    assert_eq!(steps.len(), 3);
    for (k, step) in steps.iter().enumerate() {
        assert_eq!(
            step.layers.len(),
            parsed.histories[k].layers.len(),
            "step {k}"
        );
    }
    let nine: Vec<&str> = std::iter::once("link")
        .chain(std::iter::repeat_n(DEMO, 9))
        .collect();
    let out = run(&nine, None);
    assert_eq!(out.status.code(), Some(2), "nine files are a usage error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 8 steps"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `layerdiff parse big.txt | head -1`: the reader goes away while the CLI
/// still writes (the output is far over a pipe's buffer, so the write
/// blocks until the reader closes, then fails). The command ends quietly
/// with 0, as terminal tools do, instead of a panic.
#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    let rows: String = (0..3000)
        .map(|k| format!("<missing>  2 days ago  RUN /bin/sh -c echo step {k} > /f{k}  1.2MB\n"))
        .collect();
    let paste = format!("IMAGE  CREATED  CREATED BY  SIZE\n{rows}");
    let path = std::env::temp_dir().join(format!("layerdiff-big-{}.txt", std::process::id()));
    std::fs::write(&path, paste).expect("write the paste");
    let mut child = Command::new(env!("CARGO_BIN_EXE_layerdiff"))
        .args(["parse", path.to_str().expect("a UTF-8 path")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the layerdiff binary runs");
    let mut first = [0u8; 16];
    let stdout = child.stdout.as_mut().expect("stdout");
    std::io::Read::read_exact(stdout, &mut first).expect("some output");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("layerdiff finishes");
    let _ = std::fs::remove_file(&path);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}
