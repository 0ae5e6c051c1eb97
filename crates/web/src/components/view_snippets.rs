//! The snippets for a packed view link: with the findings or the table, PNG
//! or SVG, and each snippet's text (`layerdiff_core::embed`'s words) with its copy
//! button (`snippet.rs`).

use yew::prelude::*;

use crate::components::snippet::{snippet, Copied};
use layerdiff_core::embed::{chart_file, iframe, markdown_image};
use layerdiff_core::share::Embed;

/// What the snippets show and remember (kept by `snippets.rs` while the
/// view link is packed again).
pub struct SnippetChoices<'a> {
    /// What the view shows besides the chart.
    pub embed: &'a UseStateHandle<Embed>,
    /// The Markdown's image is a PNG (else an SVG).
    pub png: &'a UseStateHandle<bool>,
    /// Which snippet was just copied.
    pub copied: &'a UseStateHandle<Option<Copied>>,
}

/// The view link `url`, the iframe and the Markdown image, with their
/// choices; `caption` is our words for the chart, `path` whether the steps
/// make a path (the chart export has another name).
pub fn view_snippets(url: &str, caption: &str, path: bool, choices: SnippetChoices) -> Html {
    let SnippetChoices { embed, png, copied } = choices;
    let image = chart_file(path, **png);
    let snippets = [
        ("view-link", "Read-only view", url.to_string()),
        (
            "snippet-iframe",
            "HTML, for a page that can frame it",
            iframe(url, caption),
        ),
        (
            "snippet-markdown",
            "Markdown, for a README or a submission",
            markdown_image(caption, image, url),
        ),
    ];
    let set = |flip: fn(Embed) -> Embed| {
        let embed = embed.clone();
        Callback::from(move |_: Event| embed.set(flip(*embed)))
    };
    let set_png = {
        let png = png.clone();
        Callback::from(move |_: Event| png.set(!*png))
    };
    html! {
        <div class="snippets" id="snippets">
            <p class="link-meta">
                <label><input type="checkbox" checked={embed.findings} data-testid="view-findings"
                    onchange={set(|e| Embed { findings: !e.findings, ..e })} />{" with the findings"}</label>
                {" "}
                <label><input type="checkbox" checked={embed.table} data-testid="view-table"
                    onchange={set(|e| Embed { table: !e.table, ..e })} />{" with the table"}</label>
                {" "}
                <label><input type="checkbox" checked={**png} onchange={set_png} data-testid="snippet-png" />{" PNG image (else SVG)"}</label>
            </p>
            { for snippets.into_iter().map(|(id, name, text)| snippet(id, name, text, copied)) }
            <p class="muted small" data-testid="snippet-note">
                {"The Markdown shows the chart as an image file: download it with the "}
                <b>{if **png { "PNG chart" } else { "SVG chart" }}</b>
                {" button above and commit it as "}<code>{image}</code>
                {" next to the Markdown file. The image links to the read-only view."}
            </p>
        </div>
    }
}
