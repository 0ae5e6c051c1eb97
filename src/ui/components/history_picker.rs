//! The picker shown when a paste holds several histories: which one the
//! step compares (each named with its layer count and lines).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::model::Parsed;

/// Props of [`HistoryPicker`].
#[derive(Properties, PartialEq)]
pub struct HistoryPickerProps {
    pub parsed: Rc<Parsed>,
    /// The history chosen.
    pub selected: usize,
    /// The word in the step's test ids (`before`, `after`, `step-3`…).
    pub key_word: AttrValue,
    /// Called with the index of the history picked.
    pub on_pick: Callback<usize>,
}

/// "This paste holds several histories; compare …" (nothing for one).
#[component]
pub fn HistoryPicker(props: &HistoryPickerProps) -> Html {
    let all = &props.parsed.histories;
    if all.len() <= 1 {
        return html! {};
    }
    let options = all.iter().enumerate().map(|(idx, h)| {
        let label = if h.label.is_empty() { format!("history {}", idx + 1) } else { h.label.clone() };
        html! {
            <option value={idx.to_string()} selected={idx == props.selected}>
                {format!("{} of {}: {} ({} layers, lines {}–{})", idx + 1, all.len(), label, h.layers.len(), h.lines.0, h.lines.1)}
            </option>
        }
    });
    let on_pick = props.on_pick.clone();
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(idx) = select.value().parse::<usize>() {
            on_pick.emit(idx);
        }
    });
    html! {
        <label class="picker">{"This paste holds several histories; compare "}
            <select {onchange} data-testid={format!("picker-{}", props.key_word)}>{ for options }</select>
        </label>
    }
}
