//! One numbering of layers everywhere: a layer of the demo pair is followed
//! through every writer of the core and the CLI (the insights' text and
//! Markdown, the comparison's JSON, the Markdown export, the words of a link
//! to it, the chart's tooltip, the page's badge words and finding line and
//! its pane table's `#`), and each says the same number: its row from the
//! top of its history as `docker history` prints it, from 1
//! (`model::LayerNumber`). The page's own words are followed in
//! `tests/e2e/layer-numbers.test.mjs`.

use std::process::Command;

use layerdiff_core::chart::{chart_data, render_svg, ChartOptions};
use layerdiff_core::compare::{compare, Comparison};
use layerdiff_core::extras::{answer, Request};
use layerdiff_core::insights::of_pair;
use layerdiff_core::insights::view::{badge_words, InsightsView};
use layerdiff_core::layer_link::of_row;
use layerdiff_core::model::{History, LayerNumber};
use layerdiff_core::parse::parse;
use layerdiff_core::share::StepPair;
use serde_json::Value;

const DEMO: &str = "tests/data/corpus/000-course-3.1-backend-before-after.txt";

/// The layer followed: a side of the demo, a piece of its command as
/// pasted and as our words show it, and the number a reader counts down
/// the printed history.
struct Followed {
    after: bool,
    command: &'static str,
    shown: &'static str,
    number: usize,
}

/// Before's `RUN apt-get install -y nodejs` (fifth row of 14) and after's
/// `RUN apt-get update && apt-get ins…` (fourth row of 9): both have a
/// finding, so every writer names them.
const FOLLOWED: [Followed; 2] = [
    Followed {
        after: false,
        command: "apt-get install -y nodejs",
        shown: "RUN apt-get install -y nodejs",
        number: 5,
    },
    Followed {
        after: true,
        command: "apt-get update &&     apt-get ins",
        shown: "RUN apt-get update && apt-get ins…",
        number: 4,
    },
];

fn demo() -> (History, History) {
    let text = std::fs::read_to_string(DEMO).expect("the demo paste");
    let mut hs = parse(&text).histories.into_iter();
    (hs.next().expect("before"), hs.next().expect("after"))
}

fn cli(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_layerdiff"))
        .args(args)
        .output()
        .expect("the layerdiff binary runs");
    assert!(out.status.success(), "layerdiff {args:?}: {out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The followed layer's printed position, counted by hand from the paste.
fn counted(f: &Followed, before: &History, after: &History) -> usize {
    let h = if f.after { after } else { before };
    let at = h
        .layers
        .iter()
        .position(|l| l.created_by.contains(f.command))
        .expect("the followed layer is in the paste");
    assert_eq!(
        at + 1,
        f.number,
        "the number is the row from the top, from 1"
    );
    at
}

/// The comparison row holding the followed layer.
fn row_of(c: &Comparison, f: &Followed) -> usize {
    c.rows
        .iter()
        .position(|r| {
            let l = if f.after { &r.after } else { &r.before };
            l.as_ref().is_some_and(|l| l.created_by.contains(f.command))
        })
        .expect("a row holds it")
}

/// The findings' lines of `text` (plain or Markdown) naming the followed
/// layer's command.
fn findings_of<'a>(text: &'a str, f: &Followed) -> Vec<&'a str> {
    text.lines()
        .filter(|l| l.starts_with("  [") || l.starts_with("- **"))
        .filter(|l| l.contains(f.shown))
        .collect()
}

#[test]
fn the_insights_text_and_markdown_say_the_layers_number() {
    let text = cli(&["insights", DEMO]);
    let md = cli(&["compare", DEMO, "--format", "markdown"]);
    for f in &FOLLOWED {
        let word = format!("· layer {}: ", f.number);
        for out in [&text, &md] {
            let lines = findings_of(out, f);
            assert!(!lines.is_empty(), "{}: no finding line", f.command);
            for l in lines {
                assert!(l.contains(&word), "{l:?} should say {word:?}");
            }
        }
    }
    // the verdicts name the before layer by the same number
    assert!(
        text.contains("apt-recommends (before layer 5): not visible"),
        "{text}"
    );
    assert!(
        md.contains("| apt recommended packages installed | 5 | not visible |"),
        "{md}"
    );
}

