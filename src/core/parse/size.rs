//! Reads a SIZE cell (`0B`, `1.2kB`, `1.819 kB`, `1e+03MB`, `1.1 MiB`, `70810049`)
//! into a [`Size`], keeping how precise the printed value was.
//!
//! Format notes (docker/go-units, see /work/shared/formats.md §1.5):
//! - docker ≥ 17.04 prints `HumanSizeWithPrecision(size, 3)`: `%.3g` + a decimal
//!   unit with no space (`0B`, `8.19kB`, `55.6MB`); values in [999.5, 1000) of a
//!   unit come out as `1e+03kB`.
//! - docker ≤ 17.03 and podman 2.0–4.5 put a space before the unit (`0 B`);
//!   docker ≤ 1.12 printed 4 significant digits (`1.819 kB`).
//! - nerdctl < 2.0 prints binary units with one decimal (`0.0 B`, `1.1 MiB`).
//! - `--human=false` (and JSON integers) give plain bytes: exact sizes.
//!
//! Decimal arithmetic is done on integers (mantissa digits and a power of ten),
//! so `57.7MB` is exactly 57 700 000 bytes, never 57 699 999.

use crate::core::model::Size;

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

/// A unit: its multiplier in bytes and whether it is binary (KiB, MiB, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit {
    multiplier: u128,
}

/// Known unit spellings, longest first so `KiB` wins over `K`.
/// `KB`/`kb` are accepted (go-units parses suffixes case-insensitively).
fn unit_of(text: &str) -> Option<Unit> {
    let lower = text.to_ascii_lowercase();
    let m: u128 = match lower.as_str() {
        "b" => 1,
        "kb" | "k" => 1_000,
        "mb" | "m" => 1_000_000,
        "gb" | "g" => 1_000_000_000,
        "tb" | "t" => 1_000_000_000_000,
        "pb" | "p" => 1_000_000_000_000_000,
        "eb" => 1_000_000_000_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        "tib" => 1 << 40,
        "pib" => 1 << 50,
        _ => return None,
    };
    Some(Unit { multiplier: m })
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

/// `12` | `1.819` | `1e+03` | `9.5e-01`: returns the number and the bytes used.
fn number(text: &str) -> Option<(Number, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut digits: u128 = 0;
    let mut n_digits = 0usize;
    let mut frac = 0i32;
    while let Some(c) = bytes.get(i).filter(|c| c.is_ascii_digit()) {
        digits = digits
            .saturating_mul(10)
            .saturating_add(u128::from(c - b'0'));
        n_digits += 1;
        i += 1;
    }
    if n_digits == 0 {
        return None;
    }
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while let Some(c) = bytes.get(i).filter(|c| c.is_ascii_digit()) {
            digits = digits
                .saturating_mul(10)
                .saturating_add(u128::from(c - b'0'));
            n_digits += 1;
            frac += 1;
            i += 1;
        }
    }
    let mut exp = 0i32;
    let mut has_exp = false;
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        let neg = match bytes.get(j) {
            Some(b'+') => {
                j += 1;
                false
            }
            Some(b'-') => {
                j += 1;
                true
            }
            _ => false,
        };
        let start = j;
        let mut e = 0i32;
        while let Some(c) = bytes.get(j).filter(|c| c.is_ascii_digit()) {
            e = e.saturating_mul(10).saturating_add(i32::from(c - b'0'));
            j += 1;
        }
        if j > start && e < 40 {
            exp = if neg { -e } else { e };
            has_exp = true;
            i = j;
        }
    }
    let scale = exp - frac;
    // Go's %g switches to exponent form only when the exponent reaches the
    // precision, and drops trailing zeros: `1e+03` printed at precision 3 still
    // means 3 significant digits. So an exponent form is at least that precise.
    let last_place = if has_exp {
        let sig = i32::try_from(n_digits).unwrap_or(i32::MAX).max(3);
        let magnitude = exp + i32::try_from(n_digits).unwrap_or(0) - 1 - frac;
        magnitude - (sig - 1)
    } else {
        scale
    };
    Some((
        Number {
            digits,
            scale,
            last_place,
        },
        i,
    ))
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

/// Reads a whole size cell. Leading/trailing spaces are ignored; anything else
/// left over is an error.
pub fn parse_size(cell: &str) -> Result<Size, SizeError> {
    let cell = cell.trim();
    let (size, used) = size_prefix(cell)?;
    if used == cell.len() {
        Ok(size)
    } else {
        Err(SizeError::UnknownUnit(
            cell.get(used..).unwrap_or("").trim().to_string(),
        ))
    }
}

