//! One row of the aligned table: the core's words for it
//! (`layerdiff_core::app::view`), the full command and size range on hover, the
//! insights' badges, and its "copy link to this layer" button.

use yew::prelude::*;

use crate::components::inspector::size_range;
use crate::insights::{badge, PageInsights};
use crate::layer_link::{link_icon, RowLayer, LINKED};
use layerdiff_core::compare::table::TableRow;
use layerdiff_core::compare::{LayerRef, Row};
use layerdiff_core::share::LayerAt;

/// What a table row does besides showing its words.
pub struct RowEvents<'a> {
    /// Points at the row (focus or hover): the inspector shows it.
    pub on_point: &'a Callback<usize>,
    /// Copies a link to a row's layer.
    pub on_copy: &'a Callback<RowLayer>,
    /// The row holds the layer the link points at.
    pub linked: bool,
    /// The layer its button links to.
    pub layer: Option<LayerAt>,
}

/// One row of the aligned table.
pub fn aligned_row(
    words: &TableRow,
    row: &Row,
    events: RowEvents,
    found: Option<&PageInsights>,
) -> Html {
    let idx = words.row;
    let on_focus = events.on_point.reform(move |_: FocusEvent| idx);
    let on_enter = events.on_point.reform(move |_: MouseEvent| idx);
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
                    title={copy_label} data-testid="copy-row-link">{link_icon()}</button></td>
        </tr>
    }
}
