//! Pastes of kinds the corpus does not hold (`tests/data/parse/u-*.txt`, one
//! line each in `tests/data/parse/README.md` on which rule of docs/formats.md it
//! exercises), each with the reading a careful person makes of it, written
//! beside it here: per history a word of its label, the format, every layer
//! size in printed order; per file the lines that must carry a diagnostic
//! (and no others), and a few CREATED BY / id / created cells.
//!
//! All mismatches are collected and printed as one table before failing.

use std::fmt::Write as _;
use std::path::Path;

use layerdiff_core::model::{Format, Parsed};
use layerdiff_core::parse::parse;

/// One history as a reader sees it: label word (empty: any), format, sizes.
type Want = (&'static str, Format, &'static [u64]);

/// A cell check: (history index, layer index, what, expected text).
type Cell = (usize, usize, &'static str, &'static str);

struct Case {
    file: &'static str,
    histories: &'static [Want],
    /// Lines (1-based) that get a diagnostic; every other line gets none.
    diagnosed: &'static [usize],
    cells: &'static [Cell],
}

const CASES: &[Case] = &[
    Case {
        file: "u-abridged.txt",
        histories: &[
            ("Our image, abridged", Format::Table, &[0, 45_200_000, 77_800_000]),
            ("myapp:slim", Format::Table, &[0, 31_400_000, 1_200_000]),
        ],
        diagnosed: &[5, 15],
        cells: &[
            (0, 1, "id", ""),
            (0, 2, "created_by", "/bin/sh -c #(nop) ADD file:9a1c2e3f in /"),
            (1, 2, "created_by", "COPY . . # buildkit"),
        ],
    },
    Case {
        file: "u-podman-buildkit-tabs.txt",
        histories: &[
            ("shop-api:before", Format::Table, &[0, 1_210_000, 212_000_000, 0, 0, 58_300_000, 0, 18_500_000, 77_800_000]),
            ("shop-api:after", Format::Table, &[0, 0, 0, 1_210_000, 48_700_000, 312, 9_860_000, 4_430, 0, 0, 0, 36, 40_300_000, 0, 3_510_000, 0, 77_800_000]),
        ],
        diagnosed: &[21, 26, 27, 29],
        cells: &[
            // The space before each tab is tabwriter padding to a reader: lost.
            (1, 6, "created_by", "RUN /bin/sh -c set -eux;\tapt-get update; "),
            (1, 6, "truncated", "true"),
            (1, 6, "comment", "buildkit.dockerfile.v0"),
            (1, 11, "created_by", "RUN /bin/sh -c set -eux;\tfor src in idle3"),
            (1, 16, "comment", "debuerreotype 0.15"),
        ],
    },
    Case {
        file: "u-podman-buildkit-tabs-notrunc-spaced.txt",
        histories: &[
            ("shop-api:before", Format::Table, &[0, 1_210_000, 212_000_000, 0, 0, 58_300_000, 0, 18_500_000, 77_800_000]),
            ("shop-api:after", Format::Table, &[0, 0, 0, 1_210_000, 48_700_000, 312, 9_860_000, 4_430, 0, 0, 0, 36, 40_300_000, 0, 3_510_000, 0, 77_800_000]),
        ],
        diagnosed: &[21, 22, 26, 27, 29],
        cells: &[
            (1, 7, "created_by", "RUN /bin/sh -c useradd --create-home app &&\tmkdir -p /app # buildkit"),
            (1, 7, "truncated", "false"),
            (1, 7, "comment", "buildkit.dockerfile.v0"),
        ],
    },
    Case {
        file: "u-csharp-literals.txt",
        histories: &[("", Format::Table, &[0, 38_100_000, 0, 74_800_000])],
        diagnosed: &[5],
        cells: &[
            (0, 0, "created_by", "CMD [\"dotnet\" \"Api.dll\"]"),
            (0, 0, "id", "a6bd71f48f68"),
            (0, 3, "lines", "9-9"),
        ],
    },
    Case {
        file: "u-nerdctl2.txt",
        histories: &[("myapp:slim", Format::Table, &[0, 41_940_000, 1_106_000])],
        diagnosed: &[],
        cells: &[
            (
                0,
                1,
                "created_by",
                "RUN /bin/sh -c pip install --no-cache-dir -",
            ),
            (0, 1, "truncated", "true"),
            (0, 0, "id", "sha256:9f1c7b0e2a3d4c5b6a7980f1e2d3c4b5a…"),
        ],
    },
    Case {
        file: "u-podman1.txt",
        histories: &[("alpine", Format::Table, &[0, 5_862_000, 20_480])],
        diagnosed: &[],
        cells: &[
            (0, 1, "truncated", "true"),
            (
                0,
                1,
                "created_by",
                "/bin/sh -c #(nop) ADD file:fe1f09249227e2d",
            ),
        ],
    },
    Case {
        file: "u-podman-notrunc.txt",
        histories: &[("alpine", Format::Table, &[0, 7_630_000])],
        diagnosed: &[],
        cells: &[
            (
                0,
                0,
                "id",
                "8ca4688f4f356596b5ae539337c9941abc78eaf4c82e7bc60e6e4e9ff2e5f6e1",
            ),
            (0, 1, "comment", "FROM docker.io/library/alpine:3.18"),
        ],
    },
    Case {
        file: "u-human-false-1706.txt",
        histories: &[("nginx", Format::Table, &[0, 0, 55_251_225])],
        diagnosed: &[],
        cells: &[(0, 2, "created", "3 weeks"), (0, 2, "exact", "true")],
    },
    Case {
        file: "u-na-created-52y.txt",
        histories: &[("reproducible", Format::Table, &[0, 12_400_000, 2_100_000])],
        diagnosed: &[],
        cells: &[
            (0, 0, "created", "52 years ago"),
            (0, 2, "created", "N/A"),
            (0, 2, "created_by", "bazel build //cmd:app"),
        ],
    },
    Case {
        file: "u-engine-api.txt",
        histories: &[("", Format::Json, &[0, 7_326_527])],
        diagnosed: &[1],
        cells: &[(0, 1, "id", "")],
    },
    Case {
        file: "u-podman-json.txt",
        histories: &[("alpine", Format::Json, &[0, 7_634_944])],
        diagnosed: &[],
        cells: &[
            (0, 1, "id", ""),
            (0, 1, "comment", "FROM docker.io/library/alpine:3.18"),
        ],
    },
    Case {
        file: "u-nerdctl-json.txt",
        histories: &[("alpine", Format::Json, &[7_631_000, 0])],
        diagnosed: &[],
        cells: &[(0, 0, "created", "3 months ago"), (0, 1, "id", "")],
    },
    Case {
        file: "u-windows.txt",
        histories: &[(
            "myiis",
            Format::Table,
            &[41_000, 112_000_000, 5_700_000_000, 3_460_000_000],
        )],
        diagnosed: &[],
        cells: &[
            (0, 0, "created_by", "cmd /S /C #(nop)  EXPOSE 80"),
            (0, 1, "truncated", "true"),
            (0, 3, "created_by", "Apply image 10.0.17763.1"),
        ],
    },
    Case {
        file: "u-odd-units.txt",
        histories: &[("app", Format::Table, &[1_000_000, 3_200, 1_536])],
        diagnosed: &[],
        cells: &[],
    },
    Case {
        file: "u-gh-quote.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000])],
        diagnosed: &[],
        cells: &[(0, 1, "created_by", "RUN /bin/sh -c npm ci # buildkit")],
    },
    Case {
        file: "u-html-pre.txt",
        histories: &[("", Format::Table, &[0, 40_100_000])],
        diagnosed: &[],
        cells: &[
            (0, 0, "created_by", "CMD [\"node\" \"server.js\"]"),
            (0, 1, "id", ""),
            (
                0,
                1,
                "created_by",
                "RUN /bin/sh -c npm ci && rm -rf /tmp # buil",
            ),
        ],
    },
    Case {
        file: "u-slack-collapsed.txt",
        histories: &[("", Format::Table, &[0, 40_100_000, 5_600_000, 1_200])],
        // Every row is read by shape and says so; the closing question is prose.
        diagnosed: &[3, 4, 5, 6, 7],
        cells: &[
            (0, 3, "created", "About an hour ago"),
            (0, 3, "comment", "FROM docker.io/library/node:18"),
            (0, 2, "truncated", "true"),
        ],
    },
    Case {
        file: "u-prompt-noise.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000])],
        diagnosed: &[5],
        cells: &[],
    },
    Case {
        file: "u-side-by-side-blank.txt",
        histories: &[
            ("", Format::Table, &[0, 40_100_000]),
            ("", Format::Table, &[0, 12_300_000]),
        ],
        diagnosed: &[],
        cells: &[],
    },
    Case {
        file: "u-then-images.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000])],
        diagnosed: &[5],
        cells: &[],
    },
    Case {
        // Commands only, one per line: nothing in a line has the shape of an
        // id, a CREATED or a SIZE cell, so this is not a history (unlike 064,
        // whose lines start with ids). The paste gets the "expected …" error.
        file: "u-createdby-only.txt",
        histories: &[],
        diagnosed: &[0],
        cells: &[],
    },
    Case {
        // `--quiet`: ids only, no sizes — not a history; each id line noted.
        file: "u-quiet.txt",
        histories: &[],
        diagnosed: &[0, 2, 3, 4],
        cells: &[],
    },
    Case {
        file: "u-crlf-tabs.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000])],
        diagnosed: &[],
        cells: &[(0, 1, "comment", "buildkit.dockerfile.v0")],
    },
    Case {
        file: "u-ansi.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000])],
        diagnosed: &[],
        cells: &[(0, 1, "comment", "buildkit.dockerfile.v0")],
    },
    Case {
        file: "u-zero-long-comment.txt",
        histories: &[("", Format::Table, &[0, 77_800_000])],
        diagnosed: &[],
        cells: &[(
            0,
            0,
            "comment",
            "hotfix: added debug tools by hand, do not ship this image to prod",
        )],
    },
    Case {
        file: "u-bom.txt",
        histories: &[("", Format::Table, &[0, 40_100_000])],
        diagnosed: &[],
        cells: &[(0, 0, "id", "3f2e1d0c9b8a")],
    },
    Case {
        file: "u-custom-sep.txt",
        histories: &[
            ("before", Format::Custom, &[0, 40_100_000, 5_600_000]),
            ("after", Format::Custom, &[0, 12_300_000]),
        ],
        diagnosed: &[],
        cells: &[
            (0, 1, "created_by", "RUN /bin/sh -c npm ci # buildkit"),
            (1, 0, "id", "3f2e1d0c9b8a"),
            (1, 1, "id", ""),
        ],
    },
    Case {
        file: "u-custom-tab.txt",
        histories: &[("app", Format::Custom, &[0, 40_100_000])],
        diagnosed: &[],
        cells: &[(0, 0, "created_by", "CMD [\"node\" \"server.js\"]")],
    },
    Case {
        file: "u-wrapped80.txt",
        histories: &[("app", Format::Table, &[0, 312_000_000, 77_800_000])],
        diagnosed: &[],
        cells: &[
            (0, 1, "created_by", "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git openssh-client python3 python3-pip build-essential && pip3 install --no-cache-dir awscli==1.29.0 boto3==1.28.0 && apt-get purge -y build-essential && rm -rf /var/lib/apt/lists/* # buildkit"),
            (0, 0, "comment", "buildkit.dockerfile.v0"),
            (0, 2, "created", "3 weeks ago"),
        ],
    },
    Case {
        file: "u-wrapped120.txt",
        histories: &[("app", Format::Table, &[0, 312_000_000, 77_800_000])],
        diagnosed: &[],
        cells: &[
            (0, 0, "id", "sha256:3f2e1d0c9b8a7f6e5d4c3b2a19087f6e5d4c3b2a19087f6e5d4c3b2a1908aabb"),
            (0, 2, "created_by", "/bin/sh -c #(nop) ADD file:5f0439d8328ab58c0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef in /"),
        ],
    },
    Case {
        // Pieces lost their trailing spaces (a copy that trims lines): the
        // header's own wrap is read as before, rows are joined piece by piece,
        // each join said.
        file: "u-wrapped-trimmed.txt",
        histories: &[("app", Format::Table, &[0, 98_200_000, 0, 74_800_000])],
        diagnosed: &[4, 7, 10, 12],
        cells: &[
            (0, 0, "comment", "buildkit.dockerfile.v0"),
            (0, 1, "created_by", "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git && rm -rf /var/lib/apt/lists/* # buildkit"),
            (0, 1, "comment", "buildkit.dockerfile.v0"),
            (0, 3, "created_by", "/bin/sh -c #(nop) ADD file:5f0439d8328ab58c0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678abcdef in /"),
        ],
    },
    Case {
        // The default table in an 80-column terminal: every row cut once,
        // mid-SIZE (`4` / `0.1MB`); pieces keep their spaces.
        file: "u-wrap80-default.txt",
        histories: &[("app", Format::Table, DEFAULT_WRAPPED)],
        diagnosed: &[],
        cells: &[
            (0, 1, "created_by", "RUN /bin/sh -c npm ci --omit=dev # buildkit"),
            (0, 1, "comment", "buildkit.dockerfile.v0"),
            (0, 4, "truncated", "true"),
        ],
    },
    Case {
        // 70 columns, trailing spaces trimmed: some cuts fall in padding.
        file: "u-wrap70-default-trimmed.txt",
        histories: &[("app", Format::Table, DEFAULT_WRAPPED)],
        diagnosed: &[4, 6, 8, 10, 12],
        cells: &[
            (0, 1, "created_by", "RUN /bin/sh -c npm ci --omit=dev # buildkit"),
            (0, 2, "comment", "buildkit.dockerfile.v0"),
        ],
    },
    Case {
        // 100 columns, trimmed: only the COMMENT is cut.
        file: "u-wrap100-default-trimmed.txt",
        histories: &[("app", Format::Table, DEFAULT_WRAPPED)],
        diagnosed: &[],
        cells: &[(0, 0, "comment", "buildkit.dockerfile.v0")],
    },
    Case {
        file: "u-collapsed-comment-spaces.txt",
        histories: &[("", Format::Table, &[10_500_000, 0, 74_800_000])],
        diagnosed: &[2, 3, 4],
        cells: &[
            (0, 0, "created", "About a minute ago"),
            (0, 0, "created_by", "RUN /bin/sh -c dd if=/dev/zero of=/f bs=1M count=10 # buildkit"),
            (0, 1, "created_by", "/bin/sh -c #(nop) EXPOSE 80"),
            (0, 2, "comment", "debuerreotype 0.17"),
        ],
    },
    Case {
        file: "u-collapsed-human-false.txt",
        histories: &[("", Format::Table, &[10_500_000, 0])],
        diagnosed: &[2, 3],
        cells: &[
            (0, 0, "exact", "true"),
            (0, 1, "created_by", "/bin/sh -c #(nop) EXPOSE 8080"),
        ],
    },
    Case {
        file: "u-table-since-size.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000, 5_600_000])],
        diagnosed: &[],
        cells: &[(0, 2, "created", "3 weeks ago")],
    },
    Case {
        file: "u-custom-id-space-size.txt",
        histories: &[("app", Format::Custom, &[0, 40_100_000, 5_600_000])],
        diagnosed: &[],
        cells: &[(0, 0, "id", "3f2e1d0c9b8a"), (0, 1, "id", "")],
    },
    Case {
        // Copied from a rendered page: `<missing>` eaten as a tag, runs of
        // spaces collapsed. Rows read by shape, the blank ids noted.
        file: "u-rendered-missing-gone-collapsed.txt",
        histories: &[("", Format::Table, &[0, 45_200_000, 74_800_000])],
        diagnosed: &[4, 5, 6],
        cells: &[
            (0, 1, "id", ""),
            (0, 1, "created", "2 hours ago"),
            (0, 1, "created_by", "RUN /bin/sh -c pip install -r requirements.txt # buildkit"),
        ],
    },
    Case {
        file: "u-details-console.txt",
        histories: &[("ghcr.io/org/app:1.2.3", Format::Table, &[0, 21_300_000, 2_100_000])],
        diagnosed: &[],
        cells: &[],
    },
    Case {
        // podman 2.0–4.5 sizes have a space (`7.63 MB`) even in a custom format.
        file: "u-podman-custom-space.txt",
        histories: &[("myimg", Format::Custom, &[0, 7_630_000])],
        diagnosed: &[],
        cells: &[(0, 1, "created_by", "/bin/sh -c #(nop) ADD file:756183bba9c7f in /")],
    },
    Case {
        // docker ≤ 17.03 / ≤ 1.12 sizes (`0 B`, `1.819 kB`) after collapsing.
        file: "u-collapsed-old-spaced-units.txt",
        histories: &[("", Format::Table, &[0, 58_300_000, 1_819])],
        diagnosed: &[2, 3, 4],
        cells: &[(0, 0, "created_by", "/bin/sh -c #(nop) EXPOSE 80/tcp")],
    },
    Case {
        // Double-width characters: docker pads by display width, so the
        // cells after them sit fewer characters to the right.
        file: "u-cjk-wide-chars.txt",
        histories: &[("", Format::Table, &[18, 0, 7_300_000])],
        diagnosed: &[],
        cells: &[
            (0, 0, "created_by", "RUN /bin/sh -c echo \"你好，世界\" > /hello.txt #"),
            (0, 0, "truncated", "true"),
            (0, 1, "created_by", "LABEL maintainer=张三"),
        ],
    },
    Case {
        // `docker image inspect` JSON has no history in it.
        file: "u-inspect-rootfs.txt",
        histories: &[],
        diagnosed: &[0, 2],
        cells: &[],
    },
    Case {
        // Rows as wide as the widest line, then prose with no blank line:
        // the prose is not glued to the last COMMENT (no wrap shown).
        file: "u-prose-right-after-full-width-rows.txt",
        histories: &[("", Format::Table, &[0, 40_100_000, 1_200])],
        diagnosed: &[5],
        cells: &[(0, 2, "comment", "buildkit.dockerfile.v0")],
    },
    Case {
        // An author elided rows with a `...` line; two labelled tables.
        file: "u-elided-rows-before-after.txt",
        histories: &[
            ("Before", Format::Table, &[312_000_000, 74_800_000]),
            ("After", Format::Table, &[12_400_000, 7_300_000]),
        ],
        diagnosed: &[5],
        cells: &[(0, 0, "comment", "buildkit.dockerfile.v0")],
    },
    Case {
        // `table` format with CREATED AT but human sizes, CREATED BY last.
        file: "u-table-createdat-human-sizes.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000, 5_600_000])],
        diagnosed: &[],
        cells: &[
            (0, 0, "created", "2024-05-01T10:00:00+02:00"),
            (0, 2, "created_by", "/bin/sh -c #(nop) ADD file:abc in /"),
        ],
    },
    Case {
        // Corpus 044 in an 80-column terminal: only one row is cut, in the
        // middle of its SIZE (`11.66 ` / `MB`); the `docker images` header too.
        file: "u-wrap80-one-row-cut-in-size.txt",
        histories: &[("my/ping", Format::Table, &[0, 11_660_000, 128_000_000])],
        diagnosed: &[4, 14],
        cells: &[(0, 1, "created_by", "/bin/sh -c apt-get install ping")],
    },
    Case {
        // Corpus 064 (`{{.ID}}: {{.CreatedSince}}`) with a terminal's colour
        // codes around every line.
        file: "u-ansi-custom-format.txt",
        histories: &[("busybox", Format::Custom, &[0, 0])],
        diagnosed: &[],
        cells: &[(0, 0, "id", "f6e427c148a7"), (0, 1, "created", "4 weeks ago")],
    },
    Case {
        // Corpus 034 (`--format json` lines) cut by an 80-column terminal:
        // every object over two or three lines, mid-string.
        file: "u-wrap80-json-lines.txt",
        histories: &[(
            "25octubuntu",
            Format::Json,
            &[45_200_000, 0, 77_800_000, 0, 0, 0, 0],
        )],
        diagnosed: &[],
        cells: &[(0, 0, "created_by", "/bin/bash"), (0, 2, "id", "")],
    },
    Case {
        // Corpus 070 (`| jq .` objects, `--no-trunc`) at 120 columns: long
        // `CreatedBy` strings cut.
        file: "u-wrap120-json-pretty.txt",
        histories: &[(
            "",
            Format::Json,
            &[0, 0, 1_900_000, 14_400, 204_000, 1_900_000, 14_400, 0, 77_800_000],
        )],
        diagnosed: &[],
        cells: &[(0, 0, "created_by", "/bin/sh -c rm /lib/x86_64-linux-gnu/libc.so.evil.6")],
    },
    Case {
        // Corpus 017 (`| grep RUN` rows, no header) through `cat -n`.
        file: "u-catn-headerless-grep.txt",
        histories: &[
            (
                "frontend",
                Format::Headerless,
                &[0, 334_000, 6_380_000, 8_680_000, 336_000_000],
            ),
            ("backend", Format::Headerless, &[332_000, 238_000, 146_000_000]),
            ("frontend", Format::Headerless, &[352_000_000]),
            ("backend", Format::Headerless, &[146_000_000]),
        ],
        // The two `docker images` tables in the same fences.
        diagnosed: &[17, 33],
        cells: &[],
    },
    Case {
        // Corpus 034 (JSON lines) in a CI log: a timestamp before every line.
        file: "u-ci-timestamps-json-lines.txt",
        histories: &[(
            "25octubuntu",
            Format::Json,
            &[45_200_000, 0, 77_800_000, 0, 0, 0, 0],
        )],
        diagnosed: &[],
        cells: &[(0, 0, "created_by", "/bin/bash")],
    },
    Case {
        // Markdown source that escapes the tag: `\<missing\>`.
        file: "u-markdown-escaped-missing.txt",
        histories: &[("app", Format::Table, &[0, 40_100_000, 5_600_000])],
        diagnosed: &[],
        cells: &[(0, 1, "id", ""), (0, 2, "created_by", "/bin/sh -c #(nop) ADD file:abc in /")],
    },
    Case {
        // `--human=false` bytes retyped with thousands separators.
        file: "u-human-false-thousands-separators.txt",
        histories: &[("", Format::Table, &[0, 70_810_049])],
        diagnosed: &[],
        cells: &[(0, 1, "exact", "true"), (0, 1, "created_by", "/bin/sh -c apt-get update")],
    },
    Case {
        // A pager's `(END)` after the table.
        file: "u-less-end.txt",
        histories: &[("", Format::Table, &[0, 40_100_000])],
        diagnosed: &[4],
        cells: &[],
    },
    Case {
        // A Windows console copy: every line padded to 80 columns (prompt and
        // blank lines too), the table cut at 80.
        file: "u-conhost-padded-80.txt",
        histories: &[("app", Format::Table, DEFAULT_WRAPPED)],
        // The closing prompt sits after a (padded) blank line: not noted.
        diagnosed: &[],
        cells: &[(0, 1, "created_by", "RUN /bin/sh -c npm ci --omit=dev # buildkit")],
    },
];

