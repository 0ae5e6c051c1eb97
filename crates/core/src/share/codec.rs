//! The link itself: [`encode`] a [`SharedPair`] into a URL fragment and
//! [`decode`] it back, with a clear [`ShareError`] for every link that cannot
//! be opened.
//!
//! Fragment = version character + base64url (no padding) of
//! `check ‖ deflate(payload)`: `check` is 3 bytes of the FNV-1a hash of the
//! payload (a changed character is caught instead of showing a different
//! comparison), `deflate` is raw deflate at level 10 against the version's
//! preset dictionary (`dict.rs`), and the payload is the version's binary form
//! (`v1.rs`).
//!
//! Each pane is carried in whichever form makes the shorter link: the paste as
//! typed, or the compared history alone (parsed, then printed again with
//! [`render`] when the link is opened). The parsed form is only used when
//! printing it again and parsing that gives the same history back, so no
//! paste is ever lost.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, NO_PAD};
use base64::Engine as _;

use super::deflate::{deflate, inflate, InflateError};
use super::v1::{self, LinkV1, PaneBody, PaneV1};
use super::{dict, v2, EncodeOptions, ShareError, ShareState, SharedPair, SharedPane};
use crate::model::{History, Layer};
use crate::parse::parse;
use crate::redact;
use crate::render::{render, render_within, RenderStyle};

/// base64url without padding; a cut link's last character may carry stray
/// bits, which are ignored so that the cut is reported as such.
const BASE64: GeneralPurpose =
    GeneralPurpose::new(&URL_SAFE, NO_PAD.with_decode_allow_trailing_bits(true));

/// Largest payload a link may unpack to (a decompression bomb stops here).
pub const MAX_PAYLOAD: usize = 2 * 1024 * 1024;

/// Most text a link may open to, in bytes (16 MiB): what the payload decodes
/// to ([`v1::decode`] keeps this budget), and again what the panes show once
/// a parsed history is printed (labels and texts of both panes). Each is
/// checked before the text is made, and a link over it is refused with
/// [`ShareError::TooMuchText`]. A payload is at most [`MAX_PAYLOAD`]; a pane
/// travelling as typed opens to what it carries, and printing a history again
/// adds ids, prefixes and column padding, about as much again for real tables
/// (two 1,000-layer `--no-trunc` histories open to well under 1 MiB), so 8 ×
/// leaves room for any real comparison while a crafted link (one long cell
/// repeated, or padding every row) stops here instead of at gigabytes.
pub const MAX_OPENED_TEXT: usize = 8 * MAX_PAYLOAD;

/// Render styles by their version 1 code. Frozen: the index is the code.
const STYLES: [RenderStyle; v1::STYLES as usize] = [
    RenderStyle::Docker,
    RenderStyle::DockerNoTrunc,
    RenderStyle::DockerHumanFalse,
    RenderStyle::JsonLines,
    RenderStyle::Podman,
];

/// The URL fragment (without `#`) that brings `state` back.
pub fn encode(state: &SharedPair, opts: &EncodeOptions) -> String {
    let before = candidates(&state.before, opts);
    let after = candidates(&state.after, opts);
    let mut best: Option<String> = None;
    for b in &before {
        for a in &after {
            let link = LinkV1 {
                before: b.clone(),
                after: a.clone(),
                view: state.view,
            };
            let fragment = encode_link(&link);
            if best.as_ref().is_none_or(|x| fragment.len() < x.len()) {
                best = Some(fragment);
            }
        }
    }
    best.unwrap_or_default()
}

/// The fragment for a link already in its version 1 form (for tools and
/// tests; the app uses [`encode`]). A pane over [`v1::MAX_LAYERS`] rows, a
/// payload over [`MAX_PAYLOAD`], or panes that open to more than
/// [`MAX_OPENED_TEXT`] bytes of text make a link that [`decode`] refuses.
pub fn encode_link(link: &LinkV1) -> String {
    pack('1', &v1::encode(link))
}

