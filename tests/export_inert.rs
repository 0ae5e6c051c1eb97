//! Every export of a hostile pair (`tests/data/hostile/`: commands that are
//! Markdown and HTML payloads) is inert where it is pasted or opened: the
//! Markdown renders, with raw HTML allowed, to our elements only and shows
//! each command character for character; the SVG escapes its texts and
//! titles; the JSON carries the commands as JSON strings.

mod common;
mod inert_common;

use inert_common::{
    code_texts, foreign_markup_allowing, render, tags, unescape, INSIGHTS_ELEMENTS,
};

use layerdiff_core::chart::{chart_data, render_svg, ChartOptions};
use layerdiff_core::compare::{compare, Comparison};
use layerdiff_core::insights::{of_pair, Insights};
use layerdiff_core::model::History;
use layerdiff_core::parse::parse;
use layerdiff_core::report::pair as report;
use serde_json::Value;

const PAYLOADS: [&str; 6] = [
    "RUN echo `id` <img src=x onerror=alert(1)> | x",
    "RUN echo </textarea><script>alert(1)</script>",
    "RUN echo <a href=https://evil.example/>x</a>",
    "RUN echo <svg onload=alert(1)>",
    "RUN echo [x](javascript:alert(1)) *_\\_ ``",
    "RUN echo ![i](https://evil.example/p.png)",
];

fn history(file: &str) -> History {
    let text = std::fs::read_to_string(format!("tests/data/hostile/{file}")).expect("fixture");
    let mut parsed = parse(&text);
    assert_eq!(
        parsed.histories.len(),
        1,
        "{file}: {:?}",
        parsed.diagnostics
    );
    parsed.histories.remove(0)
}

fn pair() -> (History, History, Comparison) {
    let (b, a) = (history("before.txt"), history("after.txt"));
    let c = compare(&b, &a);
    (b, a, c)
}

fn insights() -> Insights {
    let (b, a, c) = pair();
    of_pair(&b, &a, &c)
}

#[test]
fn the_markdown_is_the_expected_file() {
    let (_, _, c) = pair();
    let expected = std::fs::read_to_string("tests/data/hostile/expected.md").expect("expected.md");
    let md = report::markdown_full(&c, Some(&insights()), None);
    assert_eq!(md.trim_end(), expected.trim_end());
    // without insights it is the comparison alone
    assert!(expected.starts_with(report::markdown(&c).trim_end()));
}

#[test]
fn the_markdown_renders_to_our_elements_and_readable_commands() {
    let (_, _, c) = pair();
    let link = "https://example.org/layerdiff/#1abc";
    let html = render(&report::markdown_full(&c, Some(&insights()), Some(link)));
    assert_eq!(
        foreign_markup_allowing(&html, Some(link), &INSIGHTS_ELEMENTS),
        Vec::<String>::new(),
        "{html}"
    );
    let codes = code_texts(&html);
    for payload in PAYLOADS {
        assert!(
            codes.iter().any(|c| c == payload),
            "{payload:?} not in {codes:#?}"
        );
    }
    // the summary line quotes the first difference (shortened) in a code span
    assert!(
        codes.contains(&"RUN echo <a href=https://evil.example/>…".to_string()),
        "{codes:#?}"
    );
    assert!(
        html.contains("the base images differ from the oldest layer on"),
        "{html}"
    );
    assert!(!html.contains(" 0 shared"), "{html}");
}

#[test]
fn the_svg_escapes_every_text_and_title() {
    let (b, a, c) = pair();
    let svg = render_svg(&chart_data(&c, &b, &a), &ChartOptions::default());
    let mut problems = Vec::new();
    for tag in tags(&svg) {
        let name = tag.name.as_str();
        if !name.chars().all(|c| c.is_ascii_alphanumeric())
            || [
                "script",
                "img",
                "a",
                "foreignobject",
                "iframe",
                "object",
                "embed",
                "image",
                "use",
                "animate",
                "set",
                "textarea",
            ]
            .contains(&name)
        {
            problems.push(format!("element {name:?}"));
        }
        for (attr, value) in &tag.attrs {
            if attr.starts_with("on") || attr.contains("href") || value.contains("javascript:") {
                problems.push(format!("{attr}={value:?} on <{name}>"));
            }
        }
    }
    assert_eq!(problems, Vec::<String>::new());
    // the commands are there as text: whole in the overlay's <title>s
    let titles: Vec<String> = svg
        .split("<title>")
        .skip(1)
        .map(|t| unescape(t.split("</title>").next().unwrap_or("")))
        .collect();
    for payload in PAYLOADS {
        assert!(
            titles.iter().any(|t| t.contains(payload)),
            "{payload:?} not in {titles:#?}"
        );
    }
}

#[test]
fn the_json_carries_the_commands_as_strings() {
    let (b, a, c) = pair();
    let v: Value = serde_json::from_str(&report::json(&c)).expect("valid JSON");
    let mut created_by: Vec<&str> = v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| [&r["before"]["created_by"], &r["after"]["created_by"]])
        .filter_map(Value::as_str)
        .collect();
    created_by.sort_unstable();
    let mut pasted: Vec<&str> = b
        .layers
        .iter()
        .chain(&a.layers)
        .map(|l| l.created_by.as_str())
        .collect();
    pasted.sort_unstable();
    assert_eq!(created_by, pasted);
    assert_eq!(
        v["base"]["reason"],
        "the base images differ from the oldest layer on: RUN echo <a href=https://evil.example/>… → —"
    );
}

#[test]
fn the_insights_markdown_of_every_corpus_paste_renders_to_our_elements() {
    for path in common::corpus_files() {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        let found = layerdiff_core::insights::of_histories(&parse(&text).histories);
        let md = layerdiff_core::insights::report::markdown(&found);
        let html = render(&md);
        assert_eq!(
            foreign_markup_allowing(&html, None, &INSIGHTS_ELEMENTS),
            Vec::<String>::new(),
            "{}:\n{html}",
            path.display()
        );
        // every finding's command is one code span, read back as written
        let codes = code_texts(&html);
        for h in &found.histories {
            for f in &h.findings {
                assert!(
                    codes.contains(&f.command),
                    "{:?} in {}",
                    f.command,
                    path.display()
                );
            }
        }
    }
}
