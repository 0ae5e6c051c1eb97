//! The share box: the comparison's link with its length (warned above a
//! chat message's 2,000 characters, with a shorter link offered when that
//! fits), a copy button with feedback, the likely secrets found (masked in
//! the link and exports unless the user says otherwise), and the exports
//! (Markdown and JSON with the pair's insights; for a path of three steps or
//! more, the path's Markdown table with the compared pair's insights, the
//! path's JSON and its chart), then the snippets that put it in another page
//! (`snippets.rs`).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::dom::copy_to_clipboard;
use crate::download::{save_svg_as_png, save_text};
use crate::extras;
use crate::link::LinkChoices;
use crate::path::{ByAddress, PathView};
use crate::snippets::Snippets;
use layerdiff_core::export::{prepare, Download, ExportChoices, ExportKind, Shown};
use layerdiff_core::extras::Request;
use layerdiff_core::instruction::Instruction;
use layerdiff_core::model::History;
use layerdiff_core::redact::{find_secrets, Finding};
use layerdiff_core::share::Embed;
use layerdiff_core::text::{cut_end, cut_start};

pub use layerdiff_core::share::pack::CHAT_LIMIT;

/// Props of [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The full link for the current choices; empty until the first one is
    /// packed.
    pub link: AttrValue,
    /// Why there is no link (the panes hold too much to carry), if so.
    #[prop_or_default]
    pub refused: Option<AttrValue>,
    /// The length of the link without ids and times (with the same masking),
    /// when it was packed (only for links over the chat limit).
    pub short_len: Option<usize>,
    /// The link is being packed again for newer panes.
    pub updating: bool,
    /// Packs the fragment for the panes as they are now, with these choices
    /// (to copy a fresh link during an update).
    pub pack_now: Callback<(LinkChoices, Callback<Result<String, String>>)>,
    /// The user's choices.
    pub choices: LinkChoices,
    /// Changes the choices.
    pub on_choices: Callback<LinkChoices>,
    /// The two histories compared (for secrets and exports).
    pub before: Rc<History>,
    /// The after history.
    pub after: Rc<History>,
    /// Dark mode (for the exported chart's colours).
    pub dark: bool,
    /// The steps as a path, when there are three or more (the exports are the path's).
    #[prop_or_default]
    pub path: Option<PathView>,
    /// Packs the read-only view's link (the snippets'), `None` when refused.
    pub pack_view: Callback<(Embed, Callback<Option<String>>)>,
    /// Our words for the chart, for the snippets (`layerdiff_core::embed::caption`).
    pub caption: AttrValue,
}

/// The share box.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let copied = use_state(|| None::<Result<(), String>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    // A path's exports carry every step, so every step's secrets are listed.
    let secrets = {
        let (before, after) = (props.before.clone(), props.after.clone());
        let steps = props.path.as_ref().map(|v| v.histories.clone());
        use_memo((before, after, steps), |(b, a, steps)| match steps {
            Some(steps) => steps.0.iter().map(find_secrets).collect(),
            None => vec![find_secrets(b), find_secrets(a)],
        })
    };
    let n_secrets: usize = secrets.iter().map(Vec::len).sum();
    let len = props.link.chars().count();
    let choices = props.choices;

    let on_copy = {
        let (link, copied, timer) = (current_link(props), copied.clone(), timer.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, timer) = (copied.clone(), timer.clone());
            let shown = move |res: Result<(), String>| {
                copied.set(Some(res));
                let copied = copied.clone();
                *timer.borrow_mut() = Some(Timeout::new(2_500, move || copied.set(None)));
            };
            // Copying while the link is being re-packed copies the current panes.
            link(Callback::from(
                move |url: Result<String, String>| match url {
                    Ok(url) => copy_to_clipboard(&url, shown.clone()),
                    Err(why) => shown(Err(why)),
                },
            ));
        })
    };
    let set_short = props.on_choices.reform(move |_: MouseEvent| LinkChoices {
        short: !choices.short,
        ..choices
    });
    let set_redact = props.on_choices.reform(move |_: Event| LinkChoices {
        redact: !choices.redact,
        ..choices
    });
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });

    let export_note = use_state(|| None::<String>);
    let note = {
        let export_note = export_note.clone();
        Callback::from(move |words: Option<String>| export_note.set(words))
    };
    let exports = export_buttons(props, &note);
    let length_note = if len > CHAT_LIMIT {
        html! {
            <p class="warn" role="status" data-testid="link-warning">
                {"⚠ "}<span data-testid="link-length">{len}</span>{format!(" characters: longer than one chat message (Discord allows {CHAT_LIMIT}).")}
                if let (false, Some(short_len)) = (choices.short, props.short_len.filter(|n| *n <= CHAT_LIMIT)) {
                    {" "}<button type="button" class="primary" onclick={set_short.clone()} data-testid="use-short-link">
                        {format!("Use a shorter link ({short_len} characters, without image ids and times)")}
                    </button>
                } else if let (false, Some(short_len)) = (choices.short, props.short_len) {
                    {format!(" Without image ids and times it would still be {short_len} characters; share the Markdown export instead.")}
                }
            </p>
        }
    } else {
        html! { <p class="muted small"><span data-testid="link-length">{len}</span>{" characters — fits a chat message."}</p> }
    };
    let copy_label = match &*copied {
        None => "Copy link".to_string(),
        Some(Ok(())) => "Copied ✓".to_string(),
        Some(Err(_)) => "Select and copy (Ctrl+C)".to_string(),
    };

    html! {
        <section class="share" aria-labelledby="share-title" data-testid="share">
            <h2 id="share-title">{"Share"}</h2>
            <p class="muted small">{"The link holds the whole comparison in its "}<code>{"#fragment"}</code>{", which browsers never send to a server."}</p>
            if let Some(why) = &props.refused {
                <p class="warn" role="status" data-testid="link-refused">{"No link for these panes: "}{why}{"."}</p>
            } else if props.link.is_empty() {
                <p class="muted" role="status" data-testid="link-packing">{"Packing the link…"}</p>
            } else {
                <div class="link-row">
                    <input type="text" readonly=true value={props.link.clone()} onfocus={select_all}
                        aria-label="Share link" data-testid="share-link" />
                    <button type="button" class="primary" onclick={on_copy} data-testid="copy-link" aria-live="polite">{copy_label}</button>
                </div>
                <p class="link-meta">
                    if props.updating { <span class="muted" data-testid="link-updating">{"updating the link… · "}</span> }
                    <label><input type="checkbox" checked={choices.short} onclick={set_short} data-testid="short-toggle" />{" without image ids and times"}</label>
                </p>
                {length_note}
            }
            if n_secrets > 0 {
                <div class="secrets" role="status" data-testid="secrets">
                    <p><b>{format!("⚠ {n_secrets} likely secret{} in the instructions", if n_secrets == 1 { "" } else { "s" })}</b>
                        {" — "}
                        <label><input type="checkbox" checked={choices.redact} onchange={set_redact} data-testid="redact-toggle" />{" mask them (***) in the link and exports"}</label>
                    </p>
                    <ul>
                        { for secrets.iter().enumerate().flat_map(|(k, found)| {
                            let (name, history) = secret_source(props, k);
                            found.iter().map(move |f| history.map_or_else(Html::default, |h| secret_item(&name, h, f)))
                        }) }
                    </ul>
                </div>
            }
            {exports}
            if let Some(words) = &*export_note {
                <p class="muted small" role="status" data-testid="export-status">{words}</p>
            }
            if props.refused.is_none() && !props.link.is_empty() {
                <Snippets link={props.link.clone()} pack_view={props.pack_view.clone()}
                    caption={props.caption.clone()} path={props.path.is_some()} />
            }
        </section>
    }
}

