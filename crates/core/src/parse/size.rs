//! Reads a SIZE cell (`0B`, `1.2kB`, `1.819 kB`, `1e+03MB`, `1.1 MiB`, `70810049`)
//! into a [`Size`], keeping how precise the printed value was.
//!
//! Format notes (docker/go-units, see docs/formats.md §1.5):
//! - docker ≥ 17.04 prints `HumanSizeWithPrecision(size, 3)`: `%.3g` + a decimal
//!   unit with no space (`0B`, `8.19kB`, `55.6MB`); values in [999.5, 1000) of a
//!   unit come out as `1e+03kB`.
//! - docker ≤ 17.03 and podman 2.0–4.5 put a space before the unit (`0 B`);
//!   docker ≤ 1.12 printed 4 significant digits (`1.819 kB`).
//! - nerdctl < 2.0 prints binary units with one decimal (`0.0 B`, `1.1 MiB`).
//! - `--human=false` (and JSON integers) give plain bytes: exact sizes.
//!
//! The grammar (nom, over the cell's `&str`):
//!
//! ```text
//! size     = grouped | number unit?
//! grouped  = d{1,3} ("," d{3})+                      (then whitespace or the end)
//! number   = d+ ("." d+)? (("e" | "E") ("+" | "-")? d+)?   (an exponent below 40)
//! unit     = letters                                  (right after the number: must be a unit)
//!          | " " letters                              (one space: only a unit that ends the token)
//! letters  = [A-Za-z]+ ∈ B kB MB GB TB PB EB KiB MiB GiB TiB PiB K M G T P  (any case)
//! ```
//!
//! A size token ends at whitespace, at the end of the text, or at a stray
//! backtick (`` 5.6MB` ``: a code span closed after the last cell).
//!
//! Why nom: the grammar is small and regular, nom's combinators read it
//! without copying, and a failure says where it stopped. Each failure is a
//! [`CellError`]: the byte column and what was expected there, for a
//! diagnostic; [`parse_size`] keeps its older [`SizeError`] for its callers.
//! Row readers try this grammar at every token of a line, so a token that
//! cannot be a size (no digit first) is rejected on its first byte, the
//! optional parts (thousands groups, fraction, exponent, unit) are tried only
//! where their first character stands, and nothing is allocated unless
//! [`parse_size`] must name a bad unit.
//!
//! Decimal arithmetic is done on integers (mantissa digits and a power of ten),
//! so `57.7MB` is exactly 57 700 000 bytes, never 57 699 999.
//!
//! The error plumbing shared by the cell grammars (`size`, `created`, `id` and
//! the header tokens) lives here too: [`CellError`], and nom's error type for
//! them ([`Expected`]).

use std::fmt;

use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{alpha1, char, digit1, one_of};
use nom::combinator::opt;
use nom::error::{context, ContextError, ErrorKind, ParseError};
use nom::multi::fold_many1;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::model::Size;

/// Where a cell stopped matching its grammar, and what would have matched there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellError {
    /// Byte offset, in the text given to the parser, where reading stopped
    /// (for a message in characters: `text[..column].chars().count()`).
    pub column: usize,
    /// What was expected there (`` a unit (`B`, `kB`, `MB`, `KiB`, `MiB`, …) ``).
    pub expected: &'static str,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected {} at byte {}", self.expected, self.column)
    }
}

impl std::error::Error for CellError {}

/// nom's error in the cell grammars: the input left where a grammar stopped
/// (its length gives the column) and what it expected there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Expected<'a> {
    /// The input not read.
    pub rest: &'a str,
    /// What would have matched at `rest`; empty until a [`context`] names it.
    pub what: &'static str,
}

impl<'a> ParseError<&'a str> for Expected<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        Expected {
            rest: input,
            what: "",
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    /// Of two failed alternatives, the one that read further says more.
    fn or(self, other: Self) -> Self {
        if self.rest.len() < other.rest.len() {
            self
        } else {
            other
        }
    }
}

impl<'a> ContextError<&'a str> for Expected<'a> {
    /// The innermost name wins: it is the one closest to where reading stopped.
    fn add_context(_input: &'a str, what: &'static str, mut other: Self) -> Self {
        if other.what.is_empty() {
            other.what = what;
        }
        other
    }
}

