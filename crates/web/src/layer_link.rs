//! Links to one layer on the comparison view (deep links): the
//! layer a link points at (`view.focus`, located by `layerdiff_core::layer_link`),
//! marked in the chart, its row scrolled to, its details opened, and a note
//! saying so (or, when the link's data lacks it, one sentence why not); and
//! what "copy link to this layer" needs besides the table rows' buttons: a
//! path's segment of a step the table does not compare, shown in the
//! inspector with its own button, and moving the keyboard there.
//!
//! The table's own rows carry their `linked` class as they render (a
//! windowed table renders rows as it scrolls); the chart is an SVG string,
//! so its elements are marked through `marks.rs`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::layer_table::ROW_PX;
use crate::marks::mark;
use crate::path::{ByAddress, PathView};
use crate::path_chart::ChartRows;
use layerdiff_core::compare::numbers::human_bytes;
use layerdiff_core::compare::Comparison;
use layerdiff_core::layer_link::{printed, Located, Missing};
use layerdiff_core::model::History;
use layerdiff_core::share::LayerAt;

/// Where a link's layer is, once located (`None`: the link names none).
pub type Linked = Rc<Option<Result<Located, Missing>>>;

/// One side of a table row: the layer "copy link to this layer" names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowLayer {
    /// The row, an index into `Comparison::rows`.
    pub row: usize,
    /// Its after image's layer (else its before image's).
    pub after: bool,
}

/// Class of the elements of the layer a link points at.
pub const LINKED: &str = "linked";

/// What the page says about the layer a link points at: where it is (with
/// a button to stop pointing), or, when the link's data lacks it, why.
pub fn linked_note(
    linked: &Linked,
    focus: Option<LayerAt>,
    c: &Comparison,
    on_clear: &Callback<()>,
) -> Html {
    let (Some(found), Some(at)) = (&**linked, focus) else {
        return html! {};
    };
    let clear = html! {
        <button type="button" class="linkish" onclick={on_clear.reform(|_: MouseEvent| ())}
            data-testid="clear-linked">{"Stop pointing at it"}</button>
    };
    let words = match found {
        Err(missing) => {
            return html! {
                <p class="banner warn linked-note" role="status" data-testid="linked-missing">{missing.to_string()}{" "}{clear}</p>
            }
        }
        Ok(Located::Row(row)) => {
            let r = c.rows.get(*row);
            let l = r.and_then(|r| r.after.as_ref().or(r.before.as_ref()));
            let step = l.map(|l| l.instruction.clone()).unwrap_or_default();
            html! { <>{format!("This link points at {}: ", at.describe())}<code>{step}</code>{", highlighted below. "}</> }
        }
        Ok(Located::Step { .. }) => html! {
            <>{format!("This link points at {}, highlighted in the chart (the table compares two other steps). ", at.describe())}</>
        },
    };
    html! { <p class="linked-note" role="status" data-testid="linked-layer">{words}{clear}</p> }
}

/// Opens the linked layer's details in the inspector when a link names
/// one: its row's, or a path's other step's layer.
#[hook]
pub fn use_linked(
    linked: &Linked,
    focus: Option<LayerAt>,
    focused: &UseStateHandle<Option<usize>>,
    pinned: &UseStateHandle<bool>,
    picked: &UseStateHandle<Option<LayerAt>>,
) {
    let found = match **linked {
        Some(Ok(found)) => Some(found),
        _ => None,
    };
    let (focused, pinned, picked) = (focused.clone(), pinned.clone(), picked.clone());
    use_effect_with(found, move |found| {
        match found {
            Some(Located::Row(row)) => focused.set(Some(*row)),
            Some(Located::Step { .. }) => picked.set(focus),
            None => {}
        }
        pinned.set(found.is_some());
    });
}

