//! Reads a custom `--format` without `table` (formats.md §1.8): no header, no
//! alignment, fields joined by whatever the user wrote (`: `, ` | `, `,`, a
//! tab). Recognised when at least two consecutive lines start with an id or
//! `<missing>` followed by the same separator; each field is then placed by
//! its shape (CREATED, SIZE) and the rest is CREATED BY, then COMMENT.
//!
//! `docker history --format "{{.ID}}: {{.CreatedSince}}" busybox` →
//! `f6e427c148a7: 4 weeks ago` / `<missing>: 4 weeks ago`.

use super::created::is_created;
use super::id::id_prefix;
use super::segment::Line;
use super::size::parse_size;
use super::table::strip_mark;
use crate::core::model::{Dialect, Format, History, Layer};

/// The separator after the id on this line, if it is a custom-format line.
fn separator(raw: &str) -> Option<(&str, usize)> {
    let t = unquote(raw);
    let (_, n) = id_prefix(t)?;
    let rest = t.get(n..)?;
    let sep_len = rest
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric() || c == '<' || c == '/' || c == '"' || c == '[')
        .map_or(rest.len(), |(i, _)| i);
    let sep = rest.get(..sep_len)?;
    let meaningful = sep.contains('\t') || !sep.trim().is_empty();
    (meaningful && !sep.is_empty() && sep_len < rest.len()).then_some((sep, raw.len() - t.len()))
}

/// The line without indentation and a `> ` quote mark.
fn unquote(raw: &str) -> &str {
    let t = raw.trim_start();
    t.strip_prefix('>').map_or(t, str::trim_start)
}

/// Reads custom-format lines from `start`; needs at least two.
pub fn read_custom(lines: &[Line<'_>], start: usize) -> Option<(History, usize)> {
    let (sep, _) = separator(lines.get(start)?.raw)?;
    let mut layers = Vec::new();
    let mut j = start;
    while let Some(line) = lines.get(j) {
        match separator(line.raw) {
            Some((s, _)) if s == sep => {}
            _ => break,
        }
        let fields: Vec<&str> = unquote(line.raw).trim_end().split(sep).collect();
        let layer = layer_of(&fields, line.no);
        // A history line has a CREATED or SIZE field; `docker pull` progress
        // (`cd784148e348: Pull complete`) has neither.
        if layer.created.is_none() && layer.size.is_none() {
            break;
        }
        layers.push(layer);
        j += 1;
    }
    if layers.len() < 2 {
        return None;
    }
    let span = (
        layers.first().map_or(0, |l: &Layer| l.lines.0),
        layers.last().map_or(0, |l: &Layer| l.lines.1),
    );
    Some((
        History {
            label: String::new(),
            format: Format::Custom,
            dialect: Dialect::Unknown,
            layers,
            lines: span,
        },
        j,
    ))
}

fn layer_of(fields: &[&str], no: usize) -> Layer {
    let mut layer = Layer {
        lines: (no, no),
        ..Layer::default()
    };
    let mut it = fields.iter();
    if let Some(first) = it.next() {
        layer.id = id_prefix(first.trim()).and_then(|(c, _)| c.into_option());
    }
    let mut have_created_by = false;
    for f in it {
        let f = f.trim();
        if layer.created.is_none() && is_created(f) {
            layer.created = Some(f.to_string());
        } else if layer.size.is_none() && !f.is_empty() && parse_size(f).is_ok() {
            layer.size = parse_size(f).ok();
        } else if !have_created_by {
            let (text, truncated) = strip_mark(f);
            layer.created_by = text;
            layer.truncated = truncated;
            have_created_by = true;
        } else if layer.comment.is_empty() {
            layer.comment = f.to_string();
        } else {
            layer.comment = format!("{}{}", layer.comment, f);
        }
    }
    layer
}

#[cfg(test)]
mod tests {
    use super::super::segment::split_lines;
    use super::*;

    #[test]
    fn id_colon_since() {
        let lines = split_lines("f6e427c148a7: 4 weeks ago\n<missing>: 4 weeks ago\n```\n");
        let (h, next) = read_custom(&lines, 0).expect("custom format");
        assert_eq!(next, 2);
        assert_eq!(h.layers.len(), 2);
        assert_eq!(
            h.layers.first().and_then(|l| l.id.clone()),
            Some("f6e427c148a7".into())
        );
        assert_eq!(
            h.layers.get(1).and_then(|l| l.created.clone()),
            Some("4 weeks ago".into())
        );
        assert_eq!(h.layers.get(1).and_then(|l| l.id.clone()), None);
    }

    #[test]
    fn pipes_and_tabs() {
        let lines =
            split_lines("abcdef123456 | RUN make | 12MB\n<missing> | ADD file:x in / | 5.6MB\n");
        let (h, _) = read_custom(&lines, 0).expect("pipe format");
        assert_eq!(
            h.layers.first().map(|l| l.created_by.as_str()),
            Some("RUN make")
        );
        assert_eq!(
            h.layers.get(1).and_then(|l| l.size).map(|s| s.bytes),
            Some(5_600_000)
        );
        let lines = split_lines("abcdef123456\t0B\n<missing>\t1.2kB\n");
        let (h, _) = read_custom(&lines, 0).expect("tab format");
        assert_eq!(
            h.layers.get(1).and_then(|l| l.size).map(|s| s.bytes),
            Some(1_200)
        );
    }

    #[test]
    fn pull_progress_is_not_custom() {
        let lines = split_lines("cd784148e348: Pull complete\n04ac94e9255c: Pull complete\ne10b013543eb: Already exists\n");
        assert!(read_custom(&lines, 0).is_none());
    }

    #[test]
    fn one_line_or_table_rows_are_not_custom() {
        assert!(read_custom(&split_lines("f6e427c148a7: 4 weeks ago\nprose\n"), 0).is_none());
        assert!(read_custom(
            &split_lines("<missing>      56 minutes ago   RUN x   0B\n<missing>      56 minutes ago   RUN y   0B\n"),
            0
        )
        .is_none());
    }
}
