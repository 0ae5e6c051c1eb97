//! The page's components, one a file, each with the hooks that serve its
//! own state beside it (the layout of Yew's function_todomvc example). A
//! component here lays out what the core decided (`layerdiff_core::app`); the
//! effects the whole page shares are in `hooks/`.
//!
//! - the editor: `editor.rs` wires `page_header.rs`, `demo_note.rs`, `notice.rs`,
//!   `link_banner.rs`, `question.rs`, `steps.rs` (the panes and the
//!   compare picker), the comparison and `share_box.rs`.
//! - the comparison: `comparison.rs` wires `figures.rs`, `chart.rs` (the
//!   chart and its hooks), `inspector.rs` and `aligned_table.rs` (its rows:
//!   `aligned_row.rs`).
//! - a step: `paste_pane.rs` wires `pane_head.rs` (name, move, remove),
//!   `pane_summary.rs` (what was read), `history_picker.rs` and the text
//!   box's hooks (`text_box.rs`).
//! - the share box: `share_box.rs` wires `share_bar.rs`, which lays out
//!   `share_link.rs` (the link), `secrets_list.rs` and `exports.rs`; its
//!   snippets (`snippets.rs`): `view_snippets.rs`, one `snippet.rs` each.

pub mod aligned_row;
pub mod aligned_table;
pub mod chart;
pub mod comparison;
pub mod demo_note;
pub mod editor;
pub mod exports;
pub mod figures;
pub mod history_picker;
pub mod inspector;
pub mod link_banner;
pub mod notice;
pub mod page_header;
pub mod pane_head;
pub mod pane_summary;
pub mod paste_pane;
pub mod question;
pub mod secrets_list;
pub mod share_bar;
pub mod share_box;
pub mod share_link;
pub mod snippet;
pub mod steps;
pub mod text_box;
pub mod view_snippets;
