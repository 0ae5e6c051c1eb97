//! Version 2 of the link payload: 2 to 8 steps in order and the view.
//!
//! **Frozen once released**, like `v1.rs`: links made with it must open the
//! same way forever. Version 1 stays beside it and is still written for the
//! plain two-pane comparison (its links are shorter by a byte and every old
//! tool reads them); version 2 is written when a link needs more than v1 can
//! say: more than two steps, or a view choice v1 has no place for.
//!
//! Layout (integers LEB128 varints, strings = varint length + UTF-8):
//!
//! ```text
//! payload := view count:varint pane{count}        count in 2..=8 (MAX_STEPS)
//! view    := flags extra_count (key value)*
//!   flags bit 0 sort_by_delta, bit 1 base_collapsed, bit 2 the read-only view
//!   (embed), bit 3 it shows the findings, bit 4 it shows the table (bits 3
//!   and 4 mean nothing without bit 2); other bits are ignored (later
//!   options). Extra pairs, each key at most once, unknown keys ignored:
//!     key 1  the two steps of the aligned table: left × 8 + right
//!            (left ≠ right, both < count; anything else is ignored)
//!     key 2  the colour scheme: 1 light, 2 dark (anything else ignored)
//!     key 3  presenting, at this slide (0 = the totals)
//!     key 4  the layer pointed at: step + 8 × layer (layer as printed,
//!            0 = the top row; a step ≥ count is ignored)
//! pane    := exactly version 1's pane (label, kind, text or parsed history)
//! ```
//!
//! A value this decoder ignores is dropped, so a link re-packed from what it
//! opened to is the same link minus what it could not read. The text budget
//! ([`MAX_OPENED_TEXT`]) is kept across all steps, as version 1 keeps it
//! across its two panes.

use super::v1::{self, read_pane, write_pane, Budget, DecodeError, PaneV1};
use super::wire::{Reader, Writer};
use super::{Embed, LayerAt, StepPair, Theme, ViewOptions, MAX_OPENED_TEXT};

/// Fewest steps a version 2 link holds. Frozen with the format: equal to
/// `compare::path::MIN_STEPS` today (a test checks it), but a later change
/// of what the page compares would need a new version, not a new value here.
pub const MIN_STEPS: usize = 2;
/// Most steps a version 2 link holds; frozen like [`MIN_STEPS`] (equal to
/// `compare::path::MAX_STEPS` today). The pair code `left × 8 + right`
/// relies on it.
pub const MAX_STEPS: usize = 8;

/// Extra keys (see the module doc).
const KEY_PAIR: u64 = 1;
const KEY_THEME: u64 = 2;
const KEY_SLIDE: u64 = 3;
const KEY_FOCUS: u64 = 4;
/// Highest slide or layer a link names (a history keeps at most 5,000 layers).
const MAX_INDEX: u64 = 1 << 20;

/// A whole version 2 link.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkV2 {
    /// The steps in order (2 to [`MAX_STEPS`]).
    pub steps: Vec<PaneV1>,
    /// Sorting and folding, as in version 1.
    pub view: ViewOptions,
    /// The steps the aligned table compares; `None` = the default (the first
    /// two neighbours the page picks).
    pub pair: Option<StepPair>,
}

/// Writes `link` as a version 2 payload. The caller keeps `steps` within
/// 2..=[`MAX_STEPS`] (a link outside that range does not decode).
pub fn encode(link: &LinkV2) -> Vec<u8> {
    let mut w = Writer::default();
    let view = &link.view;
    let embed = view.embed.unwrap_or_default();
    let flags = u64::from(view.sort_by_delta)
        | u64::from(view.base_collapsed) << 1
        | u64::from(view.embed.is_some()) << 2
        | u64::from(view.embed.is_some() && embed.findings) << 3
        | u64::from(view.embed.is_some() && embed.table) << 4;
    w.varint(flags);
    let extras = extras_of(link);
    w.varint(extras.len() as u64);
    for (key, value) in extras {
        w.varint(key);
        w.varint(value);
    }
    w.varint(link.steps.len() as u64);
    for step in &link.steps {
        write_pane(&mut w, step);
    }
    w.bytes
}

/// Reads a version 2 payload with the budget of [`MAX_OPENED_TEXT`] bytes of
/// text. Never panics; anything unexpected is [`DecodeError::Malformed`].
pub fn decode(payload: &[u8]) -> Result<LinkV2, DecodeError> {
    decode_within(payload, MAX_OPENED_TEXT)
}