/// A cell grammar's result.
pub(crate) type Res<'a, O> = IResult<&'a str, O, Expected<'a>>;

/// The [`CellError`] of a failed parse of `input`.
pub(crate) fn cell_error(input: &str, err: nom::Err<Expected<'_>>) -> CellError {
    match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => CellError {
            column: input.len().saturating_sub(e.rest.len()),
            expected: if e.what.is_empty() {
                "something else"
            } else {
                e.what
            },
        },
        // Every cell grammar reads complete input.
        nom::Err::Incomplete(_) => CellError {
            column: input.len(),
            expected: "more text",
        },
    }
}

/// Names what was expected where an error has no name yet (nom's `context`,
/// for a parser called on its own: `digit1(i).map_err(named(NUMBER))?`).
pub(crate) fn named<'a>(
    what: &'static str,
) -> impl Fn(nom::Err<Expected<'a>>) -> nom::Err<Expected<'a>> {
    move |err| {
        err.map(|mut e| {
            if e.what.is_empty() {
                e.what = what;
            }
            e
        })
    }
}

/// A parser that reads nothing and succeeds at the end of the input or
/// before a character that `stop` accepts: where a token must end.
pub(crate) fn token_end<'a>(
    what: &'static str,
    stop: impl Fn(char) -> bool,
) -> impl Fn(&'a str) -> Res<'a, ()> {
    move |input: &'a str| match input.chars().next() {
        None => Ok((input, ())),
        Some(c) if stop(c) => Ok((input, ())),
        Some(_) => Err(nom::Err::Error(Expected { rest: input, what })),
    }
}

/// Why a size cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizeError {
    /// No number at the start.
    NoNumber,
    /// A number followed by something that is not a known unit.
    UnknownUnit(String),
    /// The value does not fit in 64 bits.
    TooLarge,
}

impl fmt::Display for SizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SizeError::NoNumber => f.write_str("no number"),
            SizeError::UnknownUnit(unit) => write!(f, "unknown unit `{unit}`"),
            SizeError::TooLarge => f.write_str("does not fit in 64 bits"),
        }
    }
}

impl std::error::Error for SizeError {}

// What each part of the grammar expects (also how `parse_size` tells its
// `SizeError`s apart).
const NUMBER: &str = "a number (`0`, `12`, `1.2`, `1e+03`)";
const UNIT: &str = "a unit (`B`, `kB`, `MB`, `GB`, `KiB`, `MiB`, …)";
const AFTER_UNIT: &str = "whitespace or the end of the size after its unit";
const AFTER_NUMBER: &str = "a unit or the end of the size";
const AFTER_SIZE: &str = "the end of the cell after the size";
const FITS: &str = "a size that fits in 64 bits";
const GROUP: &str = "three digits after a thousands separator";
const AFTER_GROUPS: &str = "whitespace or the end of the size";

/// A known unit's multiplier in bytes: `B`, `kB`, `MiB`, …, compared without
/// case (go-units parses suffixes case-insensitively: `KB`, `kb`, `Kib`).
fn unit_of(word: &str) -> Option<u128> {
    let lower = |i: usize| word.as_bytes().get(i).map(u8::to_ascii_lowercase);
    let power = |c: u8| match c {
        b'k' => Some(1u32),
        b'm' => Some(2),
        b'g' => Some(3),
        b't' => Some(4),
        b'p' => Some(5),
        b'e' => Some(6),
        _ => None,
    };
    match (word.len(), lower(0), lower(1)) {
        (1, Some(b'b'), _) => Some(1),
        // `k`, `m`, … (no `e`: that is an exponent)
        (1, Some(c), _) if c != b'e' => power(c).map(|p| 1000u128.pow(p)),
        (2, Some(c), Some(b'b')) => power(c).map(|p| 1000u128.pow(p)),
        (3, Some(c), Some(b'i')) if lower(2) == Some(b'b') && c != b'e' => {
            power(c).map(|p| 1u128 << (10 * p))
        }
        _ => None,
    }
}

/// The parts of a printed number: `digits` without the dot, `scale` = the power
/// of ten to apply (`57.7` → 577, -1; `1e+03` → 1, 3), and the power of ten of
/// the last significant printed place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Number {
    digits: u128,
    scale: i32,
    last_place: i32,
}

