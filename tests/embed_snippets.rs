//! The share box's snippets, put through a Markdown renderer and an HTML
//! reading as a host page would: the Markdown snippet must render as an image
//! linked to the view (issue 12), whatever the link and the words hold.

mod common;

use common::demo_work;
use layerdiff::core::compare::compare;
use layerdiff::core::embed::{caption, chart_file, iframe, markdown_image};
use layerdiff::core::parse::parse;
use layerdiff::core::share::{self, Embed, EncodeOptions};
use pulldown_cmark::{html, Options, Parser};

fn render(md: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(md, Options::all()));
    out
}

#[test]
fn markdown_snippet_renders_as_an_image_linked_to_the_view() {
    let cases = [
        (
            "https://me.github.io/layerdiff/#1AbC-_x?y",
            "417 MB → 316 MB (−101 MB)",
        ),
        // A sub-path with spaces and brackets, and words with Markdown in them.
        (
            "https://host.test/my site (copy)/index.html#2xyz",
            "a [b](c) *d* `e` <img src=x>",
        ),
    ];
    for (url, alt) in cases {
        let md = markdown_image(alt, "layerdiff-chart.svg", url);
        let html = render(&md);
        let want_href = url
            .replace(' ', "%20")
            .replace('(', "%28")
            .replace(')', "%29");
        assert!(
            html.starts_with(&format!(
                "<p><a href=\"{want_href}\"><img src=\"layerdiff-chart.svg\" alt=\""
            )),
            "{md}\n→ {html}"
        );
        assert!(html.trim_end().ends_with("/></a></p>"), "{html}");
        assert_eq!(html.matches("<a ").count(), 1, "one link: {html}");
        assert_eq!(html.matches("<img ").count(), 1, "one image: {html}");
    }
}

#[test]
fn iframe_snippet_is_one_element_with_the_view_link() {
    let url = "https://me.github.io/layerdiff/?a=1&b=2#2xyz";
    let snippet = iframe(url, "layerdiff: \"before\" → <after>");
    assert_eq!(
        snippet.matches('<').count(),
        2,
        "only <iframe> and </iframe>: {snippet}"
    );
    let src = snippet
        .split("src=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a src attribute");
    assert_eq!(src.replace("&amp;", "&"), url);
}

/// Where the page is, in the snippet fixture (the e2e test puts its own).
const BASE: &str = "https://layerdiff.invalid/base/";

/// The Markdown snippet the share box offers for the demo, with [`BASE`]
/// for the page's address: `tests/e2e/embed.test.mjs` checks the share box
/// shows exactly this (its base put in). Written when missing or with
/// `LAYERDIFF_BLESS=1`.
#[test]
fn the_demo_markdown_snippet_renders_as_its_chart_linked_to_its_view() {
    let work = demo_work();
    let histories: Vec<_> = work
        .steps
        .iter()
        .map(|s| parse(&s.text).histories.remove(0))
        .collect();
    let c = compare(&histories[0], &histories[1]);
    let alt = caption(&[c.before.total, c.after.total]);
    assert_eq!(alt, "Sum of layer sizes: ≈ 417 MB → ≈ 316 MB");
    // The share box masks secrets by default (the demo has none to mask).
    let options = EncodeOptions {
        redact: true,
        ..EncodeOptions::default()
    };
    let fragment = share::link(&work.as_embed(false, false), &options).expect("packs");
    let image = chart_file(false, false);
    let made = markdown_image(&alt, image, &format!("{BASE}#{fragment}"));

    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures/demo-snippet.md");
    if !path.exists() || std::env::var_os("LAYERDIFF_BLESS").is_some() {
        std::fs::write(&path, format!("{made}\n")).unwrap();
    }
    let fixture = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixture.trim_end(),
        made,
        "the page would show another snippet than the fixture (LAYERDIFF_BLESS=1 rewrites it)"
    );

    // Published under a GitHub Pages project site, rendered as GitHub would.
    let base = "https://me.github.io/layerdiff/";
    let html = render(&made.replace(BASE, base));
    assert_eq!(
        html.trim_end(),
        format!(
            "<p><a href=\"{base}#{fragment}\"><img src=\"layerdiff-chart.svg\" alt=\"{alt}\" /></a></p>"
        )
    );
    // The link is the demo's read-only view.
    let opened = share::open(&fragment).expect("the view link opens");
    assert_eq!(opened.view.embed, Some(Embed::default()));
    assert_eq!(opened.steps.len(), 2);
    assert!(opened.view.base_collapsed);
}
