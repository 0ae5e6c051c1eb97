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
use super::key::{self, similarity, KeyWords, LayerKey};
use crate::instruction::Keyword;
use crate::order::{self, sort_by_rank, Rank};
use std::collections::HashMap;
use std::ops::Range;

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

/// One pairing of the alignment: a before layer, an after layer or both,
/// and how they were paired. Indexes are oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pairing {
    pub before: Option<usize>,
    pub after: Option<usize>,
    pub how: How,
}

/// A before index and an after index matched with each other.
type IndexPair = (usize, usize);

/// Aligns two layer lists (oldest first), given each layer's key and size in bytes.
pub fn align(
    before: &[LayerKey],
    before_bytes: &[u64],
    after: &[LayerKey],
    after_bytes: &[u64],
) -> Vec<Pairing> {
    let lists = Lists::new(before, before_bytes, after, after_bytes);
    // 1 and 2: the common ends, then the middle
    let aligned = lists.aligned();
    let mut used = Used::new(lists.before.len(), lists.after.len());
    for &(i, j) in &aligned {
        used.take(i, j);
    }
    // 3. moved: leftovers with compatible keys, biggest first
    let mut moved: Vec<(usize, usize, How)> = lists
        .pair_moved(&mut used)
        .into_iter()
        .map(|(i, j)| (i, j, How::Moved))
        .collect();
    // 4. edited: leftovers in the same gap
    let edited = lists.pair_edited_in_gaps(&aligned, &mut used);
    // 5. edited and moved: leftovers anywhere that are clearly one step rewritten
    let far_edited = lists.pair_far_edited(&mut used);
    moved.extend(far_edited.into_iter().map(|(i, j)| (i, j, How::Edited)));
    let found = AllPairs {
        aligned: &aligned,
        edited: &edited,
        moved: &moved,
    };
    found.in_order(lists.before.len(), lists.after.len())
}

/// Every pair the steps found, to be emitted as [`Pairing`]s in order.
struct AllPairs<'a> {
    aligned: &'a [IndexPair],
    edited: &'a [IndexPair],
    /// Moved pairs, and edited pairs that also moved (shown at their new place).
    moved: &'a [(usize, usize, How)],
}

impl AllPairs<'_> {
    /// The pairings, in order: aligned/edited pairs are increasing on both sides;
    /// between two of them come the removed layers, then the added and moved
    /// ones (at their new place).
    fn in_order(&self, n: usize, m: usize) -> Vec<Pairing> {
        let mut ordered: Vec<(usize, usize, How)> = self
            .aligned
            .iter()
            .map(|&(i, j)| (i, j, How::Aligned))
            .chain(self.edited.iter().map(|&(i, j)| (i, j, How::Edited)))
            .collect();
        sort_by_rank(&mut ordered, |&(i, j, _)| {
            Rank::new().then(i as u64, 64).then(j as u64, 64).get()
        });
        let moved_at: HashMap<usize, (usize, How)> = self
            .moved
            .iter()
            .map(|&(i, j, how)| (j, (i, how)))
            .collect();
        let mut moved_before = vec![false; n];
        for &(i, _, _) in self.moved {
            if let Some(x) = moved_before.get_mut(i) {
                *x = true;
            }
        }
        let alone = |before, after| Pairing {
            before,
            after,
            how: How::Alone,
        };
        let mut out = Vec::with_capacity(n.max(m) + 8);
        let mut prev = (0usize, 0usize);
        for &(i, j, how) in ordered.iter().chain(std::iter::once(&(n, m, How::Alone))) {
            let removed =
                (prev.0..i.min(n)).filter(|&x| !moved_before.get(x).copied().unwrap_or(false));
            out.extend(removed.map(|x| alone(Some(x), None)));
            for y in prev.1..j.min(m) {
                out.push(match moved_at.get(&y) {
                    Some(&(x, how)) => Pairing {
                        before: Some(x),
                        after: Some(y),
                        how,
                    },
                    None => alone(None, Some(y)),
                });
            }
            if i < n && j < m {
                out.push(Pairing {
                    before: Some(i),
                    after: Some(j),
                    how,
                });
            }
            prev = (i + 1, j + 1);
        }
        out
    }
}

