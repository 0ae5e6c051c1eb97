//! How much of a paste is kept, and the words that say what was left out.
//!
//! Nobody pastes 100,000 layers on purpose, but people do paste the wrong
//! file, a whole CI log, or a history printed in a loop. Everything after the
//! parser (the comparison, the chart, the page's tables, the share link) is
//! sized for real images: `docker` refuses more than 127 file-system layers,
//! so even with the empty (`0B`) metadata rows a real history has a few
//! hundred rows at most. The caps below are far above that and low enough that
//! what follows the parse stays quick; whatever they drop is said in a warning
//! on the line where the dropping starts, with the numbers (never silently).

use crate::model::{Diagnostic, Parsed, Severity};
use crate::order::sort_by_rank;
use crate::text::{human_bytes, thousands};

/// Bytes of a paste that are read; the rest is left out, cut at a line end.
pub const MAX_PASTE_BYTES: usize = 20_000_000;
/// Layers kept per history (the newest, as printed).
pub const MAX_LAYERS_PER_HISTORY: usize = 5_000;
/// Layers kept over all the histories of one paste.
pub const MAX_LAYERS: usize = 20_000;
/// Histories kept per paste.
pub const MAX_HISTORIES: usize = 500;
/// Diagnostics listed per paste (one more says how many were not).
pub const MAX_DIAGNOSTICS: usize = 500;

/// The part of `text` that is read: all of it, or its first
/// [`MAX_PASTE_BYTES`] up to the end of a line.
pub fn readable_part(text: &str) -> &str {
    if text.len() <= MAX_PASTE_BYTES {
        return text;
    }
    let mut end = MAX_PASTE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind('\n') {
        Some(newline) => &text[..=newline],
        None => &text[..end],
    }
}

/// Applies the caps to `parsed`, read from `read` out of the whole `text`,
/// and says in warnings what was dropped.
pub fn apply(parsed: &mut Parsed, text: &str, read: &str) {
    let mut notes = Vec::new();
    if read.len() < text.len() {
        notes.push(paste_cut(text, read));
    }
    cap_histories(parsed, &mut notes);
    cap_diagnostics(&mut parsed.diagnostics);
    if !notes.is_empty() {
        parsed.diagnostics.extend(notes);
        sort_by_rank(&mut parsed.diagnostics, |d| d.line as u128);
    }
}

fn paste_cut(text: &str, read: &str) -> Diagnostic {
    let lines = read.lines().count();
    warning(
        lines + 1,
        format!(
            "this paste is {}: only its first {} (lines 1–{lines}) were read, the rest was left out",
            human_bytes(text.len() as u64),
            human_bytes(MAX_PASTE_BYTES as u64)
        ),
    )
}

/// Drops layers beyond the per-history and per-paste caps, and histories
/// beyond [`MAX_HISTORIES`] or once no layer is left to keep.
fn cap_histories(parsed: &mut Parsed, notes: &mut Vec<Diagnostic>) {
    let mut budget = MAX_LAYERS;
    let mut keep = parsed.histories.len().min(MAX_HISTORIES);
    for (idx, history) in parsed.histories.iter_mut().enumerate().take(keep) {
        if budget == 0 {
            keep = idx;
            break;
        }
        let total = history.layers.len();
        let cap = MAX_LAYERS_PER_HISTORY.min(budget);
        if total > cap {
            let first_dropped = history.layers[cap].lines.0;
            history.layers.truncate(cap);
            history.dropped_layers = total - cap;
            notes.push(warning(
                first_dropped,
                format!(
                    "this history has {} layers: the first {} as printed (the newest) are kept, the {} older ones from here on were left out (at most {} per history, {} per paste)",
                    thousands(total),
                    thousands(cap),
                    thousands(total - cap),
                    thousands(MAX_LAYERS_PER_HISTORY),
                    thousands(MAX_LAYERS)
                ),
            ));
        }
        budget -= history.layers.len();
    }
    if keep < parsed.histories.len() {
        let dropped = parsed.histories.len() - keep;
        let line = parsed.histories[keep].lines.0;
        parsed.histories.truncate(keep);
        notes.push(warning(
            line,
            format!(
                "this paste holds {} histories: the first {} are kept, the {} from here on were left out (at most {} histories and {} layers per paste)",
                thousands(keep + dropped),
                thousands(keep),
                thousands(dropped),
                thousands(MAX_HISTORIES),
                thousands(MAX_LAYERS)
            ),
        ));
    }
}

fn cap_diagnostics(diags: &mut Vec<Diagnostic>) {
    if diags.len() <= MAX_DIAGNOSTICS {
        return;
    }
    let left_out = diags.len() - MAX_DIAGNOSTICS;
    let line = diags[MAX_DIAGNOSTICS].line;
    diags.truncate(MAX_DIAGNOSTICS);
    diags.push(Diagnostic {
        severity: Severity::Note,
        line,
        text: String::new(),
        message: format!(
            "{} more notes from here on are not listed",
            thousands(left_out)
        ),
    });
}

fn warning(line: usize, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        line,
        text: String::new(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_part_cuts_at_a_line_end() {
        let line = "x".repeat(999) + "\n";
        let text = line.repeat(MAX_PASTE_BYTES / 1000 + 3);
        let read = readable_part(&text);
        assert!(read.len() <= MAX_PASTE_BYTES);
        assert!(read.ends_with('\n'));
        assert_eq!(readable_part("short\ntext"), "short\ntext");
    }

    #[test]
    fn readable_part_of_one_huge_line_stops_on_a_char_boundary() {
        let text = "é".repeat(MAX_PASTE_BYTES / 2 + 10);
        let read = readable_part(&text);
        assert!(read.len() <= MAX_PASTE_BYTES && read.len() >= MAX_PASTE_BYTES - 1);
    }
}
