//! The inspector beside the chart: the focused row's status and change, and
//! each side's layer number (the core's `LayerNumber`), full command and size
//! range, with "copy link to this layer".

use yew::prelude::*;

use crate::layer_link::{link_icon, RowLayer};
use layerdiff_core::compare::numbers::size_words;
use layerdiff_core::compare::{Comparison, LayerRef};
use layerdiff_core::model::LayerNumber;

/// Details of the focused row (each side's "copy link to this layer"), or a hint.
pub fn inspector(c: &Comparison, focused: Option<usize>, on_copy: &Callback<RowLayer>) -> Html {
    let Some(row) = focused.and_then(|i| c.rows.get(i)) else {
        return html! {
            <aside class="inspector muted" aria-live="polite" data-testid="inspector">
                {"Point at a layer in the chart, or move through the table with Tab, to see its full command and size."}
            </aside>
        };
    };
    let row_idx = focused.unwrap_or_default();
    let side = |name: &'static str, l: &Option<LayerRef>, n: usize| match l {
        Some(l) => html! {
            <div class="insp-side">
                <h4>{name}{LayerNumber::of_oldest_first(l.index, n).map(|k| format!(" · {k}"))}
                    <button type="button" class="linkish copy-layer" data-testid={format!("copy-layer-{name}")}
                        onclick={on_copy.reform(move |_: MouseEvent| RowLayer { row: row_idx, after: name == "after" })}>{link_icon()}{" Copy link to this layer"}</button></h4>
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
            {side("before", &row.before, c.before.layers)}
            {side("after", &row.after, c.after.layers)}
        </aside>
    }
}

/// A layer's size in bytes, with the range its printed (rounded) size
/// allows (`layerdiff_core::compare::numbers::size_words`).
pub fn size_range(l: &LayerRef) -> String {
    size_words(l.size)
}
