//! One paste pane (a step of the path): an editable label, buttons to move
//! and remove the step (also Alt+←/→ in its head), the text box with its line
//! gutter, what the parser understood (format, layer count, sum of sizes), a
//! picker when the paste holds several histories, the diagnostics, and the
//! parsed layer table, each a component of its own (`pane_head.rs`,
//! `pane_summary.rs`, `history_picker.rs`, the text box's hooks in
//! `text_box.rs`). The pane reads its own text (`use_reading`), so its
//! parse worker follows it wherever it moves. Its `data-step-position` tells
//! the page's drop handler (`hooks/page_input.rs`) which step a file fell on.

use yew::prelude::*;

use crate::components::history_picker::history_picker;
use crate::components::pane_head::{pane_head, use_focus_after_move, HeadParts};
use crate::components::pane_summary::pane_summary;
use crate::components::text_box::{
    follow_gutter, text_input, use_goto_line, use_pane_refs, use_text_in_box,
};
use crate::diagnostics::DiagnosticList;
use crate::gutter::Gutter;
use crate::hooks::use_reading;
use crate::layer_table::LayerTable;
use crate::text_view::{TextView, LINE_PX};
use crate::windowed::use_window;
use layerdiff_core::app::{Action, AppState, Pane, Text, VIEW_ONLY_BYTES};
use layerdiff_core::text::thousands;
use layerdiff_core::text::LineIndex;

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
    let key = AttrValue::from(place_key(position));
    let name = pane.label(&AppState::place_name(position));
    use_reading(pane, &props.dispatch);
    let refs = use_pane_refs();
    let lines = use_memo(pane.text.clone(), |text| LineIndex::of(text));
    let n_lines = lines.count();
    // A big paste is shown read-only (`text_view.rs`) unless the user
    // asked for this very text in the text box.
    let edit_big = use_state(|| None::<Text>);
    let read_only =
        pane.text.len() > VIEW_ONLY_BYTES && !edit_big.as_ref().is_some_and(|t| t.same(&pane.text));
    let highlight = use_state_eq(|| None::<usize>);
    let (oninput, onpaste) = text_input(id, read_only, &props.dispatch);
    let (window, on_lines_scroll) = use_window(n_lines, LINE_PX);
    let onscroll = follow_gutter(&refs.gutter, on_lines_scroll);
    let goto_line = use_goto_line(&refs, &highlight, read_only);
    let on_edit = {
        let (edit_big, text) = (edit_big.clone(), pane.text.clone());
        Callback::from(move |_: MouseEvent| edit_big.set(Some(text.clone())))
    };
    use_text_in_box(&refs, &pane.text, read_only);
    let on_pick = props.dispatch.reform(move |idx| Action::Select(id, idx));
    let (parsed, history) = (&pane.parsed, pane.history());
    let focused = use_focus_after_move(position);
    let (n_steps, dispatch) = (props.n_steps, &props.dispatch);
    let head = pane_head(HeadParts {
        id,
        position,
        n_steps,
        name: &name,
        key: &key,
        dispatch,
        focused: &focused,
    });
    html! {
        <section class={classes!("pane", key.to_string())} aria-label={format!("{key} paste")} data-compared={props.compared}
            data-step-position={position.to_string()}>
            {head}
            {pane_summary(pane, &key)}
            {history_picker(parsed, pane.selected, &key, on_pick)}
            if read_only {
                <p class="text-view-note muted small">
                    {format!("{} lines, shown read-only: a text box this big would freeze the page. ", thousands(n_lines))}
                    <button type="button" class="linkish" onclick={on_edit} data-testid={format!("edit-as-text-{key}")}>
                        {"Edit as text (slow)"}
                    </button>
                </p>
            }
            <div class="editor">
                <div class="gutter" ref={refs.gutter.clone()} aria-hidden="true">
                    <Gutter parsed={parsed.clone()} {window} selected={history.map(|_| pane.selected)} />
                </div>
                if read_only {
                    <TextView side={key.clone()} text={pane.text.clone()} lines={lines.clone()} {window}
                        highlight={*highlight} view_ref={refs.view.clone()} {onscroll} {onpaste} />
                } else {
                <textarea ref={refs.textarea.clone()} {oninput} {onscroll} {onpaste}
                    spellcheck="false" wrap="off" autocomplete="off"
                    aria-label={format!("{key}: docker history output")}
                    placeholder="IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n<missing>      2 weeks ago   RUN /bin/sh -c apt-get install -y curl # buil…   42.1MB    buildkit.dockerfile.v0"
                    data-testid={format!("paste-{key}")} />
                }
            </div>
            <DiagnosticList side={key.clone()} parsed={parsed.clone()} on_goto_line={goto_line.clone()} />
            if let Some(h) = history {
                <details class="parsed" open=true>
                    <summary>{format!("What was read: {} layers, newest first", h.layers.len())}</summary>
                    <LayerTable side={key} parsed={parsed.clone()} index={pane.selected} on_goto_line={goto_line} />
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
