//! Sizes that respect rounding: [`Total`]s and [`Delta`]s that carry the range
//! the printed values allow, and the human strings for them (`≈ 417 MB`,
//! `−101 MB (−24 %)`, `± 1.2 MB`).
//!
//! `docker history` prints sizes with three significant digits (`57.7MB`), so
//! every size is really a range ([`Size::low`]..=[`Size::high`]). A sum of
//! sizes carries the summed range, and a difference smaller than the combined
//! rounding is not a difference: it is reported as "≈ 0 (within rounding)".
//! Units are decimal like docker's (kB = 1000 B, MB = 10⁶ B).

use crate::model::Size;
use crate::text::decimal::fixed;
pub use crate::text::human_bytes;
use crate::text::{byte_count, round_sig3, scaled, sig3, UNITS};
use serde::Serialize;

/// A sum of layer sizes, with the range the printed values allow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Total {
    /// Sum of the printed values.
    pub bytes: u64,
    /// Smallest possible true sum.
    pub low: u64,
    /// Largest possible true sum.
    pub high: u64,
    /// True when every size was printed as plain bytes (or there were none).
    pub exact: bool,
}

impl Total {
    /// The empty sum.
    pub fn zero() -> Total {
        Total {
            exact: true,
            ..Total::default()
        }
    }

    /// The total of one size (a missing size counts as an exact 0).
    pub fn of(size: Option<Size>) -> Total {
        match size {
            Some(s) => Total {
                bytes: s.bytes,
                low: s.low(),
                high: s.high(),
                exact: s.exact || s.tolerance == 0,
            },
            None => Total::zero(),
        }
    }

    /// Adds one layer's size.
    pub fn add_size(self, size: Option<Size>) -> Total {
        self.plus(Total::of(size))
    }

    /// Sum of two totals.
    pub fn plus(self, o: Total) -> Total {
        Total {
            bytes: self.bytes.saturating_add(o.bytes),
            low: self.low.saturating_add(o.low),
            high: self.high.saturating_add(o.high),
            exact: self.exact && o.exact,
        }
    }

    /// How far the true sum may be from `bytes` (the larger side).
    pub fn tolerance(self) -> u64 {
        self.bytes
            .saturating_sub(self.low)
            .max(self.high.saturating_sub(self.bytes))
    }

    /// `≈ 417 MB` (or `417 MB` when exact).
    pub fn approx(self) -> String {
        if self.exact {
            human_bytes(self.bytes)
        } else {
            format!("≈ {}", human_bytes(self.bytes))
        }
    }

    /// `± 1.2 MB` in the unit of the total, or empty when exact.
    pub fn plus_minus(self) -> String {
        if self.exact || self.tolerance() == 0 {
            String::new()
        } else {
            plus_minus(self.tolerance(), self.bytes)
        }
    }

    /// `≈ 417 MB (± 1.2 MB)`: the total with its rounding when that exceeds
    /// the rounding of the displayed number itself.
    pub fn describe(self) -> String {
        let shown_step = display_step(self.bytes);
        if self.exact || self.tolerance().saturating_mul(2) <= shown_step {
            self.approx()
        } else {
            format!("{} ({})", self.approx(), self.plus_minus())
        }
    }
}

/// A difference after − before, with the tolerance of both sides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Delta {
    /// after − before, from the printed values.
    pub bytes: i64,
    /// How far the true difference may be from `bytes`.
    pub tolerance: u64,
    /// True when both sides were exact.
    pub exact: bool,
}

impl Delta {
    /// `after − before`.
    pub fn between(before: Total, after: Total) -> Delta {
        Delta {
            bytes: signed_diff(after.bytes, before.bytes),
            tolerance: before.tolerance().saturating_add(after.tolerance()),
            exact: before.exact && after.exact,
        }
    }

    /// True when the difference could be zero given the rounding.
    pub fn within_rounding(self) -> bool {
        self.bytes.unsigned_abs() <= self.tolerance
    }

    /// `−101 MB (−24 %)` relative to `base` (the before total), `+745 B`, or
    /// `≈ 0 (within rounding)`.
    pub fn describe(self, base: u64) -> String {
        if self.bytes == 0 {
            return "0 B".to_string();
        }
        if self.within_rounding() {
            return "≈ 0 (within rounding)".to_string();
        }
        let sign = if self.bytes < 0 { "−" } else { "+" };
        let amount = human_bytes(self.bytes.unsigned_abs());
        if base == 0 {
            return format!("{sign}{amount}");
        }
        format!("{sign}{amount} ({})", percent(self.bytes, base))
    }

    /// Like [`Delta::describe`] with a leading `≈ ` when the sizes were rounded.
    pub fn describe_approx(self, base: u64) -> String {
        let d = self.describe(base);
        if self.exact || self.tolerance == 0 || d.starts_with('≈') || self.bytes == 0 {
            d
        } else {
            format!("≈ {d}")
        }
    }

    /// Short form for a table cell: `−93.9 MB`, `+745 B`, `≈ 0`, or empty for 0.
    pub fn short(self) -> String {
        if self.bytes == 0 {
            String::new()
        } else if self.within_rounding() {
            "≈ 0".to_string()
        } else {
            let sign = if self.bytes < 0 { "−" } else { "+" };
            format!("{sign}{}", human_bytes(self.bytes.unsigned_abs()))
        }
    }
}

/// `after − before` as i64, saturating.
pub fn signed_diff(after: u64, before: u64) -> i64 {
    if after >= before {
        i64::try_from(after - before).unwrap_or(i64::MAX)
    } else {
        i64::try_from(before - after).map_or(i64::MIN, |d| -d)
    }
}