fn count(text: &str) -> i32 {
    i32::try_from(text.len()).unwrap_or(i32::MAX)
}

/// Decimal digits (ASCII, as `digit1` reads them) into a number, saturating.
fn fold_digits<T>(digits: &str, zero: T, push: impl Fn(T, u8) -> T) -> T {
    digits
        .bytes()
        .fold(zero, |n, b| push(n, b.wrapping_sub(b'0')))
}

/// `e+03` | `E-1` | `e5`: an exponent below 40 (a larger one is not read).
fn exponent(input: &str) -> Res<'_, i32> {
    let (rest, _) = one_of("eE")(input)?;
    let (rest, sign) = opt(one_of("+-")).parse_complete(rest)?;
    let (rest, digits) = digit1(rest)?;
    let e = fold_digits(digits, 0i32, |e, d| {
        e.saturating_mul(10).saturating_add(i32::from(d))
    });
    if e >= 40 {
        return Err(nom::Err::Error(Expected {
            rest: input,
            what: "",
        }));
    }
    Ok((rest, if sign == Some('-') { -e } else { e }))
}

/// `12` | `1.819` | `1e+03` | `9.5e-01`.
fn number(input: &str) -> Res<'_, Number> {
    // The grammar's steps one after the other (`?` carries nom's error);
    // the optional parts are tried only where their first character stands
    // (most sizes have neither).
    let (rest, int) = digit1(input).map_err(named(NUMBER))?;
    let (rest, frac) = match rest.as_bytes().first() {
        Some(b'.') => opt(preceded(char('.'), digit1)).parse_complete(rest)?,
        _ => (rest, None),
    };
    let (rest, exp) = match rest.as_bytes().first() {
        Some(b'e' | b'E') => opt(exponent).parse_complete(rest)?,
        _ => (rest, None),
    };
    let frac: &str = frac.unwrap_or("");
    let push = |n: u128, d: u8| n.saturating_mul(10).saturating_add(u128::from(d));
    let digits = fold_digits(frac, fold_digits(int, 0u128, push), push);
    let n_digits = count(int).saturating_add(count(frac));
    let frac = count(frac);
    let scale = exp.unwrap_or(0).saturating_sub(frac);
    // Go's %g switches to exponent form only when the exponent reaches the
    // precision, and drops trailing zeros: `1e+03` printed at precision 3 still
    // means 3 significant digits. So an exponent form is at least that precise.
    let last_place = match exp {
        Some(exp) => {
            let sig = n_digits.max(3);
            let magnitude = exp
                .saturating_add(n_digits)
                .saturating_sub(1)
                .saturating_sub(frac);
            magnitude.saturating_sub(sig - 1)
        }
        None => scale,
    };
    Ok((
        rest,
        Number {
            digits,
            scale,
            last_place,
        },
    ))
}

/// Where a size token ends: whitespace, the end, or a stray backtick.
fn size_end<'a>(what: &'static str) -> impl Fn(&'a str) -> Res<'a, ()> {
    token_end(what, |c| c.is_whitespace() || c == '`')
}

/// The unit after a number, if any; the byte after the number tells which
/// branch of the grammar can apply.
fn unit(input: &str) -> Res<'_, Option<u128>> {
    match input.as_bytes().first() {
        // Letters right after the number must be a unit, ending the token.
        Some(c) if c.is_ascii_alphabetic() => unit_word(input),
        // One space, then a unit that ends the token (`0 B`); else the number
        // stands alone and the next word is not ours (`3 days ago`).
        Some(b' ') => match preceded(char(' '), unit_word).parse_complete(input) {
            Ok(read) => Ok(read),
            Err(_) => Ok((input, None)),
        },
        _ => {
            let (rest, ()) = size_end(AFTER_NUMBER)(input)?;
            Ok((rest, None))
        }
    }
}

/// `kB`, `MiB`, …: a known unit that ends the token.
fn unit_word(input: &str) -> Res<'_, Option<u128>> {
    let (rest, word) = alpha1(input).map_err(named(UNIT))?;
    let multiplier = unit_of(word).ok_or(nom::Err::Error(Expected {
        rest: input,
        what: UNIT,
    }))?;
    let (rest, ()) = size_end(AFTER_UNIT)(rest)?;
    Ok((rest, Some(multiplier)))
}

