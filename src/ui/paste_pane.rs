//! One paste pane (a step of the path): an editable label, buttons to move
//! and remove the step (also Alt+←/→ in its head), the text box with its line
//! gutter, what the parser understood (format, layer count, sum of sizes), a
//! picker when the paste holds several histories, the diagnostics, and the
//! parsed layer table. The pane reads its own text (`use_reading`), so its
//! parse worker follows it wherever it moves. Its `data-step-position` tells
//! the page's drop handler (`hooks/page_input.rs`) which step a file fell on.

use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::app::{Action, AppState, Pane, Text, VIEW_ONLY_BYTES};
use crate::core::compare::numbers::human_bytes as bytes;
use crate::core::text::thousands;
use crate::core::text::LineIndex;
use crate::ui::diagnostics::DiagnosticList;
use crate::ui::dom::active_element;
use crate::ui::gutter::Gutter;
use crate::ui::hooks::use_reading;
use crate::ui::layer_table::LayerTable;
use crate::ui::text_view::{TextView, LINE_PX};
use crate::ui::windowed::use_window;

/// Props of [`PastePane`].
#[derive(Properties, PartialEq)]
pub struct PastePaneProps {
    /// Where the step is (0 = the first).
    pub position: usize,
    /// How many steps there are.
    pub n_steps: usize,
    /// Whether the comparison shows this step, as its `old` or `new` side.
    #[prop_or_default]
    pub compared: Option<&'static str>,
    /// Its state.
    pub pane: Pane,
    /// Sends an action to the page's reducer.
    pub dispatch: Callback<Action>,
}

/// A paste pane.
#[component]
pub fn PastePane(props: &PastePaneProps) -> Html {
    let pane = &props.pane;
    let (id, position) = (pane.id, props.position);
    let key = place_key(position);
    let key = key.as_str();
    let name = pane.label(&AppState::place_name(position));
    use_reading(pane, &props.dispatch);
    let textarea = use_node_ref();
    let gutter_ref = use_node_ref();
    let view_ref = use_node_ref();
    let lines = use_memo(pane.text.clone(), |text| LineIndex::of(text));
    let n_lines = lines.count();
    // A big paste is shown read-only (`ui/text_view.rs`) unless the user
    // asked for this very text in the text box.
    let edit_big = use_state(|| None::<Text>);
    let read_only =
        pane.text.len() > VIEW_ONLY_BYTES && !edit_big.as_ref().is_some_and(|t| t.same(&pane.text));
    let highlight = use_state_eq(|| None::<usize>);

    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let text = area.value();
            if e.input_type() == "insertFromPaste" || e.input_type() == "insertFromDrop" {
                dispatch.emit(Action::PasteText(id, text));
            } else {
                dispatch.emit(Action::EditText(id, text));
            }
        })
    };
    // A paste too big for the text box is taken before the browser puts it
    // there (the box would freeze the page laying it out); any paste into
    // the read-only view replaces the text.
    let onpaste = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(text) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text/plain").ok())
            else {
                return;
            };
            if read_only || text.len() > VIEW_ONLY_BYTES {
                e.prevent_default();
                if !text.is_empty() {
                    // In a task of its own: taking megabytes off the
                    // clipboard is one long task, showing them another.
                    let dispatch = dispatch.clone();
                    Timeout::new(0, move || dispatch.emit(Action::PasteText(id, text))).forget();
                }
            }
        })
    };
    let (window, on_lines_scroll) = use_window(n_lines, LINE_PX);
    let onscroll = {
        let gutter_ref = gutter_ref.clone();
        Callback::from(move |e: Event| {
            let scroller: web_sys::Element = e.target_unchecked_into();
            if let Some(g) = gutter_ref.cast::<web_sys::HtmlElement>() {
                g.set_scroll_top(scroller.scroll_top());
            }
            on_lines_scroll.emit(scroller.scroll_top());
        })
    };
    // Stable across renders (it reads the text from the box when used), so
    // the table and the notes do not re-render on every keystroke.
    let goto_line = use_callback(
        (
            textarea.clone(),
            view_ref.clone(),
            highlight.clone(),
            read_only,
        ),
        |line: usize, (textarea, view_ref, highlight, read_only)| {
            if *read_only {
                show_line(view_ref, highlight, line);
            } else {
                select_line(textarea, line);
            }
        },
    );
    let on_edit = {
        let (edit_big, text) = (edit_big.clone(), pane.text.clone());
        Callback::from(move |_: MouseEvent| edit_big.set(Some(text.clone())))
    };
    // Keep the gutter on the text box's scroll position after every render:
    // a paste scrolls the box before the gutter has grown to its new length.
    {
        let (textarea, view_ref, gutter_ref) =
            (textarea.clone(), view_ref.clone(), gutter_ref.clone());
        use_effect(move || {
            let scroller = textarea
                .cast::<web_sys::Element>()
                .or_else(|| view_ref.cast::<web_sys::Element>());
            if let (Some(scroller), Some(g)) = (scroller, gutter_ref.cast::<web_sys::HtmlElement>())
            {
                g.set_scroll_top(scroller.scroll_top());
            }
        });
    }
    // The text box is not re-filled on every render (re-setting a big value is
    // slow and moves the caret): only when the state holds another text than
    // the box, as after a split paste, a swap, a link or the demo.
    {
        let textarea = textarea.clone();
        use_effect_with((pane.text.clone(), read_only), move |(text, _)| {
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
            dispatch.emit(Action::Rename(id, input.value()));
        })
    };
    let onselect = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(idx) = select.value().parse::<usize>() {
                dispatch.emit(Action::Select(id, idx));
            }
        })
    };

    // Moving a step moves its element in the page, which loses the focus:
    // the control that moved it gets it back once the step is in its place.
    let focused = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let focused = focused.clone();
        use_effect_with(position, move |_| {
            if let Some(element) = focused.borrow_mut().take() {
                let _ = element.focus();
            }
        });
    }
    let on_head_key = {
        let (dispatch, focused, n_steps) = (props.dispatch.clone(), focused.clone(), props.n_steps);
        Callback::from(move |e: KeyboardEvent| {
            let to = match e.key().as_str() {
                "ArrowLeft" | "ArrowUp" if e.alt_key() && position > 0 => position - 1,
                "ArrowRight" | "ArrowDown" if e.alt_key() && position + 1 < n_steps => position + 1,
                _ => return,
            };
            e.prevent_default();
            *focused.borrow_mut() = active_element();
            dispatch.emit(Action::MoveStep(id, to));
        })
    };

    let parsed = &pane.parsed;
    let history = pane.history();
    let reading_big = pane.is_stale() && pane.reads_in_worker();
    let summary = match history {
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
        <section class={classes!("pane", key.to_string())} aria-label={format!("{key} paste")} data-compared={props.compared}
            data-step-position={position.to_string()}>
            <header class="pane-head" onkeydown={on_head_key}>
                <span class="side-tag">{AppState::place_name(position)}</span>
                <input class="label" type="text" value={name.clone()} onchange={onrename}
                    aria-label={format!("Name of the {key} image")} data-testid={format!("label-{key}")}
                    spellcheck="false" />
                {step_tools(&props.dispatch, &focused, id, position, props.n_steps, &name, key)}
            </header>
            if reading_big {
                <p class="reading" role="status" data-testid={format!("reading-{key}")}>
                    <progress aria-label={format!("reading the {key} paste")}></progress>
                    {format!(" Reading {} of text…", bytes(pane.text.len() as u64))}
                </p>
            }
            {summary}
            {picker}
            if read_only {
                <p class="text-view-note muted small">
                    {format!("{} lines, shown read-only: a text box this big would freeze the page. ", thousands(n_lines))}
                    <button type="button" class="linkish" onclick={on_edit} data-testid={format!("edit-as-text-{key}")}>
                        {"Edit as text (slow)"}
                    </button>
                </p>
            }
            <div class="editor">
                <div class="gutter" ref={gutter_ref} aria-hidden="true">
                    <Gutter parsed={parsed.clone()} {window} selected={history.map(|_| pane.selected)} />
                </div>
                if read_only {
                    <TextView side={AttrValue::from(key.to_string())} text={pane.text.clone()} lines={lines.clone()} {window}
                        highlight={*highlight} view_ref={view_ref.clone()} {onscroll} {onpaste} />
                } else {
                <textarea ref={textarea} {oninput} {onscroll} {onpaste}
                    spellcheck="false" wrap="off" autocomplete="off"
                    aria-label={format!("{key}: docker history output")}
                    placeholder="IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n<missing>      2 weeks ago   RUN /bin/sh -c apt-get install -y curl # buil…   42.1MB    buildkit.dockerfile.v0"
                    data-testid={format!("paste-{key}")} />
                }
            </div>
            <DiagnosticList side={AttrValue::from(key.to_string())} parsed={parsed.clone()} on_goto_line={goto_line.clone()} />
            if let Some(h) = history {
                <details class="parsed" open=true>
                    <summary>{format!("What was read: {} layers, newest first", h.layers.len())}</summary>
                    <LayerTable side={AttrValue::from(key.to_string())} parsed={parsed.clone()} index={pane.selected} on_goto_line={goto_line} />
                </details>
            }
        </section>
    }
}