/// One layer as the alignment sees it: its key, interned, and its size,
/// gathered once so that the alignment table's inner loop compares integers.
struct Entry<'a> {
    key: &'a LayerKey,
    /// The key's text, interned: equal ids, equal texts.
    id: u32,
    /// The rank of the text among all texts in sorted order.
    rank: u32,
    /// The ranks of the texts that start with this text (empty when the text
    /// is too short for a prefix to mean anything).
    range: (u32, u32),
    truncated: bool,
    /// Cut inside its build args: matched by [`key::compatible_args`] (rare, slow path).
    cut_in_args: bool,
    bytes: u64,
}

impl Entry<'_> {
    /// Whether the text ranked `rank` starts with this entry's text.
    fn prefixes(&self, rank: u32) -> bool {
        self.range.0 <= rank && rank < self.range.1
    }
}

/// [`compatible`] for two entries, without comparing strings.
fn compatible_entries(b: &Entry<'_>, a: &Entry<'_>) -> bool {
    if b.id == a.id {
        return true;
    }
    if b.cut_in_args || a.cut_in_args {
        return key::compatible_args(b.key, a.key);
    }
    (b.truncated && b.prefixes(a.rank)) || (a.truncated && a.prefixes(b.rank))
}

/// Weight of matching `b` with `a`, or 0 when they cannot match: 8 for any
/// match, + about 1 per doubling of size, + 1 for an exact key.
fn weight(b: &Entry<'_>, a: &Entry<'_>) -> u32 {
    let exact = b.id == a.id;
    if !exact && !compatible_entries(b, a) {
        return 0;
    }
    let bytes = b.bytes.max(a.bytes);
    8 + (64 - bytes.leading_zeros()) + u32::from(exact)
}

/// Prefix matching in O(1): every distinct key text gets its rank in sorted
/// order, and the texts that start with a given text form one range of ranks.
/// So "the truncated key `t` is compatible with `u`" is `rank(u) ∈ range(t)`,
/// with no string comparison inside the alignment table.
struct Prefixes {
    /// By key id: rank of the text in sorted order.
    rank: Vec<u32>,
    /// By key id: ranks of the texts that start with this text.
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
}

/// Which layers of each side already have their row.
struct Used {
    before: Vec<bool>,
    after: Vec<bool>,
}

impl Used {
    fn new(n: usize, m: usize) -> Used {
        Used {
            before: vec![false; n],
            after: vec![false; m],
        }
    }

    /// Marks before `i` and after `j` as placed.
    fn take(&mut self, i: usize, j: usize) {
        if let Some(x) = self.before.get_mut(i) {
            *x = true;
        }
        if let Some(x) = self.after.get_mut(j) {
            *x = true;
        }
    }

    fn before_free(&self, i: usize) -> bool {
        !self.before.get(i).copied().unwrap_or(true)
    }

    fn after_free(&self, j: usize) -> bool {
        !self.after.get(j).copied().unwrap_or(true)
    }

    /// The before indexes in `range` without a row yet.
    fn free_before(&self, range: Range<usize>) -> Vec<usize> {
        range.filter(|&i| self.before_free(i)).collect()
    }

    /// The after indexes in `range` without a row yet.
    fn free_after(&self, range: Range<usize>) -> Vec<usize> {
        range.filter(|&j| self.after_free(j)).collect()
    }
}

/// A longest-common-subsequence table: the best total for every pair of
/// prefix lengths, `(n + 1) × (m + 1)` cells, row by row.
struct LcsTable<T> {
    width: usize,
    cells: Vec<T>,
}

impl<T: Copy + Default + PartialEq> LcsTable<T> {
    fn new(n: usize, m: usize) -> LcsTable<T> {
        LcsTable {
            width: m + 1,
            cells: vec![T::default(); (n + 1) * (m + 1)],
        }
    }

