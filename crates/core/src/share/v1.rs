//! Version 1 of the link payload: the binary form of two panes and the view.
//!
//! **Frozen.** Links made with version 1 are in chats, course material and
//! pull requests, so [`decode`] must read every one of them the same way
//! forever: never change what it accepts or how it reads it (the frozen links
//! in `tests/data/share/frozen-v1.txt` check this). A new need gets a new
//! version (`v2.rs`) with its own decoder; this one stays beside it. The
//! encoder may get smarter as long as [`decode`] reads its output unchanged.
//! The one change allowed here is additive: reading a new view option from
//! the `extra` pairs (which this decoder skips), since links without it read
//! the same. The text a pane shows is printed by `render` and may improve;
//! what is frozen is the history it reads back to.
//!
//! One refusal was added after release, for links no comparison makes: the
//! decoder keeps a budget of the text it produces (every string it reads,
//! every id it unpacks, every CREATED BY it completes, every CREATED and
//! COMMENT it repeats for the "same as the previous row" flags) and refuses a
//! payload, with [`DecodeError::TooMuchText`], as soon as the next piece
//! would go over it, before making that piece. [`decode`]'s budget is
//! [`MAX_OPENED_TEXT`]: without it a link of a hundred characters repeating
//! one long CREATED on every row decoded to gigabytes.
//!
//! Layout (all integers LEB128 varints, strings = varint length + UTF-8):
//!
//! ```text
//! payload := view pane(before) pane(after)
//! view    := flags extra_count (key value)*     flags bit 0 sort_by_delta, bit 1 base_collapsed;
//!                                               other bits and extra pairs are ignored (later options)
//! pane    := label:str kind:u8 body
//!   kind 0 (text):    selected text:str         the paste as typed
//!   kind 1 (history): style:u8 label:str layers one parsed history, re-rendered on decode
//! layers  := count flags:u8{count} ids created created_by sizes comments   (column by column)
//! ```
//!
//! CREATED is a varint tag: `N × 16 + unit` for docker's `N <unit>s ago`
//! (units 1–7: second … year), 8–11 for the fixed phrases in
//! [`CREATED_PHRASES`], or 0 followed by the text.
//! Per-layer flags: bit 0 id present, 1 created present, 2 created same as
//! the previous row's, 3 truncated, 4 size present, 5 comment not empty,
//! 6 comment same as the previous row's. `created_by` starts with a code byte
//! (bits 0–2: a common prefix from [`PREFIXES`], bit 3: ends in ` # buildkit`).
//! Sizes start with a tag byte (bits 0–1 kind, bits 2+ argument): kind 0 exact
//! bytes, 1 human with no tolerance, 2 human `mantissa × 10^k` with tolerance
//! `10^k / 2`, 3 anything else (bit 2 = exact; bytes, tolerance).
//! Ids start with a tag: 0 lowercase hex packed two digits a byte, 1 the same
//! after `sha256:`, 2 plain text.

use super::wire::{Malformed, Reader, Writer};
use super::{ViewOptions, MAX_OPENED_TEXT};
use crate::model::{History, Layer, Size};

/// Most rows a pane may hold (the longest real history has ~130).
pub const MAX_LAYERS: usize = 10_000;
/// Highest history index a text pane may select.
pub const MAX_SELECTED: usize = 10_000;
/// Number of render styles version 1 knows (codes `0..STYLES`).
pub const STYLES: u8 = 5;

/// Common starts of CREATED BY, by code (0 = none). Frozen: the index is the code.
pub const PREFIXES: [&str; 5] = [
    "",
    "/bin/sh -c #(nop)  ",
    "/bin/sh -c #(nop) ",
    "/bin/sh -c ",
    "RUN /bin/sh -c ",
];
/// Common end of CREATED BY for BuildKit steps.
pub const BUILDKIT_SUFFIX: &str = " # buildkit";