/// The sizes of the default table the `u-wrap*-default*` pastes cut.
const DEFAULT_WRAPPED: &[u64] = &[0, 40_100_000, 1_200, 0, 5_600_000];

/// The text of one cell of a layer, for the cell checks.
fn cell(parsed: &Parsed, h: usize, l: usize, what: &str) -> Option<String> {
    let layer = parsed.histories.get(h)?.layers.get(l)?;
    Some(match what {
        "id" => layer.id.clone().unwrap_or_default(),
        "created" => layer.created.clone().unwrap_or_default(),
        "created_by" => layer.created_by.clone(),
        "comment" => layer.comment.clone(),
        "truncated" => layer.truncated.to_string(),
        "exact" => layer.size.is_some_and(|s| s.exact).to_string(),
        "lines" => format!("{}-{}", layer.lines.0, layer.lines.1),
        _ => return None,
    })
}

/// A hard-wrapped row spans all the lines its pieces came from.
#[test]
fn wrapped_rows_span_their_pieces() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/parse");
    let text = std::fs::read_to_string(dir.join("u-wrapped80.txt")).expect("fixture is readable");
    let parsed = parse(&text);
    let spans: Vec<(usize, usize)> = parsed
        .histories
        .iter()
        .flat_map(|h| h.layers.iter().map(|l| l.lines))
        .collect();
    assert_eq!(spans, vec![(7, 12), (13, 18), (19, 23)]);
}

