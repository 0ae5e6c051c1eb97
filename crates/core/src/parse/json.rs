//! Reads JSON histories with a streaming `serde_json` deserializer, so that
//! every shape is one code path:
//! - docker `--format json` / `'{{json .}}'`: one object per line, keys
//!   `Comment CreatedAt CreatedBy CreatedSince ID Size`, all strings,
//!   `\u003cmissing\u003e` (docs/formats.md §1.7);
//! - the same through `| jq .`: pretty objects one after another;
//! - podman `--format json`: one array, keys `id created CreatedBy size comment`
//!   with `size` an integer (§3);
//! - the Engine API: an array of `Id Created(int) CreatedBy Size(int) Comment`;
//! - nerdctl: `Snapshot CreatedAt CreatedSince CreatedBy Size Comment` (§4).
//!
//! Values follow each other with only whitespace between; the history ends at
//! the first thing that is not JSON (a closing fence, prose).

use std::ops::Range;

use serde_json::{Map, Value};

use super::layers::strip_mark;
use super::segment::Line;
use super::size::parse_size;
use crate::model::{Dialect, Format, History, Layer, Size};

/// A JSON history and the index of the first line after it.
pub struct JsonHistory {
    /// The history (without label).
    pub history: History,
    /// Index of the line after the last value.
    pub next: usize,
}

/// Index of the line holding byte `offset`.
fn line_index(lines: &[Line<'_>], offset: usize) -> usize {
    lines
        .partition_point(|l| l.offset <= offset)
        .saturating_sub(1)
}

/// Why no JSON history was read at a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonMiss {
    /// Index of the line before which no JSON history can start (so callers
    /// don't retry each line of a large non-history document).
    pub next: usize,
    /// The line did start valid JSON, just not history items (`docker images
    /// --format json`, `docker inspect`).
    pub other_json: bool,
}

