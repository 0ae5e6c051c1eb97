//! Text measures shared by every printer and drawer: how wide a text is on a
//! terminal or in a chart, cutting it to a width or a number of characters
//! with `…`, docker's short image ids, and numbers in words (`100,000`,
//! `57.7 MB`: [`thousands`], [`human_bytes`]).
//!
//! One place, so that the table docker prints ([`crate::render`]), the
//! chart's fitted labels ([`crate::chart`]), the comparison's short
//! instructions and the page's clipped secrets agree on what "wide" and "cut"
//! mean.
//!
//! - **Width** is counted as go-runewidth does in a non-CJK locale (docker and
//!   podman cut their CREATED BY column with it): East Asian wide and
//!   fullwidth characters and the common emoji take 2 columns, every other
//!   character 1. Combining marks and zero-width characters are *not* treated
//!   specially (they count 1): a cut made with this count is never later than
//!   docker's, and a fitted chart label only gets a little more air.
//! - **Cutting** never splits a character. A cut text ends (or starts) with
//!   `…`, which counts towards the limit, and the whitespace next to the `…`
//!   is dropped so that `apt-get …` does not read as a separate word.
//! - **Numbers** with a fixed number of places are written by [`decimal`],
//!   exactly as `format!` would, without linking its exact float formatting.

pub mod decimal;

/// The ellipsis that marks a cut.
pub const ELLIPSIS: char = '…';

/// Whether `c` is East Asian wide or fullwidth (2 terminal columns): Hangul
/// Jamo, CJK (radicals, kana, ideographs, compatibility forms), Hangul
/// syllables, fullwidth forms, common emoji and the supplementary ideographs.
pub fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD)
}

/// Terminal columns of one character: 2 when [`is_wide`], else 1.
pub fn char_width(c: char) -> usize {
    if is_wide(c) {
        2
    } else {
        1
    }
}

/// Terminal columns of `s` (the sum of its characters' [`char_width`]).
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The longest prefix of `s` that fits in `columns` terminal columns (no
/// ellipsis: the caller adds its own mark, as docker does).
pub fn prefix_within(s: &str, columns: usize) -> &str {
    let mut used = 0;
    for (at, c) in s.char_indices() {
        used += char_width(c);
        if used > columns {
            return s.get(..at).unwrap_or(s);
        }
    }
    s
}

/// At most `max_chars` characters of `s`: `s` itself when it fits, else its
/// beginning followed by `…` (the `…` counted; whitespace and an `…` already
/// at the cut dropped).
pub fn cut_end(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let kept: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    let kept = kept.trim_end_matches(ELLIPSIS).trim_end();
    format!("{kept}{ELLIPSIS}")
}

/// At most `max_chars` characters of `s`: `s` itself when it fits, else `…`
/// followed by its end (the mirror of [`cut_end`]).
pub fn cut_start(s: &str, max_chars: usize) -> String {
    let count = s.chars().count();
    if count <= max_chars {
        return s.to_string();
    }
    let skip = count - max_chars.saturating_sub(1);
    let kept: String = s.chars().skip(skip).collect();
    let kept = kept.trim_start_matches(ELLIPSIS).trim_start();
    format!("{ELLIPSIS}{kept}")
}

/// docker's `TruncateID`: the digest without its algorithm (`sha256:`, or
/// whatever stands before the first `:`), 12 characters.
pub fn short_id(id: &str) -> String {
    let digest = id.split_once(':').map_or(id, |(_, digest)| digest);
    digest.chars().take(12).collect()
}

/// Where each line of a text starts (byte offsets), computed once per text.
#[derive(Debug, PartialEq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The lines of `text` as `str::lines` counts them (at least one).
    pub fn of(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.match_indices('\n')
                .map(|(idx, _)| idx + 1)
                .filter(|&start| start < text.len()),
        );
        LineIndex { starts }
    }

    /// How many lines.
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// Line `idx` (0-based) of `text`, without its line end.
    pub fn line<'a>(&self, text: &'a str, idx: usize) -> &'a str {
        let start = self.starts.get(idx).copied().unwrap_or(text.len());
        let end = self.starts.get(idx + 1).copied().unwrap_or(text.len());
        text.get(start..end)
            .unwrap_or_default()
            .trim_end_matches(['\n', '\r'])
    }
}

/// `100,000`: a count with thousands separators.
pub fn thousands(n: usize) -> String {
    grouped(&n.to_string())
}

/// `115,000,000 bytes`: an exact byte count, grouped, with its unit.
pub fn byte_count(bytes: u64) -> String {
    format!("{} bytes", grouped(&bytes.to_string()))
}

