//! The comparison view: headline numbers, the chart (before | after columns
//! with bands, and the waterfall), an inspector for the focused layer, and the
//! aligned table. Hover or keyboard focus on a layer, in the chart or the
//! table, highlights it and its partner and shows its full command, size and
//! rounding range in the inspector.
//!
//! A path of three steps or more (`ui/path.rs`) shows each step's figures
//! and the path's chart (one column per step) instead, and below them the
//! figures and table of the two compared steps.
//!
//! The chart is an SVG string drawn by `core::chart` at the size the core
//! gives the width it gets (`ChartOptions::fitting`); its overlay elements
//! carry `data-rows`, so highlighting is a CSS class toggled on every element
//! that names the focused row, in the chart and in the table alike (how a
//! path's chart names the table's rows: `ui/path_chart.rs`).
//!
//! Below the table, the insights panel (`ui/insights.rs`); its badges mark
//! the chart segments and table rows of each finding's layer.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::chart::{chart_data, path_svg, render_svg, ChartOptions, DEFAULT_WIDTH};
use crate::core::compare::numbers::plus_minus;
use crate::core::compare::table::{self, TableRow};
use crate::core::compare::{Comparison, LayerRef, Row, SortBy, Status};
use crate::core::layer_link::{locate, of_row, Located};
use crate::core::model::History;
use crate::core::share::{LayerAt, StepPair};
use crate::ui::insights::{badge, chart_badges, panel, use_badge_tip, use_insights, PageInsights};
use crate::ui::layer_link::{
    focus_inspector_button, linked_note, step_layer_details, step_layer_of, use_chart_mark,
    use_linked, use_scroll_to_linked, RowLayer, LINKED,
};
use crate::ui::layer_table::ROW_PX;
use crate::ui::path::{self, ByAddress, PathState, PathView};
use crate::ui::path_chart::{set_highlight, ChartRows};
use crate::ui::perf::PerfMark;
use crate::ui::windowed::{spacer_row, use_window};

/// Props of [`ComparisonView`].
#[derive(Properties, PartialEq)]
pub struct ComparisonViewProps {
    /// The aligned comparison.
    pub comparison: Rc<Comparison>,
    /// The before history (for the chart's labels).
    pub before: Rc<History>,
    /// The after history.
    pub after: Rc<History>,
    /// Whether the page is in dark mode (the SVG carries its own colours).
    pub dark: bool,
    /// Sort the table by Δ.
    pub sort_by_delta: bool,
    /// Fold the shared base block.
    pub base_collapsed: bool,
    /// Toggle sorting by Δ.
    pub on_toggle_sort: Callback<()>,
    /// Fold or unfold the base block.
    pub on_toggle_base: Callback<()>,
    /// The steps as a path (three or more), when they make one.
    #[prop_or_default]
    pub path: PathState,
    /// The positions of the two compared steps (the older image, then the newer).
    pub compared: StepPair,
    /// The layer a link points at: highlighted, scrolled to, its details open.
    #[prop_or_default]
    pub focus: Option<LayerAt>,
    /// Stops pointing at the linked layer.
    pub on_clear_focus: Callback<()>,
    /// Copies a link to this layer ("copy link to this layer").
    pub on_copy_layer: Callback<LayerAt>,
}

