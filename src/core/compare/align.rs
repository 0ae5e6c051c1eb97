//! The alignment: which layer of the before image is which layer of the after
//! image, oldest first.
//!
//! Steps, cheapest first:
//! 1. Common oldest and newest runs with identical keys are matched directly
//!    (usually the base image and the final `CMD`).
//! 2. The middle is aligned by a weighted longest-common-subsequence over
//!    [`compatible`] keys. A match weighs more for a bigger layer, so when a
//!    small step was moved across a big one (`EXPOSE` above `apt-get`), the big
//!    layers stay aligned. The table is `u32`, one per cell, and only used when
//!    the middle has at most [`MAX_DP_CELLS`] cells (1,000 × 1,000 fits);
//!    beyond that, layers with a key unique on both sides become anchors (the
//!    heaviest increasing chain of them, patience-diff style) and each gap
//!    between anchors is aligned on its own.
//! 3. Leftover removed/added layers with compatible keys are paired as *moved*.
//! 4. Inside each gap between aligned layers, leftovers with the same keyword
//!    and alike words are paired as *edited* (the `apt-get` line that got more
//!    packages), maximising total similarity in order.
//! 5. Leftovers anywhere with very alike words (score ≥ 0.75) are paired as
//!    *edited* too, shown at their new place (a RUN line merged and moved).

#[cfg(doc)]
use super::key::compatible;
use super::key::{self, similarity, Key, Words};
use crate::core::instruction::Keyword;
use crate::core::order::{self, sort_by_rank, Rank};
use std::collections::HashMap;

/// Largest middle part aligned with one full table (cells).
pub const MAX_DP_CELLS: usize = 1_100_000;
/// Largest gap paired by similarity (cells); bigger gaps stay removed/added.
const MAX_EDIT_CELLS: usize = 250_000;
/// Lowest word similarity for two steps to count as one edited step.
pub const EDIT_THRESHOLD: f64 = 0.5;
/// Lowest score for pairing an edited step that also moved (stricter: no gap context).
const FAR_EDIT_THRESHOLD: f64 = 0.75;
/// Largest leftover product examined for edited-and-moved steps.
const MAX_FAR_CELLS: usize = 40_000;

/// How two layers (or one) ended up in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Compatible keys, aligned in order.
    Aligned,
    /// Same keyword and alike words, in the same gap: one step, edited.
    Edited,
    /// Compatible keys at different places.
    Moved,
    /// Only on one side.
    Alone,
}

/// One row of the alignment: indexes are oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub before: Option<usize>,
    pub after: Option<usize>,
    pub how: How,
}