/// `−24 %`: a change relative to `base`, whole percent (one decimal below 10 %).
pub fn percent(delta: i64, base: u64) -> String {
    if base == 0 {
        return String::new();
    }
    let p = delta as f64 / base as f64 * 100.0;
    let sign = if p < 0.0 { "−" } else { "+" };
    let a = p.abs();
    if a < 0.05 {
        return "< 0.1 %".to_string();
    }
    if a < 9.95 {
        let s = fixed(a, 1);
        format!("{sign}{} %", s.trim_end_matches(".0"))
    } else if p >= 900.0 {
        // +1063876 % reads better as a factor
        format!("×{}", sig3(1.0 + p / 100.0))
    } else {
        format!("{sign}{} %", fixed(a, 0))
    }
}

/// The step of the last digit shown by [`human_bytes`] for `bytes`, in bytes.
fn display_step(bytes: u64) -> u64 {
    let (v, unit) = scaled(bytes);
    let unit_bytes = 1000f64.powi(unit as i32);
    let r = round_sig3(v);
    let step = if r >= 100.0 {
        1.0
    } else if r >= 10.0 {
        0.1
    } else {
        0.01
    };
    (step * unit_bytes) as u64
}

/// A layer's size in words, with the range its printed (rounded) size
/// allows: `115,000,000 bytes (exact)`, `≈ 115 MB ± 50 kB (printed rounded:
/// 114,950,000–115,050,000 bytes)`, `no size`.
pub fn size_words(size: Option<Size>) -> String {
    match size {
        None => "no size".into(),
        Some(s) if s.tolerance == 0 => format!("{} (exact)", byte_count(s.bytes)),
        Some(s) => format!(
            "≈ {} {} (printed rounded: {}–{})",
            human_bytes(s.bytes),
            plus_minus(s.tolerance, s.bytes),
            grouped_bytes(s.low()),
            byte_count(s.high())
        ),
    }
}

/// `114,950,000` (a range's first end, its unit said once after the second).
fn grouped_bytes(bytes: u64) -> String {
    byte_count(bytes).trim_end_matches(" bytes").to_string()
}

/// `± 1.2 MB`: a tolerance written in the unit of `reference` (two significant digits).
pub fn plus_minus(tolerance: u64, reference: u64) -> String {
    let (_, unit) = scaled(reference.max(tolerance));
    let unit_bytes = 1000f64.powi(unit as i32);
    let v = tolerance as f64 / unit_bytes;
    let s = if v >= 10.0 {
        fixed(v, 0)
    } else if v >= 0.095 {
        let s = fixed(v, 1);
        s.trim_end_matches(".0").to_string()
    } else {
        fixed(v, 2)
    };
    format!("± {s} {}", UNITS.get(unit).copied().unwrap_or("B"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn human(bytes: u64, tol: u64) -> Option<Size> {
        Some(Size {
            bytes,
            tolerance: tol,
            exact: false,
        })
    }

    #[test]
    fn human_bytes_uses_three_digits_and_decimal_units() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(745), "745 B");
        assert_eq!(human_bytes(57_700_000), "57.7 MB");
        assert_eq!(human_bytes(417_294_752), "417 MB");
        assert_eq!(human_bytes(1_500_000), "1.5 MB");
        assert_eq!(human_bytes(999_600_000), "1 GB");
        assert_eq!(human_bytes(u64::MAX), "18.4 EB");
    }

    #[test]
    fn totals_carry_the_summed_range() {
        let t = Total::zero()
            .add_size(human(57_700_000, 50_000))
            .add_size(human(115_000_000, 500_000))
            .add_size(None);
        assert_eq!(t.bytes, 172_700_000);
        assert_eq!(t.low, 172_150_000);
        assert_eq!(t.high, 173_250_000);
        assert!(!t.exact);
        assert_eq!(t.approx(), "≈ 173 MB");
        assert_eq!(t.plus_minus(), "± 0.6 MB");
    }

    #[test]
    fn a_difference_inside_the_rounding_is_not_real() {
        let a = Total::of(human(115_000_000, 500_000));
        let b = Total::of(human(115_400_000, 50_000));
        let d = Delta::between(a, b);
        assert!(d.within_rounding());
        assert_eq!(d.describe(a.bytes), "≈ 0 (within rounding)");
        let c = Total::of(human(199_000_000, 500_000));
        let d = Delta::between(a, c);
        assert!(!d.within_rounding());
        assert_eq!(d.describe(a.bytes), "+84 MB (+73 %)");
        assert_eq!(d.short(), "+84 MB");
    }

    #[test]
    fn exact_sizes_give_exact_numbers() {
        let exact = |b| {
            Some(Size {
                bytes: b,
                tolerance: 0,
                exact: true,
            })
        };
        let a = Total::zero().add_size(exact(1000));
        let b = Total::zero().add_size(exact(1001));
        let d = Delta::between(a, b);
        assert!(d.exact && !d.within_rounding());
        assert_eq!(d.describe_approx(a.bytes), "+1 B (+0.1 %)");
        assert_eq!(percent(141_000_000, 13_300), "×10600");
        assert_eq!(percent(-13_299, 13_300), "−100 %");
        assert_eq!(a.approx(), "1 kB");
    }

    #[test]
    fn a_size_in_words_groups_its_digits_and_says_its_range() {
        let exact = Size {
            bytes: 115_000_000,
            tolerance: 0,
            exact: true,
        };
        assert_eq!(size_words(Some(exact)), "115,000,000 bytes (exact)");
        let rounded = Size {
            tolerance: 500_000,
            exact: false,
            ..exact
        };
        assert_eq!(
            size_words(Some(rounded)),
            "≈ 115 MB ± 0.5 MB (printed rounded: 114,500,000–115,500,000 bytes)"
        );
        assert_eq!(size_words(None), "no size");
    }
}
