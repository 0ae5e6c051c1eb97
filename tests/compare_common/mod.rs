//! Test-only helpers shared by the compare/chart tests: a tiny history builder
//! that reads docker-like rows (`CREATED BY | SIZE`) so tests do not depend on
//! the parser, and the demo pair (corpus 000) built with it.

#![allow(dead_code)]

use layerdiff_core::model::{History, Layer, Size};

/// A size as docker prints it: `57.7MB`, `0B`, `745B`, `1.5kB` (3
/// significant digits, read by [`size_cell`]), or a bare count of bytes
/// (`--human=false`), which is exact.
pub fn size(text: &str) -> Size {
    let t = text.trim();
    if let Ok(bytes) = t.parse::<u64>() {
        return Size {
            bytes,
            tolerance: 0,
            exact: true,
        };
    }
    size_cell(t).unwrap_or_else(|| panic!("not a size: {text:?}"))
}

/// Builds a history from rows written newest first, like `docker history`:
/// `id | created_by | size`, where a created_by ending in `…` is truncated and
/// id `-` means `<missing>`.
pub fn history(label: &str, rows: &[(&str, &str, &str)]) -> History {
    let layers = rows
        .iter()
        .map(|(id, created_by, sz)| {
            let truncated = created_by.ends_with('…');
            Layer {
                id: if *id == "-" {
                    None
                } else {
                    Some(id.to_string())
                },
                created_by: created_by.trim_end_matches('…').to_string(),
                truncated,
                size: Some(size(sz)),
                ..Layer::default()
            }
        })
        .collect();
    History {
        label: label.to_string(),
        layers,
        ..History::default()
    }
}

/// Corpus 000, before (`docker history back`, 14 rows).
pub fn demo_before() -> History {
    history(
        "Backend size beforehand",
        &[
            (
                "b1750ffe7b95",
                r#"/bin/sh -c #(nop)  CMD ["/bin/sh" "-c" "npm …"#,
                "0B",
            ),
            ("a55e2245b86c", "/bin/sh -c npm install", "57.7MB"),
            (
                "884fdcdf97ce",
                "/bin/sh -c #(nop) WORKDIR /dir/backend-examp…",
                "0B",
            ),
            (
                "77d332f5d434",
                "/bin/sh -c git clone https://github.com/dock…",
                "394kB",
            ),
            (
                "0331279b4797",
                "/bin/sh -c apt-get install -y nodejs",
                "93.9MB",
            ),
            (
                "6146c99d91b8",
                "/bin/sh -c curl -sL https://deb.nodesource.c…",
                "33.3MB",
            ),
            (
                "c2f984396113",
                "/bin/sh -c apt-get update && apt-get install…",
                "115MB",
            ),
            ("abad9ce24fcb", "/bin/sh -c #(nop)  EXPOSE 8000", "0B"),
            ("32b84b075350", "/bin/sh -c #(nop) WORKDIR /dir", "0B"),
            (
                "b0ef3016420a",
                r#"/bin/sh -c #(nop)  CMD ["/bin/bash"]"#,
                "0B",
            ),
            ("-", "/bin/sh -c mkdir -p /run/systemd && echo 'do…", "7B"),
            ("-", "/bin/sh -c rm -rf /var/lib/apt/lists/*", "0B"),
            ("-", "/bin/sh -c set -xe   && echo '#!/bin/sh' > /…", "745B"),
            (
                "-",
                "/bin/sh -c #(nop) ADD file:7f95be7c8278786d5…",
                "117MB",
            ),
        ],
    )
}

/// Corpus 000, after (9 rows).
pub fn demo_after() -> History {
    history(
        "Backend size afterwards",
        &[
            (
                "7f5f4ff5abce",
                r#"/bin/sh -c #(nop)  CMD ["/bin/sh" "-c" "npm …"#,
                "0B",
            ),
            ("df110fa57e17", "/bin/sh -c #(nop) WORKDIR /app", "0B"),
            ("5efe335867ea", "/bin/sh -c #(nop)  EXPOSE 8000", "0B"),
            (
                "3e535dfd1994",
                "/bin/sh -c apt-get update &&     apt-get ins…",
                "199MB",
            ),
            (
                "b0ef3016420a",
                r#"/bin/sh -c #(nop)  CMD ["/bin/bash"]"#,
                "0B",
            ),
            ("-", "/bin/sh -c mkdir -p /run/systemd && echo 'do…", "7B"),
            ("-", "/bin/sh -c rm -rf /var/lib/apt/lists/*", "0B"),
            ("-", "/bin/sh -c set -xe   && echo '#!/bin/sh' > /…", "745B"),
            (
                "-",
                "/bin/sh -c #(nop) ADD file:7f95be7c8278786d5…",
                "117MB",
            ),
        ],
    )
}