    fn get(&self, x: usize, y: usize) -> T {
        self.cells
            .get(x * self.width + y)
            .copied()
            .unwrap_or_default()
    }

    fn set(&mut self, x: usize, y: usize, value: T) {
        if let Some(c) = self.cells.get_mut(x * self.width + y) {
            *c = value;
        }
    }

    /// Row `x - 1`, to read, and row `x`, to fill (`x` ≥ 1).
    fn rows_mut(&mut self, x: usize) -> (&[T], &mut [T]) {
        let w = self.width;
        let at = (x * w).min(self.cells.len());
        let (done, rest) = self.cells.split_at_mut(at);
        let prev = done.get((x - 1) * w..).unwrap_or(&[]);
        (prev, rest.get_mut(..w).unwrap_or(&mut []))
    }

    /// The matched `(x, y)` (0-based), in order: walks back from the last
    /// cell, skipping up, then left, while the total stays the same.
    fn backtrack(&self) -> Vec<IndexPair> {
        let (mut x, mut y) = (self.cells.len() / self.width - 1, self.width - 1);
        let mut out = Vec::new();
        while x > 0 && y > 0 {
            let here = self.get(x, y);
            if here == self.get(x - 1, y) {
                x -= 1;
            } else if here == self.get(x, y - 1) {
                y -= 1;
            } else {
                out.push((x - 1, y - 1));
                x -= 1;
                y -= 1;
            }
        }
        out.reverse();
        out
    }
}

/// The two layer lists being aligned, one [`Entry`] per layer, oldest first.
struct Lists<'a> {
    before: Vec<Entry<'a>>,
    after: Vec<Entry<'a>>,
}

