//! The read-only view: what a link with `view.embed` opens, for a
//! frame in a course page. Only the headline figures and the chart of the
//! compared pair (of a path of three steps or more: each step's figures and
//! the path's chart), the findings and the aligned table of the compared
//! pair when the link asks, no
//! panes, drawn for the width of its container (320 px up). A link "Open in
//! layerdiff" opens the same work in the full editor, in a new tab: the same
//! link with `?edit` (`link::EDIT_QUERY`), which the editor opens with the
//! view flag cleared (`ShareState::as_editor`).
//!
//! Light or dark follows the viewer unless the link fixes it (`view.theme`,
//! as `data-theme` on the root element, which `styles/main.css` honours).
//! Framed, it posts its height to the host page,
//! `{layerdiff: "height", height: N}`, on load and whenever it changes, so
//! the host can size the frame. It reads, saves and requests nothing after
//! load (no storage, no address bar), except, when the link asks for the
//! findings, the page's own second module that reads them (same origin,
//! `extras.rs`).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::components::chart::use_chart_svg;
use crate::components::figures::pair_figures;
use crate::hooks::{use_compared_histories, use_comparison, use_dark_mode};
use crate::insights::{panel, use_insights};
use crate::path::{self, use_path, ByAddress, PathState, PathView};
use crate::{link, state};
use layerdiff_core::app::{pair_view, Action, PairView, ShowChoices};
use layerdiff_core::compare::{Comparison, LayerRef};
use layerdiff_core::model::History;
use layerdiff_core::share::{ShareState, Theme};

/// Props of [`EmbedView`].
#[derive(Properties, PartialEq)]
pub struct EmbedViewProps {
    /// The work the link holds (its `view.embed` is set).
    pub snapshot: Rc<ShareState>,
}

/// The read-only view.
#[component]
pub fn EmbedView(props: &EmbedViewProps) -> Html {
    let snapshot = props.snapshot.clone();
    let state = use_reducer(|| state::restore(&snapshot));
    // No panes, so no parse workers: big texts are read here, once.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            for pane in state.steps.iter().filter(|p| p.is_stale()) {
                state.dispatch(Action::Reparse(pane.id));
            }
        });
    }
    let system_dark = use_dark_mode();
    let theme = props.snapshot.view.theme;
    let dark = theme.map_or(system_dark, |t| t == Theme::Dark);
    use_effect_with(theme, |theme| mark_root(*theme));
    let root = use_node_ref();
    use_height_to_parent(&root);

    // The same link with `?edit`: the editor opens it without the view flag
    // (packing a new link would need the second module).
    let editor_url = use_memo((), |_| {
        let fragment = link::current_fragment().unwrap_or_default();
        format!("{}{}#{fragment}", link::base_url(), link::EDIT_QUERY)
    });
    let (before, after) = use_compared_histories(&state);
    let comparison = use_comparison(before.clone(), after.clone());
    let path = match use_path(&state) {
        PathState::Ready(view) => Some(view),
        _ => None,
    };
    let embed = props.snapshot.view.embed.unwrap_or_default();
    let body = match (comparison, before, after) {
        (Some(c), Some(b), Some(a)) => html! {
            <EmbedBody comparison={c} before={b} after={a} {dark} {path}
                findings={embed.findings} table={embed.table} base_collapsed={props.snapshot.view.base_collapsed} />
        },
        (None, Some(_), Some(_)) => html! { <p class="muted" role="status">{"Comparing…"}</p> },
        _ => {
            html! { <p class="muted" role="status" data-testid="embed-empty">{"This link holds no two histories to compare."}</p> }
        }
    };
    html! {
        <main class="embed-view" ref={root} data-testid="embed-view">
            <h1 class="visually-hidden">{"layerdiff"}</h1>
            <h2 class="visually-hidden">{"A comparison of docker history outputs"}</h2>
            {body}
            <p class="embed-open">
                <a href={(*editor_url).clone()} target="_blank" rel="noopener" data-testid="open-in-layerdiff">
                    {"Open in layerdiff ↗"}</a>
                <span class="muted small">{" the full comparison, editable"}</span>
            </p>
        </main>
    }
}

/// Props of [`EmbedBody`].
#[derive(Properties, PartialEq)]
struct EmbedBodyProps {
    comparison: Rc<Comparison>,
    before: Rc<History>,
    after: Rc<History>,
    dark: bool,
    findings: bool,
    table: bool,
    base_collapsed: bool,
    /// The steps as a path (three or more): its figures and chart are shown.
    path: Option<PathView>,
}

/// The figures, the chart and what the link asks for besides.
#[component]
fn EmbedBody(props: &EmbedBodyProps) -> Html {
    let c = &props.comparison;
    let chart_ref = use_node_ref();
    let width = use_container_width(&chart_ref);
    let sides = (&props.before, &props.after);
    let svg = use_chart_svg(c, sides, props.path.as_ref(), props.dark, width);
    // Newest first, never sorted; the base folded when the link says so.
    let choices = ShowChoices {
        base_collapsed: props.base_collapsed,
        ..ShowChoices::default()
    };
    let view = use_memo((ByAddress(c.clone()), choices), |(c, choices)| {
        pair_view(&c.0, choices)
    });
    // A path: each step's figures, and the compared two named above their
    // findings and table.
    let pair = props
        .path
        .as_ref()
        .filter(|_| props.findings || props.table)
        .map(|v| {
            let (old, new) = v.compared;
            html! { <h3 class="pair-heading">{format!("Step {} → step {}", old + 1, new + 1)}</h3> }
        });
    html! {
        <>
            if let Some(view) = &props.path {
                {path::figures(view)}
            } else {
                {pair_figures(&view.figures, true)}
            }
            <figure class="chart embed-chart" ref={chart_ref} data-testid="chart">
                <div class="chart-box">{Html::from_html_unchecked((*svg).clone())}</div>
            </figure>
            {pair}
            if props.findings {
                <EmbedFindings comparison={c.clone()} before={props.before.clone()} after={props.after.clone()} />
            }
            if props.table {
                {table(c, &view)}
            }
        </>
    }
}

