//! Reads a custom `--format` without `table` (docs/formats.md §1.8): no header, no
//! alignment, fields joined by whatever the user wrote (`: `, ` | `, `,`, a
//! tab). Recognised when at least two consecutive lines start with an id or
//! `<missing>` followed by the same separator; each field is then placed by
//! its shape (CREATED, SIZE) and the rest is CREATED BY, then COMMENT.
//!
//! `docker history --format "{{.ID}}: {{.CreatedSince}}" busybox` →
//! `f6e427c148a7: 4 weeks ago` / `<missing>: 4 weeks ago`.
//!
//! When the first field is not an id (`{{.Size}}|{{.CreatedBy}}`,
//! `{{.CreatedBy}}\t{{.Size}}`), lines are custom when a tab, `|`, `%`, `;`
//! or `,` splits two or more consecutive lines into fields of the same
//! shapes, one of them a SIZE or CREATED; text fields split by the
//! separator are joined back (a command may contain it).

use super::created::is_created;
use super::id::id_prefix;
use super::layers::strip_mark;
use super::segment::Line;
use super::size::parse_size;
use crate::model::{Dialect, Format, History, Layer};

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

/// Separators a user puts between fields when the first field is not an id
/// (`{{.Size}}|{{.CreatedBy}}`, `{{.CreatedBy}}\t{{.Size}}`, `%`, `;`, `,`),
/// and a single space (`{{.ID}} {{.Size}}`: only behind an id, since prose
/// has sizes between words too).
const SEPARATORS: [&str; 6] = ["\t", "|", "%", ";", ",", " "];

/// The shape of one field of a custom-format line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Created,
    Size,
    Text,
}

fn field_kind(f: &str) -> Field {
    let f = f.trim();
    if f.is_empty() {
        Field::Text
    } else if is_created(f) {
        Field::Created
    } else if parse_size(f).is_ok() {
        Field::Size
    } else if id_prefix(f).is_some_and(|(_, n)| n >= f.len()) {
        Field::Id
    } else {
        Field::Text
    }
}

/// For a line whose first field need not be an id: the first separator of
/// [`SEPARATORS`] that splits it into fields of which one has the shape of a
/// SIZE or CREATED cell, with the line's field shapes (runs of text merged:
/// a command may hold the separator itself, `RUN |3 A=b …`, `a | b`).
fn shaped_separator(raw: &str) -> Option<(&'static str, Vec<Field>)> {
    let t = unquote(raw).trim_end();
    // A markdown pipe table row is a table, not a custom format.
    if t.starts_with('|') || t.is_empty() {
        return None;
    }
    // A single space separates fields only behind an id and when no wider
    // gap exists (checked before splitting: prose has many spaces).
    let id_first = || {
        let first = t.split(' ').next().unwrap_or("");
        id_prefix(first).is_some_and(|(_, n)| n >= first.len())
    };
    SEPARATORS.iter().find_map(|&sep| {
        if !t.contains(sep) || (sep == " " && (t.contains("  ") || !id_first())) {
            return None;
        }
        let mut shape: Vec<Field> = Vec::new();
        for (k, f) in split_fields(t, sep).iter().enumerate() {
            let mut kind = field_kind(f);
            // A bare number first is a line number (`cat -n`, an editor
            // gutter), not a `--human=false` size.
            if k == 0 && kind == Field::Size && f.trim().bytes().all(|b| b.is_ascii_digit()) {
                kind = Field::Text;
            }
            if !(kind == Field::Text && shape.last() == Some(&Field::Text)) {
                shape.push(kind);
            }
        }
        let shaped = shape
            .iter()
            .any(|k| matches!(k, Field::Size | Field::Created));
        // Text before an id is a `docker images` row (`node  331b81a245b1  678MB`).
        let id_after_text = shape
            .iter()
            .skip_while(|k| **k != Field::Text)
            .any(|k| *k == Field::Id);
        // A single space only when it is the only gap (aligned rows are a table).
        let spaced = shape.first() == Some(&Field::Id) && !t.contains("  ");
        (shaped && !id_after_text && shape.len() >= 2 && (sep != " " || spaced))
            .then_some((sep, shape))
    })
}

/// The fields of a line split by `sep`. Split by a single space, the words
/// of one CREATED cell (`2 weeks ago`, `About an hour ago`) or one SIZE
/// (`7.63 MB`, `0 B`: podman 2.0–4.5) are kept together.
fn split_fields(t: &str, sep: &str) -> Vec<String> {
    if sep != " " {
        return t.split(sep).map(str::to_string).collect();
    }
    let words: Vec<&str> = t.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    let mut k = 0usize;
    while k < words.len() {
        let window = |n: usize| words.get(k..k + n).map(|w| w.join(" "));
        let created = (2..=4)
            .rev()
            .find_map(|n| window(n).filter(|w| is_created(w)).map(|w| (n, w)));
        // A number, then a unit word.
        let unit_next = words
            .get(k + 1)
            .is_some_and(|u| u.starts_with(|c: char| c.is_alphabetic()));
        let size = window(2)
            .filter(|w| unit_next && parse_size(w).is_ok())
            .map(|w| (2, w));
        let (n, field) = created
            .or(size)
            .unwrap_or_else(|| (1, words.get(k).copied().unwrap_or("").to_string()));
        out.push(field);
        k += n;
    }
    out
}

