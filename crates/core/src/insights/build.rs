//! Rules about what the image is built from and in: the build run in the
//! shipped image (11), the Go cache it leaves (12), a compiler or SDK in it
//! (13), a full language base where `-slim` exists (14), and how the build
//! context is copied (15 build speed, 16 size).
//!
//! Rules 13 and 14 are the two that read base rows: a `golang` base
//! (`ENV GOLANG_VERSION`), a JDK base (`CMD ["jshell"]`), or a
//! buildpack-deps style base (a runtime `ENV *_VERSION` above two or more
//! big apt layers, the largest ≥ 300 MB). Their findings there are
//! `inherited`.

use super::packages::{npm_install, pip_install};
use super::steps::{Cmd, RuleLayer};
use super::{finding, Confidence, Finding, Rule, Stake, MB};
use crate::instruction::Keyword;
use crate::order::{sort_by_rank, Rank};

/// `ENV <NAME>_VERSION` of language images, and the language's name.
const RUNTIMES: [(&str, &str); 8] = [
    ("PYTHON", "python"),
    ("NODE", "node"),
    ("RUBY", "ruby"),
    ("PHP", "php"),
    ("GOLANG", "golang"),
    ("JAVA", "java"),
    ("PERL", "perl"),
    ("RUST", "rust"),
];

/// Packages that are compilers or SDKs (a `jdk` that is no `jre` too).
const TOOLCHAINS: [&str; 11] = [
    "go",
    "golang",
    "gcc",
    "g++",
    "build-essential",
    "clang",
    "rustc",
    "cargo",
    "default-jdk",
    "alpine-sdk",
    "golang-go",
];

/// What rules 11–16 found; `runtime` names the full base's language.
pub struct BuildOutcome {
    pub runtime: Option<&'static str>,
}

/// Adds rules 11–16 for `steps` (oldest first).
pub fn check(steps: &[RuleLayer<'_>], out: &mut Vec<Finding>) -> BuildOutcome {
    let mut own_so_far = 0u64;
    for (k, s) in steps.iter().enumerate() {
        if s.own {
            own_so_far = own_so_far.saturating_add(s.bytes());
        }
        if !s.own {
            continue;
        }
        let cmds = s.commands();
        if cmds.iter().any(builds) {
            let bytes = Stake::upper(own_so_far);
            out.push(finding(
                Rule::BuildInFinalImage,
                &[s],
                Confidence::Definite,
                bytes,
            ));
        }
        if cmds.iter().any(go_work) && s.bytes() >= 50 * MB {
            let bytes = Stake::estimate(s.bytes().saturating_sub(20 * MB));
            out.push(finding(Rule::GoBuildCache, &[s], Confidence::Likely, bytes));
        }
        if cmds.iter().any(installs_toolchain) {
            let bytes = Stake::upper(s.bytes());
            out.push(finding(
                Rule::ToolchainInFinalImage,
                &[s],
                Confidence::Definite,
                bytes,
            ));
        }
        context(s, steps.get(k + 1..).unwrap_or_default(), out);
    }
    toolchain_base(steps, out);
    BuildOutcome {
        runtime: full_base(steps, out),
    }
}

/// `npm run build`, `go build`, `mvn`, `gradle`, `cargo build`, `make`,
/// `dotnet publish`, `gcc`.
fn builds(c: &Cmd<'_>) -> bool {
    let run_build = c.sub(&["npm", "pnpm", "yarn"], "run") && c.operands(1).next() == Some("build");
    run_build
        || c.sub(&["yarn"], "build")
        || c.sub(&["go", "cargo"], "build")
        || c.sub(&["dotnet"], "publish")
        || c.sub(&["dotnet"], "build")
        || matches!(
            c.prog(),
            "mvn" | "mvnw" | "gradle" | "gradlew" | "make" | "gcc" | "g++" | "cc"
        )
}

/// `go build`, `go test`, `go mod download`.
fn go_work(c: &Cmd<'_>) -> bool {
    c.sub(&["go"], "build")
        || c.sub(&["go"], "test")
        || (c.sub(&["go"], "mod") && c.operands(1).next() == Some("download"))
}

/// A package install naming a compiler or SDK.
fn installs_toolchain(c: &Cmd<'_>) -> bool {
    let install =
        c.sub(&["apt-get", "apt", "dnf", "yum", "microdnf"], "install") || c.sub(&["apk"], "add");
    install
        && c.whole_operands().into_iter().skip(1).any(|p| {
            let name = p.split(['=', ':']).next().unwrap_or(p);
            TOOLCHAINS.contains(&name)
                || name.starts_with("dotnet-sdk")
                || (name.contains("jdk") && !name.contains("jre"))
        })
}

/// Rules 15 and 16: a COPY/ADD of the whole context (`.`; legacy `dir:`
/// rows are a directory, likely the context).
fn context(s: &RuleLayer<'_>, later: &[RuleLayer<'_>], out: &mut Vec<Finding>) {
    if !matches!(s.keyword, Keyword::Copy | Keyword::Add) || s.body.contains("--from") {
        return;
    }
    let ops: Vec<&str> = s
        .body
        .split_whitespace()
        .filter(|w| !w.starts_with("--"))
        .collect();
    let confidence = match ops.as_slice() {
        [first, ..] if first.starts_with("dir:") => Confidence::Likely,
        [sources @ .., _dest] if sources.iter().any(|w| matches!(*w, "." | "./")) => {
            Confidence::Definite
        }
        _ => return,
    };
    let install = later
        .iter()
        .find(|r| r.own && r.commands().iter().any(installs_deps));
    if let Some(r) = install {
        out.push(finding(
            Rule::ContextBeforeDeps,
            &[s, r],
            confidence,
            Stake::exact(0),
        ));
    }
    if s.bytes() >= 50 * MB {
        let bytes = Stake::upper(s.bytes());
        out.push(finding(
            Rule::LargeContextCopy,
            &[s],
            Confidence::Likely,
            bytes,
        ));
    }
}