/// Aligns two layer lists (oldest first), given each layer's key and size in bytes.
pub fn align(
    before: &[Key],
    before_bytes: &[u64],
    after: &[Key],
    after_bytes: &[u64],
) -> Vec<Link> {
    let n = before.len();
    let m = after.len();
    let mut ids = HashMap::new();
    let mut intern = |k: &Key| {
        let next = ids.len() as u32;
        *ids.entry(k.text.clone()).or_insert(next)
    };
    let bid: Vec<u32> = before.iter().map(&mut intern).collect();
    let aid: Vec<u32> = after.iter().map(&mut intern).collect();
    let prefixes = Prefixes::new(&ids);
    let ctx = Ctx {
        before,
        after,
        bid: &bid,
        aid: &aid,
        bbytes: before_bytes,
        abytes: after_bytes,
        prefixes: &prefixes,
    };

    // 1. common ends
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n && lo < m && bid.get(lo) == aid.get(lo) {
        pairs.push((lo, lo));
        lo += 1;
    }
    let mut hi = 0;
    while hi < n - lo && hi < m - lo && bid.get(n - 1 - hi) == aid.get(m - 1 - hi) {
        hi += 1;
    }
    // 2. the middle
    ctx.align_range(lo, n - hi, lo, m - hi, &mut pairs, 0);
    for k in 0..hi {
        pairs.push((n - hi + k, m - hi + k));
    }
    sort_by_rank(&mut pairs, |&(i, j)| {
        Rank::new().then(i as u64, 64).then(j as u64, 64).get()
    });

    let mut b_used = vec![false; n];
    let mut a_used = vec![false; m];
    for &(i, j) in &pairs {
        if let Some(x) = b_used.get_mut(i) {
            *x = true;
        }
        if let Some(x) = a_used.get_mut(j) {
            *x = true;
        }
    }

    // 3. moved: leftovers with compatible keys, biggest first
    let moved = ctx.pair_moved(&mut b_used, &mut a_used);

    // 4. edited: leftovers in the same gap
    let mut edited = Vec::new();
    let mut prev = (0usize, 0usize);
    for &(i, j) in pairs.iter().chain(std::iter::once(&(n, m))) {
        let bs: Vec<usize> = (prev.0..i)
            .filter(|&x| !b_used.get(x).copied().unwrap_or(true))
            .collect();
        let as_: Vec<usize> = (prev.1..j)
            .filter(|&x| !a_used.get(x).copied().unwrap_or(true))
            .collect();
        edited.extend(ctx.pair_edited(&bs, &as_));
        prev = (i + 1, j + 1);
    }
    for &(i, j) in &edited {
        if let Some(x) = b_used.get_mut(i) {
            *x = true;
        }
        if let Some(x) = a_used.get_mut(j) {
            *x = true;
        }
    }

    // 5. edited and moved: leftovers anywhere that are clearly one step rewritten
    let far_edited = ctx.pair_far_edited(&mut b_used, &mut a_used);
    let mut moved: Vec<(usize, usize, How)> =
        moved.into_iter().map(|(i, j)| (i, j, How::Moved)).collect();
    moved.extend(far_edited.into_iter().map(|(i, j)| (i, j, How::Edited)));

    // Emit in order: aligned/edited pairs are increasing on both sides; between
    // two of them come the removed layers, then the added and moved ones (at
    // their new place).
    let mut ordered: Vec<(usize, usize, How)> = pairs
        .iter()
        .map(|&(i, j)| (i, j, How::Aligned))
        .chain(edited.iter().map(|&(i, j)| (i, j, How::Edited)))
        .collect();
    sort_by_rank(&mut ordered, |&(i, j, _)| {
        Rank::new().then(i as u64, 64).then(j as u64, 64).get()
    });
    let moved_at: HashMap<usize, (usize, How)> =
        moved.iter().map(|&(i, j, how)| (j, (i, how))).collect();
    let moved_before: Vec<bool> = {
        let mut v = vec![false; n];
        for &(i, _, _) in &moved {
            if let Some(x) = v.get_mut(i) {
                *x = true;
            }
        }
        v
    };

    let mut out = Vec::with_capacity(n.max(m) + 8);
    let mut prev = (0usize, 0usize);
    for &(i, j, how) in ordered.iter().chain(std::iter::once(&(n, m, How::Alone))) {
        for x in prev.0..i.min(n) {
            if !moved_before.get(x).copied().unwrap_or(false) {
                out.push(Link {
                    before: Some(x),
                    after: None,
                    how: How::Alone,
                });
            }
        }
        for y in prev.1..j.min(m) {
            match moved_at.get(&y) {
                Some(&(x, how)) => out.push(Link {
                    before: Some(x),
                    after: Some(y),
                    how,
                }),
                None => out.push(Link {
                    before: None,
                    after: Some(y),
                    how: How::Alone,
                }),
            }
        }
        if i < n && j < m {
            out.push(Link {
                before: Some(i),
                after: Some(j),
                how,
            });
        }
        prev = (i + 1, j + 1);
    }
    out
}

/// Prefix matching in O(1): every distinct key text gets its rank in sorted
/// order, and the texts that start with a given text form one range of ranks.
/// So "the truncated key `t` is compatible with `u`" is `rank(u) ∈ range(t)`,
/// with no string comparison inside the alignment table.
struct Prefixes {
    /// By key id: rank of the text in sorted order.
    rank: Vec<u32>,
    /// By key id: ranks of the texts that start with this text (empty when the
    /// text is too short for a prefix to mean anything).
    range: Vec<(u32, u32)>,
}

