//! The parsed layers of one pane as a table: what the parser understood, row
//! by row (newest first, as printed), with the paste line each came from.

use yew::prelude::*;

use crate::core::instruction::Instruction;
use std::rc::Rc;

use crate::core::model::Parsed;
use crate::ui::format::size_cell;

/// Props of [`LayerTable`].
#[derive(Properties, PartialEq)]
pub struct LayerTableProps {
    /// `before` or `after`, for test ids.
    pub side: &'static str,
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
    let Some(history) = props
        .parsed
        .histories
        .get(props.index)
        .or_else(|| props.parsed.histories.first())
    else {
        return html! {};
    };
    let rows = history.layers.iter().enumerate().map(|(idx, layer)| {
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
            <tr>
                <td class="num">{idx + 1}</td>
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
    html! {
        <div class="table-wrap">
            <table class="layers" data-testid={format!("layers-{}", props.side)}>
                <caption class="visually-hidden">{format!("Layers parsed from the {} paste, newest first", props.side)}</caption>
                <thead><tr>
                    <th scope="col" class="num">{"#"}</th>
                    <th scope="col">{"step"}</th>
                    <th scope="col">{"command"}</th>
                    <th scope="col" class="num">{"size"}</th>
                    <th scope="col">{"line"}</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