/// `70,810,049`: plain bytes with thousands separators, as a person formats
/// them by hand. Exact bytes; groups of three digits after the first.
fn grouped(input: &str) -> Res<'_, Size> {
    let digit = |c: char| c.is_ascii_digit();
    let push = |n: u128, d: u8| n.saturating_mul(10).saturating_add(u128::from(d));
    let (rest, (head, bytes, ())) = (
        take_while_m_n(1, 3, digit),
        fold_many1(
            preceded(char(','), context(GROUP, take_while_m_n(3, 3, digit))),
            || 0u128,
            move |n, group: &str| fold_digits(group, n, push),
        ),
        token_end(AFTER_GROUPS, char::is_whitespace),
    )
        .parse_complete(input)?;
    // The groups were read after the head: put the head in front.
    let groups = count(input)
        .saturating_sub(count(rest))
        .saturating_sub(count(head))
        / 4;
    let head = fold_digits(head, 0u128, push);
    let total = pow10(groups.unsigned_abs().saturating_mul(3))
        .saturating_mul(head)
        .saturating_add(bytes);
    let bytes = u64::try_from(total).map_err(|_| {
        nom::Err::Error(Expected {
            rest: input,
            what: FITS,
        })
    })?;
    Ok((
        rest,
        Size {
            bytes,
            tolerance: 0,
            exact: true,
        },
    ))
}

/// `1.2kB`, `0 B`, `1e+03MB`, `70810049`, `12.5`.
fn human(input: &str) -> Res<'_, Size> {
    let (rest, num) = number(input)?;
    let (rest, multiplier) = unit(rest)?;
    let too_large = || {
        nom::Err::Error(Expected {
            rest: input,
            what: FITS,
        })
    };
    let size = match multiplier {
        Some(m) => Size {
            bytes: u64::try_from(scaled(num.digits, num.scale, m)).map_err(|_| too_large())?,
            tolerance: tolerance(num.last_place, m),
            exact: false,
        },
        // Plain bytes (`--human=false`).
        None => Size {
            bytes: u64::try_from(scaled(num.digits, num.scale, 1)).map_err(|_| too_large())?,
            // `12.5` with no unit: read as bytes, rounded, not exact.
            tolerance: if num.scale < 0 {
                tolerance(num.last_place, 1)
            } else {
                0
            },
            exact: num.scale >= 0,
        },
    };
    Ok((rest, size))
}

fn pow10(n: u32) -> u128 {
    10u128.saturating_pow(n)
}

/// `value × 10^scale × multiplier`, rounded to the nearest integer.
fn scaled(digits: u128, scale: i32, multiplier: u128) -> u128 {
    let base = digits.saturating_mul(multiplier);
    if scale >= 0 {
        base.saturating_mul(pow10(scale.unsigned_abs()))
    } else {
        let div = pow10(scale.unsigned_abs());
        (base.saturating_add(div / 2)) / div
    }
}

/// Half of one unit in the last printed place, in bytes (rounded down):
/// `57.7MB` → 50 000; `745B` → 0.
fn tolerance(last_place: i32, multiplier: u128) -> u64 {
    let place = if last_place >= 0 {
        multiplier.saturating_mul(pow10(last_place.unsigned_abs()))
    } else {
        multiplier / pow10(last_place.unsigned_abs()).max(1)
    };
    u64::try_from(place / 2).unwrap_or(u64::MAX)
}

/// Reads a size at the start of `text` and returns it with the bytes used.
/// The unit may follow after one space (`0 B`). A bare number is plain bytes
/// (the caller decides whether plain bytes are expected there). The token
/// must end at the end of `text`, at whitespace or at a backtick.
pub fn size_prefix(text: &str) -> Result<(Size, usize), CellError> {
    // Every size starts with a digit: most tokens of a row stop here.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(CellError {
            column: 0,
            expected: NUMBER,
        });
    }
    // Thousands separators first (`70,810,049` would read as `70` and junk),
    // when one follows the first one to three digits.
    let first_group = text.bytes().take(4).position(|b| !b.is_ascii_digit());
    let separated = first_group.is_some_and(|n| n <= 3)
        && first_group.and_then(|n| text.as_bytes().get(n)) == Some(&b',');
    let read = match separated.then(|| grouped(text)) {
        Some(Ok(done)) => Ok(done),
        _ => human(text),
    };
    match read {
        Ok((rest, size)) => Ok((size, text.len().saturating_sub(rest.len()))),
        Err(e) => Err(cell_error(text, e)),
    }
}