/// Reads a link: a bare fragment, one starting with `#`, or a whole URL.
pub fn decode(link: &str) -> Result<SharedPair, ShareError> {
    open(decode_link(link)?, MAX_OPENED_TEXT)
}

/// The panes a decoded link opens to, if their labels and texts together
/// come to at most `max_text` bytes (a printed history is measured before it
/// is printed).
fn open(link: LinkV1, max_text: usize) -> Result<SharedPair, ShareError> {
    let mut panes = open_panes(vec![link.before, link.after], max_text)?.into_iter();
    let (Some(before), Some(after)) = (panes.next(), panes.next()) else {
        return Err(ShareError::Damaged);
    };
    Ok(SharedPair {
        before,
        after,
        view: link.view,
    })
}

/// The texts `panes` open to, if together (labels included) they come to at
/// most `max_text` bytes; each printed history is measured before it is printed.
fn open_panes(panes: Vec<PaneV1>, max_text: usize) -> Result<Vec<SharedPane>, ShareError> {
    let mut left = max_text;
    let too_much = ShareError::TooMuchText { limit: max_text };
    let mut out = Vec::with_capacity(panes.len());
    for pane in panes {
        left = left.checked_sub(pane.label.len()).ok_or(too_much.clone())?;
        let shared = shared_pane(pane, left).ok_or(too_much.clone())?;
        left = left
            .checked_sub(shared.text.len())
            .ok_or(too_much.clone())?;
        out.push(shared);
    }
    Ok(out)
}

/// Opens a link of any version as the steps it holds (version 1: its two
/// panes), within [`MAX_OPENED_TEXT`] bytes of text.
pub fn open_steps(link: &str) -> Result<ShareState, ShareError> {
    let link = decode_steps(link)?;
    Ok(ShareState {
        steps: open_panes(link.steps, MAX_OPENED_TEXT)?,
        view: link.view,
        compared: link.pair,
    })
}

/// Reads a link of any version into its version 2 form (panes not yet
/// rendered to text).
pub fn decode_steps(link: &str) -> Result<v2::LinkV2, ShareError> {
    let (version, payload) = unpack(link)?;
    let link = match version {
        1 => v1::decode(&payload).map(v2::from_v1),
        _ => v2::decode(&payload),
    };
    link.map_err(decode_error)
}

/// The fragment (without `#`) that brings `state` back: version 1 for two
/// steps compared in order (the links every layerdiff reads, and a byte
/// shorter), version 2 for anything else. Each step travels as typed or
/// parsed, whichever makes the shorter link, chosen one step at a time.
pub fn encode_steps(state: &ShareState, opts: &EncodeOptions) -> String {
    if let Some(pair) = state.pair() {
        return encode(&pair, opts);
    }
    let options: Vec<Vec<PaneV1>> = state.steps.iter().map(|s| candidates(s, opts)).collect();
    let make = |choice: &[usize]| -> String {
        let steps = options
            .iter()
            .zip(choice)
            .filter_map(|(o, &c)| o.get(c).cloned())
            .collect();
        pack(
            '2',
            &v2::encode(&v2::LinkV2 {
                steps,
                view: state.view,
                pair: state.compared,
            }),
        )
    };
    let mut choice = vec![0; options.len()];
    let mut best = make(&choice);
    for (k, o) in options.iter().enumerate() {
        for c in 1..o.len() {
            let mut tried = choice.clone();
            if let Some(slot) = tried.get_mut(k) {
                *slot = c;
            }
            let fragment = make(&tried);
            if fragment.len() < best.len() {
                (best, choice) = (fragment, tried);
            }
        }
    }
    best
}

fn decode_error(e: v1::DecodeError) -> ShareError {
    match e {
        v1::DecodeError::Malformed => ShareError::Damaged,
        v1::DecodeError::TooMuchText => ShareError::TooMuchText {
            limit: MAX_OPENED_TEXT,
        },
    }
}

/// Reads a version 1 link into its version 1 form (panes not yet rendered
/// to text): for tools and tests of the frozen format. A version 2 link is
/// refused here as "newer"; the page opens every version with [`open_steps`].
pub fn decode_link(link: &str) -> Result<LinkV1, ShareError> {
    match unpack(link)? {
        (1, payload) => v1::decode(&payload).map_err(decode_error),
        (version, _) => Err(ShareError::NewerVersion(version)),
    }
}

