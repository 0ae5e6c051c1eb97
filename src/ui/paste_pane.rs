//! One paste pane: an editable label, the text box with its line gutter, what
//! the parser understood (format, layer count, sum of sizes), a picker when the
//! paste holds several histories, the diagnostics, and the parsed layer table.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::compare::numbers::human_bytes as bytes;
use crate::ui::diagnostics::DiagnosticList;
use crate::ui::gutter::Gutter;
use crate::ui::layer_table::LayerTable;
use crate::ui::state::{Action, Pane, Side};

/// Line height of the text box in CSS pixels (kept equal to `--line` in main.css).
const LINE_PX: f64 = 20.0;

/// Props of [`PastePane`].
#[derive(Properties, PartialEq)]
pub struct PastePaneProps {
    /// Which pane this is.
    pub side: Side,
    /// Its state.
    pub pane: Pane,
    /// Sends an action to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// A paste pane.
#[component]
pub fn PastePane(props: &PastePaneProps) -> Html {
    let side = props.side;
    let key = side.key();
    let pane = &props.pane;
    let textarea = use_node_ref();
    let gutter_ref = use_node_ref();

    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            if e.input_type() == "insertFromPaste" || e.input_type() == "insertFromDrop" {
                dispatch.emit(Action::PasteText(side, text));
            } else {
                dispatch.emit(Action::EditText(side, text));
            }
        })
    };
    let onscroll = {
        let gutter_ref = gutter_ref.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(g) = gutter_ref.cast::<web_sys::HtmlElement>() {
                g.set_scroll_top(area.scroll_top());
            }
        })
    };
    // Stable across renders (it reads the text from the box when used), so
    // the table and the notes do not re-render on every keystroke.
    let goto_line = use_callback(textarea.clone(), |line: usize, textarea| {
        select_line(textarea, line)
    });
    // Keep the gutter on the text box's scroll position after every render:
    // a paste scrolls the box before the gutter has grown to its new length.
    {
        let (textarea, gutter_ref) = (textarea.clone(), gutter_ref.clone());
        use_effect(move || {
            if let (Some(area), Some(g)) = (
                textarea.cast::<HtmlTextAreaElement>(),
                gutter_ref.cast::<web_sys::HtmlElement>(),
            ) {
                g.set_scroll_top(area.scroll_top());
            }
        });
    }
    // The text box is not re-filled on every render (re-setting a big value is
    // slow and moves the caret): only when the state holds another text than
    // the box, as after a split paste, a swap, a link or the demo.
    {
        let textarea = textarea.clone();
        use_effect_with(pane.text.clone(), move |text| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                if area.value() != **text {
                    area.set_value(text);
                }
            }
        });
    }
    let onrename = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            dispatch.emit(Action::Rename(side, input.value()));
        })
    };
    let onselect = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(idx) = select.value().parse::<usize>() {
                dispatch.emit(Action::Select(side, idx));
            }
        })
    };

    let parsed = &pane.parsed;
    let history = pane.history();
    let n_lines = pane.text.lines().count();
    let summary = match history {
        Some(h) => html! {
            <p class="understood" aria-live="polite">
                <span class="pill" data-testid={format!("format-{key}")}>{format!("{} · {}", h.dialect.describe(), h.format.as_str())}</span>
                <span><b data-testid={format!("layer-count-{key}")}>{h.layers.len()}</b>{" layers"}</span>
                <span title="sum of layer sizes, as printed">{"Σ "}<b data-testid={format!("total-{key}")}>{bytes(h.total_bytes())}</b></span>
                if pane.is_stale() { <span class="muted">{"reading…"}</span> }
            </p>
        },
        None if pane.text.trim().is_empty() => html! {
            <p class="understood muted" aria-live="polite">{"Paste the output of "}<code>{"docker history IMAGE"}</code>{" here."}</p>
        },
        None => html! {
            <p class="understood warn" aria-live="polite" data-testid={format!("none-{key}")}>{"No docker history found in this text yet — see the notes below."}</p>
        },
    };
    let picker = (parsed.histories.len() > 1).then(|| {
        let options = parsed.histories.iter().enumerate().map(|(idx, h)| {
            let label = if h.label.is_empty() { format!("history {}", idx + 1) } else { h.label.clone() };
            html! {
                <option value={idx.to_string()} selected={idx == pane.selected}>
                    {format!("{} of {}: {} ({} layers, lines {}–{})", idx + 1, parsed.histories.len(), label, h.layers.len(), h.lines.0, h.lines.1)}
                </option>
            }
        });
        html! {
            <label class="picker">{"This paste holds several histories; compare "}
                <select onchange={onselect} data-testid={format!("picker-{key}")}>{ for options }</select>
            </label>
        }
    });

    html! {
        <section class={classes!("pane", key)} aria-label={format!("{key} paste")}>
            <header class="pane-head">
                <span class="side-tag">{key}</span>
                <input class="label" type="text" value={pane.label(side)} onchange={onrename}
                    aria-label={format!("Name of the {key} image")} data-testid={format!("label-{key}")}
                    spellcheck="false" />
            </header>
            {summary}
            {picker}
            <div class="editor">
                <div class="gutter" ref={gutter_ref} aria-hidden="true">
                    <Gutter parsed={parsed.clone()} {n_lines} selected={history.map(|_| pane.selected)} />
                </div>
                <textarea ref={textarea} {oninput} {onscroll}
                    spellcheck="false" wrap="off" autocomplete="off"
                    aria-label={format!("{key}: docker history output")}
                    placeholder="IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n<missing>      2 weeks ago   RUN /bin/sh -c apt-get install -y curl # buil…   42.1MB    buildkit.dockerfile.v0"
                    data-testid={format!("paste-{key}")} />
            </div>
            <DiagnosticList side={key} parsed={parsed.clone()} on_goto_line={goto_line.clone()} />
            if let Some(h) = history {
                <details class="parsed" open=true>
                    <summary>{format!("What was read: {} layers, newest first", h.layers.len())}</summary>
                    <LayerTable side={key} parsed={parsed.clone()} index={pane.selected} on_goto_line={goto_line} />
                </details>
            }
        </section>
    }
}

/// Selects line `line` (1-based) of the text box and scrolls it into view.
fn select_line(textarea: &NodeRef, line: usize) {
    let Some(area) = textarea.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let text = area.value();
    if line == 0 {
        return;
    }
    // The DOM counts UTF-16 code units.
    let mut start = 0u32;
    let mut end = 0u32;
    for (idx, l) in text.split_inclusive('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if idx + 1 == line {
            end = start + l.trim_end_matches(['\n', '\r']).encode_utf16().count() as u32;
            break;
        }
        start += len;
    }
    let _ = area.focus();
    let _ = area.set_selection_range(start, end.max(start));
    let top = ((line as f64 - 3.0).max(0.0) * LINE_PX) as i32;
    area.set_scroll_top(top);
}
