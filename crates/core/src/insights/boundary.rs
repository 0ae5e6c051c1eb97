//! Where the base image ends in one history: the [`Boundary`] between the
//! rows a base image brought and the author's own rows, and which
//! [`Signal`] decided it.
//!
//! Why: official bases contain `apt-get update`, `rm -rf /var/lib/apt/lists/*`
//! and `chown` rows that are fine; rules about the author's own steps must
//! not read them. Signals, strongest first:
//! 1. podman's `FROM <image>` COMMENT on the first own row;
//! 2. the block of oldest rows both histories of a pair share (the
//!    comparison's base block), when it starts with a root filesystem, the
//!    comparison does not say the base changed, and it is not the whole
//!    image;
//! 3. legacy builder ids: pulled rows read `<missing>`, the base image's top
//!    row and every locally built row above it have an id;
//! 4. a jump in CREATED age (the older row ≥ 1 day and ≥ 2× the newer; the
//!    newest such jump, so a base made of several images stays whole);
//! 5. one switch between legacy-builder rows (`#(nop)`, `/bin/sh -c`) and
//!    BuildKit rows;
//! 6. (ours, after the specification's five) a language image's own last
//!    row: the first `CMD` above its runtime's `ENV <LANG>_VERSION`
//!    (`CMD ["python3"]` above `ENV PYTHON_VERSION`). Without it, a pulled
//!    `python:3.12` whose rows are all "2 weeks ago" read as the author's own
//!    and its cut `apt-get update` rows as possible findings.
//!
//! One refinement: a pair's shared block can run past the base into steps
//! both builds kept unchanged. When a weaker signal (3–6) ends the base
//! lower, that one decides. No signal: every row counts as own.

use super::build::runtime_of;
use crate::compare::is_rootfs;
use crate::instruction::{Instruction, Keyword};
use crate::model::{History, Layer};
use crate::parse::{read_created, Created, TimeUnit};

/// What told where the base image ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    /// podman's `FROM <image>` comment.
    PodmanFrom,
    /// The oldest rows both histories of the pair share.
    SharedBase,
    /// `<missing>` base rows under rows with ids (legacy builder).
    LegacyIds,
    /// A jump in CREATED age.
    CreatedAge,
    /// A switch between legacy-builder and BuildKit rows.
    StyleSwitch,
    /// A language image's `CMD` above its runtime's `ENV <LANG>_VERSION`.
    RuntimeCmd,
    /// Nothing: every row counts as own.
    None,
}

impl Signal {
    /// The JSON value: `podman-from`, `shared-base`, `legacy-ids`,
    /// `created-age`, `style-switch`, `runtime-cmd`, `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            Signal::PodmanFrom => "podman-from",
            Signal::SharedBase => "shared-base",
            Signal::LegacyIds => "legacy-ids",
            Signal::CreatedAge => "created-age",
            Signal::StyleSwitch => "style-switch",
            Signal::RuntimeCmd => "runtime-cmd",
            Signal::None => "none",
        }
    }

    /// Words for people: `podman's FROM comment`, ….
    pub fn describe(self) -> &'static str {
        match self {
            Signal::PodmanFrom => "podman's FROM comment",
            Signal::SharedBase => "the rows both images share",
            Signal::LegacyIds => "the missing ids of pulled rows",
            Signal::CreatedAge => "the jump in CREATED age",
            Signal::StyleSwitch => "the switch between legacy and BuildKit rows",
            Signal::RuntimeCmd => "the language image's own CMD",
            Signal::None => "nothing in the text",
        }
    }
}

/// Where the base image ends in one history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Boundary {
    pub signal: Signal,
    /// How many of the oldest rows belong to the base image.
    pub base_layers: usize,
}