/// Decimal digits with a `,` between groups of three.
fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (idx, ch) in digits.chars().enumerate() {
        if idx > 0 && (digits.len() - idx) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The decimal units of [`human_bytes`], like docker's (kB = 1000 B).
pub const UNITS: [&str; 7] = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

/// Bytes with three significant digits and a decimal unit, like docker but
/// with a space: `0 B`, `745 B`, `57.7 MB`, `417 MB`, `1 GB`.
pub fn human_bytes(bytes: u64) -> String {
    let (value, unit) = scaled(bytes);
    format!(
        "{} {}",
        sig3(value),
        UNITS.get(unit).copied().unwrap_or("B")
    )
}

/// `(value, unit index)` with value < 1000 after three-digit rounding.
pub fn scaled(bytes: u64) -> (f64, usize) {
    let mut v = bytes as f64;
    let mut unit = 0usize;
    while unit + 1 < UNITS.len() && round_sig3(v) >= 1000.0 {
        v /= 1000.0;
        unit += 1;
    }
    (v, unit)
}

/// Rounds to three significant digits.
pub fn round_sig3(v: f64) -> f64 {
    if v == 0.0 {
        return 0.0;
    }
    let digits = v.abs().log10().floor() as i32;
    let factor = 10f64.powi(2 - digits);
    (v * factor).round() / factor
}

/// `%.3g` without exponent: `57.7`, `417`, `1.5`, `0`.
pub fn sig3(v: f64) -> String {
    let r = round_sig3(v);
    let decimals = if r >= 100.0 {
        0
    } else if r >= 10.0 {
        1
    } else {
        2
    };
    let s = decimal::fixed(r, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn line_index_counts_lines_as_str_lines_does() {
        for text in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "x\n\ny"] {
            let index = LineIndex::of(text);
            assert_eq!(index.count(), text.lines().count().max(1), "{text:?}");
            for (idx, line) in text.lines().enumerate() {
                assert_eq!(index.line(text, idx), line, "{text:?} line {idx}");
            }
        }
        assert_eq!(LineIndex::of("a\nb").line("a\nb", 9), "");
    }

    #[test]
    fn widths_count_wide_characters_twice() {
        let cases = [
            ("", 0),
            ("RUN npm ci", 10),
            ("镜像", 4),
            ("이미지", 6),
            ("ｄｏｃｋｅｒ", 12),
            ("カタカナ", 8),
            ("🐳 x", 4),
            ("𠀀", 2),
            ("é", 1),
            // combining marks are not special: e + U+0301 counts 2
            ("e\u{301}", 2),
            ("\t", 1),
        ];
        for (text, columns) in cases {
            assert_eq!(width(text), columns, "{text:?}");
        }
    }

    #[test]
    fn a_prefix_within_a_width_never_splits_a_character() {
        let cases = [
            ("abcdef", 4, "abcd"),
            ("abc", 10, "abc"),
            ("镜像文件", 5, "镜像"),
            ("a镜像", 2, "a"),
            ("a镜像", 3, "a镜"),
            ("镜", 1, ""),
            ("", 3, ""),
        ];
        for (text, columns, prefix) in cases {
            assert_eq!(
                prefix_within(text, columns),
                prefix,
                "{text:?} in {columns}"
            );
        }
    }

    /// One cut: which end is kept, the text, the most characters, and what
    /// the cut gives.
    struct Cut {
        cut: fn(&str, usize) -> String,
        text: &'static str,
        max: usize,
        want: &'static str,
    }

    const fn end(text: &'static str, max: usize, want: &'static str) -> Cut {
        Cut {
            cut: cut_end,
            text,
            max,
            want,
        }
    }

    const fn start(text: &'static str, max: usize, want: &'static str) -> Cut {
        Cut {
            cut: cut_start,
            text,
            max,
            want,
        }
    }

    #[test]
    fn cutting_keeps_the_limit_with_its_ellipsis() {
        let cases = [
            end("RUN npm install", 40, "RUN npm install"),
            end("RUN npm install", 15, "RUN npm install"),
            end("RUN npm install", 14, "RUN npm insta…"),
            // whitespace next to the cut is dropped, so the … sticks to its word
            end("RUN apt-get update", 13, "RUN apt-get…"),
            end("RUN apt-get update", 5, "RUN…"),
            start("/bin/sh -c export TOKEN=", 10, "…rt TOKEN="),
            start("/bin/sh -c export TOKEN=", 8, "…TOKEN="),
            start("a long text", 6, "…text"),
            start("|1 GIT_ACCESS_TOKEN=", 30, "|1 GIT_ACCESS_TOKEN="),
            // an ellipsis already at the cut is not doubled
            end("abc……def", 5, "abc…"),
            // wide characters are never split (the limit counts characters)
            end("镜像文件系统", 4, "镜像文…"),
            start("镜像文件系统", 3, "…系统"),
            end("abc", 1, "…"),
            end("abc", 0, "…"),
            start("abc", 1, "…"),
        ];
        for c in cases {
            let got = (c.cut)(c.text, c.max);
            assert_eq!(got, c.want, "{:?} to {}", c.text, c.max);
            assert!(got.chars().count() <= c.max.max(1), "{got:?}");
        }
    }

    #[test]
    fn short_ids_drop_the_algorithm_and_keep_twelve() {
        let cases = [
            ("sha256:6e558799f7ba1234567890", "6e558799f7ba"),
            ("sha512:abcdef0123456789", "abcdef012345"),
            ("6e558799f7ba1234567890", "6e558799f7ba"),
            ("abc", "abc"),
            ("", ""),
        ];
        for (id, short) in cases {
            assert_eq!(short_id(id), short, "{id:?}");
        }
    }
}