/// Where the `k`-th list of secrets was found: a step of the path, or the
/// before and after of the pair.
fn secret_source(props: &ShareBarProps, k: usize) -> (String, Option<&History>) {
    match &props.path {
        Some(view) => (format!("step {}", k + 1), view.histories.0.get(k)),
        None if k == 0 => ("before".into(), Some(&*props.before)),
        None => ("after".into(), Some(&*props.after)),
    }
}

/// One found secret, its value highlighted in the command.
fn secret_item(side: &str, history: &History, f: &Finding) -> Html {
    let Some(layer) = history.layers.get(f.layer) else {
        return html! {};
    };
    let text = &layer.created_by;
    let (pre, secret, post) = match (
        text.get(..f.range.start),
        text.get(f.range.clone()),
        text.get(f.range.end..),
    ) {
        (Some(a), Some(b), Some(c)) => (a, b, c),
        _ => (text.as_str(), "", ""),
    };
    let keyword = Instruction::read(text, layer.truncated).keyword.word();
    html! {
        <li>
            <span class="muted">{format!("{side}, layer {} ({}), {}: ", f.layer + 1, keyword.unwrap_or("row"), f.kind.describe())}</span>
            <b>{&f.name}</b>
            <code class="secret-ctx">{cut_start(pre, 31)}<mark>{secret}</mark>{cut_end(post, 31)}</code>
        </li>
    }
}

/// The export buttons: Markdown, JSON, SVG and PNG of what is compared, a
/// pair or a path (masked when the user chose to mask secrets); what each
/// saves is `layerdiff_core::export`'s answer.
fn export_buttons(props: &ShareBarProps, note: &Callback<Option<String>>) -> Html {
    let steps = match &props.path {
        Some(view) => Steps::Path(view.histories.clone(), view.compared),
        None => Steps::Pair(props.before.clone(), props.after.clone()),
    };
    let titles = match steps {
        Steps::Path(..) => (
            "The path as a table (each step's total and change), each neighbour's layers, and the compared pair's insights",
            "The same JSON as `layerdiff compare A B C… --format json`",
        ),
        Steps::Pair(..) => (
            "A summary table and the insights, for a course submission or a PR comment",
            "The same JSON as `layerdiff compare --format json` (with the insights)",
        ),
    };
    let choices = ExportChoices {
        redact: props.choices.redact,
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
    let link = current_link(props);
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
enum Steps {
    Pair(Rc<History>, Rc<History>),
    Path(ByAddress<Vec<History>>, (usize, usize)),
}

impl Steps {
    fn shown(&self) -> Shown<'_> {
        match self {
            Steps::Pair(before, after) => Shown::Pair { before, after },
            Steps::Path(steps, compared) => Shown::Path {
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

/// Gives `done` the link to copy, or that an export points back to: the one
/// shown, or, while it is being packed again for newer panes, one packed for
/// the panes as they are (then later: packing is the second module's).
fn current_link(props: &ShareBarProps) -> impl Fn(Callback<Result<String, String>>) + Clone {
    let (link, updating) = (props.link.clone(), props.updating);
    let (pack_now, choices) = (props.pack_now.clone(), props.choices);
    move |done| {
        if updating {
            pack_now.emit((choices, done));
        } else {
            done.emit(Ok(link.to_string()));
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
