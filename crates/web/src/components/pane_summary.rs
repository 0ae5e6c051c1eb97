//! What the parser understood of a step's paste: its format, its layer
//! count (and how many were left out), the sum of its sizes; or that a big
//! paste is being read, or that no history was found yet.

use yew::prelude::*;

use layerdiff_core::app::Pane;
use layerdiff_core::compare::numbers::human_bytes as bytes;
use layerdiff_core::text::thousands;

/// The line under a step's head (`key`: the word in the step's test ids,
/// `before`, `after`, `step-3`…).
pub fn pane_summary(pane: &Pane, key: &str) -> Html {
    let reading_big = pane.is_stale() && pane.reads_in_worker();
    let summary = match pane.history() {
        Some(h) => html! {
            <p class="understood" aria-live="polite">
                <span class="pill" data-testid={format!("format-{key}")}>{format!("{} · {}", h.dialect.describe(), h.format.as_str())}</span>
                <span><b data-testid={format!("layer-count-{key}")}>{h.layers.len()}</b>{" layers"}
                    if h.dropped_layers > 0 {
                        <span class="warn" data-testid={format!("dropped-{key}")}>{format!(" (of {}: the rest left out, see the notes)", thousands(h.layers.len() + h.dropped_layers))}</span>
                    }
                </span>
                <span title="sum of layer sizes, as printed">{"Σ "}<b data-testid={format!("total-{key}")} data-bytes={h.total_bytes().to_string()}>{bytes(h.total_bytes())}</b></span>
                if pane.is_stale() && !reading_big { <span class="muted">{"reading…"}</span> }
            </p>
        },
        None if reading_big => html! {},
        None if pane.text.trim().is_empty() => html! {
            <p class="understood muted" aria-live="polite">{"Paste the output of "}<code>{"docker history IMAGE"}</code>{" here."}</p>
        },
        None => html! {
            <p class="understood warn" aria-live="polite" data-testid={format!("none-{key}")}>{"No docker history found in this text yet — see the notes below."}</p>
        },
    };
    html! {
        <>
            if reading_big {
                <p class="reading" role="status" data-testid={format!("reading-{key}")}>
                    <progress aria-label={format!("reading the {key} paste")}></progress>
                    {format!(" Reading {} of text…", bytes(pane.text.len() as u64))}
                </p>
            }
            {summary}
        </>
    }
}
