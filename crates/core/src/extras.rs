//! What the page asks of its second, lazily loaded module: the insights,
//! the Markdown/JSON exports and the share links, as one [`Request`] in and
//! one answer out.
//!
//! Why a second module: the rules, their words, the report writers and the
//! link packer (deflate) are a large part of the wasm, yet nothing of them
//! is needed to draw the comparison. The first-load module (`layerdiff-web`) draws the chart and
//! the table; after that, the page's extras worker (`crates/web/src/extras.rs`)
//! loads `layerdiff-extras` (`crates/web/src/bin/extras.rs`, built by Trunk beside the
//! page, never preloaded) and asks it through [`answer`]. Only that module
//! links [`answer`]; the page itself links only [`Request`] (to send it) and
//! [`InsightsView`] (to read the insights back), so what answers stays out
//! of the first load. `scripts/bundle-size.sh` checks that it does.
//!
//! A request is JSON (written by the page, read here). An answer is bytes:
//! an export's or a link's text as UTF-8, the insights and the share box's
//! links in `exchange`'s binary form, which the page reads with far less
//! code than JSON. Tested here natively (`tests/extras_answer.rs`).

use serde::{Deserialize, Serialize};

use crate::compare::compare;
use crate::compare::path::compare_path;
use crate::exchange;
use crate::insights::{of_pair, view::InsightsView};
use crate::model::History;
use crate::report::{self, PairInsights, Report};
use crate::share::pack::pack_links;
use crate::share::{self, limit, EncodeOptions, ShareState};

/// One question for the extras module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Request {
    /// The insights of a pair, as the page shows them ([`InsightsView`]).
    Insights { before: History, after: History },
    /// The Markdown export of a pair (summary table, insights, the link).
    PairMarkdown {
        before: History,
        after: History,
        link: String,
    },
    /// The JSON export of a pair (`layerdiff compare --format json` with
    /// the insights).
    PairJson { before: History, after: History },
    /// The Markdown export of a path: its table, each neighbour's, the
    /// compared pair's insights (`before_step` → `after_step`), the link.
    PathMarkdown {
        steps: Vec<History>,
        before_step: usize,
        after_step: usize,
        link: String,
    },
    /// The JSON export of a path (`layerdiff compare A B C… --format json`).
    PathJson { steps: Vec<History> },
    /// The share box's links ([`pack_links`]), answered as
    /// [`PackedLinks`](crate::share::pack::PackedLinks) in
    /// [`exchange`]'s binary form.
    Links {
        snapshot: ShareState,
        options: EncodeOptions,
        base_len: usize,
    },
    /// One link's fragment (without `#`), e.g. to a layer or a slide.
    Link {
        snapshot: ShareState,
        options: EncodeOptions,
    },
}

/// Answers `request` (JSON of a [`Request`]): the insights as an
/// [`InsightsView`] and the share box's links as
/// [`PackedLinks`](crate::share::pack::PackedLinks), both in
/// [`exchange`]'s binary form; an export or one link as its UTF-8 text. Err
/// is one sentence for the user.
pub fn answer(request: &str) -> Result<Vec<u8>, String> {
    let request: Request = serde_json::from_str(request)
        .map_err(|e| format!("the page sent a question this version cannot read ({e})"))?;
    match request {
        Request::Insights { before, after } => {
            let found = of_pair(&before, &after, &compare(&before, &after));
            Ok(exchange::to_bytes(&InsightsView::of(&found)))
        }
        Request::PairMarkdown {
            before,
            after,
            link,
        } => {
            let c = compare(&before, &after);
            let found = of_pair(&before, &after, &c);
            let report = Report {
                insights: Some(PairInsights::of_pair(&found)),
                link: Some(&link),
                ..Report::pair(&c)
            };
            Ok(report::markdown(&report).into_bytes())
        }
        Request::PairJson { before, after } => {
            let c = compare(&before, &after);
            let found = of_pair(&before, &after, &c);
            let report = Report {
                insights: Some(PairInsights::of_pair(&found)),
                ..Report::pair(&c)
            };
            Ok(report::json(&report).into_bytes())
        }
        Request::PathMarkdown {
            steps,
            before_step,
            after_step,
            link,
        } => path_markdown(&steps, before_step, after_step, &link).map(String::into_bytes),
        Request::PathJson { steps } => {
            let p = compare_path(&steps.iter().collect::<Vec<_>>()).map_err(|e| e.to_string())?;
            Ok(report::json(&Report::path(&p)).into_bytes())
        }
        Request::Links {
            snapshot,
            options,
            base_len,
        } => Ok(exchange::to_bytes(&pack_links(
            &snapshot, options, base_len,
        ))),
        Request::Link { snapshot, options } => {
            if let Some(why) = limit::refuse_text(snapshot.text_bytes()) {
                return Err(why);
            }
            share::link(&snapshot, &options).map(String::into_bytes)
        }
    }
}

/// The path's Markdown with the insights of steps `old` → `new`.
fn path_markdown(steps: &[History], old: usize, new: usize, link: &str) -> Result<String, String> {
    let refs: Vec<&History> = steps.iter().collect();
    let p = compare_path(&refs).map_err(|e| e.to_string())?;
    let (Some(before), Some(after)) = (steps.get(old), steps.get(new)) else {
        return Err(format!(
            "steps {} and {} are not both in a path of {}",
            old + 1,
            new + 1,
            steps.len()
        ));
    };
    let found = of_pair(before, after, &compare(before, after));
    let pair = PairInsights {
        before_step: old,
        after_step: new,
        insights: &found,
    };
    Ok(report::markdown(&Report {
        insights: Some(pair),
        link: Some(link),
        ..Report::path(&p)
    }))
}
