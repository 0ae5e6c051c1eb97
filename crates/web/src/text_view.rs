//! A big paste, shown read-only and windowed instead of in the text box.
//!
//! A browser lays out every line of a text box: 100,000 lines cost it
//! seconds of main-thread work (measured in the end-to-end tests), and a 5 MB
//! line as much. A paste over [`layerdiff_core::app::VIEW_ONLY_BYTES`] is
//! therefore kept in the page's state and shown here, only the lines near the
//! visible ones in the page (`layerdiff_core::window`), each cut to
//! [`MAX_SHOWN_CHARS`]. Nothing of the text is lost: the parse, the share
//! box and the exports read the whole of it, and "Edit as text" puts it in
//! the text box when the user asks (and accepts the wait).

use std::rc::Rc;

use yew::prelude::*;

use crate::windowed::spacer_style;
use layerdiff_core::app::Text;
use layerdiff_core::text::thousands;
use layerdiff_core::text::LineIndex;
use layerdiff_core::window::Window;

/// Line height of a paste in CSS pixels, in the text box, this view and
/// the gutter alike (kept equal to `--line` in main.css).
pub const LINE_PX: f64 = 20.0;

/// Characters of one line put in the page; the rest is counted.
pub const MAX_SHOWN_CHARS: usize = 600;

/// Props of [`TextView`].
#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    /// The step's place (`before`, `after`, `step-3`…), for test ids.
    pub side: AttrValue,
    /// The whole text.
    pub text: Text,
    /// Its lines.
    pub lines: Rc<LineIndex>,
    /// Which lines are in the page.
    pub window: Window,
    /// The line shown highlighted (1-based), after a "show in the paste".
    pub highlight: Option<usize>,
    /// The scroll container (for scrolling to a line).
    pub view_ref: NodeRef,
    /// Scrolling the view.
    pub onscroll: Callback<Event>,
    /// Pasting into the view replaces the text.
    pub onpaste: Callback<Event>,
}

/// The read-only view of a big paste.
#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    let (window, text) = (props.window, &*props.text);
    let rows = (window.start..window.end).map(|idx| {
        let line = props.lines.line(text, idx);
        let (shown, more) = match line.char_indices().nth(MAX_SHOWN_CHARS) {
            Some((cut, _)) => (&line[..cut], line[cut..].chars().count()),
            None => (line, 0),
        };
        let hl = props.highlight == Some(idx + 1);
        html! {
            <div class={classes!("tv-line", hl.then_some("hl-line"))}>
                {shown}
                if more > 0 { <span class="tv-more">{format!(" … (+{} characters)", thousands(more))}</span> }
                {"\n"}
            </div>
        }
    });
    let pad = |rows: usize| spacer_style(rows, LINE_PX);
    html! {
        <div class="text-view" ref={props.view_ref.clone()} tabindex="0" role="textbox"
            aria-readonly="true" aria-multiline="true"
            aria-label={format!("{}: docker history output (read-only, {} lines)", props.side, thousands(props.lines.count()))}
            onscroll={props.onscroll.clone()} onpaste={props.onpaste.clone()}
            data-testid={format!("paste-{}", props.side)}>
            <div style={pad(window.above())}></div>
            { for rows }
            <div style={pad(window.below())}></div>
        </div>
    }
}