/// The layer of a path's step that a chart element stands for (the first
/// layer of a segment), named as a link names it.
pub fn step_layer_of(
    target: Option<web_sys::EventTarget>,
    histories: Option<&ByAddress<Vec<History>>>,
) -> Option<LayerAt> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let seg = el.closest(".ld-seg[data-step]").ok()??;
    let step: usize = seg.get_attribute("data-step")?.parse().ok()?;
    let layers = seg.get_attribute("data-layers")?;
    let index: usize = layers.split_whitespace().next()?.parse().ok()?;
    let n = histories?.0.get(step)?.layers.len();
    Some(LayerAt {
        step,
        layer: printed(index, n)?,
    })
}

/// The inspector for a layer of a path's step outside the table: its
/// command, size and "copy link to this layer".
pub fn step_layer_details(at: LayerAt, view: &PathView, on_copy: &Callback<LayerAt>) -> Html {
    let Some(layer) = view
        .histories
        .0
        .get(at.step)
        .and_then(|h| h.layers.get(at.layer))
    else {
        return html! {};
    };
    let size = layer
        .size
        .map_or_else(|| "no size".into(), |s| human_bytes(s.bytes));
    html! {
        <aside class="inspector" aria-live="polite" data-testid="inspector">
            <div class="insp-side">
                <h4>{at.describe()}
                    <button type="button" class="linkish copy-layer" data-testid="copy-layer-step"
                        onclick={on_copy.reform(move |_: MouseEvent| at)}>{link_icon()}{" Copy link to this layer"}</button></h4>
                <pre class="insp-cmd">{&layer.created_by}{if layer.truncated { "…" } else { "" }}</pre>
                <p>{size}</p>
            </div>
        </aside>
    }
}

/// Scrolls the linked row into view, at its place among the table's rows
/// (a windowed table is first scrolled to where it renders it), once per
/// place and chart width (the chart is drawn again for its real width
/// after the first render, which moves the table).
#[hook]
pub fn use_scroll_to_linked(table: &NodeRef, place: Option<(usize, u32)>) {
    let done = use_mut_ref(|| None::<(usize, u32)>);
    let table = table.clone();
    use_effect(move || {
        let Some((at, width)) = place.filter(|&p| *done.borrow() != Some(p)) else {
            return;
        };
        let Some(wrap) = table.cast::<web_sys::Element>() else {
            return;
        };
        match wrap.query_selector(&format!("tr.{LINKED}")).ok().flatten() {
            Some(tr) => {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                tr.scroll_into_view_with_scroll_into_view_options(&options);
                *done.borrow_mut() = Some((at, width));
            }
            None => wrap.set_scroll_top((at as f64 * ROW_PX) as i32),
        }
    });
}

/// Moves the keyboard to the inspector's first "copy link" button.
pub fn focus_inspector_button() {
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("[data-testid=\"inspector\"] button")
                .ok()
                .flatten()
        })
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = button {
        let _ = b.focus();
    }
}

/// Marks the linked layer's elements in the chart under `chart`, again
/// whenever the chart is drawn anew (`drawn`: its SVG as memoised, how it
/// names rows, the comparison).
#[hook]
pub fn use_chart_mark(
    chart: &NodeRef,
    linked: &Linked,
    drawn: (Rc<AttrValue>, ChartRows, ByAddress<Comparison>),
) {
    let (chart, located) = (chart.clone(), (**linked).clone());
    use_effect_with((located, drawn), move |(located, (_, chart_rows, c))| {
        let Some(root) = chart.cast::<web_sys::Element>() else {
            return;
        };
        let selector = match located {
            Some(Ok(Located::Row(row))) => Some(chart_rows.chart_selector(*row, &c.0)),
            Some(Ok(Located::Step { step, index })) => Some(format!(
                ".ld-seg[data-step=\"{step}\"][data-layers~=\"{index}\"]"
            )),
            _ => None,
        };
        mark(&root, LINKED, selector.as_deref().filter(|s| !s.is_empty()));
    });
}

/// The icon of "copy link to this layer": a chain link drawn inline in the
/// text's colour (an emoji would need an emoji font), hidden from screen
/// readers, which read the button's name.
pub fn link_icon() -> Html {
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 0 1-3.5-3.5L5.5 8"
                fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
        </svg>
    }
}
