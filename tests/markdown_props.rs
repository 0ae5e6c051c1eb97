//! Property tests: pasted text in a Markdown export stays text. Arbitrary
//! strings (backticks, pipes, `<`, `>`, `&`, `[`, `](`, `!`, `*`, `_`, `\`,
//! line breaks, control characters, non-ASCII, HTML and link payloads) are
//! written as code spans, in prose and in table cells, and as the commands,
//! image names and labels of a whole comparison; the Markdown is rendered by
//! pulldown-cmark with raw HTML allowed and GFM tables. The HTML must have
//! exactly the elements and attributes of the same document made with
//! harmless placeholders, and every code element must read back the pasted
//! text (control characters shown as `markdown::visible` documents).

mod inert_common;
use inert_common::{code_texts, foreign_markup, render, skeleton};

use layerdiff_core::compare::{compare, BaseChange, Comparison};
use layerdiff_core::markdown::{code, visible, Place};
use layerdiff_core::model::{History, Layer, Size};
use layerdiff_core::report::pair as report;
use layerdiff_core::text::cut_end;
use proptest::prelude::*;

const LINK: &str = "https://example.org/layerdiff/#1AbC-_x";

/// Pieces that mean something to Markdown, HTML, GFM tables or a browser.
const PIECES: &[&str] = &[
    "`",
    "``",
    "```",
    "|",
    "\\",
    "\\|",
    "\\\\",
    "<",
    ">",
    "&",
    "&amp;",
    "&#60;",
    "&lt;",
    "[",
    "]",
    "](",
    ")",
    "![",
    "!",
    "*",
    "**",
    "_",
    "__",
    "~~",
    "#",
    "-",
    ":",
    "=",
    "\"",
    "'",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{a0}",
    "é",
    "✓",
    "漢字",
    "🐳",
    "a",
    "RUN echo ",
    "<img src=x onerror=alert(1)>",
    "</textarea><script>",
    "alert(1)</script>",
    "<svg onload=alert(1)>",
    "<a href=\"https://evil.example\">",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "![i](https://evil.example/p.png)",
    "<https://evil.example>",
    "https://evil.example/",
    "www.evil.example",
    "<!--",
    "-->",
    "<?php",
    "<![CDATA[",
    "&#x3C;b&#x3E;",
    "| --- |",
    "---",
];

/// A pasted string: hostile pieces glued together, or anything at all.
fn pasted() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..10).prop_map(|v| v.concat()),
        1 => any::<String>(),
    ]
}

