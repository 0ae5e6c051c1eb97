//! The share box: the comparison's link with its length (warned above a
//! chat message's 2,000 characters, with a shorter link offered when that
//! fits), a copy button with feedback, the likely secrets found (masked in
//! the link and exports unless the user says otherwise), and the exports
//! (Markdown and JSON with the pair's insights; for a path of three steps or
//! more, the path's Markdown table with the compared pair's insights, the
//! path's JSON and its chart), then the snippets that put it in another page
//! (`ui/snippets.rs`).

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::core::chart::{chart_data, path_svg, render_svg, ChartOptions};
use crate::core::compare::compare;
use crate::core::compare::path::compare_path;
use crate::core::extras::Request;
use crate::core::instruction::Instruction;
use crate::core::model::History;
use crate::core::redact::{find_secrets, mask, Finding};
use crate::core::share::Embed;
use crate::core::text::{cut_end, cut_start};
use crate::ui::download::{save_svg_as_png, save_text};
use crate::ui::extras;
use crate::ui::link::LinkChoices;
use crate::ui::path::PathView;
use crate::ui::snippets::Snippets;

pub use crate::core::share::pack::CHAT_LIMIT;

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
    /// Our words for the chart, for the snippets (`core::embed::caption`).
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
    let exports = match &props.path {
        Some(view) => path_export_buttons(view, props, &note),
        None => export_buttons(props, &note),
    };
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

/// The export buttons: Markdown, JSON, SVG and PNG of what is compared
/// (masked when the user chose to mask secrets).
fn export_buttons(props: &ShareBarProps, note: &Callback<Option<String>>) -> Html {
    let prepared = {
        let (before, after, redact, dark) = (
            props.before.clone(),
            props.after.clone(),
            props.choices.redact,
            props.dark,
        );
        move || {
            let (b, a) = if redact {
                (
                    mask(&before, &find_secrets(&before)),
                    mask(&after, &find_secrets(&after)),
                )
            } else {
                ((*before).clone(), (*after).clone())
            };
            let c = compare(&b, &a);
            let options = ChartOptions {
                dark,
                ..ChartOptions::default()
            };
            (b, a, c, options)
        }
    };
    let link = current_link(props);
    let md = {
        let (prepared, note) = (prepared.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (before, after, _, _) = prepared();
            let note = note.clone();
            link(Callback::from(move |url: Result<String, String>| {
                let request = Request::PairMarkdown {
                    before: before.clone(),
                    after: after.clone(),
                    link: url.unwrap_or_default(),
                };
                save_answer(&request, MARKDOWN, "layerdiff-comparison.md", &note);
            }));
        })
    };
    let json = {
        let (prepared, note) = (prepared.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let (before, after, _, _) = prepared();
            let request = Request::PairJson { before, after };
            save_answer(&request, JSON, "layerdiff-comparison.json", &note);
        })
    };
    let svg = {
        let prepared = prepared.clone();
        Callback::from(move |_: MouseEvent| {
            let (b, a, c, options) = prepared();
            save_text(
                "layerdiff-chart.svg",
                "image/svg+xml",
                &render_svg(&chart_data(&c, &b, &a), &options),
            );
        })
    };
    let png = Callback::from(move |_: MouseEvent| {
        let (b, a, c, options) = prepared();
        let svg = render_svg(&chart_data(&c, &b, &a), &options);
        save_svg_as_png(
            "layerdiff-chart.png",
            &svg,
            options.width,
            options.height,
            2.0,
            |_| (),
        );
    });
    let buttons = ExportButtons { md, json, svg, png };
    buttons.html(
        "A summary table and the insights, for a course submission or a PR comment",
        "The same JSON as `layerdiff compare --format json` (with the insights)",
    )
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

/// The histories as exported: masked when the user chose to mask secrets.
fn exported(history: &History, redact: bool) -> History {
    if redact {
        mask(history, &find_secrets(history))
    } else {
        history.clone()
    }
}

/// The export buttons of a path: the path's Markdown (its table, each
/// neighbour's, then the compared pair's insights), its JSON and its chart.
fn path_export_buttons(
    view: &PathView,
    props: &ShareBarProps,
    note: &Callback<Option<String>>,
) -> Html {
    let prepared = {
        let (histories, (old, new)) = (view.histories.clone(), view.compared);
        let (redact, dark) = (props.choices.redact, props.dark);
        move || {
            let steps: Vec<History> = histories.0.iter().map(|h| exported(h, redact)).collect();
            let options = ChartOptions {
                dark,
                ..ChartOptions::default()
            };
            PathExport {
                steps,
                compared: (old, new),
                options,
            }
        }
    };
    let link = current_link(props);
    let md = {
        let (prepared, note) = (prepared.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let e = prepared();
            let (before_step, after_step) = e.compared;
            let note = note.clone();
            link(Callback::from(move |url: Result<String, String>| {
                let request = Request::PathMarkdown {
                    steps: e.steps.clone(),
                    before_step,
                    after_step,
                    link: url.unwrap_or_default(),
                };
                save_answer(&request, MARKDOWN, "layerdiff-path.md", &note);
            }));
        })
    };
    let json = {
        let (prepared, note) = (prepared.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let steps = prepared().steps;
            save_answer(
                &Request::PathJson { steps },
                JSON,
                "layerdiff-path.json",
                &note,
            );
        })
    };
    let svg = {
        let prepared = prepared.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(svg) = prepared().svg() else { return };
            save_text("layerdiff-path-chart.svg", "image/svg+xml", &svg);
        })
    };
    let png = Callback::from(move |_: MouseEvent| {
        let e = prepared();
        let Some(svg) = e.svg() else { return };
        let (w, h) = (e.options.width, e.options.height);
        save_svg_as_png("layerdiff-path-chart.png", &svg, w, h, 2.0, |_| ());
    });
    let buttons = ExportButtons { md, json, svg, png };
    buttons.html(
        "The path as a table (each step's total and change), each neighbour's layers, and the compared pair's insights",
        "The same JSON as `layerdiff compare A B C… --format json`",
    )
}

const MARKDOWN: &str = "text/markdown;charset=utf-8";
const JSON: &str = "application/json";

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

/// What a path's exports are made of (masked as chosen).
struct PathExport {
    steps: Vec<History>,
    compared: (usize, usize),
    options: ChartOptions,
}

impl PathExport {
    fn refs(&self) -> Vec<&History> {
        self.steps.iter().collect()
    }

    /// The path's chart at the exports' size.
    fn svg(&self) -> Option<String> {
        let steps = self.refs();
        let p = compare_path(&steps).ok()?;
        Some(path_svg(&p, &steps, &self.options))
    }
}

/// Copies `text` and calls `done` with the outcome: Err when the browser
/// refuses (no clipboard API, insecure context, permission denied), so the UI
/// can ask the user to copy by hand from the selected field.
pub fn copy_to_clipboard(text: &str, done: impl Fn(Result<(), String>) + 'static) {
    // One body for every caller (its closures are big in the wasm).
    copy_with(text, Rc::new(done));
}

fn copy_with(text: &str, done: Rc<dyn Fn(Result<(), String>)>) {
    let Some(window) = web_sys::window() else {
        return done(Err("no window".into()));
    };
    let promise = window.navigator().clipboard().write_text(text);
    let on_ok = {
        let done = done.clone();
        Closure::once(move |_: JsValue| done(Ok(())))
    };
    let on_err = Closure::once(move |e: JsValue| {
        done(Err(e.as_string().unwrap_or_else(|| "refused".into())))
    });
    let _ = promise.then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}
