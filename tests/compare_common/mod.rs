//! Test-only helpers shared by the compare/chart tests: a tiny history builder
//! that reads docker-like rows (`CREATED BY | SIZE`) so tests do not depend on
//! the parser, and the demo pair (corpus 000) built with it.

#![allow(dead_code)]

use layerdiff::core::model::{History, Layer, Size};

/// A size as docker prints it: `57.7MB`, `0B`, `745B`, `1.5kB` (3 significant digits).
pub fn size(text: &str) -> Size {
    let t = text.trim();
    let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let mult: f64 = match unit {
        "" => {
            let bytes: u64 = num.parse().unwrap_or(0);
            return Size {
                bytes,
                tolerance: 0,
                exact: true,
            };
        }
        "B" => 1.0,
        "kB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        _ => 1.0,
    };
    let decimals = num.split('.').nth(1).map_or(0, str::len) as i32;
    let value: f64 = num.parse().unwrap_or(0.0);
    let bytes = (value * mult).round() as u64;
    let step = mult / 10f64.powi(decimals);
    let tolerance = if unit == "B" {
        0
    } else {
        (step / 2.0).round() as u64
    };
    Size {
        bytes,
        tolerance,
        exact: false,
    }
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