/// What one pane of a link holds.
#[derive(Debug, Clone, PartialEq)]
pub enum PaneBody {
    /// The paste itself, and which of its histories is compared.
    Text {
        /// Index of the compared history in `text`.
        selected: usize,
        /// The paste.
        text: String,
    },
    /// A parsed history to be printed again in a given style.
    History {
        /// Render style code (`0..STYLES`), mapped by the codec.
        style: u8,
        /// The history (label and layers; `lines`, format and dialect are not kept).
        history: History,
    },
}

/// One pane: its name and body.
#[derive(Debug, Clone, PartialEq)]
pub struct PaneV1 {
    /// The pane's label.
    pub label: String,
    /// Its content.
    pub body: PaneBody,
}

/// A whole version 1 link.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkV1 {
    /// The before pane.
    pub before: PaneV1,
    /// The after pane.
    pub after: PaneV1,
    /// The view options.
    pub view: ViewOptions,
}

const ID: u8 = 1;
const CREATED: u8 = 1 << 1;
const CREATED_SAME: u8 = 1 << 2;
const TRUNCATED: u8 = 1 << 3;
const SIZE: u8 = 1 << 4;
const COMMENT: u8 = 1 << 5;
const COMMENT_SAME: u8 = 1 << 6;

// ---------------------------------------------------------------- encoder

#[cfg(test)]
impl PaneV1 {
    /// A pane holding `text` as pasted, its first history selected (for tests).
    pub(crate) fn text(label: &str, text: &str) -> PaneV1 {
        PaneV1 {
            label: label.into(),
            body: PaneBody::Text {
                selected: 0,
                text: text.into(),
            },
        }
    }
}

/// Writes `link` as a version 1 payload.
pub fn encode(link: &LinkV1) -> Vec<u8> {
    let mut w = Writer::default();
    let flags = u64::from(link.view.sort_by_delta) | u64::from(link.view.base_collapsed) << 1;
    w.varint(flags);
    w.varint(0);
    write_pane(&mut w, &link.before);
    write_pane(&mut w, &link.after);
    w.bytes
}

/// One pane as version 1 writes it (version 2 writes its steps the same way).
pub(super) fn write_pane(w: &mut Writer, pane: &PaneV1) {
    w.str(&pane.label);
    match &pane.body {
        PaneBody::Text { selected, text } => {
            w.byte(0);
            w.varint(*selected as u64);
            w.str(text);
        }
        PaneBody::History { style, history } => {
            w.byte(1);
            w.byte(*style);
            w.str(&history.label);
            write_layers(w, &history.layers);
        }
    }
}

fn write_layers(w: &mut Writer, layers: &[Layer]) {
    w.varint(layers.len() as u64);
    let mut prev: Option<&Layer> = None;
    for l in layers {
        let mut f = 0u8;
        if l.id.is_some() {
            f |= ID;
        }
        if let Some(c) = &l.created {
            f |= CREATED;
            if prev.and_then(|p| p.created.as_ref()) == Some(c) {
                f |= CREATED_SAME;
            }
        }
        if l.truncated {
            f |= TRUNCATED;
        }
        if l.size.is_some() {
            f |= SIZE;
        }
        if !l.comment.is_empty() {
            f |= COMMENT;
            if prev.map(|p| &p.comment) == Some(&l.comment) {
                f |= COMMENT_SAME;
            }
        }
        w.byte(f);
        prev = Some(l);
    }
    for id in layers.iter().filter_map(|l| l.id.as_deref()) {
        write_id(w, id);
    }
    let mut prev: Option<&str> = None;
    for l in layers {
        if let Some(c) = l.created.as_deref() {
            if prev != Some(c) {
                write_created(w, c);
            }
        }
        prev = l.created.as_deref();
    }
    for l in layers {
        write_created_by(w, &l.created_by);
    }
    for s in layers.iter().filter_map(|l| l.size) {
        write_size(w, s);
    }
    let mut prev: Option<&str> = None;
    for l in layers {
        if !l.comment.is_empty() && prev != Some(l.comment.as_str()) {
            w.str(&l.comment);
        }
        prev = Some(l.comment.as_str());
    }
}