#[test]
fn unseen_kinds_read_as_a_reader_sees_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/parse");
    let mut report = String::new();
    for case in CASES {
        let text = std::fs::read_to_string(dir.join(case.file)).expect("fixture is readable");
        let parsed = parse(&text);
        let got: Vec<(String, Format, Vec<u64>)> = parsed
            .histories
            .iter()
            .map(|h| {
                let sizes = h.layers.iter().map(|l| l.size.map_or(0, |s| s.bytes));
                (h.label.clone(), h.format, sizes.collect())
            })
            .collect();
        let same = got.len() == case.histories.len()
            && got.iter().zip(case.histories).all(|(g, w)| {
                g.0.to_lowercase().contains(&w.0.to_lowercase()) && g.1 == w.1 && g.2 == w.2
            });
        if !same {
            let _ = writeln!(
                report,
                "| {} | histories | {:?} | {got:?} |",
                case.file, case.histories
            );
        }
        let mut lines: Vec<usize> = parsed.diagnostics.iter().map(|d| d.line).collect();
        lines.dedup();
        if lines != case.diagnosed {
            let said: Vec<String> = parsed
                .diagnostics
                .iter()
                .map(|d| format!("L{} {}", d.line, d.message))
                .collect();
            let _ = writeln!(
                report,
                "| {} | diagnosed lines | {:?} | {lines:?}: {said:?} |",
                case.file, case.diagnosed
            );
        }
        for &(h, l, what, want) in case.cells {
            let got = cell(&parsed, h, l, what);
            if got.as_deref() != Some(want) {
                let _ = writeln!(
                    report,
                    "| {} | history {h} layer {l} {what} | {want:?} | {got:?} |",
                    case.file
                );
            }
        }
    }
    assert!(
        report.is_empty(),
        "| file | what | expected | got |\n|---|---|---|---|\n{report}"
    );
}