/// The aligned table, read-only: the rows the core shows, in its words.
fn table(c: &Comparison, view: &PairView) -> Html {
    let cell = |l: &Option<LayerRef>, command: &str, size: &str| match l {
        Some(l) => (
            html! { <code title={l.created_by.clone()}>{command.to_string()}</code> },
            // A layer without a size reads "—" here.
            html! { {if l.size.is_some() { size } else { "—" }} },
        ),
        None => (html! { <span class="muted">{"—"}</span> }, html! {}),
    };
    let rows = view.words(c, 0..view.rows.len()).into_iter().map(|words| {
        let row = &c.rows[words.row];
        let (before_cmd, before_size) = cell(&row.before, &words.before, &words.before_size);
        let (after_cmd, after_size) = cell(&row.after, &words.after, &words.after_size);
        html! {
            <tr class={format!("st-{}", words.status_word)} data-status={words.status_word}>
                <td class="status"><span class="st-icon" aria-hidden="true">{words.symbol}</span>{" "}{words.status_word}</td>
                <td class="cmd">{before_cmd}</td><td class="num">{before_size}</td>
                <td class="num">{words.delta}</td>
                <td class="cmd">{after_cmd}</td><td class="num">{after_size}</td>
            </tr>
        }
    });
    html! {
        <div class="table-wrap embed-table">
            <table class="aligned" data-testid="aligned">
                <thead><tr>
                    <th scope="col">{"status"}</th><th scope="col">{"before"}</th><th scope="col" class="num">{"size"}</th>
                    <th scope="col" class="num">{"Δ"}</th><th scope="col">{"after"}</th><th scope="col" class="num">{"size"}</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// Marks the root element as the view (`embed-page`) with the link's
/// colour scheme, if it fixes one.
fn mark_root(theme: Option<Theme>) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.class_list().add_1("embed-page");
    match theme {
        Some(Theme::Dark) => drop(root.set_attribute("data-theme", "dark")),
        Some(Theme::Light) => drop(root.set_attribute("data-theme", "light")),
        None => drop(root.remove_attribute("data-theme")),
    }
}

/// The drawing width for the chart's container, followed as it resizes
/// (never narrower than the chart lays out: 320).
#[hook]
fn use_container_width(node: &NodeRef) -> u32 {
    let width = use_state_eq(|| 640u32);
    {
        let (width, node) = (width.clone(), node.clone());
        use_effect_with((), move |_| {
            let observer = observe(&node, move |px| {
                width.set((px.floor() as u32).clamp(320, 1100))
            });
            move || drop(observer)
        });
    }
    *width
}

/// When framed, posts the view's height to the host page now and whenever it changes.
#[hook]
fn use_height_to_parent(node: &NodeRef) {
    let node = node.clone();
    use_effect_with((), move |_| {
        let observer = framing_parent().and_then(|parent| {
            let element = node.clone();
            observe(&node, move |_| {
                if let Some(e) = element.cast::<web_sys::Element>() {
                    post_height(&parent, e.get_bounding_client_rect().height().ceil());
                }
            })
        });
        move || drop(observer)
    });
}

/// The page that frames this one, if any.
fn framing_parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (JsValue::from(&parent) != JsValue::from(&window)).then_some(parent)
}

fn post_height(parent: &web_sys::Window, height: f64) {
    let message =
        crate::message::object(&[("layerdiff", "height".into()), ("height", height.into())]);
    let _ = parent.post_message(&message, "*");
}

/// A `ResizeObserver` on `node` calling `on_width` with its content width;
/// it stops when the returned guard is dropped.
fn observe(node: &NodeRef, on_width: impl Fn(f64) + 'static) -> Option<Observer> {
    let element = node.cast::<web_sys::Element>()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let entry: Option<web_sys::ResizeObserverEntry> = entries.get(0).dyn_into().ok();
        if let Some(entry) = entry {
            on_width(entry.content_rect().width());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(Observer {
        observer,
        _callback: callback,
    })
}

/// A running `ResizeObserver` and its callback, disconnected when dropped.
struct Observer {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Props of [`EmbedFindings`].
#[derive(Properties, PartialEq)]
struct EmbedFindingsProps {
    comparison: Rc<Comparison>,
    before: Rc<History>,
    after: Rc<History>,
}

/// The findings, when the link asks for them: only then is the second
/// module fetched.
#[component]
fn EmbedFindings(props: &EmbedFindingsProps) -> Html {
    let found = use_insights(
        props.comparison.clone(),
        props.before.clone(),
        props.after.clone(),
    );
    html! { <div data-testid="embed-findings">{panel(&found)}</div> }
}