fn packed_hex(s: &str) -> Option<Vec<u8>> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() % 2 != 0 {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    b.chunks(2)
        .map(|p| Some(digit(*p.first()?)? << 4 | digit(*p.get(1)?)?))
        .collect()
}

fn write_id(w: &mut Writer, id: &str) {
    if let Some(p) = packed_hex(id) {
        w.byte(0);
        w.raw(&p);
    } else if let Some(p) = id.strip_prefix("sha256:").and_then(packed_hex) {
        w.byte(1);
        w.raw(&p);
    } else {
        w.byte(2);
        w.str(id);
    }
}

/// CREATED phrases without a number, by code (`N/A` is docker's "before 2000").
pub const CREATED_PHRASES: [&str; 4] = [
    "About a minute ago",
    "About an hour ago",
    "Less than a second ago",
    "N/A",
];
/// Units of `N <unit>s ago`, by code − 1.
const CREATED_UNITS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];

/// `N units ago` (as docker prints it: singular for 1) → `N × 16 + unit`;
/// a fixed phrase → `8 + index`; anything else → 0 and the text.
fn write_created(w: &mut Writer, c: &str) {
    if let Some(i) = CREATED_PHRASES.iter().position(|p| *p == c) {
        w.varint(8 + i as u64);
        return;
    }
    let token = c.split_once(' ').and_then(|(n, rest)| {
        let n: u64 = n.parse().ok().filter(|&n| n > 0 && n < u64::MAX / 32)?;
        let unit = CREATED_UNITS.iter().position(|u| {
            let plural = if n == 1 { "" } else { "s" };
            rest == format!("{u}{plural} ago")
        })?;
        (created_text(n, unit + 1).as_deref() == Some(c)).then_some(n * 16 + unit as u64 + 1)
    });
    match token {
        Some(t) => w.varint(t),
        None => {
            w.varint(0);
            w.str(c);
        }
    }
}

/// The text of a CREATED token (see [`write_created`]).
fn created_text(n: u64, unit: usize) -> Option<String> {
    let name = CREATED_UNITS.get(unit.checked_sub(1)?)?;
    let plural = if n == 1 { "" } else { "s" };
    Some(format!("{n} {name}{plural} ago"))
}

fn read_created(r: &mut Reader<'_>, budget: &mut Budget) -> Result<String, DecodeError> {
    let tag = r.varint()?;
    match (tag >> 4, tag & 15) {
        (0, 0) => budget.str(r),
        (0, code @ 8..=11) => {
            let phrase = CREATED_PHRASES.get(code as usize - 8).ok_or(Malformed)?;
            budget.take(phrase.len())?;
            Ok(phrase.to_string())
        }
        (n, unit @ 1..=7) if n > 0 => {
            // A few dozen bytes at most (`1152921504606846975 minutes ago`).
            let text = created_text(n, unit as usize).ok_or(Malformed)?;
            budget.take(text.len())?;
            Ok(text)
        }
        _ => Err(DecodeError::Malformed),
    }
}

fn write_created_by(w: &mut Writer, text: &str) {
    let (code, rest) = PREFIXES
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(i, p)| text.strip_prefix(p).map(|r| (i as u8, r)))
        .unwrap_or((0, text));
    match rest.strip_suffix(BUILDKIT_SUFFIX) {
        Some(r) => {
            w.byte(code | 8);
            w.str(r);
        }
        None => {
            w.byte(code);
            w.str(rest);
        }
    }
}

fn write_size(w: &mut Writer, s: Size) {
    if s.tolerance == 0 {
        w.byte(if s.exact { 0 } else { 1 });
        w.varint(s.bytes);
        return;
    }
    if !s.exact {
        let step = s.tolerance.saturating_mul(2);
        if let Some(k) = (1..=19u32).find(|&k| 10u64.checked_pow(k) == Some(step)) {
            if s.bytes % step == 0 {
                w.byte(2 | (k as u8) << 2);
                w.varint(s.bytes / step);
                return;
            }
        }
    }
    w.byte(3 | if s.exact { 4 } else { 0 });
    w.varint(s.bytes);
    w.varint(s.tolerance);
}