/// The word in the test ids and classes of the step at `position`:
/// `before`, `after`, then `step-3`, `step-4`…
pub fn place_key(position: usize) -> String {
    AppState::place_name(position).replace(' ', "-")
}

/// The step's own buttons: earlier, later, remove (never below two steps).
fn step_tools(
    dispatch: &Callback<Action>,
    focused: &std::rc::Rc<std::cell::RefCell<Option<web_sys::HtmlElement>>>,
    id: crate::core::app::StepId,
    position: usize,
    n_steps: usize,
    name: &str,
    key: &str,
) -> Html {
    let move_to = |to: usize| {
        let (dispatch, focused) = (dispatch.clone(), focused.clone());
        Callback::from(move |_: MouseEvent| {
            *focused.borrow_mut() = active_element();
            dispatch.emit(Action::MoveStep(id, to));
        })
    };
    let remove = dispatch.reform(move |_: MouseEvent| Action::RemoveStep(id));
    html! {
        <span class="step-tools" role="group" aria-label={format!("Step {}: move or remove", position + 1)}>
            <button type="button" onclick={move_to(position.saturating_sub(1))} disabled={position == 0}
                aria-label={format!("Move {name} one step earlier (Alt+←)")} data-testid={format!("earlier-{key}")}>{"◀"}</button>
            <button type="button" onclick={move_to(position + 1)} disabled={position + 1 >= n_steps}
                aria-label={format!("Move {name} one step later (Alt+→)")} data-testid={format!("later-{key}")}>{"▶"}</button>
            if n_steps > 2 {
                <button type="button" onclick={remove}
                    aria-label={format!("Remove step {}: {name}", position + 1)} data-testid={format!("remove-{key}")}>{"✕"}</button>
            }
        </span>
    }
}

/// Scrolls the read-only view to line `line` (1-based) and highlights it.
fn show_line(view_ref: &NodeRef, highlight: &UseStateHandle<Option<usize>>, line: usize) {
    if let Some(view) = view_ref.cast::<web_sys::HtmlElement>() {
        let top = ((line as f64 - 3.0).max(0.0) * LINE_PX) as i32;
        view.set_scroll_top(top);
        let _ = view.focus();
    }
    highlight.set(Some(line));
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
