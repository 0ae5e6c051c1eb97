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
//!   flags bit 0 sort_by_delta, bit 1 base_collapsed; other bits are ignored
//!   (later options). Extra pairs, each key at most once, unknown keys ignored:
//!     key 1  the two steps of the aligned table: left × 8 + right
//!            (left ≠ right, both < count; anything else is ignored)
//! pane    := exactly version 1's pane (label, kind, text or parsed history)
//! ```
//!
//! A value this decoder ignores is dropped, so a link re-packed from what it
//! opened to is the same link minus what it could not read. The text budget
//! ([`MAX_OPENED_TEXT`]) is kept across all steps, as version 1 keeps it
//! across its two panes.

use super::v1::{self, read_pane, write_pane, Budget, DecodeError, Pane};
use super::wire::{Reader, Writer};
use super::{StepPair, ViewOptions, MAX_OPENED_TEXT};

/// Fewest steps a version 2 link holds. Frozen with the format: equal to
/// `compare::path::MIN_STEPS` today (a test checks it), but a later change
/// of what the page compares would need a new version, not a new value here.
pub const MIN_STEPS: usize = 2;
/// Most steps a version 2 link holds; frozen like [`MIN_STEPS`] (equal to
/// `compare::path::MAX_STEPS` today). The pair code `left × 8 + right`
/// relies on it.
pub const MAX_STEPS: usize = 8;

/// Extra key: the two steps the aligned table compares.
const KEY_PAIR: u64 = 1;

/// A whole version 2 link.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The steps in order (2 to [`MAX_STEPS`]).
    pub steps: Vec<Pane>,
    /// Sorting and folding, as in version 1.
    pub view: ViewOptions,
    /// The steps the aligned table compares; `None` = the default (the first
    /// two neighbours the page picks).
    pub pair: Option<StepPair>,
}

/// Writes `link` as a version 2 payload. The caller keeps `steps` within
/// 2..=[`MAX_STEPS`] (a link outside that range does not decode).
pub fn encode(link: &Link) -> Vec<u8> {
    let mut w = Writer::default();
    let flags = u64::from(link.view.sort_by_delta) | u64::from(link.view.base_collapsed) << 1;
    w.varint(flags);
    let pair = link.pair.filter(|p| valid_pair(*p, link.steps.len()));
    w.varint(u64::from(pair.is_some()));
    if let Some(p) = pair {
        w.varint(KEY_PAIR);
        w.varint((p.left * MAX_STEPS + p.right) as u64);
    }
    w.varint(link.steps.len() as u64);
    for step in &link.steps {
        write_pane(&mut w, step);
    }
    w.bytes
}

/// Reads a version 2 payload with the budget of [`MAX_OPENED_TEXT`] bytes of
/// text. Never panics; anything unexpected is [`DecodeError::Malformed`].
pub fn decode(payload: &[u8]) -> Result<Link, DecodeError> {
    decode_within(payload, MAX_OPENED_TEXT)
}

/// [`decode`] with a budget of `max_text` bytes of text over all steps.
pub fn decode_within(payload: &[u8], max_text: usize) -> Result<Link, DecodeError> {
    let mut budget = Budget(max_text);
    let mut r = Reader::new(payload);
    let flags = r.varint()?;
    let extras = r.count(r.remaining())?;
    let mut pair_code = None;
    for _ in 0..extras {
        let (key, value) = (r.varint()?, r.varint()?);
        if key == KEY_PAIR {
            if pair_code.is_some() {
                return Err(DecodeError::Malformed);
            }
            pair_code = Some(value);
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
    let pair = pair_code
        .and_then(|code| usize::try_from(code).ok())
        .map(|code| StepPair {
            left: code / MAX_STEPS,
            right: code % MAX_STEPS,
        })
        .filter(|p| valid_pair(*p, count));
    Ok(Link {
        steps,
        view: ViewOptions {
            sort_by_delta: flags & 1 != 0,
            base_collapsed: flags & 2 != 0,
        },
        pair,
    })
}

fn valid_pair(p: StepPair, count: usize) -> bool {
    p.left != p.right && p.left < count && p.right < count
}

/// Version 1's two panes as version 2 steps (how the page holds every link).
pub fn from_v1(link: v1::Link) -> Link {
    Link {
        steps: vec![link.before, link.after],
        view: link.view,
        pair: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::share::v1::PaneBody;

    fn text_pane(label: &str, text: &str) -> Pane {
        Pane {
            label: label.into(),
            body: PaneBody::Text {
                selected: 0,
                text: text.into(),
            },
        }
    }

    fn link(n: usize, pair: Option<StepPair>) -> Link {
        Link {
            steps: (0..n)
                .map(|k| text_pane(&format!("step {k}"), &format!("text of step {k}\n")))
                .collect(),
            view: ViewOptions {
                sort_by_delta: true,
                base_collapsed: false,
            },
            pair,
        }
    }

    #[test]
    fn the_format_carries_every_path_the_page_compares() {
        use crate::core::compare::path;
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
            l.steps = (0..n).map(|_| text_pane("", "x")).collect();
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
            write_pane(&mut w, &text_pane("", &k.to_string()));
        }
        assert_eq!(decode(&w.bytes).map(|d| d.pair), Ok(None));
    }

    #[test]
    fn unknown_flags_and_extra_keys_are_skipped() {
        let mut w = Writer::default();
        for v in [0b1110, 2, 9, 12345, KEY_PAIR, 1, 2] {
            w.varint(v);
        }
        for k in 0..2 {
            write_pane(&mut w, &text_pane("", &k.to_string()));
        }
        let got = decode(&w.bytes).expect("later options do not break a link");
        assert!(got.view.base_collapsed && !got.view.sort_by_delta);
        assert_eq!(got.pair, Some(StepPair { left: 0, right: 1 }));
    }

    #[test]
    fn a_repeated_key_or_trailing_bytes_are_malformed() {
        let mut w = Writer::default();
        for v in [0, 2, KEY_PAIR, 1, KEY_PAIR, 1, 2] {
            w.varint(v);
        }
        for k in 0..2 {
            write_pane(&mut w, &text_pane("", &k.to_string()));
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