impl<'a> Lists<'a> {
    fn new(
        before: &'a [LayerKey],
        before_bytes: &[u64],
        after: &'a [LayerKey],
        after_bytes: &[u64],
    ) -> Lists<'a> {
        let mut ids = HashMap::new();
        let mut intern = |k: &LayerKey| {
            let next = ids.len() as u32;
            *ids.entry(k.text.clone()).or_insert(next)
        };
        let bid: Vec<u32> = before.iter().map(&mut intern).collect();
        let aid: Vec<u32> = after.iter().map(&mut intern).collect();
        let prefixes = Prefixes::new(&ids);
        let entries = |keys: &'a [LayerKey], ids: &[u32], bytes: &[u64]| -> Vec<Entry<'a>> {
            keys.iter()
                .zip(ids)
                .enumerate()
                .map(|(k, (key, &id))| Entry {
                    key,
                    id,
                    rank: prefixes.rank.get(id as usize).copied().unwrap_or(u32::MAX),
                    range: prefixes.range.get(id as usize).copied().unwrap_or((0, 0)),
                    truncated: key.truncated,
                    cut_in_args: key.cut_in_args,
                    bytes: bytes.get(k).copied().unwrap_or(0),
                })
                .collect()
        };
        Lists {
            before: entries(before, &bid, before_bytes),
            after: entries(after, &aid, after_bytes),
        }
    }

    /// Steps 1 and 2: the common oldest and newest runs, and the middle
    /// between them aligned, as pairs increasing on both sides.
    fn aligned(&self) -> Vec<IndexPair> {
        let (n, m) = (self.before.len(), self.after.len());
        let same = |i: usize, j: usize| match (self.before.get(i), self.after.get(j)) {
            (Some(b), Some(a)) => b.id == a.id,
            _ => false,
        };
        let mut pairs: Vec<IndexPair> = Vec::new();
        let mut lo = 0;
        while lo < n && lo < m && same(lo, lo) {
            pairs.push((lo, lo));
            lo += 1;
        }
        let mut hi = 0;
        while hi < n - lo && hi < m - lo && same(n - 1 - hi, m - 1 - hi) {
            hi += 1;
        }
        self.align_range(lo..n - hi, lo..m - hi, &mut pairs, 0);
        pairs.extend((0..hi).map(|k| (n - hi + k, m - hi + k)));
        sort_by_rank(&mut pairs, |&(i, j)| {
            Rank::new().then(i as u64, 64).then(j as u64, 64).get()
        });
        pairs
    }

    /// Aligns `before[bs]` with `after[as_]`, pushing matched pairs.
    fn align_range(
        &self,
        bs: Range<usize>,
        as_: Range<usize>,
        out: &mut Vec<IndexPair>,
        depth: u32,
    ) {
        if bs.is_empty() || as_.is_empty() {
            return;
        }
        if bs.len().saturating_mul(as_.len()) <= MAX_DP_CELLS {
            self.dp(bs, as_, out);
            return;
        }
        if depth > 8 {
            return; // give up: the leftovers become moved/removed/added
        }
        let anchors = self.anchors(bs.clone(), as_.clone());
        if anchors.is_empty() {
            return;
        }
        let mut prev = (bs.start, as_.start);
        for &(i, j) in &anchors {
            self.align_range(prev.0..i, prev.1..j, out, depth + 1);
            out.push((i, j));
            prev = (i + 1, j + 1);
        }
        self.align_range(prev.0..bs.end, prev.1..as_.end, out, depth + 1);
    }

    /// Weighted LCS with a full table over the ranges.
    fn dp(&self, bs: Range<usize>, as_: Range<usize>, out: &mut Vec<IndexPair>) {
        let (b0, a0) = (bs.start, as_.start);
        let rows = self.before.get(bs).unwrap_or(&[]);
        let cols = self.after.get(as_).unwrap_or(&[]);
        let mut table = LcsTable::<u32>::new(rows.len(), cols.len());
        for (x, b) in rows.iter().enumerate() {
            let (prev, cur) = table.rows_mut(x + 1);
            let mut left = 0u32;
            for (y, a) in cols.iter().enumerate() {
                let up = prev.get(y + 1).copied().unwrap_or(0);
                let mut best = up.max(left);
                let wt = weight(b, a);
                if wt > 0 {
                    best = best.max(prev.get(y).copied().unwrap_or(0).saturating_add(wt));
                }
                if let Some(c) = cur.get_mut(y + 1) {
                    *c = best;
                }
                left = best;
            }
        }
        out.extend(table.backtrack().into_iter().map(|(x, y)| (b0 + x, a0 + y)));
    }

    /// Keys unique on both sides of the ranges, as the heaviest chain increasing on both sides.
    fn anchors(&self, bs: Range<usize>, as_: Range<usize>) -> Vec<IndexPair> {
        /// Where a key id was seen in the ranges, and how often on each side.
        struct Seen {
            before: u32,
            after: u32,
            i: usize,
            j: usize,
        }
        let a_range = (as_.start, as_.end);
        let mut seen: HashMap<u32, Seen> = HashMap::new();
        for i in bs {
            if let Some(b) = self.before.get(i) {
                let s = seen.entry(b.id).or_insert(Seen {
                    before: 0,
                    after: 0,
                    i,
                    j: 0,
                });
                s.before += 1;
            }
        }
        for j in as_ {
            if let Some(s) = self.after.get(j).and_then(|a| seen.get_mut(&a.id)) {
                s.after += 1;
                s.j = j;
            }
        }
        let mut cand: Vec<(usize, usize, u64)> = seen
            .values()
            .filter(|s| s.before == 1 && s.after == 1)
            .map(|s| (s.i, s.j, u64::from(self.weight_at(s.i, s.j))))
            .collect();
        // layer indexes fit 32 bits (parse::limits caps a history far below)
        sort_by_rank(&mut cand, |&(i, j, w)| {
            Rank::new()
                .then(i as u64, 32)
                .then(j as u64, 32)
                .then(w, 64)
                .get()
        });
        heaviest_chain(&cand, a_range.0, a_range.1)
    }

    /// [`weight`] of before `i` with after `j`.
    fn weight_at(&self, i: usize, j: usize) -> u32 {
        match (self.before.get(i), self.after.get(j)) {
            (Some(b), Some(a)) => weight(b, a),
            _ => 0,
        }
    }

    /// Whether before `i` and after `j` are [`compatible`].
    fn compatible_at(&self, i: usize, j: usize) -> bool {
        match (self.before.get(i), self.after.get(j)) {
            (Some(b), Some(a)) => compatible_entries(b, a),
            _ => false,
        }
    }

    /// Step 3: pairs leftovers whose keys are compatible, biggest layer first,
    /// nearest place first.
    fn pair_moved(&self, used: &mut Used) -> Vec<IndexPair> {
        let mut free_after: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut truncated_after: Vec<usize> = Vec::new();
        for j in used.free_after(0..self.after.len()) {
            if let Some(a) = self.after.get(j) {
                free_after.entry(a.id).or_default().push(j);
                if a.truncated {
                    truncated_after.push(j);
                }
            }
        }
        let mut left = used.free_before(0..self.before.len());
        sort_by_rank(&mut left, |&i| {
            let bytes = self.before.get(i).map_or(0, |b| b.bytes);
            Rank::new().then_desc(bytes, 64).get()
        });
        let mut out = Vec::new();
        for i in left {
            let Some(b) = self.before.get(i) else {
                continue;
            };
            let mut cands: Vec<usize> = free_after.get(&b.id).cloned().unwrap_or_default();
            if cands.len() < 64 {
                // a cut-short key can match a different text; bounded scan
                if b.truncated {
                    let free = (0..self.after.len()).filter(|&j| used.after_free(j));
                    cands.extend(free.take(4096));
                } else {
                    cands.extend(truncated_after.iter().take(4096).copied());
                }
            }
            let best = cands
                .into_iter()
                .filter(|&j| used.after_free(j))
                .filter(|&j| self.compatible_at(i, j))
                .min_by_key(|&j| j.abs_diff(i));
            if let Some(j) = best {
                used.take(i, j);
                out.push((i, j));
            }
        }
        out
    }

    /// Step 4: in each gap between aligned pairs, pairs the leftovers that
    /// look like one edited step.
    fn pair_edited_in_gaps(&self, aligned: &[IndexPair], used: &mut Used) -> Vec<IndexPair> {
        let (n, m) = (self.before.len(), self.after.len());
        let mut edited = Vec::new();
        let mut prev = (0usize, 0usize);
        for &(i, j) in aligned.iter().chain(std::iter::once(&(n, m))) {
            let bs = used.free_before(prev.0..i);
            let as_ = used.free_after(prev.1..j);
            edited.extend(self.pair_edited(&bs, &as_));
            prev = (i + 1, j + 1);
        }
        for &(i, j) in &edited {
            used.take(i, j);
        }
        edited
    }

    /// Pairs leftovers of one gap that look like one edited step, in order.
    fn pair_edited(&self, bs: &[usize], as_: &[usize]) -> Vec<IndexPair> {
        if bs.is_empty() || as_.is_empty() || bs.len().saturating_mul(as_.len()) > MAX_EDIT_CELLS {
            return Vec::new();
        }
        let (bs, as_) = (leftovers(&self.before, bs), leftovers(&self.after, as_));
        let mut table = LcsTable::<f64>::new(bs.len(), as_.len());
        for (x, b) in bs.iter().enumerate() {
            for (y, a) in as_.iter().enumerate() {
                let (x, y) = (x + 1, y + 1);
                let up = table.get(x - 1, y);
                let left = table.get(x, y - 1);
                let score = edit_score(&b.words, &a.words).unwrap_or(0.0);
                let diag = if score > 0.0 {
                    table.get(x - 1, y - 1) + score
                } else {
                    0.0
                };
                table.set(x, y, up.max(left).max(diag));
            }
        }
        let index = |list: &[Leftover<'_>], k: usize| list.get(k).map(|l| l.index);
        table
            .backtrack()
            .into_iter()
            .filter_map(|(x, y)| Some((index(&bs, x)?, index(&as_, y)?)))
            .collect()
    }

    /// Step 5: pairs leftovers from different places whose words are very
    /// alike (a RUN line that was both edited and moved), best match first.
    fn pair_far_edited(&self, used: &mut Used) -> Vec<IndexPair> {
        let bs = used.free_before(0..self.before.len());
        let as_ = used.free_after(0..self.after.len());
        if bs.is_empty() || as_.is_empty() || bs.len().saturating_mul(as_.len()) > MAX_FAR_CELLS {
            return Vec::new();
        }
        let (lbs, las) = (leftovers(&self.before, &bs), leftovers(&self.after, &as_));
        let mut cands: Vec<(f64, u64, usize, usize)> = Vec::new();
        for b in &lbs {
            for a in &las {
                let score = edit_score(&b.words, &a.words);
                if let Some(score) = score.filter(|&s| s >= FAR_EDIT_THRESHOLD) {
                    cands.push((score, b.bytes.max(a.bytes), b.index, a.index));
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
            if used.before_free(i) && used.after_free(j) {
                used.take(i, j);
                out.push((i, j));
            }
        }
        out
    }
}

/// A layer left over after the alignment, with its words read once.
struct Leftover<'a> {
    index: usize,
    bytes: u64,
    words: KeyWords<'a>,
}

/// The leftovers at `indexes`, their words read.
fn leftovers<'a>(entries: &[Entry<'a>], indexes: &[usize]) -> Vec<Leftover<'a>> {
    indexes
        .iter()
        .filter_map(|&index| {
            entries.get(index).map(|e| Leftover {
                index,
                bytes: e.bytes,
                words: KeyWords::of(e.key),
            })
        })
        .collect()
}

