//! The share box's exports: Markdown, JSON, SVG and PNG of what is
//! compared, a pair or a path (masked when the user chose to mask secrets).
//! What each button saves is `layerdiff_core::export`'s answer; a text
//! export is asked of the second module, and a line says it is being made
//! or why it could not be.

use std::rc::Rc;

use yew::prelude::*;

use super::share_bar::LinkSource;
use crate::download::{save_svg_as_png, save_text};
use crate::extras;
use crate::path::{ByAddress, PathView};
use layerdiff_core::export::{prepare, Download, ExportChoices, ExportKind, Shown};
use layerdiff_core::extras::Request;
use layerdiff_core::model::History;

/// What [`use_exports`] shows.
pub struct ExportsProps {
    /// The link an export points back to.
    pub source: LinkSource,
    /// The two histories compared.
    pub before: Rc<History>,
    /// The after history.
    pub after: Rc<History>,
    /// The steps as a path, when there are three or more (the exports are the path's).
    pub path: Option<PathView>,
    /// Dark mode (for the exported chart's colours).
    pub dark: bool,
}

/// The export buttons and the line about the export being made.
#[hook]
pub fn use_exports(props: &ExportsProps) -> Html {
    let export_note = use_state(|| None::<String>);
    let note = {
        let export_note = export_note.clone();
        Callback::from(move |words: Option<String>| export_note.set(words))
    };
    html! {
        <>
            {export_buttons(props, &note)}
            if let Some(words) = &*export_note {
                <p class="muted small" role="status" data-testid="export-status">{words}</p>
            }
        </>
    }
}

/// The export buttons: Markdown, JSON, SVG and PNG of what is compared, a
/// pair or a path (masked when the user chose to mask secrets); what each
/// saves is `layerdiff_core::export`'s answer.
fn export_buttons(props: &ExportsProps, note: &Callback<Option<String>>) -> Html {
    let steps = match &props.path {
        Some(view) => Exported::Path(view.histories.clone(), view.compared),
        None => Exported::Pair(props.before.clone(), props.after.clone()),
    };
    let titles = match steps {
        Exported::Path(..) => (
            "The path as a table (each step's total and change), each neighbour's layers, and the compared pair's insights",
            "The same JSON as `layerdiff compare A B C… --format json`",
        ),
        Exported::Pair(..) => (
            "A summary table and the insights, for a course submission or a PR comment",
            "The same JSON as `layerdiff compare --format json` (with the insights)",
        ),
    };
    let choices = ExportChoices {
        redact: props.source.choices.redact,
        dark: props.dark,
    };
    let save = {
        let note = note.clone();
        move |kind: ExportKind| {
            if let Some(download) = prepare(kind, steps.shown(), choices) {
                save_download(download, &note);
            }
        }
    };
    let link = props.source.get();
    let md = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| {
            let save = save.clone();
            link(Callback::from(move |url: Result<String, String>| {
                save(ExportKind::Markdown {
                    link: url.unwrap_or_default(),
                })
            }));
        })
    };
    let json = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| save(ExportKind::Json))
    };
    let svg = {
        let save = save.clone();
        Callback::from(move |_: MouseEvent| save(ExportKind::Svg))
    };
    let png = Callback::from(move |_: MouseEvent| save(ExportKind::Png));
    let buttons = ExportButtons { md, json, svg, png };
    buttons.html(titles.0, titles.1)
}

/// What is exported, as the page holds it: the pair compared, or the path's
/// steps and the two it compares.
#[derive(Clone)]
enum Exported {
    Pair(Rc<History>, Rc<History>),
    Path(ByAddress<Vec<History>>, (usize, usize)),
}

impl Exported {
    fn shown(&self) -> Shown<'_> {
        match self {
            Exported::Pair(before, after) => Shown::Pair { before, after },
            Exported::Path(steps, compared) => Shown::Path {
                steps: &steps.0,
                compared: *compared,
            },
        }
    }
}

/// Saves one prepared export: asks the second module for a text export,
/// saves a chart as drawn.
fn save_download(download: Download, note: &Callback<Option<String>>) {
    match download {
        Download::Ask {
            request,
            file,
            mime,
        } => save_answer(&request, mime, file, note),
        Download::Text { text, file, mime } => save_text(file, mime, &text),
        Download::Png {
            svg,
            width,
            height,
            scale,
            file,
        } => save_svg_as_png(file, &svg, width, height, scale, |_| ()),
    }
}

/// The four export buttons' actions, for a pair or a path.
struct ExportButtons {
    md: Callback<MouseEvent>,
    json: Callback<MouseEvent>,
    svg: Callback<MouseEvent>,
    png: Callback<MouseEvent>,
}

impl ExportButtons {
    /// The row of buttons; the Markdown's and the JSON's tooltips say what they hold.
    fn html(self, md_title: &'static str, json_title: &'static str) -> Html {
        let ExportButtons { md, json, svg, png } = self;
        html! {
            <div class="exports" role="group" aria-label="Export">
                <span class="muted small">{"Export: "}</span>
                <button type="button" onclick={md} data-testid="export-markdown" title={md_title}>{"Markdown"}</button>
                <button type="button" onclick={json} data-testid="export-json" title={json_title}>{"JSON"}</button>
                <button type="button" onclick={svg} data-testid="export-svg">{"SVG chart"}</button>
                <button type="button" onclick={png} data-testid="export-png">{"PNG chart"}</button>
            </div>
        }
    }
}

/// Asks the second module for a text export (`request`) and saves the answer
/// as `file`; `note` says it is being made, or why it could not be.
fn save_answer(
    request: &Request,
    mime: &'static str,
    file: &'static str,
    note: &Callback<Option<String>>,
) {
    note.emit(Some(format!("Making {file}…")));
    let note = note.clone();
    extras::ask_text(request, move |answer| match answer {
        Ok(text) => {
            save_text(file, mime, &text);
            note.emit(None);
        }
        Err(why) => note.emit(Some(format!("{file} could not be made: {why}."))),
    });
}
