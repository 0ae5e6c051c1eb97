//! Line numbers beside a paste, marked with what the parser made of each line:
//! a layer row, a line it skipped or doubted (with the severity's icon), or
//! nothing. This is how diagnostics sit "next to the lines they concern".

use std::rc::Rc;

use yew::prelude::*;

use crate::core::model::{Parsed, Severity};
use crate::ui::diagnostics::severity_word;

/// Beyond this many lines the gutter shows no markers (the list still does).
const MAX_MARKED_LINES: usize = 20_000;

/// What one line of the paste became.
#[derive(Clone, Copy, PartialEq)]
enum LineMark {
    Plain,
    Row,
    Said(Severity),
}

/// Props of [`Gutter`].
#[derive(Properties, PartialEq)]
pub struct GutterProps {
    /// What the parser made of the text.
    pub parsed: Rc<Parsed>,
    /// How many lines the text has.
    pub n_lines: usize,
    /// Which history is compared (its lines are tinted).
    pub selected: Option<usize>,
}

/// The gutter for a text of `n_lines` lines. A component of its own so that it
/// re-renders only when the parse or the line count changes, not per keystroke.
#[component]
pub fn Gutter(props: &GutterProps) -> Html {
    let (parsed, n_lines, selected) = (&*props.parsed, props.n_lines, props.selected);
    let n_lines = n_lines.clamp(1, MAX_MARKED_LINES);
    let mut marks = vec![LineMark::Plain; n_lines + 1];
    let mut in_selected = vec![false; n_lines + 1];
    for (h_idx, history) in parsed.histories.iter().enumerate() {
        for layer in &history.layers {
            for line in layer.lines.0..=layer.lines.1.min(n_lines) {
                if let Some(m) = marks.get_mut(line) {
                    *m = LineMark::Row;
                }
            }
        }
        if Some(h_idx) == selected {
            for line in history.lines.0..=history.lines.1.min(n_lines) {
                if let Some(m) = in_selected.get_mut(line) {
                    *m = true;
                }
            }
        }
    }
    // What the parser said about each line, shown when pointing at its marker.
    let mut said: std::collections::BTreeMap<usize, String> = Default::default();
    for d in &parsed.diagnostics {
        if d.line > 0 && d.line <= n_lines {
            let entry = said.entry(d.line).or_default();
            if !entry.is_empty() {
                entry.push('\n');
            }
            entry.push_str(&format!("{}: {}", severity_word(d.severity).0, d.message));
        }
        if let Some(m) = marks.get_mut(d.line) {
            let worse = match *m {
                LineMark::Said(s) => d.severity > s,
                _ => true,
            };
            if worse && d.line > 0 {
                *m = LineMark::Said(d.severity);
            }
        }
    }
    let lines = (1..=n_lines).map(|line| {
        let (class, icon) = match marks[line] {
            LineMark::Plain => ("g-plain", " "),
            LineMark::Row => ("g-row", "▸"),
            LineMark::Said(s) => {
                let (word, icon) = severity_word(s);
                (word, icon)
            }
        };
        let chosen = if in_selected[line] { "g-sel" } else { "" };
        let title = said.get(&line).cloned();
        html! { <span class={classes!("g", class, chosen)} {title}>{format!("{line:>4}{icon}\n")}</span> }
    });
    html! { <pre class="gutter-lines">{ for lines }</pre> }
}