/// How sure we are that two steps, their words read, are one step edited
/// (None: they are not).
fn edit_score(wb: &KeyWords<'_>, wa: &KeyWords<'_>) -> Option<f64> {
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

    fn keys(v: &[&str]) -> Vec<LayerKey> {
        v.iter().map(|s| LayerKey::new(s, false)).collect()
    }

    #[test]
    fn a_small_step_moved_across_a_big_one_is_moved() {
        let b = keys(&["ADD file:abc in /", "EXPOSE 80", "apt-get update", "CMD x"]);
        let a = keys(&["ADD file:abc in /", "apt-get update", "EXPOSE 80", "CMD x"]);
        let pairings = align(&b, &[100, 0, 5_000_000, 0], &a, &[100, 5_000_000, 0, 0]);
        let hows: Vec<How> = pairings.iter().map(|l| l.how).collect();
        assert_eq!(
            hows,
            [How::Aligned, How::Aligned, How::Moved, How::Aligned],
            "{pairings:?}"
        );
        assert_eq!(
            pairings.get(1).map(|l| (l.before, l.after)),
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
        let pairings = align(&b, &[5, 10, 1000], &a, &[5, 1000, 12]);
        let edited: Vec<_> = pairings.iter().filter(|l| l.how == How::Edited).collect();
        assert_eq!(edited.len(), 1, "{pairings:?}");
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
        let b: Vec<LayerKey> = names.iter().map(|s| LayerKey::new(s, false)).collect();
        let mut a = b.clone();
        a.remove(600);
        a.insert(300, LayerKey::new("/bin/sh -c new step", false));
        // new ends, so that no common prefix or suffix shrinks the problem
        a[0] = LayerKey::new("/bin/sh -c first", false);
        let last = a.len() - 1;
        a[last] = LayerKey::new("/bin/sh -c last", false);
        let bb = vec![1u64; b.len()];
        let ab = vec![1u64; a.len()];
        let pairings = align(&b, &bb, &a, &ab);
        let added = pairings.iter().filter(|l| l.before.is_none()).count();
        let removed = pairings.iter().filter(|l| l.after.is_none()).count();
        let aligned = pairings.iter().filter(|l| l.how == How::Aligned).count();
        assert_eq!((added, removed, aligned), (3, 3, 1197));
    }
}