/// Plain bytes with thousands separators, as a person formats them by hand
/// (`70,810,049`): exact bytes. Groups of three digits after the first.
fn grouped_bytes(text: &str) -> Option<(Size, usize)> {
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    let token = text.get(..end)?;
    let mut groups = token.split(',');
    let head = groups.next()?;
    let mut digits = String::with_capacity(token.len());
    if head.is_empty() || head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.push_str(head);
    let mut count = 0usize;
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let bytes: u64 = digits.parse().ok()?;
    Some((
        Size {
            bytes,
            tolerance: 0,
            exact: true,
        },
        end,
    ))
}

/// Reads a size at the start of `text` and returns it with the bytes used.
/// The unit may follow after one space (`0 B`). A bare number is plain bytes.
/// The token must end at the end of `text` or at whitespace.
pub fn size_prefix(text: &str) -> Result<(Size, usize), SizeError> {
    if let Some(grouped) = grouped_bytes(text) {
        return Ok(grouped);
    }
    let (num, used) = number(text).ok_or(SizeError::NoNumber)?;
    let rest = text.get(used..).unwrap_or("");
    // The unit: letters right after the number, or after exactly one space.
    let (unit_text, unit_start) = {
        let direct = letters(rest);
        if !direct.is_empty() {
            (direct, used)
        } else if let Some(after_space) = rest.strip_prefix(' ') {
            let spaced = letters(after_space);
            match unit_of(spaced) {
                Some(_) if ends_token(after_space.get(spaced.len()..).unwrap_or("")) => {
                    (spaced, used + 1)
                }
                _ => ("", used),
            }
        } else {
            ("", used)
        }
    };
    if unit_text.is_empty() {
        // Plain bytes (`--human=false`): must end the token and have no fraction.
        if !ends_token(rest) {
            return Err(SizeError::UnknownUnit(first_word(rest).to_string()));
        }
        if num.scale < 0 {
            // `12.5` with no unit: read as bytes, rounded, not exact.
            let bytes = scaled(num.digits, num.scale, 1);
            let tol = tolerance(num.last_place, 1);
            return Ok((
                Size {
                    bytes: u64::try_from(bytes).map_err(|_| SizeError::TooLarge)?,
                    tolerance: tol,
                    exact: false,
                },
                used,
            ));
        }
        let bytes = scaled(num.digits, num.scale, 1);
        return Ok((
            Size {
                bytes: u64::try_from(bytes).map_err(|_| SizeError::TooLarge)?,
                tolerance: 0,
                exact: true,
            },
            used,
        ));
    }
    let unit = unit_of(unit_text).ok_or_else(|| SizeError::UnknownUnit(unit_text.to_string()))?;
    let end = unit_start + unit_text.len();
    if !ends_token(text.get(end..).unwrap_or("")) {
        return Err(SizeError::UnknownUnit(first_word(rest).to_string()));
    }
    let bytes = scaled(num.digits, num.scale, unit.multiplier);
    Ok((
        Size {
            bytes: u64::try_from(bytes).map_err(|_| SizeError::TooLarge)?,
            tolerance: tolerance(num.last_place, unit.multiplier),
            exact: false,
        },
        end,
    ))
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

fn letters(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or("")
}

fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// A token ends at whitespace, at the end, or at a stray backtick (a code
/// span closed right after the last cell: `` 5.6MB` ``).
fn ends_token(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(char::is_whitespace) || rest.starts_with('`')
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
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    if trimmed.is_empty() {
        1
    } else {
        trimmed.len()
    }
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
        assert_eq!(parse_size("MB"), Err(SizeError::NoNumber));
        assert_eq!(
            parse_size("12MB extra"),
            Err(SizeError::UnknownUnit("extra".into()))
        );
        assert!(parse_size("4.1kBx").is_err());
        assert!(parse_size("99999999999999999999999").is_err());
    }

    #[test]
    fn prefix_stops_at_the_token_end() {
        assert_eq!(
            size_prefix("824kB    ← our app"),
            Ok((s(824_000, 500, false), 5))
        );
        assert_eq!(size_prefix("0 B   FROM x"), Ok((s(0, 0, false), 3)));
        // A bare number followed by a word is only plain bytes; the caller
        // decides whether plain bytes are expected there.
        assert_eq!(size_prefix("3 days ago"), Ok((s(3, 0, true), 1)));
    }

    #[test]
    fn digit_counting() {
        assert_eq!(significant_digits("1.819 kB"), 4);
        assert_eq!(significant_digits("0B"), 1);
        assert_eq!(significant_digits("57.7MB"), 3);
    }
}
