//! Why an image is big and what to try next, from the history text alone:
//! per history the own/base [`Boundary`] and the [`Finding`]s of 17 rules
//! (worded in `catalog.rs`; their ids are the CLI's), and for a pair a
//! [`Verdict`] on each finding of "before".
//!
//! Honesty policies, as the specification states them:
//! - **Confidence**: `definite` when the deciding text is visible, `likely`
//!   when inferred from sizes and order, `possible` when the deciding text
//!   is cut (then the sentence says to rerun `docker history --no-trunc`,
//!   and bytes are at most "up to"). Rules never fire on text nobody can
//!   see, and a visible tail that already starts the cleanup
//!   (`rm -rf /var/li…`) says nothing.
//! - **Bytes**: each finding's [`Stake`] is `exact`, `estimate`, `upper` or
//!   `unknown`; totals add exact bytes only. No efficiency score.
//! - **Base image**: rules read the author's own rows only, except the two
//!   that are about the base (toolchain, full base); those findings are
//!   `inherited` and listed apart.
//! - **Pairs**: `fixed` needs the after row's text whole; a cut after RUN
//!   that could hold the smell makes it `not visible`.
//!
//! Files: `catalog` (the words), `steps` (layers and commands, read through
//! [`crate::instruction`]), `boundary`, the rules in `packages`
//! (package managers), `layers` (how layers duplicate or fail to clean) and
//! `build` (builds, toolchains, bases, context), `pair` (verdicts),
//! `summary` (sentences and order), `report` (text and Markdown), `view`
//! (the page's value: every sentence written, for the lazily loaded module).

mod boundary;
mod build;
mod catalog;
mod layers;
mod packages;
mod pair;
pub mod report;
mod steps;
mod summary;
pub mod view;

pub use boundary::{Boundary, Signal};
pub use build::slim_bytes;
pub use catalog::{no_trunc_hint, Gain, Rule};
pub use pair::{Verdict, VerdictKind};
pub use summary::{big_layer_size, pair_summary, signed, stake_text, summary};

use crate::compare::{compare, Comparison};
use crate::model::{Format, History};
use crate::order::{sort_by_rank, Rank};
use steps::{steps, RuleLayer};

/// How sure a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confidence {
    /// The text that decides is visible.
    Definite,
    /// Inferred from sizes and order.
    Likely,
    /// The deciding text is cut.
    Possible,
}

impl Confidence {
    /// `definite`, `likely`, `possible`.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Definite => "definite",
            Confidence::Likely => "likely",
            Confidence::Possible => "possible",
        }
    }
}

/// What kind of number the bytes at stake are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StakeKind {
    /// Measured: a layer's printed size (or exactly 0 for advice).
    Exact,
    /// A typical amount, at most the layer.
    Estimate,
    /// At most this much.
    Upper,
    /// The text cannot tell.
    Unknown,
}

impl StakeKind {
    /// `exact`, `estimate`, `upper`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            StakeKind::Exact => "exact",
            StakeKind::Estimate => "estimate",
            StakeKind::Upper => "upper",
            StakeKind::Unknown => "unknown",
        }
    }
}

/// The bytes a finding puts at stake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stake {
    pub kind: StakeKind,
    /// None for [`StakeKind::Unknown`].
    pub value: Option<u64>,
}

impl Stake {
    pub const UNKNOWN: Stake = Stake {
        kind: StakeKind::Unknown,
        value: None,
    };

    pub fn exact(bytes: u64) -> Stake {
        Stake {
            kind: StakeKind::Exact,
            value: Some(bytes),
        }
    }

    pub fn estimate(bytes: u64) -> Stake {
        Stake {
            kind: StakeKind::Estimate,
            value: Some(bytes),
        }
    }

    pub fn upper(bytes: u64) -> Stake {
        Stake {
            kind: StakeKind::Upper,
            value: Some(bytes),
        }
    }
}

/// One smell found in one history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The layer it is about: a position in the history's `layers` (printed
    /// order, newest first, as `layerdiff parse` prints them).
    pub layer: usize,
    /// Every layer involved, `layer` first (the rest: where the bytes are,
    /// or the other end of the pattern).
    pub layers: Vec<usize>,
    pub confidence: Confidence,
    pub bytes: Stake,
    /// In the base image, not the author's own layers.
    pub inherited: bool,
    /// The step of `layer` in a few words (`RUN npm install`): pasted text.
    pub command: String,
}

impl Finding {
    /// The sentence for a student; a `possible` finding ends with the
    /// `--no-trunc` hint.
    pub fn message(&self) -> String {
        match (self.confidence, self.rule.maybe()) {
            (Confidence::Possible, maybe) if !maybe.is_empty() => {
                format!("{maybe}{}", no_trunc_hint())
            }
            _ => self.rule.message().to_string(),
        }
    }

    /// What fixing it buys: size, build speed or hygiene.
    pub fn gain(&self) -> Gain {
        self.rule.gain()
    }
}

