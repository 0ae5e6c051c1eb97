//! Rules 1–7: package managers that leave caches, indexes, recommended or
//! development packages in the image (apt, apk, dnf/yum, pip, npm).
//!
//! Two shapes of "something is missing":
//! - a **cleanup** in the same RUN (apt lists, apk index, dnf cache, npm
//!   cache): a cut RUN may clean up after the cut, so it is `possible`,
//!   unless the visible tail already starts the cleanup (then nothing);
//! - a **flag** on the command itself (`--no-install-recommends`,
//!   `--no-cache-dir`, `--omit=dev`): only the cut command may still get it,
//!   so a whole command without it is `definite` even in a cut RUN.
//!
//! All of them read own RUNs only.

use super::steps::{doing, Cmd, RuleLayer};
use super::{finding, Confidence, Finding, Rule, Stake, MB};
use crate::instruction::Keyword;

const APT: &[&str] = &["apt-get", "apt"];
const DNF: &[&str] = &["dnf", "yum", "microdnf"];
/// A typical apt package list or dnf cache (30–50 MB seen).
const LISTS: u64 = 40 * MB;
/// A typical apk index.
const APK_INDEX: u64 = 2_500_000;

const APT_CLEAN: &[(&str, &str)] = &[("rm", "/var/lib/apt/lists")];
const APK_CLEAN: &[(&str, &str)] = &[("rm", "/var/cache/apk")];
const DNF_CLEAN: &[(&str, &str)] = &[
    ("dnf", "clean"),
    ("yum", "clean"),
    ("microdnf", "clean"),
    ("rm", "/var/cache/dnf"),
    ("rm", "/var/cache/yum"),
];
const NPM_CLEAN: &[(&str, &str)] = &[
    ("npm", "cache"),
    ("rm", "/root/.npm"),
    ("rm", "~/.npm"),
    ("rm", "$HOME/.npm"),
];

