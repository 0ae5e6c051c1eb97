//! The aligned table of the page with its tools (sort by Δ, fold the base,
//! the status legend): the rows `layerdiff_core::app::view` shows, in its order,
//! windowed when long (`windowed.rs`: only the rows near the visible ones
//! are built), the linked layer's row scrolled to once.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::aligned_row::{aligned_row, RowEvents};
use crate::insights::PageInsights;
use crate::layer_link::{use_scroll_to_linked, RowLayer};
use crate::layer_table::ROW_PX;
use crate::windowed::{spacer_row, use_window};
use layerdiff_core::app::PairView;
use layerdiff_core::compare::{Comparison, Status};
use layerdiff_core::layer_link::of_row;
use layerdiff_core::share::StepPair;
use layerdiff_core::window::Window;

/// What the aligned table shows and does besides the comparison's props.
pub struct TableParts<'a> {
    pub comparison: &'a Rc<Comparison>,
    /// What is shown, in the core's words (and the choices: sorted, folded,
    /// the linked layer's row).
    pub view: &'a PairView,
    /// The positions of the two compared steps.
    pub compared: StepPair,
    /// Toggle sorting by Δ; fold or unfold the base.
    pub toggles: (&'a Callback<()>, &'a Callback<()>),
    /// The table's box (the comparison highlights rows in it).
    pub table_ref: &'a NodeRef,
    /// A row pointed at (focus or hover).
    pub on_point: &'a Callback<usize>,
    /// Copies a link to a row's layer.
    pub on_copy: &'a Callback<RowLayer>,
    /// The findings, for the rows' badges.
    pub found: Option<&'a PageInsights>,
    /// The rows held ([`use_table_window`]) and the box's scroll handler.
    pub window: (Window, Callback<Event>),
}

/// The rows of a long table near the visible ones (`windowed.rs`), and
/// the linked row scrolled to once (again when the chart's `width` changes).
#[hook]
pub fn use_table_window(
    view: &PairView,
    table_ref: &NodeRef,
    linked_row: Option<usize>,
    width: u32,
) -> (Window, Callback<Event>) {
    let (window, on_scroll) = use_window(view.rows.len(), ROW_PX);
    let linked_at = linked_row.and_then(|k| view.position_of(k));
    use_scroll_to_linked(table_ref, linked_at.map(|at| (at, width)));
    let onscroll =
        on_scroll.reform(|e: Event| e.target_unchecked_into::<web_sys::Element>().scroll_top());
    (window, onscroll)
}

/// The table's tools and the aligned table. A view function, not a
/// component: each component costs the first load its own machinery.
pub fn aligned_table(t: TableParts) -> Html {
    let (c, view, linked_row) = (t.comparison, t.view, t.view.choices.keep);
    let (sort_by_delta, base_collapsed) = (view.choices.sort_by_delta, view.choices.base_collapsed);
    let (window, onscroll) = t.window;
    let rows = view
        .words(c, window.start..window.end)
        .into_iter()
        .map(|words| {
            let k = words.row;
            let events = RowEvents {
                on_point: t.on_point,
                on_copy: t.on_copy,
                linked: linked_row == Some(k),
                layer: of_row(c, t.compared, k, true),
            };
            aligned_row(&words, &c.rows[k], events, t.found)
        });
    let toggle_base = t.toggles.1.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="table-tools">
                <button type="button" onclick={t.toggles.0.reform(|_: MouseEvent| ())} aria-pressed={sort_by_delta.to_string()} data-testid="sort-delta">
                    {view.sort_toggle}
                </button>
                if let Some(label) = &view.base_toggle {
                    <button type="button" onclick={toggle_base.clone()} aria-expanded={(!base_collapsed).to_string()} data-testid="toggle-base">
                        {label}
                    </button>
                }
                {legend()}
            </div>
            <div class={classes!("table-wrap", "aligned-wrap", window.is_partial().then_some("windowed"))} ref={t.table_ref.clone()} {onscroll}>
                <table class="aligned" data-testid="aligned" aria-rowcount={(view.rows.len() + 1).to_string()}>
                    <caption class="visually-hidden">{"Layers of both images aligned, newest first: status, before layer, its size, the change, after layer, its size"}</caption>
                    <thead><tr>
                        <th scope="col">{"status"}</th>
                        <th scope="col">{&view.heads.0}</th>
                        <th scope="col" class="num">{"size"}</th>
                        <th scope="col" class="num" aria-sort={if sort_by_delta { "descending" } else { "none" }}>{"Δ"}</th>
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