/// Everything found in one history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryInsights {
    /// The history's label (pasted text).
    pub label: String,
    pub boundary: Boundary,
    /// In display order ([`order`]): own first, then inherited; within each,
    /// exact bytes, estimates, upper bounds, advice, then zero-byte advice.
    pub findings: Vec<Finding>,
    /// Sum of the base rows' sizes.
    pub base_bytes: u64,
    /// Sum of the own rows' sizes.
    pub own_bytes: u64,
    /// Whether every size was printed as plain bytes.
    pub exact_sizes: bool,
    /// The language of a full base image ([`Rule::FullBaseImage`]), if any.
    pub runtime: Option<&'static str>,
    /// How many layers the history has.
    pub layers: usize,
    /// The author's biggest layers, biggest first, whether or not a rule
    /// fired on them (see [`biggest_own`]).
    pub biggest: Vec<BigLayer>,
}

/// One of the author's biggest layers: what it holds and what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BigLayer {
    /// Position in the history's `layers` (printed order, newest first).
    pub layer: usize,
    /// Its printed size in bytes.
    pub bytes: u64,
    /// The step in a few words (pasted text: `RUN wget -O test.txt …`).
    pub command: String,
}

/// At most this many biggest own layers are named.
const BIGGEST: usize = 3;

/// The author's biggest layers: at most [`BIGGEST`], each holding at least
/// a tenth of the own bytes (so a layer named is one that matters), biggest
/// first, ties oldest first.
fn biggest_own(all: &[RuleLayer<'_>], own_bytes: u64) -> Vec<BigLayer> {
    let mut own: Vec<&RuleLayer<'_>> = all
        .iter()
        .filter(|s| s.own && s.bytes() > 0 && s.bytes().saturating_mul(10) >= own_bytes)
        .collect();
    sort_by_rank(&mut own, |s| {
        Rank::new()
            .then_desc(s.bytes(), 64)
            .then_desc(s.index as u64, 32)
            .get()
    });
    own.iter()
        .take(BIGGEST)
        .map(|s| BigLayer {
            layer: s.index,
            bytes: s.bytes(),
            command: s.snippet(),
        })
        .collect()
}

impl HistoryInsights {
    /// The author's own findings, in display order.
    pub fn own(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.inherited)
    }

    /// The base image's findings, in display order.
    pub fn inherited(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.inherited)
    }

    /// The findings that point at printed layer `index` (for badges).
    pub fn at_layer(&self, index: usize) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(move |f| f.layers.contains(&index))
    }
}

/// The insights of several histories: the CLI's document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insights {
    pub histories: Vec<HistoryInsights>,
    /// For a pair, one verdict per finding of the first history ("before").
    pub verdicts: Option<Vec<Verdict>>,
}

/// The insights of one history on its own.
pub fn of_history(history: &History) -> HistoryInsights {
    analyse(history, boundary::boundary(history, None))
}

/// The insights of a before/after pair; `c` is `compare(before, after)`.
pub fn of_pair(before: &History, after: &History, c: &Comparison) -> Insights {
    let shared = (!c.base.changed).then_some(c.base.layers);
    let b = analyse(before, boundary::boundary(before, shared));
    let a = analyse(after, boundary::boundary(after, shared));
    let verdicts = pair::verdicts(&b, &a, after, c);
    Insights {
        histories: vec![b, a],
        verdicts: Some(verdicts),
    }
}

/// What `layerdiff insights` reports for one paste: every history gets its
/// findings; with two or more, the first two are compared as a pair.
pub fn of_histories(histories: &[History]) -> Insights {
    match histories {
        [before, after, rest @ ..] => {
            let mut out = of_pair(before, after, &compare(before, after));
            out.histories.extend(rest.iter().map(of_history));
            out
        }
        _ => Insights {
            histories: histories.iter().map(of_history).collect(),
            verdicts: None,
        },
    }
}

/// What every rule sees besides the steps.
pub(crate) struct Context {
    /// Rows may be filtered (`| grep RUN`): adjacency says nothing.
    pub filtered: bool,
}

fn analyse(history: &History, boundary: Boundary) -> HistoryInsights {
    let all = steps(history, boundary.base_layers);
    let ctx = Context {
        filtered: history.format == Format::Headerless,
    };
    let mut findings = Vec::new();
    packages::check(&all, &mut findings);
    layers::check(&all, &ctx, &mut findings);
    let found = build::check(&all, &mut findings);
    summary::order(&mut findings);
    let sum = |own: bool| {
        all.iter()
            .filter(|s| s.own == own)
            .fold(0u64, |t, s| t.saturating_add(s.bytes()))
    };
    let own_bytes = sum(true);
    HistoryInsights {
        label: history.label.clone(),
        boundary,
        findings,
        base_bytes: sum(false),
        own_bytes,
        biggest: biggest_own(&all, own_bytes),
        exact_sizes: all.iter().all(|s| s.size.is_none_or(|z| z.tolerance == 0)),
        runtime: found.runtime,
        layers: all.len(),
    }
}