/// The boundary of `history`; `shared` is the pair's shared base block, if any.
pub fn boundary(history: &History, shared: Option<usize>) -> Boundary {
    let oldest: Vec<&Layer> = history.layers.iter().rev().collect();
    let found = |signal: Signal, base_layers: usize| Boundary {
        signal,
        base_layers,
    };
    if let Some(k) = podman_from(&oldest) {
        return found(Signal::PodmanFrom, k);
    }
    let weaker = [
        (Signal::LegacyIds, legacy_ids(&oldest)),
        (Signal::CreatedAge, age_jump(&oldest)),
        (Signal::StyleSwitch, style_switch(&oldest)),
        (Signal::RuntimeCmd, runtime_cmd(&oldest)),
    ];
    let first_weaker = weaker.iter().find_map(|(s, k)| k.map(|k| found(*s, k)));
    let shared = shared
        .filter(|&k| k > 0 && k < oldest.len() && oldest.first().is_some_and(|l| is_rootfs(l)));
    match shared {
        Some(k) => weaker
            .iter()
            .filter_map(|(s, w)| w.filter(|&w| w < k).map(|w| found(*s, w)))
            .min_by_key(|b| b.base_layers)
            .unwrap_or(found(Signal::SharedBase, k)),
        None => first_weaker.unwrap_or(found(Signal::None, 0)),
    }
}

/// podman: the first row whose COMMENT is `FROM <image>` (not a hex id) is
/// the first own row.
fn podman_from(oldest: &[&Layer]) -> Option<usize> {
    oldest.iter().position(|l| {
        l.comment
            .trim()
            .strip_prefix("FROM ")
            .map(str::trim)
            .is_some_and(|p| !p.is_empty() && !p.chars().all(|c| c.is_ascii_hexdigit()))
    })
}

/// Legacy builder: `<missing>` rows at the bottom, then rows that all have
/// ids; the first of those is the base image's own top row. A history with
/// one id only is a pulled image: no signal (BuildKit images look the same).
fn legacy_ids(oldest: &[&Layer]) -> Option<usize> {
    let missing = oldest.iter().take_while(|l| l.id.is_none()).count();
    let rest = oldest.get(missing..)?;
    // BuildKit rows have no ids either; a `docker commit` row (no keyword) may
    let legacy = |l: &Layer| !Instruction::read(&l.created_by, l.truncated).buildkit;
    (missing >= 1 && rest.len() >= 2 && rest.iter().all(|l| l.id.is_some() && legacy(l)))
        .then_some(missing + 1)
}

/// The newest jump in CREATED age: an older row ≥ 1 day old and ≥ 2× as old
/// as the row above it.
fn age_jump(oldest: &[&Layer]) -> Option<usize> {
    let ages: Vec<Option<u64>> = oldest.iter().map(|l| age(l, oldest)).collect();
    (1..ages.len()).rev().find(|&k| {
        match (
            ages.get(k - 1).copied().flatten(),
            ages.get(k).copied().flatten(),
        ) {
            (Some(older), Some(newer)) => older >= DAY && older >= newer.saturating_mul(2),
            _ => false,
        }
    })
}

const DAY: u64 = 86_400;

/// A row's age in seconds: from its relative CREATED, or for timestamps the
/// time before the history's newest row.
fn age(layer: &Layer, all: &[&Layer]) -> Option<u64> {
    let cell = layer.created.as_deref()?;
    match read_created(cell).ok()? {
        Created::Ago { count, unit } => Some(count.saturating_mul(unit_seconds(unit))),
        Created::Timestamp => {
            let newest = all
                .iter()
                .filter_map(|l| l.created.as_deref().and_then(timestamp))
                .max()?;
            Some(newest.saturating_sub(timestamp(cell)?))
        }
        Created::NotAvailable => None,
    }
}

fn unit_seconds(unit: TimeUnit) -> u64 {
    match unit {
        TimeUnit::Second => 1,
        TimeUnit::Minute => 60,
        TimeUnit::Hour => 3_600,
        TimeUnit::Day => DAY,
        TimeUnit::Week => 7 * DAY,
        TimeUnit::Month => 30 * DAY,
        TimeUnit::Year => 365 * DAY,
    }
}

