//! The share box's snippets, put through a Markdown renderer and an HTML
//! reading as a host page would: the Markdown snippet must render as an image
//! linked to the view (issue 12), whatever the link and the words hold.

use layerdiff::core::embed::{iframe, markdown_image};
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
