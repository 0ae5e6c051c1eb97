//! Exact decimal text of an `f64` without `core::fmt`'s exact float
//! formatting: [`fixed`] writes what `format!("{v:.d$}")` writes, and
//! [`significant`] rounds to a number of significant digits (what
//! `format!("{v:.*e}", p - 1)` rounds to). Both work on the value's exact
//! decimal expansion and round half to even, as `core::fmt` does.
//!
//! Why not `format!`: a precision (`{:.1}`, `{:.2e}`) links `core::fmt`'s
//! exact float algorithms (Grisu and Dragon's exact modes and the exponent
//! forms) into every wasm that formats one; these few lines cost a fraction
//! of them. The shortest form (`{}`) is still linked (the chart's drawing
//! library writes its numbers with it).

/// `|v|` as `m × 2^e` (`m` below 2⁵³).
fn parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// The decimal digits (most significant first, no leading zero) of the
/// integer `m × 2^e` when `e ≥ 0`, else of `m × 5^-e` (which is
/// `m × 2^e` with `-e` digits after the point).
fn exact(m: u64, e: i32) -> Vec<u8> {
    // least significant first while multiplying
    let mut little: Vec<u8> = Vec::new();
    let mut rest = m;
    while rest > 0 {
        little.push((rest % 10) as u8);
        rest /= 10;
    }
    let (factor, chunk) = if e >= 0 { (2u64, 30) } else { (5u64, 13) };
    let mut times = e.unsigned_abs();
    while times > 0 && !little.is_empty() {
        let n = times.min(chunk);
        times -= n;
        let by = factor.pow(n);
        let mut carry = 0u64;
        for d in &mut little {
            let x = u64::from(*d) * by + carry;
            *d = (x % 10) as u8;
            carry = x / 10;
        }
        while carry > 0 {
            little.push((carry % 10) as u8);
            carry /= 10;
        }
    }
    little.reverse();
    little
}

/// The decimal digits of a non-negative value: `0.d₁d₂…dₙ × 10^point`, the
/// first digit never 0 (no digits: the value 0).
struct Digits {
    /// Most significant first, each 0..=9.
    digits: Vec<u8>,
    /// How many digits stand before the decimal point (may be ≤ 0, or more
    /// than there are digits: the rest are zeros).
    point: isize,
}

impl Digits {
    /// The exact decimal expansion of `|v|` (finite): an `f64` is
    /// `m × 2^e`, so `m × 2^e` digits for `e ≥ 0` and `m × 5^-e` digits
    /// with `-e` of them after the point otherwise.
    fn of(v: f64) -> Digits {
        let (m, e) = parts(v);
        let digits = exact(m, e);
        let point = digits.len() as isize + if e >= 0 { 0 } else { e as isize };
        Digits { digits, point }
    }

    /// Keeps the first `keep` digits (none if `keep ≤ 0`), rounding the
    /// rest away half to even.
    fn round(&mut self, keep: isize) {
        let len = self.digits.len() as isize;
        if keep >= len {
            return;
        }
        if keep < 0 {
            // the first digit is below half of the last place kept
            self.digits.clear();
            return;
        }
        let k = keep as usize;
        let first = self.digits[k];
        let rest = self.digits[k + 1..].iter().any(|&d| d != 0);
        let odd = k > 0 && self.digits[k - 1] % 2 == 1;
        self.digits.truncate(k);
        if first > 5 || (first == 5 && (rest || odd)) {
            // add one in the last place kept, carrying through nines
            let mut i = k;
            loop {
                if i == 0 {
                    self.digits.insert(0, 1);
                    self.point += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] < 9 {
                    self.digits[i] += 1;
                    break;
                }
                self.digits[i] = 0;
            }
        }
    }

    /// The digit at `i` places from the first one (0 past the end).
    fn at(&self, i: isize) -> u8 {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.digits.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// `format!("{v:.decimals$}")`, exactly: `NaN`, `inf`, `-inf`, else the
/// value rounded half to even to `decimals` places after the point, with a
/// `-` for any negative value (also `-0.0` and one that rounds to zero).
pub fn fixed(v: f64, decimals: usize) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    if v.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let mut d = Digits::of(v);
    let places = decimals as isize;
    d.round(d.point + places);
    if d.point <= 0 {
        out.push('0');
    } else {
        for i in 0..d.point {
            out.push(char::from(b'0' + d.at(i)));
        }
    }
    if decimals > 0 {
        out.push('.');
        for i in 0..places {
            out.push(char::from(b'0' + d.at(d.point + i)));
        }
    }
    out
}

/// `|v|` (finite, not 0) rounded half to even to `precision` significant
/// digits (at least 1): the digits (`precision` of them) and the power of
/// ten of the first, as `format!("{v:.*e}", precision - 1)` writes them
/// (`1.00e3` for 999.7 to three digits: `("100", 3)`).
pub fn significant(v: f64, precision: usize) -> (String, i32) {
    let mut d = Digits::of(v);
    let keep = precision.max(1) as isize;
    d.round(keep);
    let digits = (0..keep).map(|i| char::from(b'0' + d.at(i))).collect();
    (digits, (d.point - 1) as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values whose text is easy to get wrong: ties (exact halves), values
    /// just around them, powers of ten, carries through nines, tiny and
    /// huge ones, subnormals and the specials.
    fn tricky() -> Vec<f64> {
        let mut out = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.25,
            0.35,
            0.125,
            0.375,
            9.95,
            9.995,
            99.95,
            999.5,
            999.7,
            0.05,
            0.045,
            0.0049,
            1e-7,
            1e21,
            1e22,
            1e23,
            123_456_789.987_654_32,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            (1u64 << 53) as f64,
            ((1u64 << 63) - 1) as f64,
            u64::MAX as f64 * 100.0,
        ];
        for k in -12..=24 {
            let p = 10f64.powi(k);
            out.extend([p, p * 0.5, p * 1.5, p * 9.995, p * 2.675]);
            out.push(f64::from_bits(p.to_bits() + 1));
            out.push(f64::from_bits(p.to_bits() - 1));
        }
        let negatives: Vec<f64> = out.iter().map(|v| -v).collect();
        out.extend(negatives);
        out
    }

    /// A small deterministic generator (xorshift), so that the test needs
    /// no crate and always checks the same values.
    fn values(n: usize) -> Vec<f64> {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..n)
            .map(|i| match i % 4 {
                // any bits at all
                0 => f64::from_bits(next()),
                // what the page formats: sizes, percents, pixels
                1 => (next() % 2_000_000) as f64 / 1000.0,
                2 => (next() >> 11) as f64 / (1u64 << (next() % 60)) as f64,
                _ => (next() % 100_000) as f64 / 8.0,
            })
            .collect()
    }

    #[test]
    fn fixed_writes_what_format_writes() {
        for v in tricky().into_iter().chain(values(20_000)) {
            for decimals in 0..=7 {
                assert_eq!(
                    fixed(v, decimals),
                    format!("{v:.decimals$}"),
                    "{v:e} to {decimals} places"
                );
            }
        }
    }

    #[test]
    fn significant_rounds_as_the_exponent_form() {
        for v in tricky().into_iter().chain(values(20_000)) {
            if v == 0.0 || !v.is_finite() {
                continue;
            }
            for precision in 1..=6 {
                let sci = format!("{:.*e}", precision - 1, v.abs());
                let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
                let want = (mant.replace('.', ""), exp.parse::<i32>().unwrap_or(0));
                assert_eq!(significant(v, precision), want, "{v:e} to {precision}");
            }
        }
    }
}