impl Prefixes {
    fn new(ids: &HashMap<String, u32>) -> Prefixes {
        let mut by_id: Vec<&str> = vec![""; ids.len()];
        for (text, &id) in ids {
            if let Some(slot) = by_id.get_mut(id as usize) {
                *slot = text.as_str();
            }
        }
        let sorted: Vec<u32> = order::order_of_texts(&by_id)
            .into_iter()
            .map(|k| k as u32)
            .collect();
        let texts: Vec<&str> = sorted
            .iter()
            .map(|&id| by_id.get(id as usize).copied().unwrap_or(""))
            .collect();
        let mut rank = vec![0u32; by_id.len()];
        for (r, &id) in sorted.iter().enumerate() {
            if let Some(slot) = rank.get_mut(id as usize) {
                *slot = r as u32;
            }
        }
        let range = by_id
            .iter()
            .map(|p| {
                if p.len() < key::MIN_PREFIX {
                    return (0, 0);
                }
                let lo = texts.partition_point(|t| t < p);
                let hi = texts.partition_point(|t| t < p || t.starts_with(p));
                (lo as u32, hi as u32)
            })
            .collect();
        Prefixes { rank, range }
    }

    /// Whether text `long` starts with text `short` (ids), `short` long enough.
    fn starts_with(&self, long: u32, short: u32) -> bool {
        match (self.rank.get(long as usize), self.range.get(short as usize)) {
            (Some(&r), Some(&(lo, hi))) => lo <= r && r < hi,
            _ => false,
        }
    }
}

/// One layer's matching data, copied out for the alignment table's inner loop.
struct Cell {
    id: u32,
    truncated: bool,
    /// Cut inside its build args: matched by [`key::compatible_args`] (rare, slow path).
    cut_in_args: bool,
    rank: u32,
    range: (u32, u32),
    bytes: u64,
}

struct Ctx<'a> {
    before: &'a [Key],
    after: &'a [Key],
    bid: &'a [u32],
    aid: &'a [u32],
    bbytes: &'a [u64],
    abytes: &'a [u64],
    prefixes: &'a Prefixes,
}

