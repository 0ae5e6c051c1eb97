//! The insights as the page shows them: every sentence already written
//! ([`InsightsView`]), so the page needs neither the rules nor their words.
//!
//! Why: the rules and their catalog are a large part of the wasm, and the
//! page only shows their result. The lazily loaded second module
//! (`crate::extras`) runs the rules and answers with this value as
//! JSON; the first-load module only deserializes and draws it. Everything a
//! finding shows on the page is here: the panel's words, the badge's words,
//! the layers it points at and, for "before", its verdict.

use serde::{Deserialize, Serialize};

use super::{big_layer_size, pair_summary, stake_text, summary};
use super::{Confidence, Finding, HistoryInsights, Insights};
use super::{Verdict, VerdictKind};
use crate::model::LayerNumber;

/// The insights of a pair (or of one history), sentences written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsightsView {
    /// What the change fixed and what is left (pairs only).
    pub pair: Option<String>,
    /// Per history, in the order given (before, after).
    pub histories: Vec<HistoryView>,
}

/// One history's summary and findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryView {
    /// The history's label (pasted text).
    pub label: String,
    /// The one-paragraph summary.
    pub summary: String,
    /// How many layers the history has.
    pub layers: usize,
    /// In display order: own first, then inherited (see `summary::order`).
    pub findings: Vec<FindingView>,
    /// The author's biggest layers, biggest first, with what they do.
    pub biggest: Vec<BigLayerView>,
}

/// One of the author's biggest layers, as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BigLayerView {
    /// The layer (printed position, newest first).
    pub layer: usize,
    /// Its size in words (`≈ 105 MB`).
    pub size: String,
    /// The step in a few words (pasted text).
    pub command: String,
}

/// One finding, as the panel and the badges show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingView {
    /// The CLI's rule id (`apt-lists-kept`).
    pub rule: String,
    pub title: String,
    /// The layer it is about (printed position, newest first).
    pub layer: usize,
    /// Every layer involved, `layer` first.
    pub layers: Vec<usize>,
    pub confidence: ConfidenceView,
    /// The bytes at stake in words (`≈ 40 MB`, `build speed`).
    pub stake: String,
    pub inherited: bool,
    /// The step of `layer` in a few words (pasted text).
    pub command: String,
    /// The sentence for a student (with the `--no-trunc` hint when possible).
    pub message: String,
    pub fix: String,
    pub source: String,
    /// What became of it in the after image (before findings of a pair).
    pub verdict: Option<VerdictView>,
}

/// [`Confidence`] on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConfidenceView {
    Definite,
    Likely,
    Possible,
}

impl ConfidenceView {
    /// `definite`, `likely`, `possible`.
    pub fn as_str(self) -> &'static str {
        match self {
            ConfidenceView::Definite => "definite",
            ConfidenceView::Likely => "likely",
            ConfidenceView::Possible => "possible",
        }
    }
}

impl From<Confidence> for ConfidenceView {
    fn from(c: Confidence) -> Self {
        match c {
            Confidence::Definite => ConfidenceView::Definite,
            Confidence::Likely => ConfidenceView::Likely,
            Confidence::Possible => ConfidenceView::Possible,
        }
    }
}

/// A verdict on the wire: its words and the measured Δ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictView {
    /// `fixed`, `still there`, `not visible`.
    pub verdict: String,
    /// after − before of the matched layers, when measured.
    pub delta_bytes: Option<i64>,
}

impl VerdictView {
    fn of(v: &Verdict) -> VerdictView {
        VerdictView {
            verdict: v.verdict.as_str().to_string(),
            delta_bytes: v.delta_bytes,
        }
    }

    /// Whether the after image's text is cut where it would show.
    pub fn not_visible(&self) -> bool {
        self.verdict == VerdictKind::NotVisible.as_str()
    }

    /// Whether the change fixed it.
    pub fn fixed(&self) -> bool {
        self.verdict == VerdictKind::Fixed.as_str()
    }
}

impl InsightsView {
    /// The view of `ins` (as `of_pair` or `of_history` made it).
    pub fn of(ins: &Insights) -> InsightsView {
        let verdicts = ins.verdicts.as_deref().unwrap_or_default();
        let histories = ins.histories.iter().enumerate().map(|(k, h)| {
            let verdicts = if k == 0 { verdicts } else { &[] };
            HistoryView::of(h, verdicts)
        });
        InsightsView {
            pair: pair_summary(ins),
            histories: histories.collect(),
        }
    }
}

