//! One sort for the whole crate: [`sort_by_rank`] orders a list by a `u128`
//! rank computed once per item, stable (equal ranks keep their order).
//!
//! Why not `sort_by_key`: in the wasm bundle every `sort_by`/`sort_by_key`
//! closure gets its own copy of the standard library's stable sort (about
//! 1.5 kB each after optimisation; dozens of them were a fifth of our own
//! code). Here the only sort that is instantiated is the one of
//! [`order_of`], on plain `(rank, position)` pairs; the generic part that
//! remains per call site is a loop computing the ranks and a permutation.
//!
//! A rank that needs several fields packs them, most significant first,
//! with [`Rank`]: `Rank::new().then(a, BITS_A).then(b, BITS_B).get()`.

/// Sorts `items` by `rank` (smallest first), keeping the order of equal ranks.
/// `rank` is called once per item.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> u128) {
    let ranks: Vec<u128> = items.iter().map(rank).collect();
    let order = order_of(&ranks);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|k| slots.get_mut(k).and_then(Option::take)),
    );
}

/// The positions of `ranks` in ascending order of rank, ties by position
/// (the one instantiated sort).
#[inline(never)]
pub fn order_of(ranks: &[u128]) -> Vec<usize> {
    let mut keyed: Vec<(u128, usize)> = ranks.iter().copied().zip(0..).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, k)| k).collect()
}

/// The positions of `texts` in ascending (byte-wise) order, ties by
/// position: the one instantiated sort for text.
#[inline(never)]
pub fn order_of_texts(texts: &[&str]) -> Vec<usize> {
    let mut keyed: Vec<(&str, usize)> = texts.iter().copied().zip(0..).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, k)| k).collect()
}

/// A rank packed from several fields, most significant first. Each field is
/// cut to its width, so callers choose widths that hold their values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rank(u128);

impl Rank {
    pub fn new() -> Rank {
        Rank(0)
    }

    /// Appends `value` in the next `bits` bits (values wider than that are cut).
    pub fn then(self, value: u64, bits: u32) -> Rank {
        let mask = if bits >= 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        };
        Rank((self.0 << bits) | u128::from(value & mask))
    }

    /// Appends `value` so that larger values come first.
    pub fn then_desc(self, value: u64, bits: u32) -> Rank {
        let mask = if bits >= 64 {
            u64::MAX
        } else {
            (1u64 << bits) - 1
        };
        self.then(mask - (value & mask), bits)
    }

    pub fn get(self) -> u128 {
        self.0
    }
}

/// A signed number as a rank field: same order, as a `u64` (for [`Rank::then`]).
pub fn signed(value: i64) -> u64 {
    (value as u64) ^ (1 << 63)
}

/// A float as a rank field, in `f64::total_cmp` order, as a `u64`.
pub fn float(value: f64) -> u64 {
    let bits = value.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_rank_and_keeps_ties_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_rank(&mut v, |x| x.0 as u128);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        // A deterministic spread of keys with many ties.
        let mut v: Vec<(u64, usize)> = (0..500).map(|k| ((k * 7919 % 37) as u64, k)).collect();
        let mut expected = v.clone();
        expected.sort_by_key(|x| x.0);
        sort_by_rank(&mut v, |x| u128::from(x.0));
        assert_eq!(v, expected);
    }

    #[test]
    fn packed_ranks_order_fields_most_significant_first() {
        let r = |a: u64, b: u64| Rank::new().then(a, 8).then_desc(b, 32).get();
        assert!(r(0, 5) < r(1, 900), "first field decides");
        assert!(r(1, 900) < r(1, 5), "second field descending");
        assert_eq!(r(2, 7), r(2, 7));
        assert!(Rank::new().then(u64::MAX, 64).get() > Rank::new().then(u64::MAX - 1, 64).get());
    }

    #[test]
    fn signed_and_float_fields_keep_their_order() {
        let ints = [i64::MIN, -5, -1, 0, 1, 7, i64::MAX];
        for w in ints.windows(2) {
            assert!(signed(w[0]) < signed(w[1]), "{} before {}", w[0], w[1]);
        }
        let floats = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-9,
            0.75,
            3.0,
            f64::INFINITY,
        ];
        for w in floats.windows(2) {
            assert!(float(w[0]) < float(w[1]), "{} before {}", w[0], w[1]);
        }
    }

    #[test]
    fn texts_in_byte_order_ties_by_position() {
        let texts = ["b", "a", "", "b", "ab"];
        assert_eq!(order_of_texts(&texts), vec![2, 1, 4, 0, 3]);
    }

    #[test]
    fn empty_and_single_lists() {
        let mut e: Vec<u8> = vec![];
        sort_by_rank(&mut e, |&x| u128::from(x));
        assert!(e.is_empty());
        let mut one = vec![9u8];
        sort_by_rank(&mut one, |&x| u128::from(x));
        assert_eq!(one, vec![9]);
    }
}
