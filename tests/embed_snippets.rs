//! The share box's snippets, put through a Markdown renderer and an HTML
//! reading as a host page would: the Markdown snippet must render as an image
//! linked to the view, whatever the link and the words hold.

mod common;
mod snapshots;

use layerdiff_core::embed::{iframe, markdown_image};
use layerdiff_core::share::{self, Embed};
use pulldown_cmark::{html, Options, Parser};
use snapshots::{demo_markdown_snippet, SNIPPET_BASE};

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

/// The Markdown snippet the share box offers for the demo, with
/// `SNIPPET_BASE` for the page's address: `tests/e2e/embed.test.mjs` checks
/// the share box shows exactly what `tests/e2e/fixtures/demo-snippet.md`
/// holds (its base put in), and this test that the file is what the code
/// makes. Written by `cargo run --example write_snapshots -- demo-snippet`,
/// never by a test.
#[test]
fn the_demo_markdown_snippet_renders_as_its_chart_linked_to_its_view() {
    let (made, alt, fragment) = demo_markdown_snippet();
    assert_eq!(alt, "Sum of layer sizes: ≈ 417 MB → ≈ 316 MB");
    if let Err(e) = snapshots::demo_snippet().check() {
        panic!("the page would show another snippet than the browser test expects: {e}");
    }

    // Published under a GitHub Pages project site, rendered as GitHub would.
    let base = "https://me.github.io/layerdiff/";
    let html = render(&made.replace(SNIPPET_BASE, base));
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