// ---------------------------------------------------------------- decoder (frozen)

/// Why a payload could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a version 1 payload: cut, damaged, or not ours.
    Malformed,
    /// It holds more text than the budget allows (see the module doc).
    TooMuchText,
}

impl From<Malformed> for DecodeError {
    fn from(_: Malformed) -> Self {
        DecodeError::Malformed
    }
}

/// What is left of the text a payload may decode to, in bytes.
#[derive(Debug)]
pub(super) struct Budget(pub(super) usize);

impl Budget {
    /// Spends `n` bytes; called before the `n` bytes are made.
    pub(super) fn take(&mut self, n: usize) -> Result<(), DecodeError> {
        self.0 = self.0.checked_sub(n).ok_or(DecodeError::TooMuchText)?;
        Ok(())
    }

    /// A length-prefixed UTF-8 string, paid for before it is copied.
    pub(super) fn str(&mut self, r: &mut Reader<'_>) -> Result<String, DecodeError> {
        let b = r.raw()?;
        self.take(b.len())?;
        Ok(String::from_utf8(b.to_vec()).map_err(|_| Malformed)?)
    }
}

/// Reads a version 1 payload. Never panics; anything unexpected is
/// [`DecodeError::Malformed`], and a payload that would decode to more than
/// [`MAX_OPENED_TEXT`] bytes of text is [`DecodeError::TooMuchText`].
pub fn decode(payload: &[u8]) -> Result<LinkV1, DecodeError> {
    decode_within(payload, MAX_OPENED_TEXT)
}

/// [`decode`] with a budget of `max_text` bytes of text (labels, texts, ids,
/// CREATED, CREATED BY and COMMENT of both panes, repeats included).
pub fn decode_within(payload: &[u8], max_text: usize) -> Result<LinkV1, DecodeError> {
    let mut budget = Budget(max_text);
    let mut r = Reader::new(payload);
    let flags = r.varint()?;
    let extras = r.count(r.remaining())?;
    for _ in 0..extras {
        r.varint()?;
        r.varint()?;
    }
    let view = ViewOptions {
        sort_by_delta: flags & 1 != 0,
        base_collapsed: flags & 2 != 0,
        ..ViewOptions::default()
    };
    let before = read_pane(&mut r, &mut budget)?;
    let after = read_pane(&mut r, &mut budget)?;
    r.finish()?;
    Ok(LinkV1 {
        before,
        after,
        view,
    })
}

/// One pane (version 2 reads its steps with this same reader).
pub(super) fn read_pane(r: &mut Reader<'_>, budget: &mut Budget) -> Result<PaneV1, DecodeError> {
    let label = budget.str(r)?;
    let body = match r.byte()? {
        0 => {
            let selected = r.count(MAX_SELECTED)?;
            let text = budget.str(r)?;
            PaneBody::Text { selected, text }
        }
        1 => {
            let style = r.byte()?;
            if style >= STYLES {
                return Err(DecodeError::Malformed);
            }
            let label = budget.str(r)?;
            let layers = read_layers(r, budget)?;
            PaneBody::History {
                style,
                history: History {
                    label,
                    layers,
                    ..History::default()
                },
            }
        }
        _ => return Err(DecodeError::Malformed),
    };
    Ok(PaneV1 { label, body })
}