/// The comparison section.
#[component]
pub fn ComparisonView(props: &ComparisonViewProps) -> Html {
    let focused = use_state(|| None::<usize>);
    // A clicked (or Enter-ed) chart element keeps the inspector while the
    // pointer crosses the chart to its "copy link" buttons.
    let pinned = use_state_eq(|| false);
    // A selected layer of a path's step the table does not compare.
    let picked = use_state_eq(|| None::<LayerAt>);
    let chart_ref = use_node_ref();
    let table_ref = use_node_ref();
    let c = &props.comparison;

    // The chart is drawn for the width it gets (a phone gets a narrower
    // layout rather than a shrunken wide one); redrawn when the window resizes.
    let width = use_state(|| DEFAULT_WIDTH);
    {
        let (width, chart_ref) = (width.clone(), chart_ref.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = chart_ref.cast::<web_sys::Element>() {
                    let w = el.client_width();
                    if w > 0 {
                        // the box's own width: the drawing is made for it
                        // clamped (`ChartOptions::fitting`), the badges sized by it
                        width.set(w as u32);
                    }
                }
            };
            measure();
            let listener = web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    let shown_path = match &props.path {
        PathState::Ready(view) => Some(view.clone()),
        _ => None,
    };
    let svg = {
        let drawn = shown_path
            .as_ref()
            .map(|v| (v.path.clone(), v.histories.clone()));
        let key = (
            ByAddress(props.comparison.clone()),
            props.before.clone(),
            props.after.clone(),
            drawn,
            props.dark,
            ChartOptions::fitting(*width, false).width,
        );
        use_memo(key, |(c, b, a, drawn, dark, width)| {
            let _mark = PerfMark::start("layerdiff:chart");
            let options = ChartOptions::fitting(*width, *dark);
            let svg = match drawn {
                Some((path, histories)) => {
                    let steps: Vec<&History> = histories.0.iter().collect();
                    path_svg(&path.0, &steps, &options)
                }
                None => render_svg(&chart_data(&c.0, b, a), &options),
            };
            AttrValue::from(svg)
        })
    };
    let chart_rows = ChartRows::of(shown_path.as_ref());
    let linked = {
        let histories = shown_path.as_ref().map(|v| v.histories.clone());
        let waiting = matches!(props.path, PathState::Pending);
        let key = (props.focus, ByAddress(c.clone()), props.compared, histories);
        use_memo(key, move |(focus, c, compared, histories)| {
            let layers = |step: usize| histories.as_ref()?.0.get(step).map(|h| h.layers.len());
            let found = focus.map(|at| locate(at, &c.0, *compared, layers));
            // A layer of another step waits for the path to be compared.
            found.filter(|f| !(waiting && f.is_err()))
        })
    };
    use_linked(&linked, props.focus, &focused, &pinned, &picked);

    let found = use_insights(c.clone(), props.before.clone(), props.after.clone());
    // The chart's badges and the findings panel, built once per drawing.
    let compared = shown_path.as_ref().map(|v| v.compared);
    let insights = use_memo(
        (svg.clone(), found.clone(), compared, *width),
        |(svg, found, compared, box_px)| {
            (
                found
                    .ready()
                    .map(|f| chart_badges(svg, f, *compared, f64::from(*box_px)))
                    .unwrap_or_default(),
                panel(found),
            )
        },
    );
    let (section_ref, tip) = use_badge_tip();

    // Highlight every element (chart overlay, table rows) naming the focused row.
    {
        let (chart_ref, table_ref) = (chart_ref.clone(), table_ref.clone());
        let key = (*focused, svg.clone(), chart_rows, ByAddress(c.clone()));
        use_effect_with(key, move |(row, _, chart_rows, c)| {
            if let Some(root) = chart_ref.cast::<web_sys::Element>() {
                let selector = row.map(|r| chart_rows.chart_selector(r, &c.0));
                set_highlight(&root, selector.as_deref());
            }
            if let Some(root) = table_ref.cast::<web_sys::Element>() {
                let selector = row.map(|r| format!("[data-rows~=\"{r}\"]"));
                set_highlight(&root, selector.as_deref());
            }
        });
    }

    let on_chart_pointer = {
        let (focused, c, pinned) = (focused.clone(), c.clone(), *pinned);
        Callback::from(move |e: MouseEvent| {
            if let Some(row) = chart_rows.row_of_target(e.target(), &c).filter(|_| !pinned) {
                focused.set(Some(row));
            }
        })
    };
    let on_chart_focus = {
        let (focused, c, pinned) = (focused.clone(), c.clone(), pinned.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some(row) = chart_rows.row_of_target(e.target(), &c) {
                focused.set(Some(row));
                pinned.set(false);
            }
        })
    };
    // A click, or Enter/Space on a focused segment, selects it: the
    // inspector keeps it, and the keyboard goes on to its "copy link" button.
    let on_chart_select = {
        let (focused, c, pinned, picked) =
            (focused.clone(), c.clone(), pinned.clone(), picked.clone());
        let histories = shown_path.as_ref().map(|v| v.histories.clone());
        move |target: Option<web_sys::EventTarget>| {
            let row = chart_rows.row_of_target(target.clone(), &c);
            let other = row
                .is_none()
                .then(|| step_layer_of(target, histories.as_ref()))
                .flatten();
            if row.is_some() {
                focused.set(row);
            }
            picked.set(other);
            pinned.set(row.is_some() || other.is_some());
            row.is_some() || other.is_some()
        }
    };
    let on_chart_click = {
        let select = on_chart_select.clone();
        Callback::from(move |e: MouseEvent| {
            select(e.target());
        })
    };
    let on_chart_key = Callback::from(move |e: KeyboardEvent| {
        // Only the chart's own elements: a badge is a button of its own.
        let in_overlay = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".ld-overlay").ok().flatten())
            .is_some();
        if !in_overlay || !matches!(e.key().as_str(), "Enter" | " ") {
            return;
        }
        if on_chart_select(e.target()) {
            e.prevent_default();
            // After the inspector shows the selected layer.
            gloo::timers::callback::Timeout::new(0, focus_inspector_button).forget();
        }
    });
    let on_copy_row = {
        let (c, compared, copy) = (c.clone(), props.compared, props.on_copy_layer.clone());
        Callback::from(move |RowLayer { row, after }: RowLayer| {
            if let Some(at) = of_row(&c, compared, row, after) {
                copy.emit(at);
            }
        })
    };

    let linked_row = match *linked {
        Some(Ok(Located::Row(row))) => Some(row),
        _ => None,
    };
    let order = c.row_order(if props.sort_by_delta {
        SortBy::Magnitude
    } else {
        SortBy::Position
    });
    let n_base = c.rows.iter().filter(|r| r.in_base).count();
    // Newest first reads like docker history; the base block sits at the bottom.
    let mut shown: Vec<usize> = order
        .into_iter()
        // The linked layer's row is shown even in a folded base.
        .filter(|&i| !(props.base_collapsed && c.rows[i].in_base) || linked_row == Some(i))
        .collect();
    if !props.sort_by_delta {
        shown.reverse();
    }
    // A long table is windowed (`ui/windowed.rs`): the rows near the visible ones.
    let (window, on_scroll) = use_window(shown.len(), ROW_PX);
    let onscroll =
        on_scroll.reform(|e: Event| e.target_unchecked_into::<web_sys::Element>().scroll_top());
    let partial = window.is_partial();
    // The words of the rows shown, from the core's one rendering of a row.
    let rows = shown[window.start..window.end].iter().filter_map(|&i| {
        let words = table::table_row(c, i, 0)?;
        let events = RowEvents {
            focused: &focused,
            pinned: &pinned,
            on_copy: &on_copy_row,
            linked: linked_row == Some(i),
            layer: of_row(c, props.compared, i, true),
        };
        Some(table_row(&words, &c.rows[i], events, found.ready()))
    });
    let toggle_sort = props.on_toggle_sort.reform(|_: MouseEvent| ());
    let toggle_base = props.on_toggle_base.reform(|_: MouseEvent| ());
    // The linked layer: marked in the chart, its row scrolled to once.
    use_chart_mark(
        &chart_ref,
        &linked,
        (svg.clone(), chart_rows, ByAddress(c.clone())),
    );
    let linked_at = shown.iter().position(|&i| Some(i) == linked_row);
    use_scroll_to_linked(&table_ref, linked_at.map(|at| (at, *width)));

    html! {
        <section class="comparison" aria-labelledby="cmp-title" data-testid="comparison" ref={section_ref}>
            <h2 id="cmp-title">{"Comparison"}</h2>
            if let Some(view) = &shown_path {
                {path::figures(view)}
            } else {
                {path::note(&props.path)}
                {figures(c)}
            }
            {linked_note(&linked, props.focus, c, &props.on_clear_focus)}
            <div class="chart-and-inspector">
                <figure class="chart" ref={chart_ref} data-testid="chart" onclick={on_chart_click} onkeydown={on_chart_key}
                    onmouseover={on_chart_pointer.clone()} onfocusin={on_chart_focus.clone()}>
                    <div class="chart-box">{Html::from_html_unchecked((*svg).clone())}{insights.0.clone()}</div>
                    <figcaption class="muted">{if shown_path.is_some() { PATH_CAPTION } else { PAIR_CAPTION }}</figcaption>
                </figure>
                {match (*picked).filter(|_| *pinned).zip(shown_path.as_ref()) {
                    Some((at, view)) => step_layer_details(at, view, &props.on_copy_layer),
                    None => inspector(c, *focused, &on_copy_row),
                }}
            </div>
            if let Some(view) = &shown_path {
                {pair_heading(view)}
                {figures(c)}
            }
            <div class="table-tools">
                <button type="button" onclick={toggle_sort} aria-pressed={props.sort_by_delta.to_string()} data-testid="sort-delta">
                    { if props.sort_by_delta { "Sorted by |Δ| — show in order" } else { "Sort by Δ" } }
                </button>
                if n_base > 0 {
                    <button type="button" onclick={toggle_base} aria-expanded={(!props.base_collapsed).to_string()} data-testid="toggle-base">
                        { if props.base_collapsed { format!("Show the {n_base} base image layers") } else { format!("Fold the {n_base} base image layers") } }
                    </button>
                }
                {legend()}
            </div>
            <div class={classes!("table-wrap", "aligned-wrap", partial.then_some("windowed"))} ref={table_ref} {onscroll}>
                <table class="aligned" data-testid="aligned" aria-rowcount={(shown.len() + 1).to_string()}>
                    <caption class="visually-hidden">{"Layers of both images aligned, newest first: status, before layer, its size, the change, after layer, its size"}</caption>
                    <thead><tr>
                        <th scope="col">{"status"}</th>
                        <th scope="col">{format!("before: {}", c.before.label)}</th>
                        <th scope="col" class="num">{"size"}</th>
                        <th scope="col" class="num" aria-sort={if props.sort_by_delta { "descending" } else { "none" }}>{"Δ"}</th>
                        <th scope="col">{format!("after: {}", c.after.label)}</th>
                        <th scope="col" class="num">{"size"}</th>
                    </tr></thead>
                    <tbody>
                        {spacer_row(window.above(), ROW_PX, 6)}
                        { for rows }
                        {spacer_row(window.below(), ROW_PX, 6)}
                        if props.base_collapsed && n_base > 0 {
                            <tr class="base-folded"><td colspan="6">
                                <button type="button" class="linkish" onclick={props.on_toggle_base.reform(|_: MouseEvent| ())}>
                                    {format!("base image: {n_base} layers, {} (same in both)", c.base.total.approx())}
                                </button>
                            </td></tr>
                        }
                    </tbody>
                </table>
            </div>
            <div onmouseover={on_chart_pointer} onfocusin={on_chart_focus}>
                {insights.1.clone()}
            </div>
            {tip}
        </section>
    }
}