impl HistoryView {
    fn of(h: &HistoryInsights, verdicts: &[Verdict]) -> HistoryView {
        let findings = h.findings.iter().enumerate();
        HistoryView {
            label: h.label.clone(),
            summary: summary(h),
            layers: h.layers,
            findings: findings
                .map(|(i, f)| FindingView::of(f, verdicts.get(i)))
                .collect(),
            biggest: h
                .biggest
                .iter()
                .map(|b| BigLayerView {
                    layer: b.layer,
                    size: big_layer_size(h, b),
                    command: b.command.clone(),
                })
                .collect(),
        }
    }
}

impl FindingView {
    fn of(f: &Finding, verdict: Option<&Verdict>) -> FindingView {
        FindingView {
            rule: f.rule.id().to_string(),
            title: f.rule.title().to_string(),
            layer: f.layer,
            layers: f.layers.clone(),
            confidence: f.confidence.into(),
            stake: stake_text(f),
            inherited: f.inherited,
            command: f.command.clone(),
            message: f.message(),
            fix: f.rule.fix().to_string(),
            source: f.rule.source().to_string(),
            verdict: verdict.map(VerdictView::of),
        }
    }

    /// Whether the deciding text is cut (a hollow badge).
    pub fn possible(&self) -> bool {
        self.confidence == ConfidenceView::Possible
    }

    /// The layer it is about as people read it (`layer 5`), as the exports
    /// say it before its command.
    pub fn number(&self) -> LayerNumber {
        LayerNumber::of_printed(self.layer)
    }
}

/// A badge's words (its accessible name, shown beside it on hover and
/// focus): the side, the layer's number when the badge marks one layer
/// (printed positions in `layers`), then each finding it stands for, and
/// the `--no-trunc` hint when one is only possible.
/// `after, layer 4: apt package lists kept (up to 199 MB, possible). …`
pub fn badge_words(side: &str, layers: &[usize], hits: &[&FindingView]) -> String {
    let layer = match layers {
        [p] => format!(", {}", LayerNumber::of_printed(*p)),
        _ => String::new(),
    };
    let words: Vec<String> = hits
        .iter()
        .map(|f| format!("{} ({}, {})", f.title, f.stake, f.confidence.as_str()))
        .collect();
    let hint = if hits.iter().any(|f| f.possible()) {
        ". The command is cut: rerun docker history --no-trunc to be sure"
    } else {
        ""
    };
    format!("{side}{layer}: {}{hint}", words.join("; "))
}

impl BigLayerView {
    /// The layer's number as people read it (`layer 7`).
    pub fn number(&self) -> LayerNumber {
        LayerNumber::of_printed(self.layer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::insights::of_pair;
    use crate::parse::parse;

    fn demo() -> Insights {
        // The page's demo: a course submission's before and after.
        let text =
            include_str!("../../../../tests/data/corpus/000-course-3.1-backend-before-after.txt");
        let parsed = parse(text);
        let (b, a) = (&parsed.histories[0], &parsed.histories[1]);
        of_pair(b, a, &compare(b, a))
    }

    #[test]
    fn every_finding_keeps_its_words_layers_and_verdict() {
        let ins = demo();
        let view = InsightsView::of(&ins);
        assert_eq!(view.pair, pair_summary(&ins));
        for (h, v) in ins.histories.iter().zip(&view.histories) {
            assert_eq!(
                (v.summary.as_str(), v.layers),
                (summary(h).as_str(), h.layers)
            );
            assert_eq!(v.findings.len(), h.findings.len());
            for (f, fv) in h.findings.iter().zip(&v.findings) {
                assert_eq!(fv.rule, f.rule.id());
                assert_eq!((fv.layer, &fv.layers), (f.layer, &f.layers));
                assert_eq!(fv.confidence.as_str(), f.confidence.as_str());
                assert_eq!(
                    (fv.message.clone(), fv.fix.as_str()),
                    (f.message(), f.rule.fix())
                );
            }
        }
        let verdicts = ins.verdicts.as_ref().unwrap();
        let before = &view.histories[0].findings;
        assert!(!verdicts.is_empty());
        for (v, fv) in verdicts.iter().zip(before) {
            assert_eq!(
                fv.verdict.as_ref().map(|w| w.verdict.as_str()),
                Some(v.verdict.as_str())
            );
        }
        assert!(view.histories[1]
            .findings
            .iter()
            .all(|f| f.verdict.is_none()));
    }

    #[test]
    fn it_travels_as_json_unchanged() {
        let view = InsightsView::of(&demo());
        let json = serde_json::to_string(&view).unwrap();
        assert!(json.contains("\"confidence\":\"possible\""), "{json}");
        assert_eq!(serde_json::from_str::<InsightsView>(&json).unwrap(), view);
    }
}