impl Ctx<'_> {
    /// [`compatible`] for before `i` and after `j`, without comparing strings.
    fn compat(&self, i: usize, j: usize) -> bool {
        let (Some(&bi), Some(&aj)) = (self.bid.get(i), self.aid.get(j)) else {
            return false;
        };
        if bi == aj {
            return true;
        }
        let (Some(kb), Some(ka)) = (self.before.get(i), self.after.get(j)) else {
            return false;
        };
        if kb.cut_in_args || ka.cut_in_args {
            return key::compatible_args(kb, ka);
        }
        (kb.truncated && self.prefixes.starts_with(aj, bi))
            || (ka.truncated && self.prefixes.starts_with(bi, aj))
    }

    /// Weight of matching before `i` with after `j`, or 0 when they cannot match.
    fn weight(&self, i: usize, j: usize) -> u32 {
        let (Some(bi), Some(aj)) = (self.bid.get(i), self.aid.get(j)) else {
            return 0;
        };
        let exact = bi == aj;
        if !exact && !self.compat(i, j) {
            return 0;
        }
        let bytes = self
            .bbytes
            .get(i)
            .copied()
            .unwrap_or(0)
            .max(self.abytes.get(j).copied().unwrap_or(0));
        // 8 for any match, + about 1 per doubling of size, + 1 for an exact key.
        8 + (64 - bytes.leading_zeros()) + u32::from(exact)
    }

    /// Aligns before[b0..b1] with after[a0..a1], pushing matched pairs.
    fn align_range(
        &self,
        b0: usize,
        b1: usize,
        a0: usize,
        a1: usize,
        out: &mut Vec<(usize, usize)>,
        depth: u32,
    ) {
        if b0 >= b1 || a0 >= a1 {
            return;
        }
        let (n, m) = (b1 - b0, a1 - a0);
        if n.saturating_mul(m) <= MAX_DP_CELLS {
            self.dp(b0, b1, a0, a1, out);
            return;
        }
        if depth > 8 {
            return; // give up: the leftovers become moved/removed/added
        }
        let anchors = self.anchors(b0, b1, a0, a1);
        if anchors.is_empty() {
            return;
        }
        let mut prev = (b0, a0);
        for &(i, j) in &anchors {
            self.align_range(prev.0, i, prev.1, j, out, depth + 1);
            out.push((i, j));
            prev = (i + 1, j + 1);
        }
        self.align_range(prev.0, b1, prev.1, a1, out, depth + 1);
    }

    /// Weighted LCS with a full table over the range.
    fn dp(&self, b0: usize, b1: usize, a0: usize, a1: usize, out: &mut Vec<(usize, usize)>) {
        let (n, m) = (b1 - b0, a1 - a0);
        let w = m + 1;
        let mut s = vec![0u32; (n + 1) * w];
        // Everything a cell needs, gathered once per side: the inner loop is
        // integer compares only.
        let cell = |id: Option<&u32>, key: Option<&Key>, bytes: Option<&u64>| Cell {
            id: id.copied().unwrap_or(u32::MAX),
            truncated: key.is_some_and(|k| k.truncated),
            cut_in_args: key.is_some_and(|k| k.cut_in_args),
            rank: id
                .and_then(|&x| self.prefixes.rank.get(x as usize))
                .copied()
                .unwrap_or(u32::MAX),
            range: id
                .and_then(|&x| self.prefixes.range.get(x as usize))
                .copied()
                .unwrap_or((0, 0)),
            bytes: bytes.copied().unwrap_or(0),
        };
        let cols: Vec<Cell> = (a0..a1)
            .map(|j| cell(self.aid.get(j), self.after.get(j), self.abytes.get(j)))
            .collect();
        for i in 1..=n {
            let b = cell(
                self.bid.get(b0 + i - 1),
                self.before.get(b0 + i - 1),
                self.bbytes.get(b0 + i - 1),
            );
            let (done, rest) = s.split_at_mut(i * w);
            let prev = done.get((i - 1) * w..).unwrap_or(&[]);
            let cur = rest.get_mut(..w).unwrap_or(&mut []);
            let mut left = 0u32;
            for (j, a) in cols.iter().enumerate() {
                let up = prev.get(j + 1).copied().unwrap_or(0);
                let mut best = up.max(left);
                let exact = b.id == a.id;
                let prefix = if b.cut_in_args || a.cut_in_args {
                    !exact && self.compat(b0 + i - 1, a0 + j)
                } else {
                    (b.truncated && a.rank >= b.range.0 && a.rank < b.range.1)
                        || (a.truncated && b.rank >= a.range.0 && b.rank < a.range.1)
                };
                if exact || prefix {
                    let bytes = b.bytes.max(a.bytes);
                    let wt = 8 + (64 - bytes.leading_zeros()) + u32::from(exact);
                    best = best.max(prev.get(j).copied().unwrap_or(0).saturating_add(wt));
                }
                if let Some(c) = cur.get_mut(j + 1) {
                    *c = best;
                }
                left = best;
            }
        }
        let (mut i, mut j) = (n, m);
        let start = out.len();
        while i > 0 && j > 0 {
            let here = s.get(i * w + j).copied().unwrap_or(0);
            if here == s.get((i - 1) * w + j).copied().unwrap_or(0) {
                i -= 1;
            } else if here == s.get(i * w + j - 1).copied().unwrap_or(0) {
                j -= 1;
            } else {
                out.push((b0 + i - 1, a0 + j - 1));
                i -= 1;
                j -= 1;
            }
        }
        if let Some(tail) = out.get_mut(start..) {
            tail.reverse();
        }
    }

    /// Keys unique on both sides of the range, as the heaviest chain increasing on both sides.
    fn anchors(&self, b0: usize, b1: usize, a0: usize, a1: usize) -> Vec<(usize, usize)> {
        let mut count: HashMap<u32, (u32, u32, usize, usize)> = HashMap::new();
        for i in b0..b1 {
            if let Some(&id) = self.bid.get(i) {
                let e = count.entry(id).or_insert((0, 0, i, 0));
                e.0 += 1;
            }
        }
        for j in a0..a1 {
            if let Some(&id) = self.aid.get(j) {
                if let Some(e) = count.get_mut(&id) {
                    e.1 += 1;
                    e.3 = j;
                }
            }
        }
        let mut cand: Vec<(usize, usize, u64)> = count
            .values()
            .filter(|e| e.0 == 1 && e.1 == 1)
            .map(|&(_, _, i, j)| (i, j, u64::from(self.weight(i, j))))
            .collect();
        // layer indexes fit 32 bits (parse::limits caps a history far below)
        sort_by_rank(&mut cand, |&(i, j, w)| {
            Rank::new()
                .then(i as u64, 32)
                .then(j as u64, 32)
                .then(w, 64)
                .get()
        });
        heaviest_chain(&cand, a0, a1)
    }

    /// Pairs leftovers whose keys are compatible, biggest layer first, nearest place first.
    fn pair_moved(&self, b_used: &mut [bool], a_used: &mut [bool]) -> Vec<(usize, usize)> {
        let mut free_after: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut truncated_after: Vec<usize> = Vec::new();
        for (j, used) in a_used.iter().enumerate() {
            if !used {
                if let Some(&id) = self.aid.get(j) {
                    free_after.entry(id).or_default().push(j);
                }
                if self.after.get(j).is_some_and(|k| k.truncated) {
                    truncated_after.push(j);
                }
            }
        }
        let mut left: Vec<usize> = (0..b_used.len())
            .filter(|&i| !b_used.get(i).copied().unwrap_or(true))
            .collect();
        sort_by_rank(&mut left, |&i| {
            Rank::new()
                .then_desc(self.bbytes.get(i).copied().unwrap_or(0), 64)
                .get()
        });
        let mut out = Vec::new();
        for i in left {
            let Some(kb) = self.before.get(i) else {
                continue;
            };
            let id = self.bid.get(i).copied().unwrap_or(u32::MAX);
            let mut cands: Vec<usize> = free_after.get(&id).cloned().unwrap_or_default();
            if cands.len() < 64 {
                // a cut-short key can match a different text; bounded scan
                let pool: &[usize] = if kb.truncated {
                    &[]
                } else {
                    truncated_after.as_slice()
                };
                cands.extend(pool.iter().take(4096).copied());
                if kb.truncated {
                    cands.extend(
                        (0..a_used.len())
                            .filter(|&j| !a_used.get(j).copied().unwrap_or(true))
                            .take(4096),
                    );
                }
            }
            let best = cands
                .into_iter()
                .filter(|&j| !a_used.get(j).copied().unwrap_or(true))
                .filter(|&j| self.compat(i, j))
                .min_by_key(|&j| j.abs_diff(i));
            if let Some(j) = best {
                if let Some(x) = a_used.get_mut(j) {
                    *x = true;
                }
                if let Some(x) = b_used.get_mut(i) {
                    *x = true;
                }
                out.push((i, j));
            }
        }
        out
    }

    /// Pairs leftovers from different places whose words are very alike
    /// (a RUN line that was both edited and moved), best match first.
    fn pair_far_edited(&self, b_used: &mut [bool], a_used: &mut [bool]) -> Vec<(usize, usize)> {
        let bs: Vec<usize> = (0..b_used.len())
            .filter(|&i| !b_used.get(i).copied().unwrap_or(true))
            .collect();
        let as_: Vec<usize> = (0..a_used.len())
            .filter(|&j| !a_used.get(j).copied().unwrap_or(true))
            .collect();
        if bs.is_empty() || as_.is_empty() || bs.len().saturating_mul(as_.len()) > MAX_FAR_CELLS {
            return Vec::new();
        }
        let (lbs, las) = (leftovers(self.before, &bs), leftovers(self.after, &as_));
        let mut cands: Vec<(f64, u64, usize, usize)> = Vec::new();
        for b in &lbs {
            for a in &las {
                let (i, j) = (b.index, a.index);
                let score = edit_score(&b.words, &a.words);
                if let Some(score) = score.filter(|&s| s >= FAR_EDIT_THRESHOLD) {
                    let bytes = self
                        .bbytes
                        .get(i)
                        .copied()
                        .unwrap_or(0)
                        .max(self.abytes.get(j).copied().unwrap_or(0));
                    cands.push((score, bytes, i, j));
                }
            }
        }
        // best score first, then the bigger layer; ties keep their (i, j) order
        sort_by_rank(&mut cands, |&(score, bytes, _, _)| {
            Rank::new()
                .then_desc(order::float(score), 64)
                .then_desc(bytes, 64)
                .get()
        });
        let mut out = Vec::new();
        for (_, _, i, j) in cands {
            if b_used.get(i).copied().unwrap_or(true) || a_used.get(j).copied().unwrap_or(true) {
                continue;
            }
            if let Some(x) = b_used.get_mut(i) {
                *x = true;
            }
            if let Some(x) = a_used.get_mut(j) {
                *x = true;
            }
            out.push((i, j));
        }
        out
    }

    /// Pairs leftovers of one gap that look like one edited step, in order.
    fn pair_edited(&self, bs: &[usize], as_: &[usize]) -> Vec<(usize, usize)> {
        if bs.is_empty() || as_.is_empty() || bs.len().saturating_mul(as_.len()) > MAX_EDIT_CELLS {
            return Vec::new();
        }
        let (bs, as_) = (leftovers(self.before, bs), leftovers(self.after, as_));
        let (n, m) = (bs.len(), as_.len());
        let w = m + 1;
        let mut s = vec![0f64; (n + 1) * w];
        let score = |x: usize, y: usize| -> f64 {
            match (bs.get(x), as_.get(y)) {
                (Some(b), Some(a)) => edit_score(&b.words, &a.words).unwrap_or(0.0),
                _ => 0.0,
            }
        };
        for x in 1..=n {
            for y in 1..=m {
                let up = s.get((x - 1) * w + y).copied().unwrap_or(0.0);
                let left = s.get(x * w + y - 1).copied().unwrap_or(0.0);
                let sc = score(x - 1, y - 1);
                let diag = if sc > 0.0 {
                    s.get((x - 1) * w + y - 1).copied().unwrap_or(0.0) + sc
                } else {
                    0.0
                };
                if let Some(c) = s.get_mut(x * w + y) {
                    *c = up.max(left).max(diag);
                }
            }
        }
        let mut out = Vec::new();
        let (mut x, mut y) = (n, m);
        while x > 0 && y > 0 {
            let here = s.get(x * w + y).copied().unwrap_or(0.0);
            if here == s.get((x - 1) * w + y).copied().unwrap_or(0.0) {
                x -= 1;
            } else if here == s.get(x * w + y - 1).copied().unwrap_or(0.0) {
                y -= 1;
            } else {
                if let (Some(b), Some(a)) = (bs.get(x - 1), as_.get(y - 1)) {
                    out.push((b.index, a.index));
                }
                x -= 1;
                y -= 1;
            }
        }
        out.reverse();
        out
    }
}