/// Tries to read JSON starting at line `start` (`lines` split from `text`).
pub fn read_json(text: &str, lines: &[Line<'_>], start: usize) -> Result<JsonHistory, JsonMiss> {
    let miss = JsonMiss {
        next: lines.len(),
        other_json: false,
    };
    let first = lines.get(start).ok_or(miss)?;
    let base = first.offset + (first.raw.len() - first.raw.trim_start().len());
    let slice = text.get(base..).ok_or(miss)?;
    let mut stream = serde_json::Deserializer::from_str(slice).into_iter::<Value>();
    let mut read = JsonLayers {
        layers: Vec::new(),
        dialect: Dialect::Unknown,
    };
    let mut end_offset = base;
    loop {
        let before = stream.byte_offset();
        let value_start = base
            + before
            + slice
                .get(before..)
                .map_or(0, |s| s.len() - s.trim_start().len());
        let gap = text.get(base + before..value_start).unwrap_or("");
        if !read.layers.is_empty() && has_blank_line(gap) {
            break;
        }
        let Some(Ok(value)) = stream.next() else {
            break;
        };
        let after = base + stream.byte_offset();
        let items = items_of(value, text, lines, value_start..after);
        if !read.add(&items) {
            // A JSON value that is not a history item ends the history.
            if read.layers.is_empty() {
                return Err(JsonMiss {
                    next: line_index(lines, after.saturating_sub(1)).max(start + 1),
                    other_json: true,
                });
            }
            break;
        }
        end_offset = after;
    }
    if read.layers.is_empty() {
        return Err(JsonMiss {
            next: start + 1,
            other_json: false,
        });
    }
    Ok(JsonHistory {
        history: read.into_history(),
        next: line_index(lines, end_offset.saturating_sub(1)) + 1,
    })
}

/// Whether the whitespace between two values holds a blank line: that ends
/// the history (as between tables).
fn has_blank_line(gap: &str) -> bool {
    gap.split('\n').skip(1).any(|l| l.trim().is_empty()) && gap.matches('\n').count() >= 2
}

/// One history item (a JSON object) and the lines it spans.
type JsonItem = (Map<String, Value>, (usize, usize));

/// The history items of one top-level `value` read from `text[at]`: the
/// object itself, or an array's objects (each with its own lines).
fn items_of(value: Value, text: &str, lines: &[Line<'_>], at: Range<usize>) -> Vec<JsonItem> {
    let no = |offset: usize, default: usize| {
        lines
            .get(line_index(lines, offset))
            .map_or(default, |l| l.no)
    };
    let first_line = no(at.start, 0);
    let last_line = no(at.end.saturating_sub(1), first_line);
    match value {
        Value::Object(m) => vec![(m, (first_line, last_line))],
        Value::Array(a) => {
            let spans = text.get(at.clone()).map(element_spans).unwrap_or_default();
            a.into_iter()
                .enumerate()
                .filter_map(|(k, v)| {
                    let span = spans.get(k).map_or((first_line, last_line), |&(s, e)| {
                        (no(at.start + s, first_line), no(at.start + e, first_line))
                    });
                    match v {
                        Value::Object(m) => Some((m, span)),
                        _ => None,
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The layers read so far, and the dialect the first of them showed.
struct JsonLayers {
    layers: Vec<Layer>,
    dialect: Dialect,
}

impl JsonLayers {
    /// Adds the items that are history items; false when none was.
    fn add(&mut self, items: &[JsonItem]) -> bool {
        let before = self.layers.len();
        for (item, span) in items {
            if let Some((layer, d)) = layer_of(item, *span) {
                self.layers.push(layer);
                if self.dialect == Dialect::Unknown {
                    self.dialect = d;
                }
            }
        }
        self.layers.len() > before
    }

    fn into_history(self) -> History {
        let lines = (
            self.layers.first().map_or(0, |l| l.lines.0),
            self.layers.last().map_or(0, |l| l.lines.1),
        );
        History {
            label: String::new(),
            format: Format::Json,
            dialect: self.dialect,
            layers: self.layers,
            lines,
            dropped_layers: 0,
        }
    }
}

/// Byte spans (start, last byte) of the top-level elements of a JSON array
/// text (already known to be valid JSON).
fn element_spans(array: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start: Option<usize> = None;
    let mut last = 0usize;
    for (i, c) in array.char_indices() {
        if in_string {
            last = i;
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '[' | '{' if depth == 0 => depth = 1,
            '[' | '{' => {
                if depth == 1 && start.is_none() {
                    start = Some(i);
                }
                depth += 1;
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(s) = start.take() {
                        spans.push((s, last));
                    }
                } else {
                    last = i;
                }
            }
            ',' if depth == 1 => {
                if let Some(s) = start.take() {
                    spans.push((s, last));
                }
            }
            c if c.is_whitespace() => {}
            c => {
                if depth == 1 && start.is_none() {
                    start = Some(i);
                }
                if c == '"' {
                    in_string = true;
                }
                last = i;
            }
        }
    }
    spans
}

/// The value of the first key that matches one of `names` (case-insensitive).
fn get<'a>(m: &'a Map<String, Value>, names: &[&str]) -> Option<&'a Value> {
    names.iter().find_map(|n| m.get(*n)).or_else(|| {
        m.iter()
            .find(|(k, _)| names.iter().any(|n| k.eq_ignore_ascii_case(n)))
            .map(|(_, v)| v)
    })
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn layer_of(m: &Map<String, Value>, lines: (usize, usize)) -> Option<(Layer, Dialect)> {
    // Every history shape has CreatedBy; `docker images`/`ps` JSON does not.
    let created_by_v = get(m, &["CreatedBy", "created_by", "createdBy"])?;
    let id_v = get(m, &["ID", "Id", "id", "Snapshot"]);
    let size_v = get(m, &["Size", "size"]);
    let dialect = if m.contains_key("Snapshot") {
        Dialect::Nerdctl
    } else if m.contains_key("id") || m.contains_key("size") {
        Dialect::Podman
    } else {
        Dialect::Docker
    };
    let id = id_v.and_then(text_of).filter(|s| {
        let t = s.trim();
        !(t.is_empty() || t == "<missing>" || t == "missing")
    });
    let non_empty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let created = non_empty(get(m, &["CreatedSince"]).and_then(text_of))
        .or_else(|| non_empty(get(m, &["CreatedAt"]).and_then(text_of)))
        .or_else(|| match get(m, &["created", "Created"]) {
            Some(Value::Number(n)) => n.as_i64().map(unix_to_rfc3339),
            Some(Value::String(s)) => non_empty(Some(s.clone())),
            _ => None,
        });
    let (created_by, truncated) = strip_mark(&text_of(created_by_v).unwrap_or_default());
    let size = match size_v {
        Some(Value::Number(n)) => n.as_u64().map(|bytes| Size {
            bytes,
            tolerance: 0,
            exact: true,
        }),
        Some(Value::String(s)) => parse_size(s).ok(),
        _ => None,
    };
    let comment = get(m, &["Comment", "comment"])
        .and_then(text_of)
        .unwrap_or_default();
    Some((
        Layer {
            id,
            created,
            created_by,
            truncated,
            size,
            comment,
            lines,
        },
        dialect,
    ))
}

/// Seconds since 1970 → `YYYY-MM-DDTHH:MM:SSZ` (civil-from-days, proleptic Gregorian).
pub fn unix_to_rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::super::segment::split_lines;
    use super::*;

    fn read(text: &str) -> Option<History> {
        let lines = split_lines(text);
        read_json(text, &lines, 0).ok().map(|j| j.history)
    }

    #[test]
    fn json_lines_with_escaped_missing() {
        let text = r#"{"Comment":"","CreatedAt":"2023-10-25T09:46:05+05:30","CreatedBy":"/bin/bash","CreatedSince":"2 hours ago","ID":"1d9bde2b7a47","Size":"45.2MB"}
{"Comment":"","CreatedAt":"2023-10-05T13:03:32+05:30","CreatedBy":"/bin/sh -c #(nop) ADD file:63d5ab3ef0aab308c…","CreatedSince":"2 weeks ago","ID":"\u003cmissing\u003e","Size":"77.8MB"}
```"#;
        let h = read(text).expect("a history");
        assert_eq!(h.layers.len(), 2);
        let l = h.layers.get(1).expect("second layer");
        assert_eq!(l.id, None);
        assert!(l.truncated);
        assert_eq!(l.created_by, "/bin/sh -c #(nop) ADD file:63d5ab3ef0aab308c");
        assert_eq!(l.size.map(|s| s.bytes), Some(77_800_000));
        assert_eq!(l.created.as_deref(), Some("2 weeks ago"));
        assert_eq!(l.lines, (2, 2));
        assert_eq!(h.dialect, Dialect::Docker);
    }

    #[test]
    fn pretty_objects_one_after_another() {
        let text = "{\n  \"CreatedBy\": \"/bin/sh -c x\",\n  \"ID\": \"<missing>\",\n  \"Size\": \"0B\"\n}\n{\n  \"CreatedBy\": \"y \",\n  \"ID\": \"<missing>\",\n  \"Size\": \"1.9MB\"\n}\nprose after\n";
        let lines = split_lines(text);
        let Ok(j) = read_json(text, &lines, 0) else {
            panic!("no history read")
        };
        assert_eq!(j.history.layers.len(), 2);
        assert_eq!(j.history.layers.get(1).map(|l| l.lines), Some((6, 10)));
        assert_eq!(
            j.history.layers.get(1).map(|l| l.created_by.as_str()),
            Some("y ")
        );
        assert_eq!(j.next, 10);
    }

    #[test]
    fn podman_array_and_engine_api() {
        let podman = r#"[{"id":"<missing>","created":"2023-01-01T00:00:00.5Z","CreatedBy":"/bin/sh -c #(nop) CMD [\"sh\"]","size":0,"comment":"FROM x","Created":"2023-01-01T00:00:00Z"},{"id":"abc","size":1234,"CreatedBy":"ADD"}]"#;
        let h = read(podman).expect("podman");
        assert_eq!(h.dialect, Dialect::Podman);
        assert_eq!(
            h.layers
                .iter()
                .map(|l| l.size.map(|s| (s.bytes, s.exact)))
                .collect::<Vec<_>>(),
            vec![Some((0, true)), Some((1234, true))]
        );
        let api = r#"[{"Id":"sha256:abc","Created":1577999104,"CreatedBy":"/bin/sh","Tags":null,"Size":70810049,"Comment":""}]"#;
        let h = read(api).expect("engine api");
        assert_eq!(
            h.layers.first().and_then(|l| l.created.clone()),
            Some("2020-01-02T21:05:04Z".into())
        );
        assert_eq!(
            h.layers.first().and_then(|l| l.size).map(|s| s.bytes),
            Some(70_810_049)
        );
    }

    #[test]
    fn array_elements_get_their_own_lines() {
        let text = "[\n  {\n    \"id\": \"<missing>\",\n    \"size\": 0,\n    \"CreatedBy\": \"a]}\"\n  },\n  {\n    \"id\": \"abcdef123456\", \"size\": 5, \"CreatedBy\": \"b\"\n  }\n]\n";
        let h = read(text).expect("podman array");
        let spans: Vec<(usize, usize)> = h.layers.iter().map(|l| l.lines).collect();
        assert_eq!(spans, vec![(2, 6), (7, 9)]);
    }

    #[test]
    fn a_blank_line_ends_a_json_history() {
        let one = r#"{"CreatedBy":"a","ID":"<missing>","Size":"0B"}"#;
        let text = format!("{one}\n{one}\n\n{one}\n");
        let lines = split_lines(&text);
        let Ok(j) = read_json(&text, &lines, 0) else {
            panic!("no history read")
        };
        assert_eq!(j.history.layers.len(), 2);
        assert_eq!(j.next, 2);
    }

    #[test]
    fn other_json_is_not_a_history() {
        assert!(read(r#"{"Architecture":"amd64","Os":"linux"}"#).is_none());
        // `docker images --format json`
        let images = r#"{"ID":"3020cb9199c3","Repository":"app","Tag":"latest","Size":"229MB","CreatedSince":"20 hours ago"}"#;
        let lines = split_lines(images);
        assert_eq!(
            read_json(images, &lines, 0).err().map(|m| m.other_json),
            Some(true)
        );
        assert!(read("[8 layers]").is_none());
    }

    #[test]
    fn unix_time() {
        assert_eq!(unix_to_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(unix_to_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
