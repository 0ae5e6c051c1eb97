//! The comparison view: headline numbers, the chart (before | after columns
//! with bands, and the waterfall), an inspector for the focused layer, and the
//! aligned table. Hover or keyboard focus on a layer, in the chart or the
//! table, highlights it and its partner and shows its full command, size and
//! rounding range in the inspector.
//!
//! A path of three steps or more (`path.rs`) shows each step's figures
//! and the path's chart (one column per step) instead, and below them the
//! figures and table of the two compared steps.
//!
//! What is shown (the rows and their order, the figures, the table's words)
//! is `layerdiff_core::app::view`'s. The chart is an SVG string drawn by `layerdiff_core::chart`
//! at the size the core gives the width it gets (`ChartOptions::fitting`,
//! `chart.rs`); its overlay elements
//! carry `data-rows`, so highlighting is a CSS class toggled on every element
//! that names the focused row, in the chart and in the table alike (how a
//! path's chart names the table's rows: `path_chart.rs`).
//!
//! This component only wires its parts, each in a file of its own:
//! `figures.rs`, `chart.rs`, `inspector.rs`, `aligned_table.rs` (and
//! `aligned_row.rs`). Below the table, the insights panel (`insights.rs`);
//! its badges mark
//! the chart segments and table rows of each finding's layer.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::aligned_table::{aligned_table, use_table_window, TableParts};
use crate::components::chart::{
    chart_events, use_chart_focus, use_chart_insights, use_chart_svg, use_chart_width,
    use_row_highlight, ChartFocus,
};
use crate::components::figures::pair_figures;
use crate::components::inspector::inspector;
use crate::insights::{use_badge_tip, use_insights};
use crate::layer_link::{
    linked_note, step_layer_details, use_chart_mark, use_linked, Linked, RowLayer,
};
use crate::path::{self, ByAddress, PathState, PathView};
use crate::path_chart::ChartRows;
use layerdiff_core::app::{pair_view, PairView, ShowChoices};
use layerdiff_core::compare::Comparison;
use layerdiff_core::layer_link::{locate, of_row, Located};
use layerdiff_core::model::History;
use layerdiff_core::share::{LayerAt, StepPair};

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
    let state = use_chart_focus();
    let (chart_ref, table_ref) = (use_node_ref(), use_node_ref());
    let c = &props.comparison;
    let width = use_chart_width(&chart_ref);
    let shown_path = match &props.path {
        PathState::Ready(view) => Some(view.clone()),
        _ => None,
    };
    let (path, sides) = (shown_path.as_ref(), (&props.before, &props.after));
    let svg = use_chart_svg(c, sides, path, props.dark, width);
    let chart_rows = ChartRows::of(path);
    let linked = use_located(props, path);
    let ChartFocus {
        focused,
        pinned,
        picked,
    } = &state;
    use_linked(&linked, props.focus, focused, pinned, picked);
    let found = use_insights(c.clone(), props.before.clone(), props.after.clone());
    let insights = use_chart_insights(&svg, &found, path.map(|v| v.compared), width);
    let (section_ref, tip) = use_badge_tip();
    let drawn = (svg.clone(), chart_rows, ByAddress(c.clone()));
    use_row_highlight((&chart_ref, &table_ref), *state.focused, drawn.clone());
    // The linked layer: marked in the chart, its row scrolled to once.
    use_chart_mark(&chart_ref, &linked, drawn);
    let events = chart_events(&state, c, chart_rows, path);
    let on_copy_row = copy_row(c, props.compared, &props.on_copy_layer);
    let linked_row = match *linked {
        Some(Ok(Located::Row(row))) => Some(row),
        _ => None,
    };
    let shown = use_pair_view(props, linked_row);
    let figures = pair_figures(&shown.figures, false);
    let window = use_table_window(&shown, &table_ref, linked_row, width);
    let table = aligned_table(TableParts {
        comparison: c,
        view: &shown,
        compared: props.compared,
        toggles: (&props.on_toggle_sort, &props.on_toggle_base),
        table_ref: &table_ref,
        on_point: &state.on_point(),
        on_copy: &on_copy_row,
        found: found.ready(),
        window,
    });
    html! {
        <section class="comparison" id="comparison" tabindex="-1" aria-labelledby="cmp-title" data-testid="comparison" ref={section_ref}>
            <h2 id="cmp-title">{"Comparison"}</h2>
            if let Some(view) = &shown_path {
                {path::figures(view)}
            } else {
                {path::note(&props.path)}
                {figures.clone()}
            }
            {linked_note(&linked, props.focus, c, &props.on_clear_focus)}
            <div class="chart-and-inspector">
                <figure class="chart" ref={chart_ref} data-testid="chart" onclick={events.click} onkeydown={events.key}
                    onmouseover={events.pointer.clone()} onfocusin={events.focus.clone()}>
                    <div class="chart-box">{Html::from_html_unchecked((*svg).clone())}{insights.0.clone()}</div>
                    <figcaption class="muted">{caption(shown_path.is_some())}</figcaption>
                </figure>
                {match (*state.picked).filter(|_| *state.pinned).zip(shown_path.as_ref()) {
                    Some((at, view)) => step_layer_details(at, view, &props.on_copy_layer),
                    None => inspector(c, *state.focused, &on_copy_row),
                }}
            </div>
            if let Some(view) = &shown_path {
                {pair_heading(view)}
                {figures}
            }
            {table}
            <div onmouseover={events.pointer} onfocusin={events.focus}>
                {insights.1.clone()}
            </div>
            {tip}
        </section>
    }
}