/// A finding about `steps` (the first is the one it is about).
pub(crate) fn finding(
    rule: Rule,
    steps: &[&RuleLayer<'_>],
    confidence: Confidence,
    bytes: Stake,
) -> Finding {
    let layers: Vec<usize> = steps.iter().map(|s| s.index).collect();
    Finding {
        rule,
        layer: layers.first().copied().unwrap_or_default(),
        inherited: steps.first().is_some_and(|s| !s.own),
        command: steps.first().map(|s| s.snippet()).unwrap_or_default(),
        layers,
        confidence,
        bytes,
    }
}

/// `10^6`: sizes in the rules are decimal, like docker's.
pub(crate) const MB: u64 = 1_000_000;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::Layer;
    use crate::test_support::{history, layer};

    /// An expected finding: rule, printed layer, confidence.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    pub struct Want(pub Rule, pub usize, pub Confidence);

    fn compare_wants(got: &HistoryInsights, want: &[Want]) {
        let mut g: Vec<Want> = got
            .findings
            .iter()
            .map(|f| Want(f.rule, f.layer, f.confidence))
            .collect();
        let mut w = want.to_vec();
        g.sort();
        w.sort();
        assert_eq!(g, w, "{:#?}", got.findings);
    }

    /// Checks the findings of own `rows` (oldest first, 100 MB each).
    pub fn check(rows: &[&str], want: &[Want]) {
        let sized: Vec<(&str, u64)> = rows.iter().map(|r| (*r, 100 * MB)).collect();
        check_sized(&sized, want, |_| {});
    }

    /// Checks the findings of own `rows` with sizes; `more` looks at the first.
    pub fn check_sized(rows: &[(&str, u64)], want: &[Want], more: impl Fn(&Finding)) {
        let got = of_history(&history(rows));
        compare_wants(&got, want);
        if let Some(f) = got.findings.first() {
            more(f);
        }
    }

    /// Checks a legacy-builder history: `base` rows `<missing>`, except its
    /// top one, then `own` rows with ids (the base ends by legacy ids). Rows
    /// mentioning `gcc` are 400 MB, the others 100 MB.
    pub fn check_base(base: &[&str], own: &[&str], want: &[Want]) {
        let size = |c: &str| {
            if c.contains("gcc") {
                400 * MB
            } else {
                100 * MB
            }
        };
        let mut oldest: Vec<Layer> = base.iter().map(|c| layer(c, size(c))).collect();
        if let Some(top) = oldest.last_mut() {
            top.id = Some("b0ef3016420a".into());
        }
        oldest.extend(own.iter().map(|c| Layer {
            id: Some("c2f984396113".into()),
            ..layer(c, size(c))
        }));
        oldest.reverse();
        let h = History {
            layers: oldest,
            ..History::default()
        };
        let got = of_history(&h);
        assert_eq!(got.boundary.signal, Signal::LegacyIds);
        compare_wants(&got, want);
    }

    #[test]
    fn base_rows_raise_nothing() {
        let smelly = [
            "/bin/sh -c #(nop) ADD file:x in / ",
            "/bin/sh -c apt-get update && apt-get install -y curl",
            "/bin/sh -c rm -rf /var/lib/apt/lists/*",
            "/bin/sh -c chown -R node /app",
            "/bin/sh -c npm install && npm run build",
            "/bin/sh -c apk add go && pip install x",
            "/bin/sh -c #(nop)  CMD [\"bash\"]",
        ];
        check_base(
            &smelly,
            &["/bin/sh -c #(nop) WORKDIR /app", "/bin/sh -c echo hi"],
            &[],
        );
    }

    #[test]
    fn findings_come_in_display_order() {
        let h = of_history(&history(&[
            ("COPY . . # buildkit", 1_000),
            ("RUN /bin/sh -c npm install # buildkit", 50 * MB),
            ("RUN /bin/sh -c apt-get update # buildkit", 33 * MB),
            ("RUN /bin/sh -c apt-get install -y x # buildkit", 10 * MB),
        ]));
        let order: Vec<&str> = h.findings.iter().map(|f| f.rule.id()).collect();
        assert_eq!(
            order,
            [
                "apt-lists-kept",
                "npm-dev-deps",
                "npm-cache",
                "apt-recommends",
                "context-before-deps",
                "many-run-layers"
            ]
        );
        assert_eq!(stake_text(&h.findings[0]), "33 MB");
        assert_eq!(stake_text(&h.findings[4]), "0 B (build speed)");
        assert_eq!(stake_text(&h.findings[5]), "0 B (hygiene)");
    }

    #[test]
    fn odd_histories_do_not_panic() {
        for rows in [
            vec![],
            vec![("", 0)],
            vec![("RUN", 0), ("|", 1), ("/bin/sh -c &&;|", 2), ("COPY", 3)],
            vec![
                ("/bin/sh -c rm", 0),
                ("/bin/sh -c tar x", 5),
                ("/bin/sh -c …", 9),
            ],
        ] {
            let h = history(&rows);
            let _ = of_histories(&[h.clone(), h.clone(), h]);
        }
    }
}
