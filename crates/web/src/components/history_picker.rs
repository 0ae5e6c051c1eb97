//! The picker shown when a paste holds several histories: which one the
//! step compares (each named with its layer count and lines).

use yew::prelude::*;

use layerdiff_core::model::Parsed;

/// "This paste holds several histories; compare …" (nothing for one):
/// `selected` is the history chosen, `key` the word in the step's test ids,
/// `on_pick` gets the index picked.
pub fn history_picker(
    parsed: &Parsed,
    selected: usize,
    key: &str,
    on_pick: Callback<usize>,
) -> Html {
    let all = &parsed.histories;
    if all.len() <= 1 {
        return html! {};
    }
    let options = all.iter().enumerate().map(|(idx, h)| {
        let label = if h.label.is_empty() { format!("history {}", idx + 1) } else { h.label.clone() };
        html! {
            <option value={idx.to_string()} selected={idx == selected}>
                {format!("{} of {}: {} ({} layers, lines {}–{})", idx + 1, all.len(), label, h.layers.len(), h.lines.0, h.lines.1)}
            </option>
        }
    });
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Ok(idx) = select.value().parse::<usize>() {
            on_pick.emit(idx);
        }
    });
    html! {
        <label class="picker">{"This paste holds several histories; compare "}
            <select {onchange} data-testid={format!("picker-{}", key)}>{ for options }</select>
        </label>
    }
}
