//! The 17 rules' words: id, title, the sentence for a student, the fix and
//! the source that recommends it (hadolint's rule, docker's best practices),
//! as one `&'static str` table. Kept apart from the code that finds them so
//! the wording can be reviewed in one place and costs no code per rule.
//!
//! A rule that says "something is missing" also has a `maybe` sentence for
//! cut commands (confidence `possible`), which ends with the `--no-trunc`
//! hint. Rules 15 and 17 save no bytes: their [`Gain`] says so.

/// What fixing a finding buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gain {
    /// Bytes in the image.
    Size,
    /// A faster rebuild (the build cache), not bytes.
    BuildSpeed,
    /// Tidiness only: 0 bytes on its own.
    Hygiene,
}

impl Gain {
    /// `size`, `build speed`, `hygiene`.
    pub fn as_str(self) -> &'static str {
        match self {
            Gain::Size => "size",
            Gain::BuildSpeed => "build speed",
            Gain::Hygiene => "hygiene",
        }
    }
}

/// One of the 17 smells, in the order of the specification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    AptListsKept,
    AptRecommends,
    ApkCache,
    DnfYumCache,
    PipCache,
    NpmDevDeps,
    NpmCache,
    CleanupLaterLayer,
    RewriteDuplicate,
    ArchiveLeft,
    BuildInFinalImage,
    GoBuildCache,
    ToolchainInFinalImage,
    FullBaseImage,
    ContextBeforeDeps,
    LargeContextCopy,
    ManyRunLayers,
}

/// The words of one rule.
struct Words {
    id: &'static str,
    title: &'static str,
    message: &'static str,
    maybe: &'static str,
    fix: &'static str,
    source: &'static str,
}

const NO_TRUNC: &str = "; run `docker history --no-trunc` to be sure.";

#[rustfmt::skip]
const WORDS: [Words; 17] = [
    Words { id: "apt-lists-kept", title: "apt package lists kept",
        message: "This RUN downloads apt's package lists (`apt-get update`) and does not delete them, so they stay in the image.",
        maybe: "This RUN runs `apt-get update`, but the command is cut before it would delete the package lists",
        fix: "End the same RUN with `&& rm -rf /var/lib/apt/lists/*`.",
        source: "hadolint DL3009; Docker docs, Best practices for writing Dockerfiles (apt-get)" },
    Words { id: "apt-recommends", title: "apt recommended packages installed",
        message: "`apt-get install` without `--no-install-recommends` also installs packages that are only recommended.",
        maybe: "This `apt-get install` is cut before its options end, so `--no-install-recommends` may follow",
        fix: "Use `apt-get install -y --no-install-recommends …`.",
        source: "hadolint DL3015" },
    Words { id: "apk-cache", title: "apk index kept",
        message: "This RUN keeps apk's package index in the image (`apk add` without `--no-cache`, or `apk update`).",
        maybe: "This RUN uses apk, but the command is cut before `--no-cache` or a cleanup could show",
        fix: "Use `apk add --no-cache …` and drop `apk update`.",
        source: "hadolint DL3019" },
    Words { id: "dnf-yum-cache", title: "dnf/yum cache kept",
        message: "This RUN installs with dnf or yum and does not clean their cache, so it stays in the image.",
        maybe: "This RUN installs with dnf or yum, but the command is cut before a cleanup could show",
        fix: "End the same RUN with `&& dnf clean all` (or `yum clean all`).",
        source: "hadolint DL3032, DL3040" },
    Words { id: "pip-cache", title: "pip cache kept",
        message: "`pip install` without `--no-cache-dir` keeps the downloaded packages in pip's cache inside the image.",
        maybe: "This `pip install` is cut before its options end, so `--no-cache-dir` may follow",
        fix: "Use `pip install --no-cache-dir …` (or set `ENV PIP_NO_CACHE_DIR=1` first).",
        source: "hadolint DL3042" },
    Words { id: "npm-dev-deps", title: "npm dev dependencies installed",
        message: "This install also puts the development dependencies (test and build tools) into the shipped image.",
        maybe: "This npm install is cut before its options end, so `--omit=dev` may follow",
        fix: "Use `npm ci --omit=dev` in the final image, or build in a separate stage (multi-stage).",
        source: "Node.js Best Practices (goldbergyoni/nodebestpractices), Docker section" },
    Words { id: "npm-cache", title: "npm cache kept",
        message: "npm keeps a copy of every downloaded package in its cache (`~/.npm`), and this RUN does not clean it.",
        maybe: "This RUN runs npm, but the command is cut before a cache cleanup could show",
        fix: "End the same RUN with `&& npm cache clean --force`.",
        source: "Node.js Best Practices (goldbergyoni/nodebestpractices), Docker section" },
    Words { id: "cleanup-later-layer", title: "cleanup in a later layer",
        message: "This RUN only deletes files; deleting in a later layer frees nothing, because the files stay in the layer that made them.",
        maybe: "The visible part of this RUN only deletes files, which frees nothing in a later layer, but the command is cut",
        fix: "Delete the files in the same RUN that creates them.",
        source: "Docker docs, Best practices for writing Dockerfiles" },
    Words { id: "rewrite-duplicate", title: "files rewritten into a new layer",
        message: "This RUN changes files of an earlier layer (owner, mode or place), so the image stores them twice.",
        maybe: "The visible part of this RUN only moves or changes files (so the image stores them twice), but the command is cut",
        fix: "Set owner and mode while copying: `COPY --chown=… --chmod=…`, or change them in the RUN that makes the files.",
        source: "Dockerfile reference, COPY --chown and --chmod" },
    Words { id: "archive-left", title: "archive left in an earlier layer",
        message: "An archive or installer is unpacked in one layer but stays in the earlier layer that brought it in.",
        maybe: "",
        fix: "Download, unpack and delete in one RUN, use a bind mount, or unpack in a build stage.",
        source: "hadolint DL3010; Docker docs, Best practices for writing Dockerfiles (ADD or COPY)" },
    Words { id: "build-in-final-image", title: "build in the final image",
        message: "The build runs in the image you ship, so sources, build tools and intermediate files ship too.",
        maybe: "",
        fix: "Use a multi-stage build: build in one stage, copy only the result into a small final stage.",
        source: "Docker docs, Multi-stage builds" },
    Words { id: "go-build-cache", title: "Go build cache shipped",
        message: "This Go layer is much bigger than a Go binary, which points at the module and build cache left in the image.",
        maybe: "",
        fix: "Build in a separate stage, or use `RUN --mount=type=cache,target=/root/.cache/go-build`.",
        source: "Docker docs, Optimize cache usage (cache mounts); Multi-stage builds" },
    Words { id: "toolchain-in-final-image", title: "toolchain in the final image",
        message: "A compiler or SDK (Go, gcc, a JDK) is part of the image you ship, although running the program does not need it.",
        maybe: "",
        fix: "Compile in a build stage and ship a runtime-only final stage.",
        source: "Docker docs, Multi-stage builds" },
    Words { id: "full-base-image", title: "full base image",
        message: "The base image is a full (buildpack-deps style) language image with compilers and headers; a `-slim` or `-alpine` variant exists.",
        maybe: "",
        fix: "Use the `-slim` (or `-alpine`) tag of the same image.",
        source: "Docker Official Images, image variants" },
    Words { id: "context-before-deps", title: "whole context copied before installing dependencies",
        message: "The whole build context is copied before the dependencies are installed, so any source change reinstalls them (build time, not size).",
        maybe: "",
        fix: "Copy only the lock files, install, then `COPY . .`.",
        source: "Docker docs, Optimize cache usage (order your layers)" },
    Words { id: "large-context-copy", title: "large build context copied",
        message: "A large build context is copied into the image (often `node_modules`, `.git` or build output).",
        maybe: "",
        fix: "List what the image does not need in `.dockerignore`.",
        source: "Docker docs, Build context (.dockerignore)" },
    Words { id: "many-run-layers", title: "consecutive RUN layers",
        message: "Consecutive small RUN layers; merging them saves nothing on its own, only together with a cleanup in the same RUN.",
        maybe: "",
        fix: "Merge RUNs only where the merged RUN also cleans up.",
        source: "Docker docs, Best practices for writing Dockerfiles (RUN)" },
];