const PAIR_CAPTION: &str = "Sum of layer sizes, oldest layer at the bottom. Bands join matched layers; the waterfall walks from the before total to the after total. The same data is in the table below.";

const PATH_CAPTION: &str = "Sum of layer sizes per step, oldest layer at the bottom. A layer keeps the colour of the step it first appears in (new layers hatched \\, layers gone in the next step /); bands join matched layers of neighbouring steps; the waterfall walks from the first total through each step to the last. The compared two are in the table below.";

/// The heading of the compared pair below a path's chart.
fn pair_heading(view: &PathView) -> Html {
    let (old, new) = view.compared;
    let name = |k: usize| {
        view.histories
            .0
            .get(k)
            .map_or_else(String::new, |h| h.label.clone())
    };
    html! {
        <h3 class="pair-heading" data-testid="pair-heading">
            {format!("Step {} → step {}", old + 1, new + 1)}
            <span class="muted">{format!(": {} → {}", name(old), name(new))}</span>
        </h3>
    }
}

/// The headline numbers.
fn figures(c: &Comparison) -> Html {
    let base_note = if c.base.changed {
        c.base
            .reason
            .as_ref()
            .map_or_else(|| "the base image changed".into(), |r| r.to_string())
    } else if c.base.layers == 0 {
        "no shared base layers".into()
    } else {
        format!("{} layers shared at the bottom", c.base.layers)
    };
    html! {
        <dl class="figures">
            <div><dt>{format!("before · {}", c.before.label)}</dt>
                <dd data-testid="sum-before" title={c.before.total.describe()}>{c.before.total.approx()}</dd></div>
            <div><dt>{format!("after · {}", c.after.label)}</dt>
                <dd data-testid="sum-after" title={c.after.total.describe()}>{c.after.total.approx()}</dd></div>
            <div class={classes!("delta", if c.delta.bytes < 0 && !c.delta.within_rounding() { "down" } else if c.delta.bytes > 0 && !c.delta.within_rounding() { "up" } else { "" })}>
                <dt>{"change"}</dt>
                <dd data-testid="delta">{approx_prefix(c.delta.exact)}{c.delta.describe(c.before.total.bytes)}</dd></div>
            <div><dt>{"shared base"}</dt>
                <dd data-testid="base-size">{c.base.total.approx()}</dd>
                <dd class="muted small">{base_note}</dd></div>
            <p class="muted small figures-note">{"“Sum of layer sizes” as printed by docker history; it can differ from "}<code>{"docker images"}</code>{". Human sizes carry 3 significant digits, so totals are approximate (≈)."}</p>
        </dl>
    }
}