/// A link's version and its payload, inflated and checked.
fn unpack(link: &str) -> Result<(u32, Vec<u8>), ShareError> {
    let fragment = fragment_of(link)?;
    let mut chars = fragment.chars();
    let version = chars.next().ok_or(ShareError::Empty)?;
    let body = chars.as_str();
    let version = match version {
        '1' => 1,
        '2' => 2,
        '3'..='9' => return Err(ShareError::NewerVersion(version.to_digit(10).unwrap_or(0))),
        _ => return Err(ShareError::NotALink),
    };
    let bytes = from_base64(body)?;
    let (check, stream) = bytes.split_at_checked(3).ok_or(ShareError::CutShort)?;
    let payload = inflate(dict::V1.as_bytes(), stream, MAX_PAYLOAD).map_err(|e| match e {
        InflateError::Truncated => ShareError::CutShort,
        InflateError::TooLarge => ShareError::TooLarge { limit: MAX_PAYLOAD },
        InflateError::Invalid => ShareError::Damaged,
    })?;
    if check != checksum(&payload) {
        return Err(ShareError::Damaged);
    }
    Ok((version, payload))
}

/// The text a pane shows when opened from a link, or `None` when a printed
/// history would be longer than `max_text` bytes (nothing is printed then).
fn shared_pane(pane: PaneV1, max_text: usize) -> Option<SharedPane> {
    Some(match pane.body {
        PaneBody::Text { selected, text } => SharedPane {
            label: pane.label,
            text,
            selected,
        },
        PaneBody::History { style, history } => SharedPane {
            label: pane.label,
            text: history_text_within(&history, style, max_text)?,
            selected: 0,
        },
    })
}

/// A history printed as its style prints it, under the lines that name it:
/// the first of [`label_lines`]' forms that the parser reads back as the
/// history's label (or the first form, if none does).
fn history_text(history: &History, style: u8) -> String {
    labelled(history, render(history, render_style(style)))
}

/// [`history_text`], or `None` when it could be longer than `max_text`
/// bytes: the table is measured ([`render_within`]), with room for the
/// longest label form, before anything is printed.
fn history_text_within(history: &History, style: u8, max_text: usize) -> Option<String> {
    let longest_form = if history.label.is_empty() {
        0
    } else {
        label_lines(&history.label)
            .iter()
            .map(|f| f.len() + 1)
            .max()
            .unwrap_or(0)
    };
    let table = render_within(
        history,
        render_style(style),
        max_text.checked_sub(longest_form)?,
    )?;
    Some(labelled(history, table))
}

/// The render style of a version 1 style code.
fn render_style(code: u8) -> RenderStyle {
    STYLES
        .get(usize::from(code))
        .copied()
        .unwrap_or(RenderStyle::Docker)
}

/// `table` (the history printed) under the first of [`label_lines`]' forms
/// that the parser reads back as the history's label, or the first form.
fn labelled(history: &History, table: String) -> String {
    if history.label.is_empty() {
        return table;
    }
    let forms = label_lines(&history.label);
    let reads_label =
        |text: &String| matches!(parse(text).histories.as_slice(), [h] if h.label == history.label);
    let found = forms
        .iter()
        .map(|lines| format!("{lines}\n{table}"))
        .find(reads_label);
    match (found, forms.first()) {
        (Some(text), _) => text,
        (None, Some(first)) => format!("{first}\n{table}"),
        (None, None) => table,
    }
}

/// Ways to write a label above a table, as people do: a heading, a marker
/// line, the `docker history IMAGE` command, or a heading and the command
/// (for labels the parser composes as `heading (image)`).
fn label_lines(label: &str) -> Vec<String> {
    let mut forms = vec![format!("# {label}"), format!("=== {label} ===")];
    if !label.contains(char::is_whitespace) {
        forms.push(format!("$ docker history {label}"));
    }
    let composed = label
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once(" ("))
        .filter(|(_, image)| !image.is_empty() && !image.contains(char::is_whitespace));
    if let Some((heading, image)) = composed {
        forms.push(format!("# {heading}\n$ docker history {image}"));
        forms.push(format!("=== {heading} ===\n$ docker history {image}"));
    }
    forms
}