/// Reads a whole size cell; spaces around it are ignored. The error's column
/// is in `cell` as given.
pub fn read_size(cell: &str) -> Result<Size, CellError> {
    let lead = cell.len().saturating_sub(cell.trim_start().len());
    let t = cell.trim();
    match size_prefix(t) {
        Ok((size, used)) if used >= t.len() => Ok(size),
        // Pointed at what follows, past the spaces after the size.
        Ok((_, used)) => {
            let after = t.get(used..).unwrap_or("");
            let gap = after.len().saturating_sub(after.trim_start().len());
            Err(CellError {
                column: lead.saturating_add(used).saturating_add(gap),
                expected: AFTER_SIZE,
            })
        }
        Err(e) => Err(CellError {
            column: lead.saturating_add(e.column),
            expected: e.expected,
        }),
    }
}

/// Reads a whole size cell. Leading/trailing spaces are ignored; anything else
/// left over is an error.
pub fn parse_size(cell: &str) -> Result<Size, SizeError> {
    read_size(cell).map_err(|e| size_error(cell, e))
}

/// The older error of a failed [`read_size`] of `cell`: the unknown unit is
/// the letters that were not one (`12XB` → `XB`), the word that stands where
/// a unit or the token's end should be (`4.1kBx` → `kBx`, `1,5MB` → `,5MB`),
/// or all that follows a whole size (`12MB extra` → `extra`).
fn size_error(cell: &str, e: CellError) -> SizeError {
    let rest = cell.get(e.column..).unwrap_or("");
    let word = |start: usize| {
        cell.get(start..)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string()
    };
    match e.expected {
        NUMBER => SizeError::NoNumber,
        FITS => SizeError::TooLarge,
        UNIT => {
            let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            SizeError::UnknownUnit(rest.get(..letters).unwrap_or("").to_string())
        }
        // The word starts with the unit's letters.
        AFTER_UNIT => {
            let unit_letters = cell
                .get(..e.column)
                .unwrap_or("")
                .bytes()
                .rev()
                .take_while(u8::is_ascii_alphabetic)
                .count();
            SizeError::UnknownUnit(word(e.column.saturating_sub(unit_letters)))
        }
        AFTER_SIZE => SizeError::UnknownUnit(rest.trim().to_string()),
        _ => SizeError::UnknownUnit(word(e.column)),
    }
}

/// Whether a size printed as `text` carries a unit with a space before it
/// (`0 B`, `1.29 kB`): the docker ≤ 17.03 / podman 2.0–4.5 / nerdctl < 2.0 look.
pub fn has_spaced_unit(text: &str) -> bool {
    let t = text.trim();
    t.contains(' ') && t.ends_with(|c: char| c.is_ascii_alphabetic())
}

/// Whether `text` uses a binary unit (`MiB`), as nerdctl < 2.0 does.
pub fn has_binary_unit(text: &str) -> bool {
    text.trim_end().ends_with("iB")
}