/// Reads custom-format lines from `start`; needs at least two.
pub fn read_custom(lines: &[Line<'_>], start: usize) -> Option<(History, usize)> {
    read_id_first(lines, start).or_else(|| read_shaped(lines, start))
}

/// Custom-format lines with any field order (`{{.Size}}|{{.CreatedBy}}`):
/// at least two consecutive lines split by the same separator into fields of
/// the same shapes.
fn read_shaped(lines: &[Line<'_>], start: usize) -> Option<(History, usize)> {
    let (sep, shape) = shaped_separator(lines.get(start)?.raw)?;
    let mut layers = Vec::new();
    let mut j = start;
    while let Some(line) = lines.get(j) {
        match shaped_separator(line.raw) {
            Some((s, sh)) if s == sep && sh == shape => {}
            _ => break,
        }
        let fields = split_fields(unquote(line.raw).trim_end(), sep);
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        let layer = layer_of_shaped(&fields, sep, line.no);
        // Commands have spaces (`RUN make`, `CMD ["sh"]`); a one-word text
        // beside a size on the first line is more likely `docker images
        // --format '{{.Repository}}\t{{.Size}}'`. (Checked on the first line
        // only, so that a failed start costs one line: parsing stays linear.)
        if layers.is_empty() && !layer.created_by.is_empty() && !layer.created_by.contains(' ') {
            return None;
        }
        layers.push(layer);
        j += 1;
    }
    finish(layers, j)
}

/// Places each field by its shape; runs of text fields are joined back with
/// the separator (the first run is CREATED BY, any later run COMMENT).
fn layer_of_shaped(fields: &[&str], sep: &str, no: usize) -> Layer {
    let mut layer = Layer {
        lines: (no, no),
        ..Layer::default()
    };
    let mut runs: Vec<String> = Vec::new();
    let mut in_run = false;
    for f in fields {
        match field_kind(f) {
            Field::Text => {
                match runs.last_mut() {
                    Some(run) if in_run => {
                        run.push_str(sep);
                        run.push_str(f);
                    }
                    _ => runs.push((*f).to_string()),
                }
                in_run = true;
                continue;
            }
            Field::Id if layer.id.is_none() => {
                layer.id = id_prefix(f.trim()).and_then(|(c, _)| c.into_option());
            }
            Field::Created if layer.created.is_none() => layer.created = Some(f.trim().to_string()),
            Field::Size if layer.size.is_none() => layer.size = parse_size(f.trim()).ok(),
            _ => runs.push((*f).to_string()),
        }
        in_run = false;
    }
    let mut runs = runs.into_iter().map(|r| r.trim().to_string());
    let (text, truncated) = strip_mark(&runs.next().unwrap_or_default());
    layer.created_by = text;
    layer.truncated = truncated;
    layer.comment = runs.collect::<Vec<_>>().join(" ");
    layer
}

/// A Custom history of `layers` (at least two), read up to line `next`.
fn finish(layers: Vec<Layer>, next: usize) -> Option<(History, usize)> {
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
            dropped_layers: 0,
        },
        next,
    ))
}

/// Custom-format lines that start with an id and a separator (`id: since`).
fn read_id_first(lines: &[Line<'_>], start: usize) -> Option<(History, usize)> {
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
    finish(layers, j)
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
    fn any_field_order_with_a_separator() {
        let lines = split_lines("0B|CMD [\"sh\"]\n40.1MB|RUN a | tee log\n");
        let (h, next) = read_custom(&lines, 0).expect("size first, pipe");
        assert_eq!(next, 2);
        let by: Vec<&str> = h.layers.iter().map(|l| l.created_by.as_str()).collect();
        assert_eq!(by, vec!["CMD [\"sh\"]", "RUN a | tee log"]);
        let lines = split_lines("CMD [\"sh\"]\t0B\nRUN make\t1.2kB\n");
        let (h, _) = read_custom(&lines, 0).expect("command first, tab");
        assert_eq!(
            h.layers.get(1).and_then(|l| l.size).map(|s| s.bytes),
            Some(1_200)
        );
        // Fields of other shapes on the next line end the history.
        let lines = split_lines("0B;RUN a\nRUN b;2 weeks ago\n");
        assert!(read_custom(&lines, 0).is_none());
        // A space behind an id (`{{.ID}} {{.Size}}`); not in prose.
        let lines = split_lines("3f2e1d0c9b8a 0B\n<missing> 40.1MB\n");
        let (h, _) = read_custom(&lines, 0).expect("id, space, size");
        assert_eq!(
            h.layers.get(1).and_then(|l| l.size).map(|s| s.bytes),
            Some(40_100_000)
        );
        let lines =
            split_lines("8ca4688f4f35 2 weeks ago 0 B\n<missing> About an hour ago 7.63 MB\n");
        let (h, _) = read_custom(&lines, 0).expect("id, created, podman size");
        let second = h.layers.get(1);
        assert_eq!(
            second.and_then(|l| l.size).map(|s| s.bytes),
            Some(7_630_000)
        );
        assert_eq!(
            second.and_then(|l| l.created.clone()).as_deref(),
            Some("About an hour ago")
        );
        let lines = split_lines("the image is 120MB now\nthe old one was 300MB before\n");
        assert!(read_custom(&lines, 0).is_none());
        // `cat -n` line numbers, `docker images` rows, repository names.
        let lines = split_lines("     1\t$ docker history web\n     2\tIMAGE   CREATED\n");
        assert!(read_custom(&lines, 0).is_none());
        let lines = split_lines("node-multi\t331b81a245b1\t678MB\nnode\t075d229d3f48\t679MB\n");
        assert!(read_custom(&lines, 0).is_none());
        let lines = split_lines("node:18\t1.09GB\nalpine:3\t7.3MB\n");
        assert!(read_custom(&lines, 0).is_none());
        // Prose with commas and sizes inside sentences is not a custom format.
        let lines = split_lines("it went from 5MB, then 3MB\nand then, 2MB later\n");
        assert!(read_custom(&lines, 0).is_none());
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