/// The forms a pane may take in the link, best guess first.
fn candidates(pane: &SharedPane, opts: &EncodeOptions) -> Vec<PaneV1> {
    let mut out = Vec::new();
    let parsed = parse(&pane.text);
    // A history the parser cut (`parse::limits`) is not all of the paste:
    // it travels as typed, or its left-out rows would be lost.
    let fits = |h: &&History| h.layers.len() <= v1::MAX_LAYERS && h.dropped_layers == 0;
    if let Some(history) = parsed.histories.get(pane.selected).filter(fits) {
        let history = prepared(history, opts);
        let styles = style_order(&history);
        let must_parse = opts.drop_ids || opts.drop_created;
        let faithful = styles
            .iter()
            .copied()
            .find(|&s| misreadings(&history, s, false) == 0);
        // Asked to drop ids or CREATED: the paste cannot travel as typed, so
        // take the style that reads back closest (docker prints `N/A` where
        // CREATED is gone; a pre-1.13 hard cut at 45 comes back as 44 + `…`).
        let closest = || {
            styles
                .iter()
                .copied()
                .min_by_key(|&s| misreadings(&history, s, true))
        };
        let chosen = if must_parse {
            faithful.or_else(closest)
        } else {
            faithful
        };
        if let Some(style) = chosen {
            out.push(PaneV1 {
                label: pane.label.clone(),
                body: PaneBody::History { style, history },
            });
        }
        if must_parse && !out.is_empty() {
            return out;
        }
    }
    let text = if opts.redact {
        redact::mask_text(&pane.text)
    } else {
        pane.text.clone()
    };
    out.push(PaneV1 {
        label: pane.label.clone(),
        body: PaneBody::Text {
            selected: pane.selected.min(v1::MAX_SELECTED),
            text,
        },
    });
    out
}

/// The history as it will travel: without what the options drop, secrets
/// masked, and without what the link does not carry (lines, format, dialect).
fn prepared(history: &History, opts: &EncodeOptions) -> History {
    let mut h = if opts.redact {
        redact::mask(history, &redact::find_secrets(history))
    } else {
        history.clone()
    };
    for l in &mut h.layers {
        if opts.drop_ids {
            l.id = None;
        }
        if opts.drop_created {
            l.created = None;
        }
    }
    h
}

/// Style codes to try, the one that matches how the history was printed first.
fn style_order(h: &History) -> Vec<u8> {
    use crate::model::{Dialect, Format};
    let exact = h.layers.iter().any(|l| l.size.is_some_and(|s| s.exact));
    let long_ids = h
        .layers
        .iter()
        .any(|l| l.id.as_ref().is_some_and(|i| i.len() > 12));
    let first = if h.format == Format::Json {
        3
    } else if h.dialect == Dialect::Podman {
        4
    } else if exact {
        2
    } else if long_ids || !h.layers.iter().any(|l| l.truncated) {
        1
    } else {
        0
    };
    let mut order = vec![first];
    order.extend((0..v1::STYLES).filter(|&s| s != first));
    order
}

/// How many things differ when `history` is printed in `style` and parsed
/// again: the label, each differing layer, and the difference in layer
/// count. With `lenient_created`, a missing CREATED may come back as `N/A`.
fn misreadings(history: &History, style: u8, lenient_created: bool) -> usize {
    let text = history_text(history, style);
    let parsed = parse(&text);
    let [again] = parsed.histories.as_slice() else {
        return usize::MAX;
    };
    let created_ok = |x: &Layer, y: &Layer| {
        x.created == y.created
            || (lenient_created && x.created.is_none() && y.created.as_deref() == Some("N/A"))
    };
    let layers = history
        .layers
        .iter()
        .zip(&again.layers)
        .filter(|(x, y)| !(created_ok(x, y) && same_layer_but_created(x, y)))
        .count();
    usize::from(history.label != again.label)
        + layers
        + history.layers.len().abs_diff(again.layers.len())
}