/// A size cell: `57.7MB`, `0B`, `0 B`, `3.58 kB`, `1.1 MiB` (already joined).
fn size_cell(text: &str) -> Option<Size> {
    let t: String = text.split_whitespace().collect();
    let split = t.find(|c: char| c.is_ascii_alphabetic())?;
    let (num, unit) = t.split_at(split);
    if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let mult: f64 = match unit {
        "B" => 1.0,
        "kB" | "KB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        "KiB" => 1024.0,
        "MiB" => 1048576.0,
        "GiB" => 1073741824.0,
        _ => return None,
    };
    let decimals = num.split('.').nth(1).map_or(0, str::len) as i32;
    let value: f64 = num.parse().ok()?;
    let tolerance = if unit == "B" {
        0
    } else {
        (mult / 10f64.powi(decimals) / 2.0).round() as u64
    };
    Some(Size {
        bytes: (value * mult).round() as u64,
        tolerance,
        exact: false,
    })
}

fn is_id(tok: &str) -> bool {
    tok == "<missing>"
        || tok.len() >= 12
            && tok
                .trim_start_matches("sha256:")
                .chars()
                .all(|c| c.is_ascii_hexdigit())
}

/// A test-only reader for the docker/podman *tables* of the corpus pairs used by
/// the comparison fixtures (not a parser: no JSON, no custom formats). CREATED BY
/// starts after `… ago` (or at the header's column); SIZE is the rightmost size-looking
/// cell; `…`/`...` mark truncation. Blank lines and fences end a table.
pub fn read_tables(text: &str) -> Vec<History> {
    let mut out: Vec<History> = Vec::new();
    let mut header_cb: Option<usize> = None;
    let mut current: Option<History> = None;
    let mut last_command = String::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        if line.contains("CREATED BY") {
            if let Some(h) = current.take() {
                out.push(h);
            }
            let byte = line.find("CREATED BY").unwrap_or(0);
            header_cb = Some(line[..byte].chars().count());
            current = Some(History {
                label: last_command.clone(),
                ..History::default()
            });
            continue;
        }
        let first = line.split_whitespace().next().unwrap_or("");
        if !is_id(first) {
            if let Some(h) = current.take() {
                out.push(h);
            }
            if line.contains("history") {
                last_command = line.split_whitespace().last().unwrap_or("").to_string();
            }
            continue;
        }
        // CREATED BY start: after "ago" if there is a CREATED column, else the header's column
        let cb = match line.find(" ago ") {
            Some(at) => {
                let rest = &line[at + 5..];
                let skip = rest.len() - rest.trim_start().len();
                line[..at + 5 + skip].chars().count()
            }
            None => header_cb.unwrap_or(15),
        };
        let tail: String = chars.get(cb..).unwrap_or(&[]).iter().collect();
        // tokens with their char offsets
        let mut toks: Vec<(usize, &str)> = Vec::new();
        let mut pos = 0;
        for t in tail.split(' ') {
            if !t.is_empty() {
                toks.push((pos, t));
            }
            pos += t.chars().count() + 1;
        }
        let mut size = None;
        let mut comment = String::new();
        let mut end = tail.chars().count();
        for k in (0..toks.len()).rev() {
            let (p, t) = toks[k];
            if let Some(s) = size_cell(t) {
                size = Some(s);
                end = p;
                comment = toks[k + 1..]
                    .iter()
                    .map(|x| x.1)
                    .collect::<Vec<_>>()
                    .join(" ");
                break;
            }
            if k > 0 {
                let (p0, t0) = toks[k - 1];
                if let Some(s) = size_cell(&format!("{t0}{t}")) {
                    if t0.chars().all(|c| c.is_ascii_digit() || c == '.') {
                        size = Some(s);
                        end = p0;
                        comment = toks[k + 1..]
                            .iter()
                            .map(|x| x.1)
                            .collect::<Vec<_>>()
                            .join(" ");
                        break;
                    }
                }
            }
        }
        let created_by: String = tail
            .chars()
            .take(end)
            .collect::<String>()
            .trim()
            .to_string();
        let (created_by, truncated) = if let Some(s) = created_by.strip_suffix('…') {
            (s.to_string(), true)
        } else if let Some(s) = created_by.strip_suffix("...") {
            (s.to_string(), true)
        } else {
            (created_by, false)
        };
        let h = current.get_or_insert_with(|| History {
            label: last_command.clone(),
            ..History::default()
        });
        h.layers.push(Layer {
            id: if first == "<missing>" {
                None
            } else {
                Some(first.to_string())
            },
            created_by,
            truncated,
            size,
            comment,
            ..Layer::default()
        });
    }
    if let Some(h) = current.take() {
        out.push(h);
    }
    // a lone id-looking line outside a table (a `docker ps` row) is not a history
    out.retain(|h| h.layers.len() >= 2);
    out
}
