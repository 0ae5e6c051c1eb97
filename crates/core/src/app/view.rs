//! What a view of a comparison shows, decided once for the page, the
//! read-only view and presenting alike: which rows of the aligned table are
//! shown and in what order, the headline figures, and the table's words
//! (each row's, the base block's, the tools'). [`pair_view`] is the one
//! function; the views only lay its answer out.
//!
//! Rows are shown newest first, as docker history prints them, with the
//! shared base block at the bottom, unless sorted by the size of their change
//! (biggest first). A folded base hides its rows, except the one a link
//! points at. The words of a row are [`crate::compare::table::table_row`]'s,
//! built only for the rows a window of the page holds ([`PairView::words`]).

use crate::compare::table::{table_row, TableRow};
use crate::compare::{Comparison, SortBy};

/// The view's choices that change what is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShowChoices {
    /// Sort by the size of each row's change, biggest first.
    pub sort_by_delta: bool,
    /// Fold the shared base block into one line.
    pub base_collapsed: bool,
    /// A row shown even in a folded base (the layer a link points at).
    pub keep: Option<usize>,
}

/// A view of a comparison: its rows as shown, its figures and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairView {
    /// Indexes into `Comparison::rows`, in the order shown.
    pub rows: Vec<usize>,
    /// The headline figures.
    pub figures: Figures,
    /// How many rows the shared base block has (0: no button to fold it).
    pub base_layers: usize,
    /// The line that stands for a folded base, when it is folded.
    pub folded_base: Option<String>,
    /// The words of the button that folds or shows the base (none without one).
    pub base_toggle: Option<String>,
    /// The words of the sort button.
    pub sort_toggle: &'static str,
    /// The heads of the before and after columns: `before: NAME`, `after: NAME`.
    pub heads: (String, String),
    /// The choices it was made with.
    pub choices: ShowChoices,
}

/// Which way the total went, beyond the rounding of the printed sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Down,
    Up,
    /// No change beyond rounding.
    Level,
}

impl Trend {
    /// The CSS class of the change figure (empty when level).
    pub fn class(self) -> &'static str {
        match self {
            Trend::Down => "down",
            Trend::Up => "up",
            Trend::Level => "",
        }
    }
}

/// One image's figure: its name, its total, and the total with its range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// `before · NAME`.
    pub name: String,
    /// `≈ 417 MB`.
    pub total: String,
    /// The total with its rounding range, for a tooltip.
    pub range: String,
}

/// The headline numbers of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    pub before: Figure,
    pub after: Figure,
    /// The change: `≈ −101 MB (−24 %)`.
    pub change: String,
    /// The change for a sentence or a slide (`≈` only where rounding matters).
    pub change_approx: String,
    pub trend: Trend,
    /// The shared base's size.
    pub base: String,
    /// What the shared base is: `3 layers shared at the bottom`, …
    pub base_note: String,
}

/// What a view of `c` shows with `choices`.
pub fn pair_view(c: &Comparison, choices: &ShowChoices) -> PairView {
    let by = if choices.sort_by_delta {
        SortBy::Magnitude
    } else {
        SortBy::Position
    };
    let fold = |k: usize| choices.base_collapsed && c.rows[k].in_base && choices.keep != Some(k);
    let mut rows: Vec<usize> = c.row_order(by).into_iter().filter(|&k| !fold(k)).collect();
    if !choices.sort_by_delta {
        // Newest first, as docker history prints; the base at the bottom.
        rows.reverse();
    }
    let n_base = c.rows.iter().filter(|r| r.in_base).count();
    let folded_base = (choices.base_collapsed && n_base > 0).then(|| {
        format!(
            "base image: {n_base} layers, {} (same in both)",
            c.base.total.approx()
        )
    });
    let base_toggle = (n_base > 0).then(|| {
        let verb = if choices.base_collapsed {
            "Show"
        } else {
            "Fold"
        };
        format!("{verb} the {n_base} base image layers")
    });
    PairView {
        rows,
        figures: figures(c),
        base_layers: n_base,
        folded_base,
        base_toggle,
        sort_toggle: if choices.sort_by_delta {
            "Sorted by |Δ| — show in order"
        } else {
            "Sort by Δ"
        },
        heads: (
            format!("before: {}", c.before.label),
            format!("after: {}", c.after.label),
        ),
        choices: *choices,
    }
}