/// Same label and the same layers (ignoring line numbers, format and dialect).
pub fn same_history(a: &History, b: &History) -> bool {
    a.label == b.label
        && a.layers.len() == b.layers.len()
        && a.layers
            .iter()
            .zip(&b.layers)
            .all(|(x, y)| same_layer(x, y))
}

fn same_layer(x: &Layer, y: &Layer) -> bool {
    x.created == y.created && same_layer_but_created(x, y)
}

fn same_layer_but_created(x: &Layer, y: &Layer) -> bool {
    x.id == y.id
        && x.created_by == y.created_by
        && x.truncated == y.truncated
        && x.size == y.size
        && x.comment == y.comment
}

/// Version character + base64url(check ‖ deflate(payload)).
/// `version`, then base64url of the check and the deflated payload (both
/// versions use version 1's preset dictionary).
fn pack(version: char, payload: &[u8]) -> String {
    let mut bytes = checksum(payload).to_vec();
    bytes.extend(deflate(dict::V1.as_bytes(), payload));
    format!("{version}{}", BASE64.encode(bytes))
}

/// The low 3 bytes of the 32-bit FNV-1a hash.
fn checksum(payload: &[u8]) -> [u8; 3] {
    let hash = payload.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let [a, b, c, _] = hash.to_le_bytes();
    [a, b, c]
}

/// The fragment of a link: what follows the first `#`, without whitespace
/// (links wrapped over lines by mail and chat apps are joined again). Also
/// undoes what apps do around links: `<…>` brackets and Slack's `<url|text>`,
/// a mail scanner's rewritten link (`…?url=https%3A%2F%2F…%231…&data=…`), and
/// punctuation that ends the sentence the link stood in.
fn fragment_of(link: &str) -> Result<String, ShareError> {
    let link = link.trim();
    let link = match link.strip_prefix('<') {
        Some(inner) => {
            let inner = inner.split('>').next().unwrap_or(inner);
            inner.split('|').next().unwrap_or(inner)
        }
        None => link,
    };
    let fragment = match link.split_once('#') {
        Some((_, f)) => f,
        None => match percent_fragment(link) {
            Some(f) => f,
            None if link.contains("://") => return Err(ShareError::Empty),
            None => link,
        },
    };
    let fragment: String = fragment.chars().filter(|c| !c.is_whitespace()).collect();
    let cut_mark = fragment.ends_with('…') || fragment.ends_with("...");
    let fragment = if cut_mark {
        fragment
    } else {
        fragment
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\''])
            .to_string()
    };
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    Ok(fragment)
}

/// The fragment of a link that was percent-encoded inside another URL
/// (`%23` is `#`), up to the wrapper's next parameter.
fn percent_fragment(link: &str) -> Option<&str> {
    let at = link.find("%23")?;
    let rest = link.get(at + 3..)?;
    Some(rest.split('&').next().unwrap_or(rest))
}