/// Adds the findings of rules 1–7 for the own RUNs of `steps` (oldest first).
pub fn check(steps: &[RuleLayer<'_>], out: &mut Vec<Finding>) {
    // set by an earlier ENV row: `PIP_NO_CACHE_DIR`, `NODE_ENV=production`
    let (mut pip_env, mut node_env) = (false, false);
    for s in steps {
        pip_env |= sets_env(s, "PIP_NO_CACHE_DIR");
        node_env |= sets_env(s, "NODE_ENV=production");
        if !s.own || !s.is_run() {
            continue;
        }
        let cmds = s.commands();
        let mut add =
            |rule: Rule, judged: Option<Confidence>, bytes: &dyn Fn(Confidence) -> Stake| {
                if let Some(c) = judged {
                    out.push(finding(rule, &[s], c, bytes(c)));
                }
            };
        let big = s.size.is_none_or(|z| z.high() >= MB);
        let apt_update = |c: &Cmd<'_>| c.sub(APT, "update");
        let lists = big
            .then(|| cleanup(cmds, s.cut, apt_update, APT_CLEAN))
            .flatten();
        add(Rule::AptListsKept, lists, &|c| {
            only(cmds, apt_update, s, c, s.bytes().min(LISTS))
        });
        let recommends = flag(cmds, |c| {
            c.sub(APT, "install")
                && !c.has("--no-install-recommends")
                && !c.mentions("Install-Recommends=")
        });
        add(Rule::AptRecommends, recommends, &|_| Stake::UNKNOWN);
        let apk_update = |c: &Cmd<'_>| c.sub(&["apk"], "update");
        let apk = cleanup(
            cmds,
            s.cut,
            |c| apk_update(c) || (c.sub(&["apk"], "add") && !c.has("--no-cache")),
            APK_CLEAN,
        );
        add(Rule::ApkCache, apk, &|c| {
            only(cmds, apk_update, s, c, s.bytes().min(APK_INDEX))
        });
        let dnf = big.then(|| cleanup(cmds, s.cut, |c| c.sub(DNF, "install"), DNF_CLEAN));
        add(Rule::DnfYumCache, dnf.flatten(), &|c| {
            sized(c, s.bytes().min(LISTS), s)
        });
        let pip = flag(cmds, |c| {
            pip_install(c) && !c.has("--no-cache-dir") && !c.mentions("PIP_NO_CACHE_DIR")
        });
        add(Rule::PipCache, pip.filter(|_| !pip_env), &|_| {
            Stake::UNKNOWN
        });
        let production = node_env
            || cmds
                .iter()
                .any(|c| c.sub(&["npm"], "prune") && production_flag(c));
        let dev = flag(cmds, |c| whole_install(c) && !production_flag(c));
        add(Rule::NpmDevDeps, dev.filter(|_| !production), &|_| {
            Stake::UNKNOWN
        });
        let npm = cleanup(cmds, s.cut, npm_install, NPM_CLEAN);
        add(Rule::NpmCache, npm, &|_| Stake::UNKNOWN);
    }
}

/// A "cleanup is missing" rule: `offends` ran and no `cleanups` did; cut
/// RUNs are `possible` unless their tail starts a cleanup.
fn cleanup(
    cmds: &[Cmd<'_>],
    cut: bool,
    offends: impl Fn(&Cmd<'_>) -> bool,
    cleanups: &[(&str, &str)],
) -> Option<Confidence> {
    let cleaned = |c: &Cmd<'_>| cleanups.iter().any(|(p, a)| c.does(p, a) || c.starts(p, a));
    if !cmds.iter().any(offends) || cmds.iter().any(cleaned) {
        return None;
    }
    Some(if cut {
        Confidence::Possible
    } else {
        Confidence::Definite
    })
}

/// A "flag is missing" rule: a whole offending command is definite, a cut
/// one (the flag may follow) possible.
fn flag(cmds: &[Cmd<'_>], offends: impl Fn(&Cmd<'_>) -> bool) -> Option<Confidence> {
    let mut found = cmds.iter().filter(|c| offends(c));
    let first = found.next()?;
    Some(if !first.cut || found.any(|c| !c.cut) {
        Confidence::Definite
    } else {
        Confidence::Possible
    })
}

/// Bytes of an index rule: the whole layer when the RUN did nothing else
/// (exact), else a typical `estimate`; at most the layer when cut.
fn only(
    cmds: &[Cmd<'_>],
    index_only: impl Fn(&Cmd<'_>) -> bool,
    s: &RuleLayer<'_>,
    c: Confidence,
    estimate: u64,
) -> Stake {
    if doing(cmds).all(index_only) && s.size.is_some() && c == Confidence::Definite {
        Stake::exact(s.bytes())
    } else {
        sized(c, estimate, s)
    }
}

/// An estimate, or up to the layer for a cut RUN; unknown without a size.
fn sized(c: Confidence, estimate: u64, s: &RuleLayer<'_>) -> Stake {
    match (c, s.size) {
        (_, None) => Stake::UNKNOWN,
        (Confidence::Possible, _) => Stake::upper(s.bytes()),
        _ => Stake::estimate(estimate),
    }
}

/// Whether `s` is an `ENV` row that sets `what` (`NODE_ENV=production`,
/// also in the legacy `ENV NODE_ENV production` form).
fn sets_env(s: &RuleLayer<'_>, what: &str) -> bool {
    s.keyword == Keyword::Env && (s.body.contains(what) || s.body.replace(' ', "=").contains(what))
}

/// `pip install`, `pip3 install`, `python -m pip install`.
pub(super) fn pip_install(c: &Cmd<'_>) -> bool {
    let p = c.prog();
    ((p == "pip" || p.starts_with("pip3")) && c.sub(&[p], "install"))
        || (p.starts_with("python") && c.has("pip") && c.has("install"))
}

/// npm/yarn/pnpm installing every dependency of the project (no package
/// named, not global).
fn whole_install(c: &Cmd<'_>) -> bool {
    let npm = ["install", "i", "ci"]
        .iter()
        .any(|sub| c.sub(&["npm", "pnpm"], sub));
    let yarn = c.prog() == "yarn" && c.operands(0).all(|w| w == "install");
    (npm && c.operands(1).next().is_none() || yarn) && !c.has("-g") && !c.has("--global")
}

/// `npm install`/`npm i`/`npm ci`, with or without packages.
pub(super) fn npm_install(c: &Cmd<'_>) -> bool {
    ["install", "i", "ci"]
        .iter()
        .any(|sub| c.sub(&["npm"], sub))
}

fn production_flag(c: &Cmd<'_>) -> bool {
    [
        "--production",
        "--prod",
        "--only=prod",
        "--only=production",
        "--omit=dev",
    ]
    .iter()
    .any(|f| c.has(f))
        || (c.has("--omit") && c.has("dev"))
        || c.mentions("NODE_ENV=production")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, Want};
    use super::Confidence::{Definite, Possible};
    use super::Rule::*;

    #[test]
    fn apt_lists() {
        let run = "/bin/sh -c apt-get update && apt-get install -y --no-install-recommends curl";
        check(&[run], &[Want(AptListsKept, 0, Definite)]);
        check(&[&format!("{run} && rm -rf /var/lib/apt/lists/*")], &[]);
        // exact when the layer is only the update
        check(
            &["RUN /bin/sh -c apt-get update # buildkit"],
            &[Want(AptListsKept, 0, Definite)],
        );
        // cut: possible, unless the tail starts the cleanup
        check(
            &["/bin/sh -c apt-get update && apt-get ins…"],
            &[Want(AptListsKept, 0, Possible)],
        );
        check(&["/bin/sh -c apt-get update && rm -rf /var/li…"], &[]);
        // the trigger itself cut: nothing
        check(&["/bin/sh -c apt-get upd…"], &[]);
    }

    #[test]
    fn apt_recommends() {
        check(
            &["/bin/sh -c apt-get install -y nodejs"],
            &[Want(AptRecommends, 0, Definite)],
        );
        check(
            &["/bin/sh -c apt-get install -y --no-install-recommends nodejs"],
            &[],
        );
        check(
            &["/bin/sh -c apt-get -o APT::Install-Recommends=false install -y x"],
            &[],
        );
        check(
            &["/bin/sh -c apt-get install…"],
            &[Want(AptRecommends, 0, Possible)],
        );
        // a whole install before the cut cannot get the flag later
        check(
            &["/bin/sh -c apt-get install -y a && echo b…"],
            &[Want(AptRecommends, 0, Definite)],
        );
    }

    #[test]
    fn apk_dnf_pip() {
        check(&["/bin/sh -c apk add curl"], &[Want(ApkCache, 0, Definite)]);
        check(&["/bin/sh -c apk add --no-cache curl"], &[]);
        check(&["/bin/sh -c apk --no-cache add curl"], &[]);
        check(&["/bin/sh -c apk update"], &[Want(ApkCache, 0, Definite)]);
        check(&["/bin/sh -c apk update && rm -rf /var/cache/apk/*"], &[]);
        check(
            &["/bin/sh -c yum install -y x"],
            &[Want(DnfYumCache, 0, Definite)],
        );
        check(&["/bin/sh -c dnf install -y x && dnf clean all"], &[]);
        check(
            &["/bin/sh -c yum install sysstat -y; yum instal…"],
            &[Want(DnfYumCache, 0, Possible)],
        );
        check(&["/bin/sh -c dnf install -y x && dnf cle…"], &[]);
        check(
            &["/bin/sh -c pip install -r requirements.txt"],
            &[Want(PipCache, 0, Definite)],
        );
        check(
            &["/bin/sh -c python3 -m pip install flask"],
            &[Want(PipCache, 0, Definite)],
        );
        check(&["/bin/sh -c pip install --no-cache-dir -r…"], &[]);
        check(
            &["/bin/sh -c pip install -r…"],
            &[Want(PipCache, 0, Possible)],
        );
        check(
            &[
                "/bin/sh -c #(nop)  ENV PIP_NO_CACHE_DIR=1",
                "/bin/sh -c pip install x",
            ],
            &[],
        );
    }

    #[test]
    fn npm() {
        check(
            &["/bin/sh -c npm install"],
            &[Want(NpmDevDeps, 0, Definite), Want(NpmCache, 0, Definite)],
        );
        check(
            &["RUN /bin/sh -c npm ci --omit=dev && npm cache clean --force # buildkit"],
            &[],
        );
        check(
            &[
                "/bin/sh -c #(nop)  ENV NODE_ENV=production",
                "/bin/sh -c npm ci && npm cache clean --force",
            ],
            &[],
        );
        // ENV after the install does not help
        check(
            &[
                "/bin/sh -c npm ci && npm cache clean --force",
                "/bin/sh -c #(nop)  ENV NODE_ENV=production",
            ],
            &[Want(NpmDevDeps, 1, Definite)],
        );
        // a global tool: no dev dependencies, but the cache
        check(
            &["RUN /bin/sh -c npm install -g serve # buildkit"],
            &[Want(NpmCache, 0, Definite)],
        );
        // cut: dev deps definite when the install is whole, cache possible
        check(
            &["/bin/sh -c npm install && npm run bu…"],
            &[Want(NpmDevDeps, 0, Definite), Want(NpmCache, 0, Possible)],
        );
        check(
            &["/bin/sh -c npm ci…"],
            &[Want(NpmDevDeps, 0, Possible), Want(NpmCache, 0, Possible)],
        );
        check(
            &["/bin/sh -c npm ci && npm cache cl…"],
            &[Want(NpmDevDeps, 0, Definite)],
        );
    }
}
