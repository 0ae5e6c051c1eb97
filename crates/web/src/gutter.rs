//! Line numbers beside a paste, marked with what the parser made of each line:
//! a layer row, a line it skipped or doubted (with the severity's icon), or
//! nothing. This is how diagnostics sit "next to the lines they concern".

use std::rc::Rc;

use yew::prelude::*;

use crate::diagnostics::severity_word;
use crate::text_view::LINE_PX;
use crate::windowed::spacer_style;
use layerdiff_core::model::{Parsed, Severity};
use layerdiff_core::window::Window;

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
    /// The lines shown: all of a short text, the ones near the visible
    /// lines of a long one (`windowed.rs`; row `i` is line `i + 1`).
    pub window: Window,
    /// Which history is compared (its lines are tinted).
    pub selected: Option<usize>,
}

/// The gutter of the lines in `window`. A component of its own so that it
/// re-renders only when the parse or the window changes, not per keystroke.
#[component]
pub fn Gutter(props: &GutterProps) -> Html {
    let (parsed, window, selected) = (&*props.parsed, props.window, props.selected);
    // Lines `first..=last` (1-based) are drawn; index `line - first` below.
    let (first, last) = (window.start + 1, window.end.max(1));
    let n = last + 1 - first.min(last + 1);
    let mut marks = vec![LineMark::Plain; n];
    let mut in_selected = vec![false; n];
    let mark_lines = |from: usize, to: usize, f: &mut dyn FnMut(usize)| {
        for line in from.max(first)..=to.min(last) {
            f(line - first);
        }
    };
    for (h_idx, history) in parsed.histories.iter().enumerate() {
        if history.lines.1 < first || history.lines.0 > last {
            continue;
        }
        for layer in &history.layers {
            mark_lines(layer.lines.0, layer.lines.1, &mut |i| {
                marks[i] = LineMark::Row
            });
        }
        if Some(h_idx) == selected {
            mark_lines(history.lines.0, history.lines.1, &mut |i| {
                in_selected[i] = true
            });
        }
    }
    // What the parser said about each line, shown when pointing at its marker.
    let mut said: std::collections::BTreeMap<usize, String> = Default::default();
    for d in &parsed.diagnostics {
        if d.line < first || d.line > last {
            continue;
        }
        {
            let entry = said.entry(d.line).or_default();
            if !entry.is_empty() {
                entry.push('\n');
            }
            entry.push_str(&format!("{}: {}", severity_word(d.severity).0, d.message));
        }
        if let Some(m) = marks.get_mut(d.line - first) {
            let worse = match *m {
                LineMark::Said(s) => d.severity > s,
                _ => true,
            };
            if worse {
                *m = LineMark::Said(d.severity);
            }
        }
    }
    let lines = (first..=last).take(n).map(|line| {
        let (class, icon) = match marks[line - first] {
            LineMark::Plain => ("g-plain", " "),
            LineMark::Row => ("g-row", "▸"),
            LineMark::Said(s) => {
                let (word, icon) = severity_word(s);
                (word, icon)
            }
        };
        let chosen = if in_selected[line - first] { "g-sel" } else { "" };
        let title = said.get(&line).cloned();
        html! { <span class={classes!("g", class, chosen)} {title}>{format!("{line:>4}{icon}\n")}</span> }
    });
    let pad = |rows: usize| (rows > 0).then(|| spacer_style(rows, LINE_PX));
    html! {
        <pre class="gutter-lines">
            if let Some(style) = pad(window.above()) { <span class="g-pad" {style}></span> }
            { for lines }
            if let Some(style) = pad(window.below()) { <span class="g-pad" {style}></span> }
        </pre>
    }
}