/// Number of significant digits printed in a size (`1.819 kB` → 4, `0B` → 1).
pub fn significant_digits(text: &str) -> usize {
    let t = text.trim();
    let mantissa = t.split(['e', 'E']).next().unwrap_or(t);
    let significant = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&d| d == b'0')
        .count();
    significant.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(bytes: u64, tolerance: u64, exact: bool) -> Size {
        Size {
            bytes,
            tolerance,
            exact,
        }
    }

    /// The grammar, form by form: input → (bytes, tolerance, exact) or the
    /// error's (column, expected).
    #[test]
    fn size_table() {
        type Want = Result<(u64, u64, bool), (usize, &'static str)>;
        let table: &[(&str, Want)] = &[
            // docker ≥ 17.04: %.3g, no space
            ("0B", Ok((0, 0, false))),
            ("745B", Ok((745, 0, false))),
            ("12.3kB", Ok((12_300, 50, false))),
            ("7.63MB", Ok((7_630_000, 5_000, false))),
            ("2.2GB", Ok((2_200_000_000, 50_000_000, false))),
            // %.3g of 999.7 → `1e+03`: still 3 significant digits
            ("1e+03MB", Ok((1_000_000_000, 5_000_000, false))),
            ("1e+03kB", Ok((1_000_000, 5_000, false))),
            // docker ≤ 17.03, podman 2.0–4.5: a space; docker ≤ 1.12: 4 digits
            ("0 B", Ok((0, 0, false))),
            ("1.245 MB", Ok((1_245_000, 500, false))),
            ("7.63 MB", Ok((7_630_000, 5_000, false))),
            ("1.819 kB", Ok((1_819, 0, false))),
            // nerdctl < 2.0: binary units, one decimal
            ("0.0 B", Ok((0, 0, false))),
            ("1.1 MiB", Ok((1_153_434, 52_428, false))),
            ("3KiB", Ok((3_072, 512, false))),
            ("2GiB", Ok((2_147_483_648, 536_870_912, false))),
            // any case (go-units)
            ("12KB", Ok((12_000, 500, false))),
            ("12kb", Ok((12_000, 500, false))),
            ("12k", Ok((12_000, 500, false))),
            ("1.5 TB", Ok((1_500_000_000_000, 50_000_000_000, false))),
            // plain bytes: --human=false, thousands separators
            ("70810049", Ok((70_810_049, 0, true))),
            ("0", Ok((0, 0, true))),
            ("70,810,049", Ok((70_810_049, 0, true))),
            ("1,000", Ok((1_000, 0, true))),
            ("12.5", Ok((13, 0, false))),
            // a code span closed right after the cell: the size ends there
            // (`size_prefix` stops before it), the cell does not
            ("5.6MB`", Err((5, AFTER_SIZE))),
            // errors: where and what
            ("", Err((0, NUMBER))),
            ("MB", Err((0, NUMBER))),
            ("-1MB", Err((0, NUMBER))),
            ("12XB", Err((2, UNIT))),
            ("12e", Err((2, UNIT))),
            ("4.1kBx", Err((3, UNIT))),
            ("4.1kB5", Err((5, AFTER_UNIT))),
            ("0 B,", Err((2, AFTER_SIZE))),
            ("1,5MB", Err((1, AFTER_NUMBER))),
            ("70,81", Err((2, AFTER_NUMBER))),
            ("1.MB", Err((1, AFTER_NUMBER))),
            ("12MB extra", Err((5, AFTER_SIZE))),
            ("99999999999999999999999", Err((0, FITS))),
            ("20000000000GB", Err((0, FITS))),
        ];
        for (input, want) in table {
            let got = read_size(input)
                .map(|s| (s.bytes, s.tolerance, s.exact))
                .map_err(|e| (e.column, e.expected));
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn thousands_separators_are_plain_bytes() {
        let size = parse_size("70,810,049").expect("grouped bytes");
        assert_eq!(
            (size.bytes, size.tolerance, size.exact),
            (70_810_049, 0, true)
        );
        assert!(parse_size("1,5MB").is_err());
        assert!(parse_size("70,81").is_err());
        assert!(parse_size(",123").is_err());
    }

    #[test]
    fn docker_modern_sizes() {
        assert_eq!(parse_size("0B"), Ok(s(0, 0, false)));
        assert_eq!(parse_size("745B"), Ok(s(745, 0, false)));
        assert_eq!(parse_size("1.2kB"), Ok(s(1_200, 50, false)));
        assert_eq!(parse_size("8.19kB"), Ok(s(8_190, 5, false)));
        assert_eq!(parse_size("57.7MB"), Ok(s(57_700_000, 50_000, false)));
        assert_eq!(parse_size("117MB"), Ok(s(117_000_000, 500_000, false)));
        assert_eq!(parse_size("2.2GB"), Ok(s(2_200_000_000, 50_000_000, false)));
    }

    #[test]
    fn exponent_quirk_keeps_three_digit_precision() {
        // %.3g of 999.7 → "1e+03": 3 significant digits, the 3rd at 10^1 MB.
        assert_eq!(
            parse_size("1e+03MB"),
            Ok(s(1_000_000_000, 5_000_000, false))
        );
        assert_eq!(parse_size("1e+03kB"), Ok(s(1_000_000, 5_000, false)));
    }

    #[test]
    fn old_docker_spaced_and_four_digits() {
        assert_eq!(parse_size("1.819 kB"), Ok(s(1_819, 0, false)));
        assert_eq!(parse_size("0 B"), Ok(s(0, 0, false)));
        assert_eq!(parse_size("50.47 MB"), Ok(s(50_470_000, 5_000, false)));
        assert_eq!(parse_size("191.8 MB"), Ok(s(191_800_000, 50_000, false)));
    }

    #[test]
    fn nerdctl_binary_units() {
        assert_eq!(parse_size("0.0 B"), Ok(s(0, 0, false)));
        // 1.1 × 2^20 = 1 153 433.6 → 1 153 434; tolerance 0.05 MiB = 52 428.8 → 52 428
        assert_eq!(parse_size("1.1 MiB"), Ok(s(1_153_434, 52_428, false)));
        assert_eq!(parse_size("3KiB"), Ok(s(3_072, 512, false)));
    }

    #[test]
    fn plain_bytes_are_exact() {
        assert_eq!(parse_size("70810049"), Ok(s(70_810_049, 0, true)));
        assert_eq!(parse_size("0"), Ok(s(0, 0, true)));
    }

    #[test]
    fn other_spellings() {
        assert_eq!(parse_size("12KB"), Ok(s(12_000, 500, false)));
        assert_eq!(
            parse_size("1.5 TB"),
            Ok(s(1_500_000_000_000, 50_000_000_000, false))
        );
    }

    #[test]
    fn bad_units_are_errors() {
        assert_eq!(parse_size("12XB"), Err(SizeError::UnknownUnit("XB".into())));
        assert_eq!(
            parse_size("12XB5"),
            Err(SizeError::UnknownUnit("XB".into()))
        );
        assert_eq!(parse_size("MB"), Err(SizeError::NoNumber));
        assert_eq!(
            parse_size("12MB extra"),
            Err(SizeError::UnknownUnit("extra".into()))
        );
        assert_eq!(
            parse_size("4.1kBx"),
            Err(SizeError::UnknownUnit("kBx".into()))
        );
        assert_eq!(
            parse_size("4.1kB5"),
            Err(SizeError::UnknownUnit("kB5".into()))
        );
        assert_eq!(
            parse_size("1,5MB"),
            Err(SizeError::UnknownUnit(",5MB".into()))
        );
        assert_eq!(
            parse_size("3 days"),
            Err(SizeError::UnknownUnit("days".into()))
        );
        assert_eq!(
            parse_size("99999999999999999999999"),
            Err(SizeError::TooLarge)
        );
    }

    #[test]
    fn prefix_stops_at_the_token_end() {
        assert_eq!(
            size_prefix("824kB    ← our app"),
            Ok((s(824_000, 500, false), 5))
        );
        assert_eq!(size_prefix("0 B   FROM x"), Ok((s(0, 0, false), 3)));
        assert_eq!(
            size_prefix("5.6MB` |"),
            Ok((s(5_600_000, 50_000, false), 5))
        );
        // A bare number followed by a word is only plain bytes; the caller
        // decides whether plain bytes are expected there.
        assert_eq!(size_prefix("3 days ago"), Ok((s(3, 0, true), 1)));
    }

    #[test]
    fn columns_are_in_the_cell_as_given() {
        assert_eq!(read_size("  12 XB").map_err(|e| e.column), Err(5));
        assert_eq!(read_size(" 12XB").map_err(|e| e.column), Err(3));
        assert_eq!(read_size("½ MB").map_err(|e| e.column), Err(0));
        assert_eq!(
            parse_size("  12 XB "),
            Err(SizeError::UnknownUnit("XB".into()))
        );
    }

    #[test]
    fn digit_counting() {
        assert_eq!(significant_digits("1.819 kB"), 4);
        assert_eq!(significant_digits("0B"), 1);
        assert_eq!(significant_digits("57.7MB"), 3);
        assert_eq!(significant_digits("0.05MB"), 1);
    }
}
