//! Snippets that put a comparison into someone else's page: an `<iframe>` of
//! the read-only view for pages that can frame (a course site, a blog), and
//! for pages that cannot (a GitHub README, a Markdown submission) the chart
//! as an image file the user commits beside the page, linked to the view.
//! Nothing is hosted for the user: the image is a file they download.
//!
//! Both are built from our own words and the link only: no pasted text goes
//! in (labels can hold anything), so a snippet can be pasted into HTML or
//! Markdown as it is. The link is escaped for where it goes: an HTML
//! attribute (`&`, `"`, `<`, `>`, `'` as entities) or a Markdown link
//! destination (through [`markdown::link`]).

use crate::compare::numbers::Total;
use crate::markdown;

/// The name the share box's SVG or PNG export saves the chart under (a
/// path's chart has its own): the Markdown snippet's image points at it.
pub fn chart_file(path: bool, png: bool) -> &'static str {
    match (path, png) {
        (false, false) => "layerdiff-chart.svg",
        (false, true) => "layerdiff-chart.png",
        (true, false) => "layerdiff-path-chart.svg",
        (true, true) => "layerdiff-path-chart.png",
    }
}

/// Our words for the chart, as an image's alt text and a frame's title:
/// every step's total in order (`Sum of layer sizes: ≈ 417 MB → ≈ 316 MB`).
pub fn caption(totals: &[Total]) -> String {
    let totals: Vec<String> = totals.iter().map(|t| t.approx()).collect();
    format!("Sum of layer sizes: {}", totals.join(" → "))
}

/// Height the iframe starts with, in CSS pixels; the view posts its real
/// height to the host page (`{"layerdiff": "height", "height": N}`), which
/// may resize the frame.
pub const IFRAME_HEIGHT: u32 = 520;

/// `<iframe>` HTML that frames `view_url`, titled `title` (our words).
pub fn iframe(view_url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" \
         style=\"border:0;max-width:100%\" loading=\"lazy\" referrerpolicy=\"no-referrer\"></iframe>",
        attribute(view_url),
        attribute(title)
    )
}

/// Markdown of the chart image `image_file` (a path relative to the page
/// that shows it), with `alt` as its text, linked to `view_url`.
pub fn markdown_image(alt: &str, image_file: &str, view_url: &str) -> String {
    let alt: String = alt
        .chars()
        .map(|c| match c {
            '[' | ']' | '\\' | '`' | '<' | '>' | '*' | '_' | '!' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let image = markdown::link(alt.trim(), image_file);
    markdown::link(&format!("!{image}"), view_url)
}

/// `s` as the value of a double-quoted HTML attribute.
fn attribute(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iframe_escapes_the_link_and_title() {
        let html = iframe("https://x.test/a?b=1&c=\"2\"#1abc", "before <b> & after");
        assert!(html.starts_with("<iframe src=\"https://x.test/a?b=1&amp;c=&quot;2&quot;#1abc\""));
        assert!(html.contains("title=\"before &lt;b&gt; &amp; after\""));
        assert!(html.ends_with("></iframe>"));
    }

    #[test]
    fn markdown_image_is_an_image_inside_a_link() {
        let md = markdown_image(
            "417 MB → 316 MB",
            "layerdiff-chart.svg",
            "https://x.test/#1abc",
        );
        assert_eq!(
            md,
            "[![417 MB → 316 MB](layerdiff-chart.svg)](https://x.test/#1abc)"
        );
    }
}
