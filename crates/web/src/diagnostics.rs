//! The list of what the parser skipped or doubted, each entry pointing at its
//! line: clicking one selects that line in the paste.

use yew::prelude::*;

use layerdiff_core::model::{Diagnostic, Parsed, Severity};

/// Props of [`DiagnosticList`].
#[derive(Properties, PartialEq)]
pub struct DiagnosticListProps {
    /// The step's place (`before`, `after`, `step-3`…), for test ids.
    pub side: AttrValue,
    /// The parse whose diagnostics are listed.
    pub parsed: std::rc::Rc<Parsed>,
    /// Called with a 1-based line number when an entry is chosen.
    pub on_goto_line: Callback<usize>,
}

/// Words and icon for a severity (the icon is a second cue beside colour).
pub fn severity_word(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Note => ("note", "ℹ"),
        Severity::Warning => ("warning", "⚠"),
        Severity::Error => ("error", "✖"),
    }
}

/// Lists diagnostics, most serious first within each line order.
#[component]
pub fn DiagnosticList(props: &DiagnosticListProps) -> Html {
    let diagnostics: &[Diagnostic] = &props.parsed.diagnostics;
    if diagnostics.is_empty() {
        return html! {};
    }
    let n_shown = 200;
    let items = diagnostics.iter().take(n_shown).map(|d| {
        let (word, icon) = severity_word(d.severity);
        let line = d.line;
        let goto = props.on_goto_line.reform(move |_: MouseEvent| line);
        html! {
            <li class={classes!("diag", word)}>
                <button type="button" class="diag-line" onclick={goto}
                    title="Show this line in the paste" disabled={line == 0}>
                    { if line == 0 { "paste".to_string() } else { format!("line {line}") } }
                </button>
                <span class="diag-icon" aria-hidden="true">{icon}</span>
                <span class="visually-hidden">{format!("{word}: ")}</span>
                <span class="diag-message">{&d.message}</span>
                if !d.text.trim().is_empty() {
                    <code class="diag-text">{&d.text}</code>
                }
            </li>
        }
    });
    let hidden = diagnostics.len().saturating_sub(n_shown);
    html! {
        <details class="diagnostics" open={diagnostics.iter().any(|d| d.severity >= Severity::Warning)}>
            <summary>{format!("{} note{} on the paste", diagnostics.len(), if diagnostics.len() == 1 { "" } else { "s" })}</summary>
            <ul data-testid={format!("diagnostics-{}", props.side)}>
                { for items }
                if hidden > 0 { <li class="diag note">{format!("… and {hidden} more")}</li> }
            </ul>
        </details>
    }
}