/// A layer left over after the alignment, with its words read once.
struct Leftover<'a> {
    index: usize,
    words: Words<'a>,
}

/// The leftovers at `indexes`, their words read.
fn leftovers<'a>(keys: &'a [Key], indexes: &[usize]) -> Vec<Leftover<'a>> {
    indexes
        .iter()
        .filter_map(|&index| {
            keys.get(index).map(|key| Leftover {
                index,
                words: Words::of(key),
            })
        })
        .collect()
}

/// How sure we are that two steps, their words read, are one step edited
/// (None: they are not).
fn edit_score(wb: &Words<'_>, wa: &Words<'_>) -> Option<f64> {
    let (kb, ka) = (wb.key, wa.key);
    if kb.keyword != ka.keyword {
        return None;
    }
    let sim = similarity(wb, wa);
    let score = match kb.keyword {
        Keyword::Env | Keyword::Arg | Keyword::Label => {
            if kb.variable().is_some() && kb.variable() == ka.variable() {
                0.9_f64.max(sim)
            } else {
                sim
            }
        }
        Keyword::Copy | Keyword::Add => match (&kb.destination, &ka.destination) {
            // other content to the same place: the same step, edited
            (Some(a), Some(b)) if a == b => 0.85_f64.max(sim),
            _ => EDIT_THRESHOLD.max(sim),
        },
        k if k.is_single_setting() => EDIT_THRESHOLD.max(sim),
        _ => sim,
    };
    (score >= EDIT_THRESHOLD).then_some(score)
}