impl Rule {
    /// Every rule, in specification order.
    pub const ALL: [Rule; 17] = [
        Rule::AptListsKept,
        Rule::AptRecommends,
        Rule::ApkCache,
        Rule::DnfYumCache,
        Rule::PipCache,
        Rule::NpmDevDeps,
        Rule::NpmCache,
        Rule::CleanupLaterLayer,
        Rule::RewriteDuplicate,
        Rule::ArchiveLeft,
        Rule::BuildInFinalImage,
        Rule::GoBuildCache,
        Rule::ToolchainInFinalImage,
        Rule::FullBaseImage,
        Rule::ContextBeforeDeps,
        Rule::LargeContextCopy,
        Rule::ManyRunLayers,
    ];

    fn words(self) -> &'static Words {
        &WORDS[self as usize]
    }

    /// The id the CLI's JSON uses (`apt-lists-kept`).
    pub fn id(self) -> &'static str {
        self.words().id
    }

    /// A short title (`apt package lists kept`).
    pub fn title(self) -> &'static str {
        self.words().title
    }

    /// The sentence for a student, for a finding whose deciding text is visible.
    pub fn message(self) -> &'static str {
        self.words().message
    }

    /// The sentence for a cut command (without the `--no-trunc` hint).
    pub fn maybe(self) -> &'static str {
        self.words().maybe
    }

    /// What to change.
    pub fn fix(self) -> &'static str {
        self.words().fix
    }

    /// Who recommends the fix.
    pub fn source(self) -> &'static str {
        self.words().source
    }

    /// What fixing it buys.
    pub fn gain(self) -> Gain {
        match self {
            Rule::ContextBeforeDeps => Gain::BuildSpeed,
            Rule::ManyRunLayers => Gain::Hygiene,
            _ => Gain::Size,
        }
    }

    /// Whether the rule reads a RUN's command text, so a cut RUN can hide it.
    pub fn reads_commands(self) -> bool {
        !matches!(
            self,
            Rule::FullBaseImage
                | Rule::ContextBeforeDeps
                | Rule::LargeContextCopy
                | Rule::ManyRunLayers
        )
    }

    /// The rule with this id, if any.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }
}

/// The `--no-trunc` hint that ends every `possible` finding's sentence.
pub fn no_trunc_hint() -> &'static str {
    NO_TRUNC
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_rule_order_and_ids_are_unique() {
        for (k, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(rule as usize, k);
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
            let w = rule.words();
            for text in [w.message, w.fix, w.source, w.maybe] {
                assert!(!text.contains('<'), "{}: raw `<` in prose", w.id);
            }
        }
        assert_eq!(Rule::from_id("nope"), None);
    }
}
