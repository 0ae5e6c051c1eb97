//! Names a history from what stands before it in the paste: the nearest
//! heading or `=== x ===` marker, and the image argument of the nearest
//! `docker history IMAGE` command — `Backend size beforehand (back)`,
//! `noopt layers (lab4/noopt:1.0)`, or just `irods/midtier:latest`.
//!
//! Headings lose their markdown (`###`, `**`) and trailing size claims
//! (`: 417 MB`), which describe the image, not the history. A single-`#` line
//! right above a command line is a shell comment, not a heading.

use super::classify::{heading_text, is_fence, marker_text};
use super::command::{history_command, shell_words};
use super::segment::Line;
use super::size::parse_size;

/// The label for a history whose first line (header, first row or first JSON
/// line) is `lines[start]`, looking back no further than `lines[floor]`.
/// `in_fence[i]` tells whether line `i` is inside a fenced block.
pub fn label_for(lines: &[Line<'_>], in_fence: &[bool], floor: usize, start: usize) -> String {
    let mut image: Option<String> = None;
    let mut heading: Option<String> = None;
    let lowest = floor.max(start.saturating_sub(40));
    let mut k = start;
    // After a heading is found, a command just above it still names the image.
    let mut budget_after_heading = 3usize;
    while k > lowest {
        k -= 1;
        let Some(line) = lines.get(k) else { break };
        let t = line.text.trim();
        if t.is_empty() || is_fence(t) {
            continue;
        }
        if heading.is_some() {
            if budget_after_heading == 0 {
                break;
            }
            budget_after_heading -= 1;
        }
        if let Some(cmd) = history_command(t) {
            if image.is_none() {
                // A command wrapped right after `history` goes on on the next line.
                let wrapped = t.trim_end_matches('`').trim_end().ends_with("history");
                image = cmd.image.or_else(|| {
                    wrapped
                        .then(|| argument_on_next_line(lines, k + 1, start))
                        .flatten()
                });
            }
            if heading.is_some() {
                break;
            }
            continue;
        }
        if heading.is_none() {
            let underlined = k
                .checked_sub(1)
                .filter(|&p| p >= lowest)
                .and_then(|p| lines.get(p))
                .map(|l| l.text.trim())
                .filter(|above| !above.is_empty() && is_underline(t));
            if let Some(above) = underlined {
                // A setext heading: `Before` over `======`.
                heading = Some(clean_heading(above));
                k -= 1;
            } else if let Some(m) = marker_text(t) {
                heading = Some(clean_heading(m));
            } else if let Some(h) = html_heading(t) {
                heading = Some(clean_heading(&h));
            } else if let Some(h) = heading_text(t) {
                // `##`+ is a heading even where fences look open (a paste may
                // start inside a code block); a single `#` inside a fence or
                // right above a command is a shell comment.
                let hashes = t.chars().take_while(|&c| c == '#').count();
                let shell_comment = hashes == 1
                    && (in_fence.get(k).copied().unwrap_or(false) || next_is_command(lines, k + 1));
                if !shell_comment {
                    heading = Some(clean_heading(h));
                }
            }
            if heading.is_some() && image.is_some() {
                break;
            }
        }
    }
    if heading.is_none() && image.is_none() {
        heading = caption_above(lines, floor, start);
    }
    if image.is_some() && heading.as_deref().is_some_and(is_generic) {
        heading = None;
    }
    compose(heading.filter(|h| !h.is_empty()), image)
}

/// `<h3>Before</h3>` in a page's HTML source: its text.
fn html_heading(t: &str) -> Option<String> {
    let rest = t.strip_prefix("<h")?;
    let level = rest.chars().next()?;
    if !('1'..='6').contains(&level) {
        return None;
    }
    let mut text = String::new();
    let mut in_tag = true;
    for c in rest.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

/// `=====` or `-----` under a setext heading.
fn is_underline(t: &str) -> bool {
    t.len() >= 3 && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

/// A short line ending in `:` just above the history (`Before:`,
/// `**Output:**`), used when nothing better names it.
fn caption_above(lines: &[Line<'_>], floor: usize, start: usize) -> Option<String> {
    let mut k = start;
    let mut seen = 0;
    while k > floor && seen < 2 {
        k -= 1;
        let t = lines.get(k)?.text.trim();
        if t.is_empty() || is_fence(t) {
            continue;
        }
        seen += 1;
        let plain = t.replace("**", "").replace("__", "");
        let plain = plain.trim();
        if plain.ends_with(':') && plain.chars().count() <= 60 {
            return Some(clean_heading(plain));
        }
    }
    None
}

/// Words that say nothing about which history this is.
const GENERIC: &[&str] = &[
    "history", "docker", "podman", "nerdctl", "image", "images", "layer", "layers", "output",
    "result", "results", "command", "commands", "the", "of", "and", "a", "analysis", "分析",
    "check", "show", "view", "inspect", "size", "sizes", "full", "here", "is", "it", "its",
];

/// A heading like `1. History` or `Docker history 分析`: only generic words.
fn is_generic(heading: &str) -> bool {
    heading
        .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        // ASCII case only (every generic word is ASCII or caseless):
        // Unicode case mapping would put its tables (~12 KiB) in the wasm.
        .all(|w| GENERIC.iter().any(|g| g.eq_ignore_ascii_case(w)))
}

fn compose(heading: Option<String>, image: Option<String>) -> String {
    match (heading, image) {
        (Some(h), Some(i))
            if h.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '`'))
                .any(|w| w.eq_ignore_ascii_case(&i)) =>
        {
            h
        }
        (Some(h), Some(i)) => format!("{h} ({i})"),
        (Some(h), None) => h,
        (None, Some(i)) => i,
        (None, None) => String::new(),
    }
}

fn next_is_command(lines: &[Line<'_>], k: usize) -> bool {
    lines.get(k).is_some_and(|l| {
        history_command(l.text.trim()).is_some() || l.text.trim_start().starts_with('$')
    })
}

/// `docker history` wrapped before its argument (corpus 034): take the first
/// word of the next line, if that line is not the history itself.
fn argument_on_next_line(lines: &[Line<'_>], k: usize, start: usize) -> Option<String> {
    if k >= start {
        return None;
    }
    let line = lines.get(k)?;
    let word = shell_words(line.text.trim())
        .into_iter()
        .find(|w| w != "`")?;
    let word = word.trim_matches('`').to_string();
    (!word.is_empty() && !word.starts_with('-') && !word.starts_with('{')).then_some(word)
}

/// `Backend size beforehand: 417 MB` → `Backend size beforehand`;
/// `**Before**` → `Before`; `Before:` → `Before`.
pub fn clean_heading(text: &str) -> String {
    let mut t: String = text
        .replace("**", "")
        .replace("__", "")
        .replace('`', "")
        .trim()
        .to_string();
    // A trailing size claim after `:`, `-`, `—` or in parentheses.
    for sep in [':', '-', '—', '('] {
        if let Some(at) = t.rfind(sep) {
            let after = t
                .get(at + sep.len_utf8()..)
                .unwrap_or("")
                .trim()
                .trim_end_matches(')')
                .trim();
            // A claim has a unit (`417 MB`); `lab4/go-multi:1.0` keeps its tag.
            let claim = after.ends_with(|c: char| c.is_ascii_alphabetic())
                && parse_size(after).is_ok_and(|s| !s.exact);
            if claim || (after.is_empty() && sep == ':') {
                t.truncate(at);
                t = t.trim_end().to_string();
            }
        }
    }
    t.trim_end_matches([':', ' ']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::super::segment::split_lines;
    use super::*;

    fn label(text: &str, start_line: usize) -> String {
        let lines = split_lines(text);
        let fence = vec![false; lines.len()];
        label_for(&lines, &fence, 0, start_line - 1)
    }

    #[test]
    fn headings_lose_size_claims() {
        assert_eq!(
            clean_heading("Backend size beforehand: 417 MB"),
            "Backend size beforehand"
        );
        assert_eq!(clean_heading("**Before:**"), "Before");
        assert_eq!(clean_heading("after (316MB)"), "after");
        assert_eq!(clean_heading("Frontend after"), "Frontend after");
        assert_eq!(clean_heading("lab4/go-multi:1.0"), "lab4/go-multi:1.0");
        assert_eq!(clean_heading("app:1"), "app:1");
    }

    #[test]
    fn heading_and_command_combine() {
        let text = "# 3.1\n### Backend size beforehand: 417 MB  \n```\ndocker history back\nIMAGE   CREATED\n";
        assert_eq!(label(text, 5), "Backend size beforehand (back)");
    }

    #[test]
    fn marker_line_wins_over_far_heading() {
        let text = "# Compare history\necho \"=== noopt layers ===\" && docker history lab4/noopt:1.0\n=== noopt layers ===\nIMAGE\n";
        assert_eq!(label(text, 4), "noopt layers (lab4/noopt:1.0)");
    }

    #[test]
    fn shell_comment_is_not_a_heading() {
        let text = "# View the stages in history\ndocker history lab4/go-multi:1.0\nIMAGE\n";
        assert_eq!(label(text, 3), "lab4/go-multi:1.0");
    }

    #[test]
    fn wrapped_command() {
        let text = "`ubuntu@ubuntu-VM:~$ docker history\nparaspandey04/25octubuntu --format 'json'`\n```{r}\n{\"ID\":\"x\"}\n";
        assert_eq!(label(text, 4), "paraspandey04/25octubuntu");
    }

    #[test]
    fn generic_headings_give_way_to_the_image() {
        assert_eq!(
            label(
                "### 1. History\n\n`docker history onramp-api:naive`\nIMAGE\n",
                4
            ),
            "onramp-api:naive"
        );
        assert_eq!(
            label(
                "## Docker history 分析\n```bash\ndocker history --no-trunc 9513b84d3d58\nIMAGE\n",
                4
            ),
            "9513b84d3d58"
        );
        assert_eq!(label("### Output\nIMAGE\n", 2), "Output");
    }

    #[test]
    fn html_heading_in_page_source() {
        assert_eq!(
            label("<h3 id=\"b\">Before</h3>\n<pre><code>\nIMAGE\n", 3),
            "Before"
        );
    }

    #[test]
    fn setext_heading() {
        assert_eq!(
            label("After\n=====\n\n$ docker history app\nIMAGE\n", 5),
            "After (app)"
        );
    }

    #[test]
    fn caption_line() {
        assert_eq!(
            label("Before:\n<missing>   2 weeks ago   RUN x   0B\n", 2),
            "Before"
        );
    }

    #[test]
    fn command_named_in_a_heading_is_not_wrapped() {
        // Not `This` (the first word of the next line) as the image: the
        // caption line names it.
        let text = "## `docker history` - layers\nThis shows them:\nIMAGE\n";
        assert_eq!(label(text, 3), "This shows them");
    }

    #[test]
    fn nothing_before() {
        assert_eq!(label("IMAGE\n", 1), "");
    }
}