/// Installing the project's dependencies.
fn installs_deps(c: &Cmd<'_>) -> bool {
    npm_install(c)
        || pip_install(c)
        || (c.prog() == "yarn" && c.operands(0).all(|w| w == "install"))
        || c.sub(&["pnpm", "bundle", "composer", "poetry"], "install")
        || c.sub(&["go"], "get")
        || (c.sub(&["go"], "mod") && c.operands(1).next() == Some("download"))
}

/// Rule 13 from base rows: `ENV GOLANG_VERSION` (the largest RUN above it)
/// or `CMD ["jshell"]` (the largest RUN below it), in the same part of the
/// image (base or own).
fn toolchain_base(steps: &[RuleLayer<'_>], out: &mut Vec<Finding>) {
    for (k, s) in steps.iter().enumerate() {
        let region = match s.keyword {
            Keyword::Env if s.body.starts_with("GOLANG_VERSION") => steps.get(k + 1..),
            Keyword::Cmd if s.body.contains("jshell") => steps.get(..k),
            _ => None,
        };
        let largest = region
            .unwrap_or_default()
            .iter()
            .filter(|r| r.own == s.own && r.keyword == Keyword::Run && r.bytes() > 0)
            .max_by_key(|r| r.bytes());
        if let Some(r) = largest {
            let known = out
                .iter()
                .any(|f| f.rule == Rule::ToolchainInFinalImage && f.layer == r.index);
            if !known {
                let bytes = Stake::estimate(r.bytes());
                out.push(finding(
                    Rule::ToolchainInFinalImage,
                    &[r],
                    Confidence::Definite,
                    bytes,
                ));
            }
        }
    }
}

/// Rule 14: a runtime `ENV <LANG>_VERSION` in the base above two or more
/// apt layers of ≥ 10 MB, the largest ≥ 300 MB; returns the language.
fn full_base(steps: &[RuleLayer<'_>], out: &mut Vec<Finding>) -> Option<&'static str> {
    let (at, lang) = steps.iter().enumerate().find_map(|(k, s)| {
        let lang = runtime_of(s.body)?;
        (!s.own && s.keyword == Keyword::Env).then_some((k, lang))
    })?;
    let mut apt: Vec<&RuleLayer<'_>> = steps
        .get(..at)
        .unwrap_or_default()
        .iter()
        .filter(|s| s.keyword == Keyword::Run && s.body.contains("apt-get") && s.bytes() >= 10 * MB)
        .collect();
    sort_by_rank(&mut apt, |s| Rank::new().then_desc(s.bytes(), 64).get());
    let largest = apt.first()?.bytes();
    if apt.len() < 2 || largest < 300 * MB {
        return None;
    }
    let sum = apt.iter().map(|s| s.bytes()).sum();
    out.push(finding(
        Rule::FullBaseImage,
        &apt,
        Confidence::Likely,
        Stake::upper(sum),
    ));
    Some(lang)
}

/// The language of an `ENV <LANG>_VERSION=…` body (`PYTHON_VERSION=3.12` → `python`).
pub fn runtime_of(env_body: &str) -> Option<&'static str> {
    let name = env_body
        .split(['=', ' '])
        .next()?
        .strip_suffix("_VERSION")?;
    RUNTIMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, lang)| *lang)
}