impl PairView {
    /// The words of the rows shown at `range` of [`PairView::rows`] (a
    /// window of a long table), from the core's one rendering of a row.
    pub fn words(&self, c: &Comparison, range: std::ops::Range<usize>) -> Vec<TableRow> {
        let end = range.end.min(self.rows.len());
        let start = range.start.min(end);
        self.rows[start..end]
            .iter()
            .filter_map(|&k| table_row(c, k, 0))
            .collect()
    }

    /// Where row `k` of the comparison is shown, if it is.
    pub fn position_of(&self, k: usize) -> Option<usize> {
        self.rows.iter().position(|&i| i == k)
    }
}

/// The headline numbers of `c`.
pub fn figures(c: &Comparison) -> Figures {
    let figure = |word: &str, side: &crate::compare::Side| Figure {
        name: format!("{word} · {}", side.label),
        total: side.total.approx(),
        range: side.total.describe(),
    };
    let moved = !c.delta.within_rounding();
    let trend = match c.delta.bytes {
        b if b < 0 && moved => Trend::Down,
        b if b > 0 && moved => Trend::Up,
        _ => Trend::Level,
    };
    let base_note = if c.base.changed {
        c.base
            .reason
            .as_ref()
            .map_or_else(|| "the base image changed".into(), |r| r.to_string())
    } else if c.base.layers == 0 {
        "no layer the same at the bottom".into()
    } else {
        match c.base.layers {
            1 => "1 layer, the same in both".to_string(),
            n => format!("{n} layers, the same in both"),
        }
    };
    // one `≈`: a change within rounding already says it
    let described = c.delta.describe(c.before.total.bytes);
    let approx = if c.delta.exact || described.starts_with('≈') {
        ""
    } else {
        "≈ "
    };
    Figures {
        before: figure("before", &c.before),
        after: figure("after", &c.after),
        change: format!("{approx}{described}"),
        change_approx: c.delta.describe_approx(c.before.total.bytes),
        trend,
        base: c.base.total.approx(),
        base_note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::test_support::labelled as h;

    /// Oldest first: the base, a big change, a small one.
    fn pair() -> Comparison {
        let before = h(
            "old",
            &[
                ("/bin/sh -c #(nop) ADD file:abc in /", 100),
                ("/bin/sh -c npm install", 5_000_000),
                ("/bin/sh -c echo small", 1_000),
            ],
        );
        let after = h(
            "new",
            &[
                ("/bin/sh -c #(nop) ADD file:abc in /", 100),
                ("/bin/sh -c npm ci", 4_000_000),
                ("/bin/sh -c echo small", 2_000),
            ],
        );
        compare(&before, &after)
    }

    fn shown_words(c: &Comparison, choices: ShowChoices) -> Vec<String> {
        let view = pair_view(c, &choices);
        view.words(c, 0..view.rows.len())
            .into_iter()
            .map(|w| format!("{} {} {}", w.status_word, w.after, w.delta))
            .collect()
    }

    #[test]
    fn rows_are_shown_newest_first_with_the_base_at_the_bottom() {
        let c = pair();
        let last = c.rows.len() - 1;
        let view = pair_view(&c, &ShowChoices::default());
        assert_eq!(view.rows, (0..=last).rev().collect::<Vec<_>>());
        assert_eq!(
            shown_words(&c, ShowChoices::default()),
            [
                "resized RUN echo small +1 kB",
                "changed RUN npm ci −1 MB",
                "same ADD file:abc in / ",
            ]
        );
    }

    #[test]
    fn sorted_by_delta_the_biggest_change_comes_first() {
        let c = pair();
        let sorted = ShowChoices {
            sort_by_delta: true,
            ..ShowChoices::default()
        };
        assert_eq!(
            shown_words(&c, sorted),
            [
                "changed RUN npm ci −1 MB",
                "resized RUN echo small +1 kB",
                "same ADD file:abc in / ",
            ]
        );
        assert_eq!(
            pair_view(&c, &sorted).sort_toggle,
            "Sorted by |Δ| — show in order"
        );
        assert_eq!(
            pair_view(&c, &ShowChoices::default()).sort_toggle,
            "Sort by Δ"
        );
    }

    #[test]
    fn a_folded_base_hides_its_rows_but_the_linked_one() {
        let c = pair();
        let base_row = c.rows.iter().position(|r| r.in_base).unwrap();
        let folded = ShowChoices {
            base_collapsed: true,
            ..ShowChoices::default()
        };
        let view = pair_view(&c, &folded);
        assert!(!view.rows.contains(&base_row));
        assert_eq!(view.rows.len(), c.rows.len() - 1);
        assert_eq!(
            view.folded_base.as_deref(),
            Some("base image: 1 layers, 100 B (same in both)")
        );
        assert_eq!(
            view.base_toggle.as_deref(),
            Some("Show the 1 base image layers")
        );
        let linked = pair_view(
            &c,
            &ShowChoices {
                keep: Some(base_row),
                ..folded
            },
        );
        assert_eq!(linked.position_of(base_row), Some(c.rows.len() - 1));
        let open = pair_view(&c, &ShowChoices::default());
        assert_eq!(
            (open.folded_base, open.base_toggle.as_deref()),
            (None, Some("Fold the 1 base image layers"))
        );
    }

    #[test]
    fn the_figures_name_both_images_and_the_change() {
        let c = pair();
        let f = pair_view(&c, &ShowChoices::default()).figures;
        assert_eq!(f.before.name, "before · old");
        assert_eq!(f.after.name, "after · new");
        assert_eq!(
            (f.before.total.as_str(), f.after.total.as_str()),
            ("5 MB", "4 MB")
        );
        assert_eq!(f.change, "−999 kB (−20 %)");
        assert_eq!(f.change_approx, f.change);
        assert_eq!(f.trend, Trend::Down);
        assert_eq!(f.trend.class(), "down");
        assert_eq!(
            (f.base.as_str(), f.base_note.as_str()),
            ("100 B", "1 layer, the same in both")
        );
    }

    #[test]
    fn a_change_within_rounding_says_so_with_one_approx_sign() {
        // 1.5 MB printed rounded (± 50 kB) → 1.46 MB (± 5 kB): 40 kB apart
        let rounded = |created_by: &str, bytes: u64, tolerance: u64| {
            let mut l = crate::test_support::layer(created_by, bytes);
            l.size = Some(crate::model::Size {
                bytes,
                tolerance,
                exact: false,
            });
            l
        };
        let mut before = h("old", &[]);
        before.layers = vec![rounded("/bin/sh -c make", 1_500_000, 50_000)];
        let mut after = h("new", &[]);
        after.layers = vec![rounded("/bin/sh -c make", 1_460_000, 5_000)];
        let f = pair_view(&compare(&before, &after), &ShowChoices::default()).figures;
        assert_eq!(f.change, "≈ 0 (within rounding)");
        assert_eq!(f.change_approx, f.change);
    }

    #[test]
    fn words_of_a_window_stay_inside_the_rows() {
        let c = pair();
        let view = pair_view(&c, &ShowChoices::default());
        assert_eq!(view.words(&c, 1..2)[0].row, view.rows[1]);
        assert!(view.words(&c, 5..9).is_empty());
        assert_eq!(
            view.heads,
            ("before: old".to_string(), "after: new".to_string())
        );
    }
}
