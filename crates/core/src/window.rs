//! Which rows of a long list are in the page.
//!
//! A paste of 100,000 lines must not become 100,000 table rows: the page
//! would take minutes to lay out and gigabytes to hold. Lists longer than
//! [`WINDOW_FROM`] rows show only the rows around the visible ones (a
//! *window*) between two spacers as tall as the rows left out, so the
//! scrollbar, scrolling and the rows' positions stay as if all were there.
//! Shorter lists are shown whole, exactly as before.
//!
//! The window moves in steps of [`STEP`] rows with [`MARGIN`] rows to spare
//! on each side, so scrolling re-renders the list only every `STEP` rows and
//! never shows a gap.

/// Lists up to this many rows are shown whole.
pub const WINDOW_FROM: usize = 400;
/// The window's start moves in steps of this many rows.
pub const STEP: usize = 25;
/// Rows kept in the page above and below the visible ones.
pub const MARGIN: usize = 10;

/// The rows `start..end` of a list that are in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first row in the page.
    pub start: usize,
    /// One past the last row in the page.
    pub end: usize,
    /// How many rows the list has.
    pub total: usize,
}

impl Window {
    /// The window of a list of `total` rows whose first visible row is
    /// `first_visible`, with `visible` rows on screen.
    pub fn around(total: usize, first_visible: usize, visible: usize) -> Window {
        if total <= WINDOW_FROM {
            return Window {
                start: 0,
                end: total,
                total,
            };
        }
        let stepped = first_visible.min(total) / STEP * STEP;
        let end = stepped
            .saturating_add(visible)
            .saturating_add(STEP + MARGIN)
            .min(total);
        let start = stepped.saturating_sub(MARGIN).min(end);
        Window { start, end, total }
    }

    /// Whether rows are left out (the list is long).
    pub fn is_partial(&self) -> bool {
        self.start > 0 || self.end < self.total
    }

    /// Rows left out above the window.
    pub fn above(&self) -> usize {
        self.start
    }

    /// Rows left out below the window.
    pub fn below(&self) -> usize {
        self.total - self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_whole() {
        for total in [0, 1, 12, WINDOW_FROM] {
            let w = Window::around(total, 7, 40);
            assert_eq!((w.start, w.end), (0, total));
            assert!(!w.is_partial());
        }
    }

    #[test]
    fn long_lists_keep_the_visible_rows_and_a_margin() {
        let w = Window::around(100_000, 5_030, 40);
        assert!(
            w.start <= 5_030 - MARGIN + STEP,
            "the visible rows are in the window"
        );
        assert!(w.end >= 5_030 + 40 + MARGIN - STEP);
        assert!(w.end - w.start <= 40 + STEP + 2 * MARGIN);
        assert_eq!(w.above() + (w.end - w.start) + w.below(), 100_000);
    }

    #[test]
    fn the_window_moves_in_steps() {
        let a = Window::around(10_000, 1_000, 40);
        let b = Window::around(10_000, 1_000 + STEP - 1, 40);
        assert_eq!(a, b, "scrolling less than a step keeps the same rows");
        assert_ne!(a, Window::around(10_000, 1_000 + STEP, 40));
    }

    #[test]
    fn the_ends_are_clamped() {
        let top = Window::around(1_000, 0, 40);
        assert_eq!(top.start, 0);
        let bottom = Window::around(1_000, 5_000, 40);
        assert_eq!(bottom.end, 1_000);
        assert!(bottom.start <= bottom.end);
        let huge = Window::around(usize::MAX, usize::MAX, usize::MAX);
        assert!(huge.start <= huge.end);
    }
}
