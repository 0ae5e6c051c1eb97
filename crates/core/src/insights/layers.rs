//! Rules about how layers stack: a cleanup in a later layer frees nothing
//! (8), a RUN that only changes owner, mode or place stores files twice (9),
//! an archive unpacked in one layer stays in the one that brought it (10),
//! and consecutive small RUNs (17, hygiene: merging alone saves 0 bytes).
//!
//! Layer images are additive: a file deleted or changed in a later layer
//! still takes its bytes in the earlier one. Where a path in the command
//! matches an earlier own layer, the finding points at that layer too.

use super::steps::{doing, Cmd, RuleLayer};
use super::{finding, Confidence, Context, Finding, Rule, Stake, MB};
use crate::instruction::Keyword;

/// Commands that only delete (`rm`, `apt-get clean`, `apk del`, …).
const CLEANUPS: &[(&[&str], &str)] = &[
    (&["apt-get", "apt"], "clean"),
    (&["apt-get", "apt"], "autoclean"),
    (&["apt-get", "apt"], "autoremove"),
    (&["apt-get", "apt"], "purge"),
    (&["apt-get", "apt"], "remove"),
    (&["dnf", "yum", "microdnf"], "clean"),
    (&["dnf", "yum"], "remove"),
    (&["dnf", "yum"], "autoremove"),
    (&["apk"], "del"),
    (&["npm", "yarn"], "cache"),
    (&["pip", "pip3"], "cache"),
    (&["go"], "clean"),
    (&["conda"], "clean"),
];

/// Commands that only rewrite existing files.
const REWRITES: [&str; 5] = ["chown", "chmod", "chgrp", "mv", "cp"];

/// How many earlier layers a rule looks back for the layer that made a file
/// (keeps a 1,000-row paste linear; Dockerfiles are far shorter).
const LOOKBACK: usize = 64;

/// Commands that can leave a file at a path (for pointing at the layer that made it).
const MAKERS: [&str; 7] = ["wget", "curl", "cp", "mv", "chmod", "chown", "git"];

