//! The page's hooks over a drawn [`Chart`]: the root made to scale, and an
//! invisible overlay group appended last, with one `<rect>` at the place of
//! each thing the page may hover, focus or read out. The page hooks its
//! events and hover styles on these (`.ld-seg:hover { stroke: … }`) and never
//! parses plotters' output.
//!
//! The root element has a `viewBox` and no fixed width/height, so it scales
//! crisply to the panel width; its class is `ld-chart`, plus `ld-path` for
//! columns spread by step ([`Arrangement::Steps`]). The overlay group
//! (`ld-overlay`) carries the columns' top and baseline (`data-top`,
//! `data-bottom`), between which the page's badges go (`badges`). In it:
//! - a step's columns only: `<rect class="ld-col">` over each column's name
//!   and total, with `data-step`, `data-bytes` (the step's total) and a
//!   `<title>` holding the whole name (the drawn one may be cut);
//! - `<rect class="ld-seg ld-{status}">` per segment, with the segment's own
//!   hooks, then `data-status` and `data-kind`, `tabindex` and a `<title>`
//!   (tooltip and screen-reader text). A pair's hooks are `data-side`,
//!   `data-row` (first row), `data-rows` (all rows of the comparison, space
//!   separated) and `data-layers`; a path's are `data-step` (the column, from
//!   0), `data-rows` (each `pair:row`: row `row` of the comparison of step
//!   `pair` with step `pair + 1`; so a middle column's layer names its row to
//!   the left and to the right), `data-layers` (oldest first in that step)
//!   and `data-origin` (the step its colour comes from);
//! - `<rect class="ld-bar">` per waterfall bar with `data-kind`, the bar's
//!   hooks (a pair's `data-rows`; a path's `data-step` and `data-rows` as
//!   `pair:row`s of the neighbour rows that changed size) and `data-status`.

use super::draw::{BarAxis, Places, FONT};
use super::layout::Layout;
use super::model::{status_word, Arrangement, Chart, Hook};

/// Makes the root scale to its container and appends the interactive overlay.
pub(super) fn finish(svg: String, d: &Chart, l: &Layout, at: &Places) -> String {
    let old = format!(
        r#"<svg width="{}" height="{}" viewBox="0 0 {} {}""#,
        l.w, l.h, l.w, l.h
    );
    let class = match d.arrangement {
        Arrangement::Sides => "ld-chart",
        Arrangement::Steps => "ld-chart ld-path",
    };
    let new = format!(
        r#"<svg class="{class}" viewBox="0 0 {} {}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{}" font-family="{}""#,
        l.w,
        l.h,
        esc(&d.summary),
        FONT
    );
    let svg = svg.replacen(&old, &new, 1);
    let mut overlay = format!(
        "<g class=\"ld-overlay\" fill=\"transparent\" stroke=\"none\" data-top=\"{}\" data-bottom=\"{}\">\n",
        l.top, l.bottom
    );
    if d.arrangement == Arrangement::Steps {
        column_hooks(&mut overlay, d, at);
    }
    segment_hooks(&mut overlay, d, l, at);
    bar_hooks(&mut overlay, d, l);
    close_overlay(svg, overlay)
}

fn column_hooks(out: &mut String, d: &Chart, at: &Places) {
    for (k, column) in d.columns.iter().enumerate() {
        let hooks = [
            ("data-step", k.to_string()),
            ("data-bytes", column.total_bytes.to_string()),
        ];
        let x = at.centre(k) - at.pitch / 2;
        let title = format!("step {}: {}, {}", k + 1, column.label, column.total);
        hook_rect(out, "ld-col", &hooks, (x, 56, at.pitch, 32), false, &title);
    }
}

fn segment_hooks(out: &mut String, d: &Chart, l: &Layout, at: &Places) {
    for s in &d.segments {
        let (x0, y0, x1, y1) = at.seg_box(l, s);
        let mut hooks = s.hooks.clone();
        hooks.push(("data-status", s.status_str().to_string()));
        hooks.push(("data-kind", s.kind_str().to_string()));
        let class = format!("ld-seg ld-{}", s.status_str());
        let place = (x0, y0, x1 - x0, (y1 - y0).max(0));
        hook_rect(out, &class, &hooks, place, true, &s.title);
    }
}

fn bar_hooks(out: &mut String, d: &Chart, l: &Layout) {
    let axis = BarAxis::new(l, d);
    for (k, bar) in d.waterfall.iter().enumerate() {
        let x0 = axis.x0 - axis.label_w;
        let x1 = axis.x(bar.from.max(bar.to));
        let y0 = l.wf_top + k as i32 * l.wf_row_h;
        let mut hooks = vec![("data-kind", bar.kind.as_str().to_string())];
        if let Some(look) = d.bar_looks.get(k) {
            hooks.extend(look.hooks.iter().cloned());
        }
        let status = status_word(bar.status);
        hooks.push(("data-status", status.to_string()));
        let title = format!("{}: {}", bar.label, bar.value);
        let place = (x0, y0, (x1 - x0).max(1), l.wf_row_h);
        hook_rect(out, "ld-bar", &hooks, place, true, &title);
    }
}

/// One overlay `<rect>`: its class, hooks in order, place (x, y, width,
/// height), whether it takes the keyboard focus, and its `<title>`.
fn hook_rect(
    out: &mut String,
    class: &str,
    hooks: &[Hook],
    (x, y, w, h): (i32, i32, i32, i32),
    focus: bool,
    title: &str,
) {
    out.push_str(&format!("<rect class=\"{class}\""));
    for (name, value) in hooks {
        out.push_str(&format!(" {name}=\"{value}\""));
    }
    out.push_str(&format!(
        " x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" pointer-events=\"all\""
    ));
    if focus {
        out.push_str(" tabindex=\"0\"");
    }
    out.push_str(&format!("><title>{}</title></rect>\n", esc(title)));
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Closes the overlay group `overlay` and puts it last inside `svg` (before
/// `</svg>`, or closing the document when plotters left it open).
fn close_overlay(mut svg: String, mut overlay: String) -> String {
    overlay.push_str("</g>\n");
    match svg.rfind("</svg>") {
        Some(at) => svg.insert_str(at, &overlay),
        None => {
            svg.push_str(&overlay);
            svg.push_str("</svg>\n");
        }
    }
    svg
}