/// The heaviest chain of `(i, j, weight)` (sorted by i) increasing in both i and j.
fn heaviest_chain(cand: &[(usize, usize, u64)], a0: usize, a1: usize) -> Vec<(usize, usize)> {
    // Fenwick tree over j of (best chain weight ending at j or before, candidate index).
    let size = a1.saturating_sub(a0) + 1;
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); size + 1];
    let mut prev: Vec<usize> = vec![usize::MAX; cand.len()];
    let mut best_end = (0u64, usize::MAX);
    for (k, &(_, j, wt)) in cand.iter().enumerate() {
        let pos = j.saturating_sub(a0) + 1; // 1-based
                                            // query max over [1, pos-1]
        let mut q = (0u64, usize::MAX);
        let mut p = pos - 1;
        while p > 0 {
            if let Some(&t) = tree.get(p) {
                if t.0 > q.0 {
                    q = t;
                }
            }
            p &= p - 1;
        }
        let total = q.0 + wt;
        if let Some(x) = prev.get_mut(k) {
            *x = q.1;
        }
        if total > best_end.0 {
            best_end = (total, k);
        }
        let mut p = pos;
        while p <= size {
            if let Some(t) = tree.get_mut(p) {
                if total > t.0 {
                    *t = (total, k);
                }
            }
            p += p & p.wrapping_neg();
        }
    }
    let mut chain = Vec::new();
    let mut k = best_end.1;
    while let Some(&(i, j, _)) = cand.get(k) {
        chain.push((i, j));
        k = prev.get(k).copied().unwrap_or(usize::MAX);
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(v: &[&str]) -> Vec<Key> {
        v.iter().map(|s| Key::new(s, false)).collect()
    }

    #[test]
    fn a_small_step_moved_across_a_big_one_is_moved() {
        let b = keys(&["ADD file:abc in /", "EXPOSE 80", "apt-get update", "CMD x"]);
        let a = keys(&["ADD file:abc in /", "apt-get update", "EXPOSE 80", "CMD x"]);
        let links = align(&b, &[100, 0, 5_000_000, 0], &a, &[100, 5_000_000, 0, 0]);
        let hows: Vec<How> = links.iter().map(|l| l.how).collect();
        assert_eq!(
            hows,
            [How::Aligned, How::Aligned, How::Moved, How::Aligned],
            "{links:?}"
        );
        assert_eq!(
            links.get(1).map(|l| (l.before, l.after)),
            Some((Some(2), Some(1)))
        );
    }

    #[test]
    fn new_content_copied_to_the_same_place_is_one_edited_step() {
        // the COPY moved above the RUN and copies other content to the same place
        let b = keys(&[
            "ADD file:abc in /",
            "/bin/sh -c #(nop) COPY file:aaa111 in /srv/app ",
            "/bin/sh -c make",
        ]);
        let a = keys(&[
            "ADD file:abc in /",
            "/bin/sh -c make",
            "/bin/sh -c #(nop) COPY file:bbb222 in /srv/app ",
        ]);
        let links = align(&b, &[5, 10, 1000], &a, &[5, 1000, 12]);
        let edited: Vec<_> = links.iter().filter(|l| l.how == How::Edited).collect();
        assert_eq!(edited.len(), 1, "{links:?}");
        assert_eq!((edited[0].before, edited[0].after), (Some(1), Some(2)));
    }

    #[test]
    fn heaviest_chain_prefers_weight_over_count() {
        let cand = [(0, 2, 1), (1, 3, 1), (2, 0, 10)];
        assert_eq!(heaviest_chain(&cand, 0, 4), vec![(2, 0)]);
        let cand = [(0, 0, 1), (1, 1, 1), (2, 2, 1)];
        assert_eq!(heaviest_chain(&cand, 0, 3).len(), 3);
    }

    #[test]
    fn anchors_align_ranges_too_big_for_one_table() {
        // 1,200 × 1,200 is over MAX_DP_CELLS: the anchor path must give the same result.
        let names: Vec<String> = (0..1200).map(|i| format!("/bin/sh -c step {i}")).collect();
        let b: Vec<Key> = names.iter().map(|s| Key::new(s, false)).collect();
        let mut a = b.clone();
        a.remove(600);
        a.insert(300, Key::new("/bin/sh -c new step", false));
        // new ends, so that no common prefix or suffix shrinks the problem
        a[0] = Key::new("/bin/sh -c first", false);
        let last = a.len() - 1;
        a[last] = Key::new("/bin/sh -c last", false);
        let bb = vec![1u64; b.len()];
        let ab = vec![1u64; a.len()];
        let links = align(&b, &bb, &a, &ab);
        let added = links.iter().filter(|l| l.before.is_none()).count();
        let removed = links.iter().filter(|l| l.after.is_none()).count();
        let aligned = links.iter().filter(|l| l.how == How::Aligned).count();
        assert_eq!((added, removed, aligned), (3, 3, 1197));
    }
}