fn read_layers(r: &mut Reader<'_>, budget: &mut Budget) -> Result<Vec<Layer>, DecodeError> {
    let n = r.count(MAX_LAYERS.min(r.remaining()))?;
    let mut flags = Vec::with_capacity(n);
    for _ in 0..n {
        let f = r.byte()?;
        let bad = f & 0x80 != 0
            || (f & CREATED_SAME != 0 && f & CREATED == 0)
            || (f & COMMENT_SAME != 0 && f & COMMENT == 0);
        if bad {
            return Err(DecodeError::Malformed);
        }
        flags.push(f);
    }
    let mut layers: Vec<Layer> = flags
        .iter()
        .map(|&f| Layer {
            truncated: f & TRUNCATED != 0,
            ..Layer::default()
        })
        .collect();
    for (l, &f) in layers.iter_mut().zip(&flags) {
        if f & ID != 0 {
            l.id = Some(read_id(r, budget)?);
        }
    }
    let mut prev: Option<String> = None;
    for (l, &f) in layers.iter_mut().zip(&flags) {
        if f & CREATED != 0 {
            let c = if f & CREATED_SAME != 0 {
                let p = prev.as_ref().ok_or(Malformed)?;
                budget.take(p.len())?;
                p.clone()
            } else {
                read_created(r, budget)?
            };
            l.created = Some(c);
        }
        prev = l.created.clone();
    }
    for l in layers.iter_mut() {
        l.created_by = read_created_by(r, budget)?;
    }
    for (l, &f) in layers.iter_mut().zip(&flags) {
        if f & SIZE != 0 {
            l.size = Some(read_size(r)?);
        }
    }
    let mut prev = String::new();
    for (l, &f) in layers.iter_mut().zip(&flags) {
        if f & COMMENT_SAME != 0 {
            if prev.is_empty() {
                return Err(DecodeError::Malformed);
            }
            budget.take(prev.len())?;
            l.comment = prev.clone();
        } else if f & COMMENT != 0 {
            l.comment = budget.str(r)?;
            if l.comment.is_empty() {
                return Err(DecodeError::Malformed);
            }
        }
        prev = l.comment.clone();
    }
    Ok(layers)
}

fn read_id(r: &mut Reader<'_>, budget: &mut Budget) -> Result<String, DecodeError> {
    let hex = |b: &[u8]| -> String {
        b.iter()
            .fold(String::with_capacity(b.len() * 2), |mut s, x| {
                const DIGITS: &[u8; 16] = b"0123456789abcdef";
                s.push(char::from(DIGITS[usize::from(x >> 4)]));
                s.push(char::from(DIGITS[usize::from(x & 15)]));
                s
            })
    };
    match r.byte()? {
        0 => {
            let b = r.raw()?;
            budget.take(b.len().saturating_mul(2))?;
            Ok(hex(b))
        }
        1 => {
            let b = r.raw()?;
            budget.take(b.len().saturating_mul(2).saturating_add("sha256:".len()))?;
            Ok(format!("sha256:{}", hex(b)))
        }
        2 => budget.str(r),
        _ => Err(DecodeError::Malformed),
    }
}

fn read_created_by(r: &mut Reader<'_>, budget: &mut Budget) -> Result<String, DecodeError> {
    let code = r.byte()?;
    if code & !0x0f != 0 {
        return Err(DecodeError::Malformed);
    }
    let prefix = PREFIXES.get(usize::from(code & 7)).ok_or(Malformed)?;
    let rest = r.raw()?;
    let suffix = if code & 8 != 0 { BUILDKIT_SUFFIX } else { "" };
    budget.take(prefix.len() + rest.len() + suffix.len())?;
    let rest = std::str::from_utf8(rest).map_err(|_| Malformed)?;
    Ok(format!("{prefix}{rest}{suffix}"))
}

