//! The snippets for a packed view link: with the findings or the table, PNG
//! or SVG, and each snippet's text (`core::embed`'s words) with its copy
//! button (`snippet.rs`).

use yew::prelude::*;

use crate::core::embed::{chart_file, iframe, markdown_image};
use crate::core::share::Embed;
use crate::ui::components::snippet::{snippet, Copied};

/// Props of [`ViewSnippets`].
#[derive(Properties, PartialEq)]
pub struct ViewSnippetsProps {
    /// The read-only view's link.
    pub url: AttrValue,
    /// Our words for the chart (`core::embed::caption`).
    pub caption: AttrValue,
    /// The steps make a path (the chart export has another name).
    pub path: bool,
    /// What the view shows besides the chart.
    pub embed: UseStateHandle<Embed>,
    /// The Markdown's image is a PNG (else an SVG).
    pub png: UseStateHandle<bool>,
    /// Which snippet was just copied.
    pub copied: UseStateHandle<Option<Copied>>,
}

/// The view link, the iframe and the Markdown image, with their choices.
#[component]
pub fn ViewSnippets(props: &ViewSnippetsProps) -> Html {
    let (url, embed, png) = (props.url.as_str(), &props.embed, &props.png);
    let image = chart_file(props.path, **png);
    let snippets = [
        ("view-link", "Read-only view", url.to_string()),
        (
            "snippet-iframe",
            "HTML, for a page that can frame it",
            iframe(url, &props.caption),
        ),
        (
            "snippet-markdown",
            "Markdown, for a README or a submission",
            markdown_image(&props.caption, image, url),
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
            { for snippets.into_iter().map(|(id, name, text)| snippet(id, name, text, &props.copied)) }
            <p class="muted small" data-testid="snippet-note">
                {"The Markdown shows the chart as an image file: download it with the "}
                <b>{if **png { "PNG chart" } else { "SVG chart" }}</b>
                {" button above and commit it as "}<code>{image}</code>
                {" next to the Markdown file. The image links to the read-only view."}
            </p>
        </div>
    }
}
