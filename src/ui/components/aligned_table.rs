//! The aligned table of the page with its tools (sort by Δ, fold the base,
//! the status legend): the rows `core::app::view` shows, in its order,
//! windowed when long (`ui/windowed.rs`: only the rows near the visible ones
//! are built), the linked layer's row scrolled to once.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::PairView;
use crate::core::compare::{Comparison, Status};
use crate::core::layer_link::of_row;
use crate::core::share::StepPair;
use crate::ui::components::aligned_row::{aligned_row, RowEvents};
use crate::ui::insights::Found;
use crate::ui::layer_link::{use_scroll_to_linked, RowLayer};
use crate::ui::layer_table::ROW_PX;
use crate::ui::windowed::{spacer_row, use_window};

/// Props of [`AlignedTable`].
#[derive(Properties, PartialEq)]
pub struct AlignedTableProps {
    pub comparison: Rc<Comparison>,
    /// What is shown, in the core's words.
    pub view: Rc<PairView>,
    pub sort_by_delta: bool,
    pub base_collapsed: bool,
    pub on_toggle_sort: Callback<()>,
    pub on_toggle_base: Callback<()>,
    /// The table's box (the comparison highlights rows in it).
    pub table_ref: NodeRef,
    /// A row pointed at (focus or hover).
    pub on_point: Callback<usize>,
    /// Copies a link to a row's layer.
    pub on_copy: Callback<RowLayer>,
    /// The row of the layer a link points at.
    pub linked_row: Option<usize>,
    /// The positions of the two compared steps.
    pub compared: StepPair,
    /// The findings, for the rows' badges.
    pub found: Found,
    /// The chart's width: the linked row is scrolled to again when it changes.
    pub width: u32,
}

/// The table's tools and the aligned table.
#[component]
pub fn AlignedTable(props: &AlignedTableProps) -> Html {
    let (c, view) = (&props.comparison, &props.view);
    let (window, on_scroll) = use_window(view.rows.len(), ROW_PX);
    let onscroll =
        on_scroll.reform(|e: Event| e.target_unchecked_into::<web_sys::Element>().scroll_top());
    let linked_at = props.linked_row.and_then(|k| view.position_of(k));
    use_scroll_to_linked(&props.table_ref, linked_at.map(|at| (at, props.width)));
    let rows = view
        .words(c, window.start..window.end)
        .into_iter()
        .map(|words| {
            let k = words.row;
            let events = RowEvents {
                on_point: &props.on_point,
                on_copy: &props.on_copy,
                linked: props.linked_row == Some(k),
                layer: of_row(c, props.compared, k, true),
            };
            aligned_row(&words, &c.rows[k], events, props.found.ready())
        });
    let toggle_base = props.on_toggle_base.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="table-tools">
                <button type="button" onclick={props.on_toggle_sort.reform(|_: MouseEvent| ())} aria-pressed={props.sort_by_delta.to_string()} data-testid="sort-delta">
                    {view.sort_toggle}
                </button>
                if let Some(label) = &view.base_toggle {
                    <button type="button" onclick={toggle_base.clone()} aria-expanded={(!props.base_collapsed).to_string()} data-testid="toggle-base">
                        {label}
                    </button>
                }
                {legend()}
            </div>
            <div class={classes!("table-wrap", "aligned-wrap", window.is_partial().then_some("windowed"))} ref={props.table_ref.clone()} {onscroll}>
                <table class="aligned" data-testid="aligned" aria-rowcount={(view.rows.len() + 1).to_string()}>
                    <caption class="visually-hidden">{"Layers of both images aligned, newest first: status, before layer, its size, the change, after layer, its size"}</caption>
                    <thead><tr>
                        <th scope="col">{"status"}</th>
                        <th scope="col">{&view.heads.0}</th>
                        <th scope="col" class="num">{"size"}</th>
                        <th scope="col" class="num" aria-sort={if props.sort_by_delta { "descending" } else { "none" }}>{"Δ"}</th>
                        <th scope="col">{&view.heads.1}</th>
                        <th scope="col" class="num">{"size"}</th>
                    </tr></thead>
                    <tbody>
                        {spacer_row(window.above(), ROW_PX, 6)}
                        { for rows }
                        {spacer_row(window.below(), ROW_PX, 6)}
                        if let Some(line) = &view.folded_base {
                            <tr class="base-folded"><td colspan="6">
                                <button type="button" class="linkish" onclick={toggle_base}>{line}</button>
                            </td></tr>
                        }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// The statuses, each with its symbol: a key that does not rely on colour.
fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="status legend">
            { for Status::ALL.iter().map(|s| html! {
                <li class={format!("st-{}", s.as_str())}><span class="st-icon" aria-hidden="true">{s.symbol()}</span>{" "}{s.as_str()}</li>
            }) }
        </ul>
    }
}