fn read_size(r: &mut Reader<'_>) -> Result<Size, Malformed> {
    let tag = r.byte()?;
    let arg = tag >> 2;
    match tag & 3 {
        0 | 1 if arg == 0 => Ok(Size {
            bytes: r.varint()?,
            tolerance: 0,
            exact: tag == 0,
        }),
        2 if (1..=19).contains(&arg) => {
            let step = 10u64.checked_pow(u32::from(arg)).ok_or(Malformed)?;
            let mantissa = r.varint()?;
            Ok(Size {
                bytes: mantissa.checked_mul(step).ok_or(Malformed)?,
                tolerance: step / 2,
                exact: false,
            })
        }
        3 if arg <= 1 => Ok(Size {
            bytes: r.varint()?,
            tolerance: r.varint()?,
            exact: arg == 1,
        }),
        _ => Err(Malformed),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn layer(
        id: Option<&str>,
        created: &str,
        by: &str,
        size: Option<Size>,
        comment: &str,
    ) -> Layer {
        Layer {
            id: id.map(str::to_string),
            created: Some(created.to_string()),
            created_by: by.to_string(),
            truncated: by.ends_with("npm …"),
            size,
            comment: comment.to_string(),
            lines: (0, 0),
        }
    }

    fn human(bytes: u64, tolerance: u64) -> Option<Size> {
        Some(Size {
            bytes,
            tolerance,
            exact: false,
        })
    }

    fn sample() -> History {
        History {
            label: "Backend size beforehand: 417 MB".into(),
            layers: vec![
                layer(
                    Some("b1750ffe7b95"),
                    "33 seconds ago",
                    "/bin/sh -c #(nop)  CMD [\"/bin/sh\" \"-c\" \"npm …",
                    human(0, 0),
                    "",
                ),
                layer(
                    Some("sha256:a55e2245b86c"),
                    "34 seconds ago",
                    "RUN /bin/sh -c npm install # buildkit",
                    human(57_700_000, 50_000),
                    "buildkit.dockerfile.v0",
                ),
                layer(
                    Some("Not-Hex"),
                    "34 seconds ago",
                    "COPY . . # buildkit",
                    human(394_000, 500),
                    "buildkit.dockerfile.v0",
                ),
                layer(
                    None,
                    "2020-01-03T00:25:04+03:00",
                    "/bin/sh -c #(nop) WORKDIR /dir",
                    Some(Size {
                        bytes: 70_810_049,
                        tolerance: 0,
                        exact: true,
                    }),
                    "Imported from -",
                ),
                layer(
                    None,
                    "3 days ago",
                    "",
                    Some(Size {
                        bytes: 1_153_434,
                        tolerance: 52_429,
                        exact: false,
                    }),
                    "",
                ),
                Layer {
                    created: None,
                    size: None,
                    ..layer(None, "", " # buildkit", None, "")
                },
            ],
            ..History::default()
        }
    }

    fn sample_link() -> LinkV1 {
        LinkV1 {
            before: PaneV1 {
                label: "before".into(),
                body: PaneBody::History {
                    style: 1,
                    history: sample(),
                },
            },
            after: PaneV1 {
                label: String::new(),
                body: PaneBody::Text {
                    selected: 3,
                    text: "IMAGE CREATED\n…ünïcode".into(),
                },
            },
            view: ViewOptions {
                sort_by_delta: true,
                base_collapsed: false,
                ..ViewOptions::default()
            },
        }
    }

    #[test]
    fn a_link_reads_back_exactly() {
        let link = sample_link();
        assert_eq!(decode(&encode(&link)), Ok(link));
    }

    #[test]
    fn every_cut_of_a_payload_is_refused() {
        let bytes = encode(&sample_link());
        for n in 0..bytes.len() {
            assert_eq!(
                decode(bytes.get(..n).unwrap_or_default()),
                Err(DecodeError::Malformed),
                "cut at {n}"
            );
        }
    }

    /// Bytes of text `link` holds: every string the decoder makes.
    fn text_held(link: &LinkV1) -> usize {
        [&link.before, &link.after]
            .iter()
            .map(|pane| {
                pane.label.len()
                    + match &pane.body {
                        PaneBody::Text { text, .. } => text.len(),
                        PaneBody::History { history, .. } => {
                            history.label.len()
                                + history
                                    .layers
                                    .iter()
                                    .map(|l| {
                                        l.id.as_ref().map_or(0, String::len)
                                            + l.created.as_ref().map_or(0, String::len)
                                            + l.created_by.len()
                                            + l.comment.len()
                                    })
                                    .sum::<usize>()
                        }
                    }
            })
            .sum()
    }

    #[test]
    fn the_text_budget_holds_at_its_boundary() {
        let link = sample_link();
        let bytes = encode(&link);
        let held = text_held(&link);
        assert!(held > bytes.len(), "ids, prefixes and tokens unpack");
        assert_eq!(decode_within(&bytes, held), Ok(link));
        assert_eq!(
            decode_within(&bytes, held - 1),
            Err(DecodeError::TooMuchText)
        );
    }

    #[test]
    fn repeated_created_and_comment_are_paid_for_each_row() {
        let row = Layer {
            created: Some("c".repeat(1_000)),
            comment: "k".repeat(500),
            ..Layer::default()
        };
        let link = LinkV1 {
            before: PaneV1 {
                label: String::new(),
                body: PaneBody::History {
                    style: 0,
                    history: History {
                        layers: vec![row; 40],
                        ..History::default()
                    },
                },
            },
            after: PaneV1 {
                label: String::new(),
                body: PaneBody::Text {
                    selected: 0,
                    text: String::new(),
                },
            },
            view: ViewOptions::default(),
        };
        let bytes = encode(&link);
        assert!(
            bytes.len() < 1_700,
            "one copy of each: {} bytes",
            bytes.len()
        );
        assert_eq!(text_held(&link), 40 * 1_500);
        assert_eq!(decode_within(&bytes, 40 * 1_500), Ok(link));
        assert_eq!(
            decode_within(&bytes, 40 * 1_500 - 1),
            Err(DecodeError::TooMuchText)
        );
        // Short by one row's CREATED: refused at the CREATED repeats.
        assert_eq!(
            decode_within(&bytes, 39 * 1_000 + 500),
            Err(DecodeError::TooMuchText)
        );
    }

    /// A payload written by hand: one history of `rows` rows that all repeat
    /// a CREATED of `created_len` bytes.
    pub(crate) fn repeating_payload(rows: usize, created_len: usize) -> Vec<u8> {
        let mut w = Writer::default();
        w.varint(0);
        w.varint(0);
        w.str("");
        w.byte(1);
        w.byte(0);
        w.str("");
        w.varint(rows as u64);
        w.byte(CREATED);
        for _ in 1..rows {
            w.byte(CREATED | CREATED_SAME);
        }
        w.varint(0);
        w.str(&"a".repeat(created_len));
        for _ in 0..rows {
            w.byte(0);
            w.varint(0);
        }
        w.str("");
        w.byte(0);
        w.varint(0);
        w.str("");
        w.bytes
    }

    #[test]
    fn a_payload_repeating_a_long_created_at_the_caps_is_refused_before_it_is_made() {
        // 10,000 rows × 2 MiB would be 20 GiB; the budget stops it after 8 rows.
        let bytes = repeating_payload(MAX_LAYERS, super::super::wire::MAX_STRING);
        assert_eq!(decode(&bytes), Err(DecodeError::TooMuchText));
        // The same shape within the budget decodes.
        let small = repeating_payload(100, 1_000);
        assert!(decode(&small).is_ok());
        assert_eq!(decode_within(&small, 100 * 1_000), decode(&small));
        assert_eq!(
            decode_within(&small, 100 * 1_000 - 1),
            Err(DecodeError::TooMuchText)
        );
    }

    #[test]
    fn extra_view_options_from_later_encoders_are_skipped() {
        let mut bytes = encode(&sample_link());
        // flags byte 1, then extra_count 0 → make it 2 pairs.
        bytes.splice(1..2, [2u8, 7, 1, 8, 0]);
        let link = decode(&bytes).map(|l| l.view);
        assert_eq!(
            link,
            Ok(ViewOptions {
                sort_by_delta: true,
                base_collapsed: false,
                ..ViewOptions::default()
            })
        );
    }
}