/// base64url (also accepting `+` `/` and `=` padding), with messages for what
/// chat apps do to links: cut them (`…`), or change characters.
fn from_base64(body: &str) -> Result<Vec<u8>, ShareError> {
    if body.ends_with('…') || body.ends_with("...") {
        return Err(ShareError::CutShort);
    }
    let body = body.trim_end_matches('=');
    let mut clean = String::with_capacity(body.len());
    for (i, c) in body.chars().enumerate() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' => clean.push(c),
            '+' => clean.push('-'),
            '/' => clean.push('_'),
            _ => {
                return Err(ShareError::BadCharacter {
                    position: i + 2,
                    found: c,
                })
            }
        }
    }
    if clean.len() % 4 == 1 {
        return Err(ShareError::CutShort);
    }
    BASE64
        .decode(clean.as_bytes())
        .map_err(|_| ShareError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::share::ViewOptions;

    #[test]
    fn a_payload_that_checks_out_but_is_not_v1_is_damaged() {
        for payload in [&b""[..], b"\xff\xff", b"\x00\x00\x00\x09"] {
            assert_eq!(
                decode(&pack('1', payload)),
                Err(ShareError::Damaged),
                "{payload:?}"
            );
        }
    }

    fn history_pane(label: &str, layers: Vec<Layer>) -> PaneV1 {
        PaneV1 {
            label: label.into(),
            body: PaneBody::History {
                style: 1,
                history: History {
                    layers,
                    ..History::default()
                },
            },
        }
    }

    fn created(c: &str) -> Layer {
        Layer {
            created: Some(c.into()),
            created_by: "RUN make".into(),
            ..Layer::default()
        }
    }

    #[test]
    fn the_opened_text_budget_holds_at_its_boundary() {
        let link = LinkV1 {
            before: history_pane("before", vec![created("3 days ago"); 5]),
            after: PaneV1::text("after", "IMAGE CREATED\n"),
            view: ViewOptions::default(),
        };
        let opened = open(link.clone(), usize::MAX).expect("opens");
        let total = opened.before.label.len()
            + opened.before.text.len()
            + opened.after.label.len()
            + opened.after.text.len();
        assert_eq!(open(link.clone(), total), Ok(opened));
        assert_eq!(
            open(link, total - 1),
            Err(ShareError::TooMuchText { limit: total - 1 })
        );
    }

    #[test]
    fn a_history_is_measured_before_it_is_printed() {
        // One 10,000-byte CREATED pads all 10,000 rows: 100 MB if printed.
        let mut layers = vec![created(&"a".repeat(v1::MAX_LAYERS))];
        layers.extend((1..v1::MAX_LAYERS).map(|_| created("About a minute ago")));
        let link = LinkV1 {
            before: history_pane("", layers),
            after: PaneV1::text("", ""),
            view: ViewOptions::default(),
        };
        assert_eq!(
            open(link, MAX_OPENED_TEXT),
            Err(ShareError::TooMuchText {
                limit: MAX_OPENED_TEXT
            })
        );
    }

    use super::super::v1::tests::repeating_payload;

    #[test]
    fn short_links_that_would_open_to_gigabytes_are_refused() {
        // At the caps: 10,000 rows repeating a CREATED of nearly 2 MiB (the
        // rest of the payload holds the rows): 20 GB decoded.
        let link = pack(
            '1',
            &repeating_payload(v1::MAX_LAYERS, MAX_PAYLOAD - 40_000),
        );
        assert!(link.len() < 5_000, "{} characters", link.len());
        assert_eq!(
            decode(&link),
            Err(ShareError::TooMuchText {
                limit: MAX_OPENED_TEXT
            })
        );
        // At the caps: one CREATED of nearly 2 MiB padding 10,000 rows: 20 GB printed.
        let mut layers = vec![created(&"a".repeat(MAX_PAYLOAD - 200_000))];
        layers.extend((1..v1::MAX_LAYERS).map(|_| created("About a minute ago")));
        let link = encode_link(&LinkV1 {
            before: history_pane("", layers),
            after: PaneV1::text("", ""),
            view: ViewOptions::default(),
        });
        assert!(link.len() < 5_000, "{} characters", link.len());
        let refused = decode(&link);
        assert_eq!(
            refused,
            Err(ShareError::TooMuchText {
                limit: MAX_OPENED_TEXT
            })
        );
        assert_eq!(
            refused.map(|_| ()).unwrap_err().to_string(),
            "this link opens to more text than a link can carry (over 16 MiB, far more than \
             any comparison needs), so it was not opened"
        );
        // The same shapes at a real size open.
        assert!(decode(&pack('1', &repeating_payload(100, 30))).is_ok());
    }

    #[test]
    fn the_checksum_catches_a_changed_payload() {
        let a = checksum(b"|1 TOKEN=a");
        assert_ne!(a, checksum(b"|1 TOKEN=b"));
        assert_eq!(a, checksum(b"|1 TOKEN=a"));
    }
}