/// [`decode`] with a budget of `max_text` bytes of text over all steps.
pub fn decode_within(payload: &[u8], max_text: usize) -> Result<LinkV2, DecodeError> {
    let mut budget = Budget(max_text);
    let mut r = Reader::new(payload);
    let flags = r.varint()?;
    let n_extras = r.count(r.remaining())?;
    let mut extras: [Option<u64>; 5] = [None; 5];
    for _ in 0..n_extras {
        let (key, value) = (r.varint()?, r.varint()?);
        if let Some(slot) = usize::try_from(key).ok().and_then(|k| extras.get_mut(k)) {
            if slot.replace(value).is_some() {
                return Err(DecodeError::Malformed);
            }
        }
    }
    let count = r.count(MAX_STEPS)?;
    if count < MIN_STEPS {
        return Err(DecodeError::Malformed);
    }
    let steps = (0..count)
        .map(|_| read_pane(&mut r, &mut budget))
        .collect::<Result<Vec<_>, _>>()?;
    r.finish()?;
    let extra = |key: u64| {
        extras
            .get(key as usize)
            .copied()
            .flatten()
            .and_then(|v| usize::try_from(v).ok())
    };
    let pair = extra(KEY_PAIR)
        .map(|code| StepPair {
            left: code / MAX_STEPS,
            right: code % MAX_STEPS,
        })
        .filter(|p| valid_pair(*p, count));
    let view = ViewOptions {
        sort_by_delta: flags & 1 != 0,
        base_collapsed: flags & 2 != 0,
        embed: (flags & 4 != 0).then_some(Embed {
            findings: flags & 8 != 0,
            table: flags & 16 != 0,
        }),
        theme: match extra(KEY_THEME) {
            Some(1) => Some(Theme::Light),
            Some(2) => Some(Theme::Dark),
            _ => None,
        },
        slide: extra(KEY_SLIDE).filter(|&s| s as u64 <= MAX_INDEX),
        focus: extra(KEY_FOCUS)
            .map(|code| LayerAt {
                step: code % MAX_STEPS,
                layer: code / MAX_STEPS,
            })
            .filter(|f| f.step < count && f.layer as u64 <= MAX_INDEX),
    };
    Ok(LinkV2 { steps, view, pair })
}

/// The extra pairs `link` needs, by key (values the decoder would ignore
/// are not written).
fn extras_of(link: &LinkV2) -> Vec<(u64, u64)> {
    let view = &link.view;
    let count = link.steps.len();
    let pair = link.pair.filter(|p| valid_pair(*p, count));
    let theme = view.theme.map(|t| match t {
        Theme::Light => 1,
        Theme::Dark => 2,
    });
    let slide = view.slide.map(|s| s as u64).filter(|&s| s <= MAX_INDEX);
    let focus = view
        .focus
        .filter(|f| f.step < count && f.layer as u64 <= MAX_INDEX)
        .map(|f| (f.step + MAX_STEPS * f.layer) as u64);
    [
        (
            KEY_PAIR,
            pair.map(|p| (p.left * MAX_STEPS + p.right) as u64),
        ),
        (KEY_THEME, theme),
        (KEY_SLIDE, slide),
        (KEY_FOCUS, focus),
    ]
    .into_iter()
    .filter_map(|(key, value)| Some((key, value?)))
    .collect()
}

fn valid_pair(p: StepPair, count: usize) -> bool {
    p.left != p.right && p.left < count && p.right < count
}

