//! What one line looks like on its own, asked by more than one pass of the
//! parser: a table row's start (an id or `<missing>`, then a gap), a line of
//! nothing but HTML tags, a terminal escape. `normalize.rs` (the whole
//! paste), `segment.rs` (lines) and `classify.rs` (what a line is) all ask
//! these and none of them asks another for them, so the passes read in one
//! direction: normalize, then segment, then classify. These predicates know
//! no context; what a line *is* in its paste stays `classify.rs`'s question.

/// Whether a line starts a table row of its own: an id (12 or 64 hex,
/// `sha256:…`) or `<missing>`, then a gap of two spaces.
pub fn starts_row(text: &str) -> bool {
    let t = text.trim_start();
    let Some(gap) = t.find("  ") else {
        return false;
    };
    let first = t.get(..gap).unwrap_or("");
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    first == "<missing>"
        || first == "missing"
        || (hex(first) && (first.len() == 12 || first.len() == 64))
        || first
            .strip_prefix("sha256:")
            .is_some_and(|h| hex(h.trim_end_matches('…')))
}

/// Whether the line is only HTML tags (`<pre><code class="bash">`, `</code></pre></li>`).
pub fn is_html_tags(text: &str) -> bool {
    let t = text.trim();
    if !(t.starts_with('<') && t.ends_with('>')) || t == "<missing>" {
        return false;
    }
    // Every `<` opens a tag closed by `>` with nothing but tags around.
    let mut depth = 0i32;
    for c in t.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            _ if depth == 0 && !c.is_whitespace() => return false,
            _ => {}
        }
    }
    depth == 0 && !t.starts_with("<missing>")
}

/// Skips the rest of a terminal escape after its `ESC`: a CSI sequence
/// (`[` parameters, then one final byte `@`..`~`), an OSC sequence (`]` up to
/// BEL or `ESC \\`), or a single following character.
pub fn skip_escape(chars: &mut std::str::Chars<'_>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            let mut prev = ' ';
            for c in chars.by_ref() {
                if c == '\u{7}' || (prev == '\x1b' && c == '\\') {
                    break;
                }
                prev = c;
            }
        }
        _ => {}
    }
}