/// Adds rules 8, 9, 10 and 17 for the own steps of `steps` (oldest first).
pub fn check(steps: &[RuleLayer<'_>], ctx: &Context, out: &mut Vec<Finding>) {
    for (k, s) in steps.iter().enumerate() {
        if !s.own || s.keyword != Keyword::Run {
            continue;
        }
        let earlier = steps.get(..k).unwrap_or_default();
        let cmds = s.commands();
        cleanup_later(s, cmds, earlier, out);
        rewrite(s, cmds, earlier, out);
        archive(s, cmds, earlier, out);
    }
    if !ctx.filtered {
        many_runs(steps, out);
    }
}

fn is_cleanup(c: &Cmd<'_>) -> bool {
    matches!(c.prog(), "rm" | "rmdir") || CLEANUPS.iter().any(|(p, sub)| c.sub(p, sub))
}

/// Rule 8: every command of the RUN deletes something.
fn cleanup_later(
    s: &RuleLayer<'_>,
    cmds: &[Cmd<'_>],
    earlier: &[RuleLayer<'_>],
    out: &mut Vec<Finding>,
) {
    let mut doing = doing(cmds).peekable();
    if doing.peek().is_none() || !doing.all(is_cleanup) {
        return;
    }
    let removed: Vec<&str> = cmds
        .iter()
        .filter(|c| c.prog() == "rm")
        .flat_map(|c| c.whole_operands())
        .collect();
    let makers = made(&removed, earlier);
    let confidence = if s.cut {
        Confidence::Possible
    } else {
        Confidence::Definite
    };
    let bytes = match makers.iter().map(|m| m.bytes()).sum::<u64>() {
        0 => Stake::UNKNOWN,
        sum => Stake::upper(sum),
    };
    out.push(finding(
        Rule::CleanupLaterLayer,
        &with(s, &makers),
        confidence,
        bytes,
    ));
}

/// Rule 9: a RUN of `chown`/`chmod`/`mv`/`cp` only, or one as big as the
/// ADD/COPY just before it (when its text allows a rewrite: cut, or with
/// one of those commands); ≥ 1 MB.
fn rewrite(s: &RuleLayer<'_>, cmds: &[Cmd<'_>], earlier: &[RuleLayer<'_>], out: &mut Vec<Finding>) {
    let Some(size) = s.size.filter(|z| z.high() >= MB) else {
        return;
    };
    let rewrites = |c: &Cmd<'_>| REWRITES.contains(&c.prog());
    let mut doing = doing(cmds).peekable();
    let only = doing.peek().is_some() && doing.all(rewrites);
    // equal sizes are evidence only where the text allows a rewrite
    let allows = s.cut || s.no_command || cmds.iter().any(rewrites);
    let prev = earlier.iter().rev().find(|p| p.own && p.bytes() > 0);
    let same = prev.filter(|p| {
        allows
            && (only || matches!(p.keyword, Keyword::Copy | Keyword::Add))
            && p.size
                .is_some_and(|z| z.low() <= size.high() && size.low() <= z.high())
    });
    let (confidence, involved) = match same {
        _ if only && !s.cut => {
            let paths: Vec<&str> = cmds.iter().flat_map(|c| c.whole_operands()).collect();
            (Confidence::Definite, with(s, &made(&paths, earlier)))
        }
        Some(p) => (Confidence::Likely, vec![s, p]),
        None if only => (Confidence::Possible, vec![s]),
        None => return,
    };
    let bytes = match confidence {
        Confidence::Possible => Stake::upper(s.bytes()),
        _ => Stake::estimate(s.bytes()),
    };
    out.push(finding(
        Rule::RewriteDuplicate,
        &involved,
        confidence,
        bytes,
    ));
}

/// Rule 10: an extract or install command after the layer that brought the
/// archive in (named in both: definite; the layer just before is a COPY,
/// ADD or download: likely). The bytes are that layer's.
fn archive(s: &RuleLayer<'_>, cmds: &[Cmd<'_>], earlier: &[RuleLayer<'_>], out: &mut Vec<Finding>) {
    let Some(extract) = cmds.iter().find(|c| extracts(c)) else {
        return;
    };
    if cmds.iter().any(|c| matches!(c.prog(), "wget" | "curl")) {
        return;
    }
    let own = || {
        earlier
            .iter()
            .rev()
            .take(LOOKBACK)
            .filter(|p| p.own && p.bytes() > 0)
    };
    let named = extract
        .whole_operands()
        .into_iter()
        .filter(|w| w.contains('.'))
        .filter_map(|w| w.rsplit('/').next().filter(|n| n.len() >= 4))
        .find_map(|name| own().find(|p| p.body.contains(name)));
    let (source, confidence) = match named {
        Some(p) => (p, Confidence::Definite),
        None => match own().next() {
            Some(p) if brings_files(p) => (p, Confidence::Likely),
            _ => return,
        },
    };
    let bytes = Stake::estimate(source.bytes());
    out.push(finding(Rule::ArchiveLeft, &[source, s], confidence, bytes));
}

/// `tar x…`, `unzip`, `dpkg -i`, `rpm -i`, `./install…`, `sh install.sh`.
fn extracts(c: &Cmd<'_>) -> bool {
    let p = c.prog();
    let args = c.args();
    let flag = |f: &str| args.iter().any(|a| a.starts_with(f));
    match p {
        "tar" => args.iter().enumerate().any(|(k, a)| {
            a.starts_with("--extract")
                || (a.starts_with('-') && !a.starts_with("--") || k == 0) && a.contains('x')
        }),
        "unzip" | "gunzip" => true,
        "dpkg" => flag("-i") || flag("--install"),
        "rpm" => flag("-i") || flag("-U"),
        "sh" | "bash" => c.operands(0).next().is_some_and(|w| w.contains("install")),
        _ => c.prog_word().starts_with("./") && p.contains("install"),
    }
}

/// A COPY/ADD, or a RUN that downloads.
fn brings_files(p: &RuleLayer<'_>) -> bool {
    matches!(p.keyword, Keyword::Copy | Keyword::Add)
        || p.commands()
            .iter()
            .any(|c| matches!(c.prog(), "wget" | "curl"))
}

/// Earlier own layers with bytes that made one of `paths` (oldest first;
/// the nearest [`LOOKBACK`] only).
fn made<'s, 'a>(paths: &[&str], earlier: &'s [RuleLayer<'a>]) -> Vec<&'s RuleLayer<'a>> {
    let paths: Vec<&str> = paths
        .iter()
        .map(|p| p.trim_end_matches(['*', '/']))
        .filter(|p| p.len() >= 4 && (p.contains('/') || p.contains('.')))
        .collect();
    let mut found: Vec<&'s RuleLayer<'a>> = earlier
        .iter()
        .rev()
        .take(LOOKBACK)
        .filter(|e| e.own && e.bytes() > 0)
        .filter(|e| {
            paths.iter().any(|p| match e.keyword {
                Keyword::Copy | Keyword::Add => e.body.contains(p),
                Keyword::Run => e.commands().iter().any(|c| {
                    (MAKERS.contains(&c.prog()) && c.mentions(p))
                        || (p.starts_with("/var/lib/apt/lists")
                            && c.sub(&["apt-get", "apt"], "update"))
                }),
                _ => false,
            })
        })
        .collect();
    found.reverse();
    found
}

/// `s` first, then `others`.
fn with<'s, 'a>(s: &'s RuleLayer<'a>, others: &[&'s RuleLayer<'a>]) -> Vec<&'s RuleLayer<'a>> {
    let mut all = vec![s];
    all.extend_from_slice(others);
    all
}

/// Rule 17: two or more adjacent own RUNs, each whole and of ≤ 2 commands.
/// The finding is about the newest of them.
fn many_runs(steps: &[RuleLayer<'_>], out: &mut Vec<Finding>) {
    let small = |s: &RuleLayer<'_>| {
        s.own && s.is_run() && !s.cut && (1..=2).contains(&doing(s.commands()).count())
    };
    let mut chain: Vec<&RuleLayer<'_>> = Vec::new();
    for s in steps {
        if small(s) {
            chain.push(s);
        } else {
            end_chain(&mut chain, out);
        }
    }
    end_chain(&mut chain, out);
}

fn end_chain(chain: &mut Vec<&RuleLayer<'_>>, out: &mut Vec<Finding>) {
    if chain.len() >= 2 {
        chain.reverse();
        out.push(finding(
            Rule::ManyRunLayers,
            chain,
            Confidence::Definite,
            Stake::exact(0),
        ));
    }
    chain.clear();
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, check_sized, Want};
    use super::Confidence::{Definite, Likely, Possible};
    use super::Rule::*;

    #[test]
    fn cleanup_in_a_later_layer() {
        check(
            &[
                "/bin/sh -c apt-get update",
                "/bin/sh -c rm -rf /var/lib/apt/lists/*",
            ],
            &[
                Want(AptListsKept, 1, Definite),
                Want(CleanupLaterLayer, 0, Definite),
                Want(ManyRunLayers, 0, Definite),
            ],
        );
        check(
            &["RUN /bin/sh -c apt-get clean && rm -rf /tmp/x # buildkit"],
            &[Want(CleanupLaterLayer, 0, Definite)],
        );
        // cleaning up together with work is the fix
        check(
            &["/bin/sh -c make && rm -rf /tmp/x"],
            &[Want(BuildInFinalImage, 0, Definite)],
        );
        check(
            &["/bin/sh -c rm -rf ipinfo_2.0.1_linux_amd…"],
            &[Want(CleanupLaterLayer, 0, Possible)],
        );
    }

    #[test]
    fn rewrites_point_at_what_they_rewrite() {
        let rows = [
            (
                "/bin/sh -c #(nop) COPY file:5f85 in /opt/libc.so.6 ",
                1_900_000,
            ),
            (
                "/bin/sh -c mv /opt/libc.so.6 /opt/libc.so.evil.6",
                1_900_000,
            ),
        ];
        check_sized(&rows, &[Want(RewriteDuplicate, 0, Definite)], |f| {
            assert_eq!(f.layers, [0, 1]);
        });
        // small: nothing
        check_sized(&[("/bin/sh -c chown app .", 0)], &[], |_| {});
        // as big as the COPY just before it, command invisible
        let rows = [
            ("ADD https://x/easy-add /usr/bin/ # buildkit", 8_570_000),
            ("RUN |10 TARGETOS=linux TARGETARCH=amd64 TARG…", 8_570_000),
        ];
        check_sized(&rows, &[Want(RewriteDuplicate, 0, Likely)], |_| {});
    }

    #[test]
    fn archives_left_behind() {
        let rows = [
            (
                "RUN /bin/sh -c wget https://github.com/ipinf… # buildkit",
                4_850_000,
            ),
            ("RUN /bin/sh -c tar zxf ipinfo_2.0.1_linux_am…", 9_360_000),
        ];
        check_sized(&rows, &[Want(ArchiveLeft, 1, Likely)], |f| {
            assert_eq!(f.layers, [1, 0])
        });
        let rows = [
            ("COPY app.tar.gz /tmp/ # buildkit", 50_000_000),
            ("WORKDIR /x", 0),
            (
                "RUN /bin/sh -c tar -xzf /tmp/app.tar.gz -C /x && rm /tmp/app.tar.gz # buildkit",
                60_000_000,
            ),
        ];
        check_sized(&rows, &[Want(ArchiveLeft, 2, Definite)], |_| {});
        // fetched, unpacked and deleted in one RUN: fine
        check(
            &["/bin/sh -c curl -o a.tgz x && tar xzf a.tgz && rm a.tgz"],
            &[],
        );
    }

    #[test]
    fn consecutive_small_runs() {
        check(
            &[
                "/bin/sh -c apk update",
                "/bin/sh -c apk add --no-cache curl",
                "/bin/sh -c #(nop) WORKDIR /a",
                "/bin/sh -c echo a && echo b && echo c",
            ],
            &[
                Want(ApkCache, 3, Definite),
                Want(ManyRunLayers, 2, Definite),
            ],
        );
        // a cut RUN breaks the chain: its command count is unknown
        check(&["/bin/sh -c echo a", "/bin/sh -c echo b…"], &[]);
    }
}
