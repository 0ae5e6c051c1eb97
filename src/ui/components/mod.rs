//! The page's components, one a file, each with the hooks that serve its
//! own state beside it (the layout of Yew's function_todomvc example). A
//! component here lays out what the core decided (`crate::core::app`); the
//! effects the whole page shares are in `ui/hooks/`.
//!
//! - the comparison: `comparison.rs` wires `figures.rs`, `chart.rs` (the
//!   chart and its hooks), `inspector.rs` and `aligned_table.rs` (its rows:
//!   `aligned_row.rs`).
//! - a step: `paste_pane.rs` wires `pane_head.rs` (name, move, remove),
//!   `pane_summary.rs` (what was read), `history_picker.rs` and the text
//!   box's hooks (`text_box.rs`).

pub mod aligned_row;
pub mod aligned_table;
pub mod chart;
pub mod comparison;
pub mod figures;
pub mod history_picker;
pub mod inspector;
pub mod pane_head;
pub mod pane_summary;
pub mod paste_pane;
pub mod text_box;