fn approx_prefix(exact: bool) -> &'static str {
    if exact {
        ""
    } else {
        "≈ "
    }
}

/// What a table row does besides showing its words.
struct RowEvents<'a> {
    focused: &'a UseStateHandle<Option<usize>>,
    pinned: &'a UseStateHandle<bool>,
    /// Copies a link to a row's layer.
    on_copy: &'a Callback<RowLayer>,
    /// The row holds the layer the link points at.
    linked: bool,
    /// The layer its button links to.
    layer: Option<LayerAt>,
}

/// One row of the aligned table: its words, and the row for the details
/// (whole commands and size ranges on hover, the insights' badges), with
/// its "copy link to this layer" button.
fn table_row(words: &TableRow, row: &Row, events: RowEvents, found: Option<&PageInsights>) -> Html {
    let idx = words.row;
    let point = {
        let (focused, pinned) = (events.focused.clone(), events.pinned.clone());
        move || {
            focused.set(Some(idx));
            pinned.set(false);
        }
    };
    let on_focus = {
        let point = point.clone();
        Callback::from(move |_: FocusEvent| point())
    };
    let on_enter = Callback::from(move |_: MouseEvent| point());
    let cell = |layer: &Option<LayerRef>, command: &str, size: &str| match layer {
        Some(l) => (
            html! { <code title={l.created_by.clone()}>{command}</code> },
            html! { <span title={size_range(l)}>{size}</span> },
        ),
        None => (html! { <span class="muted">{"—"}</span> }, html! {}),
    };
    let (before_cmd, before_size) = cell(&row.before, &words.before, &words.before_size);
    let (after_cmd, after_size) = cell(&row.after, &words.after, &words.after_size);
    // The badge of the findings on this row's layer of `side`.
    let mark = |side: usize, layer: &Option<LayerRef>| {
        let found = found?;
        let n = found.ins.histories[side].layers;
        let printed = n.checked_sub(layer.as_ref()?.index + 1)?;
        Some(badge(found, side, &[printed], None, None))
    };
    let copy_label = events
        .layer
        .map_or_else(String::new, |at| format!("Copy link to {}", at.describe()));
    let on_copy = events.on_copy.reform(move |_: MouseEvent| RowLayer {
        row: idx,
        after: true,
    });
    html! {
        <tr tabindex="0" data-rows={idx.to_string()} class={classes!(format!("st-{}", words.status_word), words.in_base.then_some("in-base"), events.linked.then_some(LINKED))}
            onfocus={on_focus} onmouseenter={on_enter} data-status={words.status_word}>
            <td class="status"><span class="st-icon" aria-hidden="true">{words.symbol}</span>{" "}{words.status_word}</td>
            <td class="cmd">{mark(0, &row.before)}{before_cmd}</td>
            <td class="num">{before_size}</td>
            <td class="num delta-cell" title={if row.delta.within_rounding() && row.delta.bytes != 0 { "within the rounding of the printed sizes" } else { "" }}>{&words.delta}</td>
            <td class="cmd">{mark(1, &row.after)}{after_cmd}</td>
            // Last, so Tab from the row reaches its badges first.
            <td class="num">{after_size}
                <button type="button" class="row-link" onclick={on_copy} aria-label={copy_label.clone()}
                    title={copy_label} data-testid="copy-row-link">{"🔗"}</button></td>
        </tr>
    }
}