/// What the table shows and the figures, from the core's one answer: the
/// linked layer's row stays shown in a folded base.
#[hook]
fn use_pair_view(props: &ComparisonViewProps, linked_row: Option<usize>) -> Rc<PairView> {
    let choices = ShowChoices {
        sort_by_delta: props.sort_by_delta,
        base_collapsed: props.base_collapsed,
        keep: linked_row,
    };
    let c = ByAddress(props.comparison.clone());
    use_memo((c, choices), |(c, choices)| pair_view(&c.0, choices))
}

/// "Copy link to this layer" of a row's side, named as a link names it.
fn copy_row(
    c: &Rc<Comparison>,
    compared: StepPair,
    copy: &Callback<LayerAt>,
) -> Callback<RowLayer> {
    let (c, copy) = (c.clone(), copy.clone());
    Callback::from(move |RowLayer { row, after }: RowLayer| {
        if let Some(at) = of_row(&c, compared, row, after) {
            copy.emit(at);
        }
    })
}

/// Where the layer a link points at is: a row of the table, or a layer of
/// a path's other step (which waits for the path to be compared).
#[hook]
fn use_located(props: &ComparisonViewProps, path: Option<&PathView>) -> Linked {
    let histories = path.map(|v| v.histories.clone());
    let waiting = matches!(props.path, PathState::Pending);
    let key = (
        props.focus,
        ByAddress(props.comparison.clone()),
        props.compared,
        histories,
    );
    use_memo(key, move |(focus, c, compared, histories)| {
        let layers = |step: usize| histories.as_ref()?.0.get(step).map(|h| h.layers.len());
        let found = focus.map(|at| locate(at, &c.0, *compared, layers));
        // A layer of another step waits for the path to be compared.
        found.filter(|f| !(waiting && f.is_err()))
    })
}

const PAIR_CAPTION: &str = "Sum of layer sizes, oldest layer at the bottom. Bands join matched layers; the waterfall walks from the before total to the after total. The same data is in the table below.";

const PATH_CAPTION: &str = "Sum of layer sizes per step, oldest layer at the bottom. A layer keeps the colour of the step it first appears in (new layers hatched \\, layers gone in the next step /); bands join matched layers of neighbouring steps; the waterfall walks from the first total through each step to the last. The compared two are in the table below.";

/// The chart's caption: a pair's, or a path's.
fn caption(path: bool) -> &'static str {
    if path {
        PATH_CAPTION
    } else {
        PAIR_CAPTION
    }
}

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