/// The size of the `-slim` variant, where the specification gives one.
pub fn slim_bytes(lang: &str) -> Option<u64> {
    (lang == "python").then_some(134 * MB)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, check_base, Want};
    use super::Confidence::{Definite, Likely};
    use super::Rule::*;

    #[test]
    fn builds_and_go_caches() {
        check(
            &["/bin/sh -c npm run build"],
            &[Want(BuildInFinalImage, 0, Definite)],
        );
        check(
            &["RUN /bin/sh -c go build # buildkit"],
            &[
                Want(BuildInFinalImage, 0, Definite),
                Want(GoBuildCache, 0, Likely),
            ],
        );
        check(&["/bin/sh -c npm run bu…"], &[]);
        check(&["/bin/sh -c npm run test"], &[]);
    }

    #[test]
    fn toolchains_own_and_inherited() {
        check(
            &["RUN /bin/sh -c apk add --no-cache go # buildkit"],
            &[Want(ToolchainInFinalImage, 0, Definite)],
        );
        check(
            &["/bin/sh -c apt-get install -y --no-install-recommends openjdk-17-jre"],
            &[],
        );
        check_base(
            &[
                "/bin/sh -c #(nop) ADD file:x in / ",
                "/bin/sh -c #(nop)  ENV GOLANG_VERSION=1.16.15",
                "/bin/sh -c set -eux; apk add x",
                "/bin/sh -c #(nop) WORKDIR /go",
            ],
            &[
                "/bin/sh -c #(nop) COPY file:abc in /app ",
                "/bin/sh -c echo hi",
            ],
            &[Want(ToolchainInFinalImage, 3, Definite)],
        );
    }

    #[test]
    fn full_language_base() {
        let base = [
            "/bin/sh -c #(nop) ADD file:x in / ",
            "/bin/sh -c apt-get update && apt-get install -y curl",
            "/bin/sh -c apt-get update && apt-get install -y git",
            "/bin/sh -c set -ex; apt-get update; apt-get install -y gcc",
            "/bin/sh -c #(nop)  ENV NODE_VERSION=8.9.4",
            "/bin/sh -c #(nop)  CMD [\"node\"]",
        ];
        // sizes: 100 MB each in the helper, 400 MB for rows that mention gcc
        check_base(
            &base,
            &["/bin/sh -c echo hi"],
            &[Want(FullBaseImage, 3, Likely)],
        );
    }

    #[test]
    fn context_copies() {
        check(
            &[
                "COPY . . # buildkit",
                "RUN /bin/sh -c pip install --no-cache-dir -r r.txt # buildkit",
            ],
            &[
                Want(ContextBeforeDeps, 1, Definite),
                Want(LargeContextCopy, 1, Likely),
            ],
        );
        check(
            &[
                "COPY package.json . # buildkit",
                "RUN /bin/sh -c npm ci --omit=dev && npm cache clean --force # buildkit",
                "COPY . . # buildkit",
            ],
            &[Want(LargeContextCopy, 0, Likely)],
        );
        check(
            &[
                "COPY --from=build /app . # buildkit",
                "RUN /bin/sh -c pip install --no-cache-dir x",
            ],
            &[],
        );
    }
}