fn size_range(l: &LayerRef) -> String {
    match l.size {
        None => "no size".into(),
        Some(s) if s.tolerance == 0 => format!("{} bytes (exact)", s.bytes),
        Some(s) => format!(
            "{} bytes {} (printed rounded: {}–{} bytes)",
            s.bytes,
            plus_minus(s.tolerance, s.bytes),
            s.low(),
            s.high()
        ),
    }
}

/// Details of the focused row (each side's "copy link to this layer"), or a hint.
fn inspector(c: &Comparison, focused: Option<usize>, on_copy: &Callback<RowLayer>) -> Html {
    let Some(row) = focused.and_then(|i| c.rows.get(i)) else {
        return html! {
            <aside class="inspector muted" aria-live="polite" data-testid="inspector">
                {"Point at a layer in the chart, or move through the table with Tab, to see its full command and size."}
            </aside>
        };
    };
    let row_idx = focused.unwrap_or_default();
    let side = |name: &'static str, l: &Option<LayerRef>| match l {
        Some(l) => html! {
            <div class="insp-side">
                <h4>{name}{format!(" · layer {} from the bottom", l.index + 1)}
                    <button type="button" class="linkish copy-layer" data-testid={format!("copy-layer-{name}")}
                        onclick={on_copy.reform(move |_: MouseEvent| RowLayer { row: row_idx, after: name == "after" })}>{"🔗 Copy link to this layer"}</button></h4>
                <pre class="insp-cmd">{if l.created_by.is_empty() { "(empty CREATED BY: imported root file system)".to_string() } else { l.created_by.clone() }}{if l.truncated { "…" } else { "" }}</pre>
                <p>{size_range(l)}</p>
            </div>
        },
        None => {
            html! { <div class="insp-side muted"><h4>{name}</h4><p>{"not in this image"}</p></div> }
        }
    };
    html! {
        <aside class="inspector" aria-live="polite" data-testid="inspector">
            <p class={classes!("insp-status", format!("st-{}", row.status.as_str()))}>
                <span class="st-icon" aria-hidden="true">{row.status.symbol()}</span>{" "}<b>{row.status.as_str()}</b>
                {" · Δ "}{if row.delta.bytes == 0 { "0 B".to_string() } else { row.delta.describe(0) }}
                if row.in_base { <span class="muted">{" · base image"}</span> }
            </p>
            {side("before", &row.before)}
            {side("after", &row.after)}
        </aside>
    }
}

fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="status legend">
            { for Status::ALL.iter().map(|s| html! {
                <li class={format!("st-{}", s.as_str())}><span class="st-icon" aria-hidden="true">{s.symbol()}</span>{" "}{s.as_str()}</li>
            }) }
        </ul>
    }
}