/// Seconds of `YYYY-MM-DD[T ]HH:MM:SS` (the zone ignored: rows of one
/// history share it), counted from year 0 with 31-day months: only
/// differences matter, and a jump needs a whole day.
fn timestamp(cell: &str) -> Option<u64> {
    let t = cell.trim();
    let num = |from: usize, len: usize| -> Option<u64> {
        let s = t.get(from..from + len)?;
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let days = num(0, 4)? * 372 + num(5, 2)? * 31 + num(8, 2)?;
    let secs =
        num(11, 2).unwrap_or(0) * 3_600 + num(14, 2).unwrap_or(0) * 60 + num(17, 2).unwrap_or(0);
    Some(days * DAY + secs)
}

/// The first `CMD` row above the oldest runtime `ENV <LANG>_VERSION` row:
/// the language image's last row.
fn runtime_cmd(oldest: &[&Layer]) -> Option<usize> {
    let env = oldest.iter().position(|l| {
        let step = Instruction::read(&l.created_by, l.truncated);
        step.keyword == Keyword::Env && runtime_of(step.body).is_some()
    })?;
    let cmd = oldest
        .iter()
        .skip(env + 1)
        .position(|l| Instruction::read(&l.created_by, l.truncated).keyword == Keyword::Cmd)?;
    Some(env + 1 + cmd + 1)
}

/// One switch between legacy-builder rows and BuildKit rows (rows of
/// neither kind, such as a root filesystem, do not count).
fn style_switch(oldest: &[&Layer]) -> Option<usize> {
    let styles: Vec<(usize, bool)> = oldest
        .iter()
        .enumerate()
        .filter_map(|(k, l)| {
            let step = Instruction::read(&l.created_by, l.truncated);
            let legacy = step.nop || (step.shell.is_some() && !step.buildkit);
            (step.keyword != Keyword::Other).then_some((k, step.buildkit && !legacy))
        })
        .collect();
    let mut switches = styles.windows(2).filter_map(|w| match w {
        [(_, a), (k, b)] if a != b => Some(*k),
        _ => None,
    });
    let first = switches.next()?;
    switches.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows oldest first: (id, created, created_by, comment).
    fn h(rows: &[(Option<&str>, &str, &str, &str)]) -> History {
        History {
            layers: rows
                .iter()
                .rev()
                .map(|(id, created, by, comment)| Layer {
                    id: id.map(str::to_string),
                    created: (!created.is_empty()).then(|| created.to_string()),
                    created_by: by.to_string(),
                    comment: comment.to_string(),
                    ..Layer::default()
                })
                .collect(),
            ..History::default()
        }
    }

    const ADD: &str = "/bin/sh -c #(nop) ADD file:abc in / ";
    const CMD: &str = "/bin/sh -c #(nop)  CMD [\"bash\"]";

    #[test]
    fn podman_from_comment() {
        let b = boundary(
            &h(&[
                (None, "", ADD, ""),
                (None, "", CMD, ""),
                (
                    None,
                    "",
                    "/bin/sh -c apt-get update",
                    "FROM docker.io/library/debian:12",
                ),
                (None, "", "/bin/sh -c #(nop) WORKDIR /x", "FROM 0a1b2c3d"),
            ]),
            Some(3),
        );
        assert_eq!((b.signal, b.base_layers), (Signal::PodmanFrom, 2));
    }

    #[test]
    fn legacy_ids_and_their_limits() {
        let built = h(&[
            (None, "3 days ago", ADD, ""),
            (Some("b0ef3016420a"), "3 days ago", CMD, ""),
            (Some("c2f984396113"), "2 minutes ago", "/bin/sh -c make", ""),
        ]);
        assert_eq!(boundary(&built, None).base_layers, 2);
        assert_eq!(boundary(&built, None).signal, Signal::LegacyIds);
        // a pulled image (one id) says nothing by ids
        let pulled = h(&[
            (None, "2 weeks ago", ADD, ""),
            (Some("4bb46517cac3"), "10 days ago", CMD, ""),
        ]);
        assert_eq!(boundary(&pulled, None).signal, Signal::None);
    }

    #[test]
    fn created_age_jump_takes_the_newest() {
        let b = boundary(
            &h(&[
                (None, "8 weeks ago", ADD, ""),
                (None, "2 weeks ago", "/bin/sh -c make", ""),
                (None, "2 weeks ago", CMD, ""),
                (None, "5 minutes ago", "RUN /bin/sh -c make # buildkit", ""),
            ]),
            None,
        );
        assert_eq!((b.signal, b.base_layers), (Signal::CreatedAge, 3));
        let stamps = h(&[
            (None, "2019-12-19T07:21:25+03:00", ADD, ""),
            (None, "2020-01-03T00:24:53+03:00", "/bin/sh -c make", ""),
        ]);
        assert_eq!(boundary(&stamps, None).base_layers, 1);
        // less than a day apart: no jump
        let close = h(&[
            (None, "6 minutes ago", ADD, ""),
            (None, "1 minute ago", CMD, ""),
        ]);
        assert_eq!(boundary(&close, None).signal, Signal::None);
    }

    #[test]
    fn style_switch_needs_exactly_one_switch() {
        let one = h(&[
            (None, "", ADD, ""),
            (None, "", CMD, ""),
            (None, "", "WORKDIR /app", ""),
            (None, "", "COPY . . # buildkit", ""),
        ]);
        assert_eq!(
            boundary(&one, None),
            Boundary {
                signal: Signal::StyleSwitch,
                base_layers: 2
            }
        );
        let two = h(&[
            (None, "", CMD, ""),
            (None, "", "WORKDIR /app", ""),
            (None, "", CMD, ""),
        ]);
        assert_eq!(boundary(&two, None).signal, Signal::None);
    }

    #[test]
    fn a_pulled_language_image_ends_at_its_cmd() {
        let pulled = h(&[
            (None, "2 weeks ago", "# debian.sh --arch 'amd64' out/", ""),
            (
                None,
                "2 weeks ago",
                "RUN /bin/sh -c set -eux;  apt-get update;  a",
                "",
            ),
            (None, "2 weeks ago", "ENV PYTHON_VERSION=3.12.4", ""),
            (None, "2 weeks ago", "CMD [\"python3\"]", ""),
        ]);
        assert_eq!(
            boundary(&pulled, None),
            Boundary {
                signal: Signal::RuntimeCmd,
                base_layers: 4
            }
        );
        let own = h(&[
            (None, "", "ENV NODE_VERSION=20", ""),
            (None, "", "CMD [\"node\"]", ""),
            (None, "", "COPY . . # buildkit", ""),
            (None, "", "CMD [\"node\", \"app.js\"]", ""),
        ]);
        assert_eq!(boundary(&own, None).base_layers, 2);
        let nginx = h(&[
            (None, "", "ENV NGINX_VERSION=1", ""),
            (None, "", "CMD [\"nginx\"]", ""),
        ]);
        assert_eq!(boundary(&nginx, None).signal, Signal::None);
    }

    #[test]
    fn the_shared_block_is_capped_by_a_lower_weaker_signal() {
        let hist = h(&[
            (None, "2 months ago", ADD, ""),
            (Some("9c6f07244728"), "2 months ago", CMD, ""),
            (
                Some("337bfa182830"),
                "43 seconds ago",
                "/bin/sh -c apk update",
                "",
            ),
            (
                Some("d3becc16bc0d"),
                "22 seconds ago",
                "/bin/sh -c wget x",
                "",
            ),
            (
                Some("c9cbfddeaaf0"),
                "19 seconds ago",
                "/bin/sh -c cat x",
                "",
            ),
        ]);
        assert_eq!(
            boundary(&hist, Some(4)),
            Boundary {
                signal: Signal::LegacyIds,
                base_layers: 2
            }
        );
        assert_eq!(
            boundary(&hist, Some(2)),
            Boundary {
                signal: Signal::SharedBase,
                base_layers: 2
            }
        );
        // the whole image shared, or no root filesystem at the bottom: not a base block
        assert_eq!(boundary(&hist, Some(5)).signal, Signal::LegacyIds);
        let no_root = h(&[
            (None, "", "EXPOSE 80", ""),
            (None, "", "WORKDIR /a", ""),
            (None, "", "RUN make", ""),
        ]);
        assert_eq!(boundary(&no_root, Some(2)).signal, Signal::None);
    }
}
