//! The parsed layers of one pane as a table: what the parser understood, row
//! by row (newest first, as printed, numbered as everywhere by the core's
//! `LayerNumber`), with the paste line each came from.
//! A long table is windowed (`windowed.rs`): only the rows near the
//! visible ones are in the page.

use yew::prelude::*;

use layerdiff_core::app::chosen_history;
use layerdiff_core::instruction::Instruction;
use std::rc::Rc;

use crate::format::size_cell;
use crate::windowed::{spacer_row, use_window};
use layerdiff_core::model::{LayerNumber, Parsed};

/// Height of a row of a windowed table in CSS pixels (`--row` in main.css).
pub const ROW_PX: f64 = 28.0;

/// Props of [`LayerTable`].
#[derive(Properties, PartialEq)]
pub struct LayerTableProps {
    /// The step's place (`before`, `after`, `step-3`…), for test ids.
    pub side: AttrValue,
    /// The parse holding the history shown.
    pub parsed: Rc<Parsed>,
    /// Which of its histories.
    pub index: usize,
    /// Called with a 1-based line number when a row's line link is chosen.
    pub on_goto_line: Callback<usize>,
}

/// The table of parsed layers.
#[component]
pub fn LayerTable(props: &LayerTableProps) -> Html {
    let history = chosen_history(&props.parsed, props.index);
    let total = history.map_or(0, |h| h.layers.len());
    let (window, on_scroll) = use_window(total, ROW_PX);
    let Some(history) = history else {
        return html! {};
    };
    let onscroll =
        on_scroll.reform(|e: Event| e.target_unchecked_into::<web_sys::Element>().scroll_top());
    let shown = &history.layers[window.start..window.end];
    let rows = shown.iter().enumerate().map(|(offset, layer)| {
        let idx = window.start + offset;
        let step = Instruction::read(&layer.created_by, layer.truncated);
        let keyword = step.keyword.word();
        let (size, size_title) = size_cell(layer.size);
        let line = layer.lines.0;
        let goto = props.on_goto_line.reform(move |_: MouseEvent| line);
        let lines = if layer.lines.0 == layer.lines.1 {
            format!("{}", layer.lines.0)
        } else {
            format!("{}–{}", layer.lines.0, layer.lines.1)
        };
        let full = if layer.created_by.is_empty() {
            "(empty CREATED BY: an imported root file system)".to_string()
        } else {
            layer.created_by.clone()
        };
        html! {
            <tr aria-rowindex={(idx + 2).to_string()}>
                <td class="num">{LayerNumber::of_printed(idx).get()}</td>
                <td><span class={classes!("kw", format!("kw-{}", keyword.unwrap_or_default().to_ascii_lowercase()))}>{ keyword.unwrap_or("—") }</span></td>
                <td class="cmd" title={full}>
                    <code>{step.shown_body()}</code>
                    if step.truncated { <span class="trunc" title="cut short when printed">{"…"}</span> }
                </td>
                <td class="size num" title={size_title}>{size}</td>
                <td class="line"><button type="button" class="linkish" onclick={goto} title="Show in the paste">{lines}</button></td>
            </tr>
        }
    });
    // A windowed table scrolls in its own box (focusable, so the keyboard
    // scrolls it too); a short one is laid out as it always was.
    let partial = window.is_partial();
    html! {
        <div class={classes!("table-wrap", partial.then_some("windowed"))} {onscroll}
            tabindex={partial.then_some("0")} aria-label={partial.then(|| format!("{} layers, scrollable", total))}>
            <table class="layers" data-testid={format!("layers-{}", props.side)} aria-rowcount={(total + 1).to_string()}>
                <caption class="visually-hidden">{format!("Layers parsed from the {} paste, newest first", props.side)}</caption>
                <thead><tr>
                    <th scope="col" class="num">{"#"}</th>
                    <th scope="col">{"step"}</th>
                    <th scope="col">{"command"}</th>
                    <th scope="col" class="num">{"size"}</th>
                    <th scope="col">{"line"}</th>
                </tr></thead>
                <tbody>
                    {spacer_row(window.above(), ROW_PX, 5)}
                    { for rows }
                    {spacer_row(window.below(), ROW_PX, 5)}
                </tbody>
            </table>
        </div>
    }
}
