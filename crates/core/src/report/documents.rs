//! The JSON documents of `layerdiff parse` ([`parsed_json`]) and of
//! `layerdiff insights` ([`insights_json`]; the pair's JSON export,
//! [`super::json`], carries the same insights document when given one). Both
//! shapes are public contracts, documented in README.md.
//! `parse`:
//! `{"histories":[{"label","format","dialect","layers":[{"id","created","created_by",
//! "truncated","size_bytes","size_exact","comment","lines":[first,last]}],
//! "total_bytes","lines"}],"diagnostics":[{"severity","line","text","message"}]}`.
//! `insights` (exactly these fields):
//! `{"histories":[{"label","boundary":{"signal","base_layers"},"findings":[{"rule",
//! "confidence","layer","layers":[…],"index","indexes":[…],"bytes":{"kind","value"},
//! "inherited","message","fix","source"}]}],"pair":{"verdicts":[{"rule","before_layer",
//! "before_index","verdict","delta_bytes"}]}|null}`. `layer`, `layers` and
//! `before_layer` are the numbers people read (`model::LayerNumber`: from 1
//! at the top, as the text and Markdown say them); `index`, `indexes` and
//! `before_index` are positions from 0 in that history's `layers` as `parse`
//! prints them (newest first), for code.
//! They are built here from the model (rather than by deriving `Serialize` on the
//! model) so that renaming a model field can never silently change them.

use serde_json::{json, Value};

use crate::insights::{Finding, HistoryInsights, Insights};
use crate::model::{History, Layer, LayerNumber, Parsed};

/// The numbers people read for the layers at printed `positions`.
fn numbers(positions: &[usize]) -> Vec<usize> {
    positions
        .iter()
        .map(|&p| LayerNumber::of_printed(p).get())
        .collect()
}

/// The JSON document printed by `layerdiff insights --format json`.
pub fn insights_json(ins: &Insights) -> Value {
    let pair = ins.verdicts.as_ref().map(|verdicts| {
        json!({ "verdicts": verdicts.iter().map(|v| json!({
            "rule": v.rule.id(),
            "before_layer": LayerNumber::of_printed(v.before_layer).get(),
            "before_index": v.before_layer,
            "verdict": v.verdict.as_str(),
            "delta_bytes": v.delta_bytes,
        })).collect::<Vec<_>>() })
    });
    json!({
        "histories": ins.histories.iter().map(history_insights_json).collect::<Vec<_>>(),
        "pair": pair,
    })
}

fn history_insights_json(h: &HistoryInsights) -> Value {
    json!({
        "label": h.label,
        "boundary": {
            "signal": h.boundary.signal.as_str(),
            "base_layers": h.boundary.base_layers,
        },
        "findings": h.findings.iter().map(finding_json).collect::<Vec<_>>(),
    })
}

fn finding_json(f: &Finding) -> Value {
    json!({
        "rule": f.rule.id(),
        "confidence": f.confidence.as_str(),
        "layer": LayerNumber::of_printed(f.layer).get(),
        "layers": numbers(&f.layers),
        "index": f.layer,
        "indexes": f.layers,
        "bytes": { "kind": f.bytes.kind.as_str(), "value": f.bytes.value },
        "inherited": f.inherited,
        "message": f.message(),
        "fix": f.rule.fix(),
        "source": f.rule.source(),
    })
}

/// The JSON document printed by `layerdiff parse`.
pub fn parsed_json(parsed: &Parsed) -> Value {
    json!({
        "histories": parsed.histories.iter().map(history_json).collect::<Vec<_>>(),
        "diagnostics": parsed.diagnostics.iter().map(|d| json!({
            "severity": d.severity,
            "line": d.line,
            "text": d.text,
            "message": d.message,
        })).collect::<Vec<_>>(),
    })
}

/// One history, layers in printed order (newest first).
pub fn history_json(history: &History) -> Value {
    json!({
        "label": history.label,
        "format": history.format.as_str(),
        "dialect": history.dialect,
        "layers": history.layers.iter().map(layer_json).collect::<Vec<_>>(),
        "total_bytes": history.total_bytes(),
        "lines": [history.lines.0, history.lines.1],
    })
}

fn layer_json(layer: &Layer) -> Value {
    json!({
        "id": layer.id,
        "created": layer.created,
        "created_by": layer.created_by,
        "truncated": layer.truncated,
        "size_bytes": layer.size.map(|s| s.bytes),
        "size_exact": layer.size.is_some_and(|s| s.exact),
        "comment": layer.comment,
        "lines": [layer.lines.0, layer.lines.1],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Diagnostic, Format, Severity, Size};

    #[test]
    fn writes_the_documented_shape() {
        let parsed = Parsed {
            histories: vec![History {
                label: "app".into(),
                format: Format::Table,
                layers: vec![Layer {
                    id: None,
                    created: Some("3 days ago".into()),
                    created_by: "/bin/sh -c make".into(),
                    truncated: true,
                    size: Some(Size {
                        bytes: 57_700_000,
                        tolerance: 50_000,
                        exact: false,
                    }),
                    comment: String::new(),
                    lines: (3, 3),
                }],
                lines: (1, 3),
                ..History::default()
            }],
            diagnostics: vec![Diagnostic {
                severity: Severity::Note,
                line: 4,
                text: "prose".into(),
                message: "skipped".into(),
            }],
        };
        let out = parsed_json(&parsed);
        let layer = &out["histories"][0]["layers"][0];
        assert_eq!(layer["id"], Value::Null);
        assert_eq!(layer["size_bytes"], 57_700_000);
        assert_eq!(layer["size_exact"], false);
        assert_eq!(layer["truncated"], true);
        assert_eq!(layer["lines"], json!([3, 3]));
        assert_eq!(out["histories"][0]["total_bytes"], 57_700_000);
        assert_eq!(out["histories"][0]["format"], "table");
        assert_eq!(out["diagnostics"][0]["severity"], "note");
        assert_eq!(out["diagnostics"][0]["line"], 4);
    }
}