#[test]
fn the_json_names_the_layer_by_its_number_beside_its_index() {
    let (before, after) = demo();
    let json: Value =
        serde_json::from_str(&cli(&["compare", DEMO, "--format", "json"])).expect("JSON");
    for f in &FOLLOWED {
        let printed = counted(f, &before, &after);
        let side = if f.after { "after" } else { "before" };
        let row = json["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| {
                r[side]["created_by"]
                    .as_str()
                    .is_some_and(|c| c.contains(f.command))
            })
            .expect("the row of the followed layer");
        assert_eq!(row[side]["layer"], f.number, "{row}");
        let k = usize::from(f.after);
        let findings = json["insights"]["histories"][k]["findings"]
            .as_array()
            .expect("findings");
        let named: Vec<&Value> = findings.iter().filter(|x| x["index"] == printed).collect();
        assert!(!named.is_empty(), "no finding with index {printed}");
        for x in named {
            assert_eq!(x["layer"], f.number, "{x}");
        }
    }
    let verdicts = json["insights"]["pair"]["verdicts"]
        .as_array()
        .expect("verdicts");
    assert!(
        verdicts
            .iter()
            .any(|v| v["before_layer"] == 5 && v["before_index"] == 4),
        "{verdicts:?}"
    );
}

#[test]
fn the_markdown_export_says_the_layers_number() {
    let (before, after) = demo();
    let request = Request::PairMarkdown {
        before,
        after,
        link: "https://example.org/layerdiff/#1x".into(),
    };
    let md = answer(&serde_json::to_string(&request).expect("a request"))
        .map(String::from_utf8)
        .expect("an answer")
        .expect("UTF-8");
    for f in &FOLLOWED {
        let word = format!("· layer {}: ", f.number);
        let lines = findings_of(&md, f);
        assert!(!lines.is_empty(), "{}: no finding line", f.command);
        for l in lines {
            assert!(l.contains(&word), "{l:?} should say {word:?}");
        }
    }
}

#[test]
fn a_link_to_the_layer_and_its_chart_tooltip_say_its_number() {
    let (before, after) = demo();
    let c = compare(&before, &after);
    let svg = render_svg(&chart_data(&c, &before, &after), &ChartOptions::default());
    for f in &FOLLOWED {
        counted(f, &before, &after);
        let row = row_of(&c, f);
        let at = of_row(&c, StepPair { left: 0, right: 1 }, row, f.after).expect("a link");
        let step = if f.after { 2 } else { 1 };
        assert_eq!(at.describe(), format!("layer {} of step {step}", f.number));
        let titles: Vec<String> = svg
            .split("<title>")
            .skip(1)
            .filter_map(|t| t.split("</title>").next())
            .map(|t| t.replace("&amp;", "&"))
            // the layers' segments (the waterfall's bars are rows, not layers)
            .filter(|t| t.contains(f.shown) && t.contains(" · "))
            .collect();
        assert!(!titles.is_empty(), "{}: no chart title in {svg}", f.shown);
        for t in titles {
            assert!(t.contains(&format!("layer {} ", f.number)), "{t:?}");
        }
    }
}

#[test]
fn the_pages_badges_findings_and_pane_table_say_the_layers_number() {
    let (before, after) = demo();
    let view = InsightsView::of(&of_pair(&before, &after, &compare(&before, &after)));
    for f in &FOLLOWED {
        let printed = counted(f, &before, &after);
        // the pane table's `#` column
        assert_eq!(LayerNumber::of_printed(printed).get(), f.number);
        let k = usize::from(f.after);
        let hits: Vec<_> = view.histories[k]
            .findings
            .iter()
            .filter(|x| x.layers.contains(&printed))
            .collect();
        assert!(!hits.is_empty(), "{}: no finding", f.command);
        for x in &hits {
            assert_eq!(x.number().to_string(), format!("layer {}", f.number));
        }
        let side = if f.after { "after" } else { "before" };
        let words = badge_words(side, &[printed], &hits);
        let want = format!("{side}, layer {}: ", f.number);
        assert!(words.starts_with(&want), "{words:?} should start {want:?}");
    }
}