/// A document with the text in every place we write pasted text: twice in
/// one prose line (after a hard break), and in table cells alone and
/// between words, in left and right aligned columns.
fn document(text: &str) -> String {
    let (p, t) = (code(text, Place::Prose), code(text, Place::TableCell));
    format!(
        "**Sum:** {p} → {p}  \nBase: {p}\n\n| Status | Before | Δ | After |\n|---|---|--:|---|\n| = same | {t} | 1 B | {t} |\n| − removed | x {t} y |  |  |\n"
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_code_span_is_one_element_that_reads_back(text in pasted()) {
        prop_assume!(!text.is_empty());
        let template = render(&document("x"));
        prop_assert!(foreign_markup(&template, None).is_empty(), "{}", template);
        let html = render(&document(&text));
        prop_assert_eq!(foreign_markup(&html, None), Vec::<String>::new(), "{}", html);
        prop_assert_eq!(skeleton(&html), skeleton(&template), "{}", html);
        let shown = visible(&text).into_owned();
        prop_assert_eq!(code_texts(&html), vec![shown; 6], "{}", html);
    }
}

/// A layer whose command, id and comment are pasted text (the comment
/// sometimes a podman `FROM image`, so that image names reach the summary).
fn layer() -> impl Strategy<Value = Layer> {
    (
        prop_oneof![
            pasted(),
            pasted().prop_map(|s| format!("RUN /bin/sh -c {s}"))
        ],
        prop::option::of(pasted()),
        prop_oneof![
            Just(String::new()),
            pasted(),
            pasted().prop_map(|s| format!("FROM {s}"))
        ],
        0u64..5_000_000,
    )
        .prop_map(|(created_by, id, comment, bytes)| Layer {
            created_by,
            id,
            comment,
            size: Some(Size {
                bytes,
                tolerance: 0,
                exact: true,
            }),
            ..Layer::default()
        })
}

fn history() -> impl Strategy<Value = History> {
    (pasted(), prop::collection::vec(layer(), 0..7)).prop_map(|(label, layers)| History {
        label,
        layers,
        ..History::default()
    })
}

/// `c` with every pasted string replaced by a placeholder `P<k>`; `shown[k]`
/// is what the export must show for it.
fn with_placeholders(c: &Comparison) -> (Comparison, Vec<String>) {
    let mut p = c.clone();
    let mut shown = Vec::new();
    let mut swap = |s: &mut String, show: String| {
        if !s.is_empty() {
            *s = format!("P{}", shown.len());
            shown.push(show);
        }
    };
    swap(&mut p.before.label, c.before.label.clone());
    swap(&mut p.after.label, c.after.label.clone());
    for r in &mut p.rows {
        for l in [&mut r.before, &mut r.after].into_iter().flatten() {
            let show = cut_end(&l.instruction, 60);
            swap(&mut l.instruction, show);
        }
    }
    for image in [&mut p.base.before_image, &mut p.base.after_image]
        .into_iter()
        .flatten()
    {
        let show = image.clone();
        swap(image, show);
    }
    let first = match &mut p.base.reason {
        Some(BaseChange::Renamed {
            before,
            after,
            first,
            ..
        }) => {
            for name in [before, after] {
                let show = name.clone();
                swap(name, show);
            }
            first.as_mut()
        }
        Some(BaseChange::OtherRoot { first } | BaseChange::DiffersAbove { first, .. }) => {
            Some(first)
        }
        None => None,
    };
    if let Some(first) = first {
        for side in [&mut first.before, &mut first.after].into_iter().flatten() {
            let show = side.clone();
            swap(side, show);
        }
    }
    (p, shown)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_comparison_of_pasted_text_exports_inert_markdown(b in history(), a in history()) {
        let c = compare(&b, &a);
        let (placeholders, shown) = with_placeholders(&c);
        let html = render(&report::markdown_with_link(&c, LINK));
        let template = render(&report::markdown_with_link(&placeholders, LINK));
        prop_assert!(foreign_markup(&template, Some(LINK)).is_empty(), "{}", template);
        prop_assert_eq!(foreign_markup(&html, Some(LINK)), Vec::<String>::new(), "{}", html);
        prop_assert_eq!(skeleton(&html), skeleton(&template), "{}", html);
        let (got, want) = (code_texts(&html), code_texts(&template));
        prop_assert_eq!(got.len(), want.len());
        for (got, want) in got.iter().zip(&want) {
            let expected = match want.strip_prefix('P').and_then(|k| k.parse::<usize>().ok()) {
                Some(k) => visible(&shown[k]).into_owned(),
                None => want.clone(),
            };
            prop_assert_eq!(got, &expected, "{}", html);
        }
    }
}

#[test]
fn the_issue_payloads_stay_text() {
    for payload in [
        "RUN echo `id` <img src=x onerror=alert(1)> | x",
        "RUN echo </textarea><script>alert(1)</script>",
        "RUN echo <svg onload=alert(1)>",
        "RUN echo <a href=https://evil.example/>x</a>",
    ] {
        let html = render(&document(payload));
        assert_eq!(foreign_markup(&html, None), Vec::<String>::new(), "{html}");
        assert_eq!(code_texts(&html), vec![payload.to_string(); 6], "{html}");
    }
}