/// Version 1's two panes as version 2 steps (how the page holds every link).
pub fn from_v1(link: v1::LinkV1) -> LinkV2 {
    LinkV2 {
        steps: vec![link.before, link.after],
        view: link.view,
        pair: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::v1::PaneBody;

    fn link(n: usize, pair: Option<StepPair>) -> LinkV2 {
        LinkV2 {
            steps: (0..n)
                .map(|k| PaneV1::text(&format!("step {k}"), &format!("text of step {k}\n")))
                .collect(),
            view: ViewOptions {
                sort_by_delta: true,
                base_collapsed: false,
                ..ViewOptions::default()
            },
            pair,
        }
    }

    #[test]
    fn the_format_carries_every_path_the_page_compares() {
        use crate::compare::path;
        assert_eq!((MIN_STEPS, MAX_STEPS), (path::MIN_STEPS, path::MAX_STEPS));
    }

    #[test]
    fn every_step_count_round_trips() {
        for n in MIN_STEPS..=MAX_STEPS {
            let l = link(
                n,
                Some(StepPair {
                    left: n - 1,
                    right: 0,
                }),
            );
            assert_eq!(decode(&encode(&l)), Ok(l), "{n} steps");
        }
    }

    #[test]
    fn step_counts_outside_two_to_eight_are_refused() {
        for n in [0, 1, 9] {
            let mut l = link(2, None);
            l.steps = (0..n).map(|_| PaneV1::text("", "x")).collect();
            assert_eq!(
                decode(&encode(&l)),
                Err(DecodeError::Malformed),
                "{n} steps"
            );
        }
    }

    #[test]
    fn an_impossible_pair_is_not_written_and_not_read() {
        for bad in [
            StepPair { left: 1, right: 1 },
            StepPair { left: 0, right: 3 },
        ] {
            let l = link(3, Some(bad));
            assert_eq!(decode(&encode(&l)).map(|d| d.pair), Ok(None), "{bad:?}");
        }
        // Hand-written: a pair code naming step 5 of 3 is ignored, not an error.
        let mut w = Writer::default();
        for v in [0, 1, KEY_PAIR, 5 * 8 + 1, 2] {
            w.varint(v);
        }
        for k in 0..2 {
            write_pane(&mut w, &PaneV1::text("", &k.to_string()));
        }
        assert_eq!(decode(&w.bytes).map(|d| d.pair), Ok(None));
    }

    #[test]
    fn unknown_flags_and_extra_keys_are_skipped() {
        let mut w = Writer::default();
        for v in [0b110_0010, 2, 9, 12345, KEY_PAIR, 1, 2] {
            w.varint(v);
        }
        for k in 0..2 {
            write_pane(&mut w, &PaneV1::text("", &k.to_string()));
        }
        let got = decode(&w.bytes).expect("later options do not break a link");
        assert!(got.view.base_collapsed && !got.view.sort_by_delta);
        assert_eq!(got.pair, Some(StepPair { left: 0, right: 1 }));
    }

    #[test]
    fn every_view_choice_round_trips() {
        let mut l = link(5, Some(StepPair { left: 2, right: 4 }));
        l.view = ViewOptions {
            sort_by_delta: false,
            base_collapsed: true,
            embed: Some(Embed {
                findings: true,
                table: false,
            }),
            theme: Some(Theme::Dark),
            slide: Some(7),
            focus: Some(LayerAt {
                step: 4,
                layer: 130,
            }),
        };
        assert_eq!(decode(&encode(&l)), Ok(l.clone()));
        l.view.embed = Some(Embed::default());
        l.view.theme = Some(Theme::Light);
        l.view.slide = Some(0);
        assert_eq!(decode(&encode(&l)), Ok(l));
    }

    #[test]
    fn a_focus_on_a_step_the_link_lacks_is_dropped() {
        let mut l = link(3, None);
        l.view.focus = Some(LayerAt { step: 5, layer: 0 });
        assert_eq!(decode(&encode(&l)).map(|d| d.view.focus), Ok(None));
        // Hand-written: step 6 of 2 (code 6), and theme 3, are ignored.
        let mut w = Writer::default();
        for v in [0, 2, KEY_FOCUS, 6, KEY_THEME, 3, 2] {
            w.varint(v);
        }
        for k in 0..2 {
            write_pane(&mut w, &PaneV1::text("", &k.to_string()));
        }
        let view = decode(&w.bytes).expect("ignored values").view;
        assert_eq!((view.focus, view.theme), (None, None));
    }

    #[test]
    fn a_repeated_key_or_trailing_bytes_are_malformed() {
        let mut w = Writer::default();
        for v in [0, 2, KEY_PAIR, 1, KEY_PAIR, 1, 2] {
            w.varint(v);
        }
        for k in 0..2 {
            write_pane(&mut w, &PaneV1::text("", &k.to_string()));
        }
        assert_eq!(decode(&w.bytes), Err(DecodeError::Malformed));
        let mut bytes = encode(&link(2, None));
        bytes.push(0);
        assert_eq!(decode(&bytes), Err(DecodeError::Malformed));
    }

    #[test]
    fn the_text_budget_covers_all_steps() {
        let l = link(8, None);
        let text: usize = l
            .steps
            .iter()
            .map(|p| match &p.body {
                PaneBody::Text { text, .. } => p.label.len() + text.len(),
                PaneBody::History { .. } => unreachable!(),
            })
            .sum();
        let payload = encode(&l);
        assert!(decode_within(&payload, text).is_ok());
        assert_eq!(
            decode_within(&payload, text - 1),
            Err(DecodeError::TooMuchText)
        );
    }

    #[test]
    fn every_cut_of_a_payload_is_refused_without_panic() {
        let payload = encode(&link(4, Some(StepPair { left: 1, right: 2 })));
        for end in 0..payload.len() {
            assert!(decode(&payload[..end]).is_err(), "cut at {end}");
        }
    }
}
