//! The page side of [`layerdiff_core::window`]: a hook that follows a scroll
//! container and says which rows of a long list to render, and the spacer
//! rows that stand in for the others. Rows of a windowed list have a fixed
//! height (`--row` in main.css), so positions are plain arithmetic.

use yew::prelude::*;

use layerdiff_core::window::{Window, STEP};

/// Rows on screen at most (a tall window at the smallest row height).
const VISIBLE_ROWS: usize = 40;

/// The rows of a `total`-row list to render, and the scroll handler that
/// moves them: call it with the container's `scrollTop` in CSS pixels.
#[hook]
pub fn use_window(total: usize, row_px: f64) -> (Window, Callback<i32>) {
    let first = use_state_eq(|| 0usize);
    let on_scroll = {
        let first = first.clone();
        use_callback(row_px, move |top: i32, row_px| {
            let row = (f64::from(top.max(0)) / row_px) as usize;
            // Only a move to another step re-renders the list.
            first.set(row / STEP * STEP);
        })
    };
    (Window::around(total, *first, VISIBLE_ROWS), on_scroll)
}

/// The style of an element as tall as `rows` rows of `row_px` (a spacer
/// standing in for rows left out of the page).
pub fn spacer_style(rows: usize, row_px: f64) -> String {
    format!("height:{}px", rows as f64 * row_px)
}

/// A table row as tall as `rows` rows of `row_px`, standing in for them.
pub fn spacer_row(rows: usize, row_px: f64, columns: usize) -> Html {
    if rows == 0 {
        return html! {};
    }
    let height = spacer_style(rows, row_px);
    html! {
        <tr class="spacer" aria-hidden="true" style={height}><td colspan={columns.to_string()}></td></tr>
    }
}
