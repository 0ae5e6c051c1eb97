//! The pair's insights on the page (`layerdiff_core::insights`): the
//! findings panel below the aligned table, and the badges on the chart
//! segments and table rows of each finding's layer.
//!
//! - The insights are read once per comparison ([`use_insights`]): while
//!   rendering for small pairs, in a task of their own right after for big
//!   ones (as `app::use_comparison` does with the comparison itself).
//! - The panel: what the change fixed and what is left (the pair's
//!   sentence), then per history its summary and its findings, own then
//!   inherited, in the core's order (bytes at stake: exact, estimates,
//!   advice; zero-byte advice says build speed or hygiene). A before
//!   finding carries its verdict. Our words write commands in backticks;
//!   [`rich`] shows those as code.
//! - Badges are buttons (focusable, named by `aria-label`, which starts
//!   with the count a badge of several findings shows): filled, or
//!   hollow when every finding they stand for is `possible`. On the chart
//!   they are an HTML layer over the SVG, placed by `layerdiff_core::chart::badges`
//!   from the overlay's own coordinates; in the table they
//!   open the command cell. Their words show next to them on hover and on
//!   keyboard focus ([`use_badge_tip`]); choosing one shows its finding.
//!
//! Layer positions: findings count printed positions (newest first), the
//! comparison's `LayerRef.index` and the chart's `data-layers` count from
//! the oldest (`n - 1 - index`). The numbers people read are the core's
//! (`LayerNumber`, in `badge_words` and `FindingView::number`).

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::extras;
use layerdiff_core::chart::badges::badge_spots;
use layerdiff_core::compare::Comparison;
use layerdiff_core::extras::Request;
use layerdiff_core::insights::signed;
use layerdiff_core::insights::view::{badge_words, FindingView, HistoryView, InsightsView};
use layerdiff_core::model::History;
use layerdiff_core::text::decimal::fixed;

const SIDES: [&str; 2] = ["before", "after"];

/// Findings listed per group at most (the page stays small for any paste;
/// the exports have them all).
const SHOWN: usize = 30;

/// The insights of the pair on the page, with each finding's row in the
/// comparison. Equal only to itself: one is read per comparison, so memos
/// keyed on it never compare findings.
pub struct PageInsights {
    pub ins: InsightsView,
    /// Per side, by printed layer: the index in `Comparison::rows`.
    rows: [Vec<Option<usize>>; 2],
    /// Per side, by printed layer: the findings naming it (indexes).
    at: [Vec<Vec<usize>>; 2],
}

impl PartialEq for PageInsights {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl PageInsights {
    /// `ins` (the second module's answer for the pair compared in `c`)
    /// placed on the comparison's rows; None when it is not a pair's.
    fn of(c: &Comparison, ins: InsightsView) -> Option<Rc<Self>> {
        let mut rows = [vec![None; c.before.layers], vec![None; c.after.layers]];
        for (i, r) in c.rows.iter().enumerate() {
            for (side, l) in rows.iter_mut().zip([&r.before, &r.after]) {
                let n = side.len();
                if let Some(slot) = l
                    .as_ref()
                    .and_then(|l| n.checked_sub(l.index + 1))
                    .and_then(|p| side.get_mut(p))
                {
                    *slot = Some(i);
                }
            }
        }
        let at = |h: &HistoryView| {
            let mut at = vec![Vec::new(); h.layers];
            for (i, f) in h.findings.iter().enumerate() {
                for &l in &f.layers {
                    if let Some(v) = at.get_mut(l) {
                        v.push(i);
                    }
                }
            }
            at
        };
        let [b, a] = ins.histories.get(..2)? else {
            return None;
        };
        let at = [at(b), at(a)];
        Some(Rc::new(PageInsights { ins, rows, at }))
    }
}

/// The insights of the comparison on the page.
#[derive(Clone, PartialEq)]
pub enum Found {
    /// Asked; the second module has not answered yet.
    Reading,
    Ready(Rc<PageInsights>),
    /// Why there are none (one sentence).
    Failed(Rc<str>),
}

impl Found {
    /// The insights, once they are there.
    pub fn ready(&self) -> Option<&PageInsights> {
        match self {
            Found::Ready(found) => Some(found),
            _ => None,
        }
    }
}

/// An `Rc` compared by address: a new comparison is a new value, and an
/// equal one is never compared field by field.
#[derive(Clone)]
struct Same(Rc<Comparison>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The insights of the comparison `c` of `before` and `after`, asked of the
/// second module (off the main thread) once per comparison.
#[hook]
pub fn use_insights(c: Rc<Comparison>, before: Rc<History>, after: Rc<History>) -> Found {
    let key = Same(c);
    let answered = use_state(|| None::<(Same, Found)>);
    {
        let answered = answered.clone();
        use_effect_with(key.clone(), move |key| {
            let key = key.clone();
            let request = Request::Insights {
                before: (*before).clone(),
                after: (*after).clone(),
            };
            extras::ask_data(&request, move |answer: Result<InsightsView, String>| {
                let found = answer.and_then(|ins| {
                    PageInsights::of(&key.0, ins).ok_or_else(|| "no pair in the answer".into())
                });
                let found = match found {
                    Ok(found) => Found::Ready(found),
                    Err(e) => Found::Failed(e.into()),
                };
                answered.set(Some((key, found)));
            });
        });
    }
    match answered.as_ref() {
        Some((k, found)) if *k == key => found.clone(),
        _ => Found::Reading,
    }
}

/// Our words, with the spans they write in backticks shown as code.
fn rich(text: &str) -> Html {
    let parts = text.split('`').enumerate().map(|(k, part)| {
        if k % 2 == 1 {
            html! { <code>{part.to_string()}</code> }
        } else {
            Html::from(part.to_string())
        }
    });
    parts.collect()
}

/// The badge of `side`'s findings on the printed `layers` (nothing when
/// none): `place` positions it over the chart, `row` names its table row.
pub fn badge(
    found: &PageInsights,
    side: usize,
    layers: &[usize],
    row: Option<String>,
    place: Option<String>,
) -> Html {
    let hits = hits(found, side, layers);
    let Some(&(first, _)) = hits.first() else {
        return html! {};
    };
    let hollow = hits.iter().all(|(_, f)| f.possible());
    let shown: Vec<&FindingView> = hits.iter().map(|&(_, f)| f).collect();
    let words = badge_words(SIDES[side], layers, &shown);
    // The name starts with the text shown (a count), as speech input users say it.
    let (text, label) = match hits.len() {
        1 => ("!".to_string(), words),
        n => (n.to_string(), format!("{n} findings: {words}")),
    };
    html! {
        <button type="button" class={classes!("badge", hollow.then_some("hollow"))} aria-label={label}
            data-goto={format!("ins-{side}-{first}")} data-rows={row} style={place} data-testid="badge">
            {text}
        </button>
    }
}

/// The findings of `side` on the printed `layers`, in the panel's order.
fn hits<'a>(
    found: &'a PageInsights,
    side: usize,
    layers: &[usize],
) -> Vec<(usize, &'a FindingView)> {
    let findings = &found.ins.histories[side].findings;
    let mut named = vec![false; findings.len()];
    for &i in layers
        .iter()
        .filter_map(|&l| found.at[side].get(l))
        .flatten()
    {
        named[i] = true;
    }
    findings
        .iter()
        .enumerate()
        .filter(|(i, _)| named[*i])
        .collect()
}

/// The badges over the chart: one per overlay segment whose layers have
/// findings, spread along the segments' edges toward the bands by the core
/// (`chart::badges`) for a drawing shown `box_px` CSS pixels wide. On a
/// path's chart (`compared`: the positions of the pair's steps), the
/// segments of the two compared columns carry them.
pub fn chart_badges(
    svg: &str,
    found: &PageInsights,
    compared: Option<(usize, usize)>,
    box_px: f64,
) -> Html {
    // the overlay counts layers from the oldest, the findings from the newest
    let printed = |side: usize, layers: &[usize]| -> Vec<usize> {
        let n = found.ins.histories[side].layers;
        layers.iter().filter_map(|l| n.checked_sub(l + 1)).collect()
    };
    let marked =
        |side: usize, layers: &[usize]| !hits(found, side, &printed(side, layers)).is_empty();
    badge_spots(svg, compared, box_px, marked)
        .into_iter()
        .map(|spot| {
            let place = format!(
                "left:{}%;top:{}%",
                fixed(spot.left_pct, 2),
                fixed(spot.top_pct, 2)
            );
            let layers = printed(spot.side, &spot.layers);
            badge(found, spot.side, &layers, spot.row, Some(place))
        })
        .collect()
}

/// The findings panel: a line while they are read, a sentence if they
/// cannot be.
pub fn panel(found: &Found) -> Html {
    let found = match found {
        Found::Ready(found) => found,
        Found::Reading => {
            return html! {
                <section class="insights" data-testid="insights-pending">
                    <p class="muted" role="status">{"Looking for what makes these images big…"}</p>
                </section>
            }
        }
        Found::Failed(why) => {
            return html! {
                <section class="insights" data-testid="insights-failed">
                    <p class="muted" role="status">{format!("The insights could not be read: {why}. Reload the page to try again.")}</p>
                </section>
            }
        }
    };
    let ins = &found.ins;
    html! {
        <section class="insights" aria-labelledby="ins-title" data-testid="insights">
            <h3 id="ins-title">{"Insights: why they are big, and what to try"}</h3>
            if let Some(words) = &ins.pair {
                <p class="ins-pair" data-testid="insights-pair"><b>{"Before → after: "}</b>{rich(words)}</p>
            }
            <div class="ins-sides">
                { for ins.histories.iter().take(2).enumerate().map(|(k, h)| side_view(found, k, h)) }
            </div>
            <p class="muted small">{"Read from the history text alone: nothing here has seen the image. Where a command is cut (…), a finding is only possible; "}
                <code>{"docker history --no-trunc"}</code>{" shows the whole text."}</p>
        </section>
    }
}

/// One history: its summary and its findings, own then inherited.
fn side_view(found: &PageInsights, k: usize, h: &HistoryView) -> Html {
    let group = |title: &str, inherited: bool| {
        let all: Vec<(usize, &FindingView)> = h
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.inherited == inherited)
            .collect();
        if all.is_empty() {
            return html! {};
        }
        let more = all.len().saturating_sub(SHOWN);
        // A rule's words once per group: its next findings are one line each.
        let mut said = Vec::new();
        let items = all.iter().take(SHOWN).map(|&(i, f)| {
            let key = (f.rule.as_str(), f.possible());
            let words = !said.contains(&key);
            said.push(key);
            finding_item(found, k, i, f, words)
        });
        html! {
            <>
                <h5>{title}</h5>
                <ol class="findings">{ for items }</ol>
                if more > 0 {
                    <p class="muted small">{format!("… and {more} more, with less at stake: the Markdown and JSON exports list them all.")}</p>
                }
            </>
        }
    };
    html! {
        <div class="ins-side" data-testid={format!("insights-{}", SIDES[k])}>
            <h4>{SIDES[k]}{if h.label.is_empty() { String::new() } else { format!(" · {}", h.label) }}</h4>
            <p data-testid={format!("summary-{}", SIDES[k])}>{rich(&h.summary)}</p>
            if !h.biggest.is_empty() {
                <h5>{"Your biggest layers"}</h5>
                <ul class="biggest" data-testid={format!("biggest-{}", SIDES[k])}>
                    { for h.biggest.iter().map(|b| html! {
                        <li>{format!("{} · {}: ", b.number(), b.size)}<code>{&b.command}</code></li>
                    }) }
                </ul>
            }
            {group("Your layers", false)}
            {group("Inherited from the base image", true)}
        </div>
    }
}

/// One finding: title, bytes, confidence, layer number, verdict, its
/// command, then (with `words`) what it means and the fix.
fn finding_item(found: &PageInsights, k: usize, i: usize, f: &FindingView, words: bool) -> Html {
    let row = found.rows[k].get(f.layer).copied().flatten();
    let verdict = f.verdict.as_ref().map(|v| {
        let word = v.verdict.as_str();
        let words = match v.delta_bytes.filter(|_| v.fixed()) {
            Some(d) => format!("after: fixed, Δ {}", signed(d)),
            None => format!("after: {word}"),
        };
        html! {
            <span class={classes!("verdict", format!("v-{}", word.replace(' ', "-")))} data-verdict={word.to_string()}
                title={v.not_visible().then_some("The after image's command is cut: rerun docker history --no-trunc on it to be sure.")}>{words}</span>
        }
    });
    html! {
        <li id={format!("ins-{k}-{i}")} tabindex="-1" class="finding" data-testid="finding"
            data-rule={f.rule.clone()} data-confidence={f.confidence.as_str()} data-rows={row.map(|r| r.to_string())}>
            <p>
                <span class={classes!("badge", f.possible().then_some("hollow"))} aria-hidden="true">{"!"}</span>
                <b>{&f.title}</b>{" · "}<span data-testid="stake">{&f.stake}</span>
                <span class="muted">{" · "}{f.confidence.as_str()}{" · "}<span data-testid="finding-layer">{f.number().to_string()}</span></span>{verdict}
            </p>
            <p><code data-testid="command">{&f.command}</code>
                if words { {": "}{rich(&f.message)} }</p>
            if words {
                <p class="small"><b>{"Fix: "}</b>{rich(&f.fix)}<span class="muted">{" Source: "}{&f.source}{"."}</span></p>
            }
        </li>
    }
}

/// Shows a badge's words beside it on hover and focus, and its finding
/// when it is chosen. Returns the ref for the element holding the badges
/// (the words are placed in it: give it `position: relative`) and the
/// element for the words, which the listeners fill and show (no render).
#[hook]
pub fn use_badge_tip() -> (NodeRef, Html) {
    let (root, tip) = (use_node_ref(), use_node_ref());
    {
        let (root, tip) = (root.clone(), tip.clone());
        use_effect_with((), move |_| {
            let listeners = root
                .cast::<web_sys::Element>()
                .zip(tip.cast::<web_sys::HtmlElement>())
                .map(|(el, tip)| {
                    ["mouseover", "focusin", "mouseout", "focusout", "click"].map(|kind| {
                        let (el2, tip) = (el.clone(), tip.clone());
                        EventListener::new(&el, kind, move |e| on_badge_event(&el2, &tip, e))
                    })
                });
            move || drop(listeners)
        });
    }
    let html = html! {
        <div class="badge-tip" ref={tip} hidden=true aria-hidden="true" data-testid="badge-tip"></div>
    };
    (root, html)
}

fn on_badge_event(root: &web_sys::Element, tip: &web_sys::HtmlElement, e: &Event) {
    let badge = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("button.badge").ok().flatten());
    let Some(badge) = badge else { return };
    match e.type_().as_str() {
        "mouseout" | "focusout" => tip.set_hidden(true),
        "click" => {
            let target = badge
                .get_attribute("data-goto")
                .and_then(|id| web_sys::window()?.document()?.get_element_by_id(&id))
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(t) = target {
                t.scroll_into_view();
                let _ = t.focus();
            }
        }
        _ => {
            let (b, r) = (
                badge.get_bounding_client_rect(),
                root.get_bounding_client_rect(),
            );
            // Under the badge, kept inside the section (a phone is narrow).
            let width = (r.width() - 16.0).min(384.0);
            let left = (b.left() - r.left()).min(r.width() - width - 8.0).max(8.0);
            tip.set_text_content(badge.get_attribute("aria-label").as_deref());
            let top = b.bottom() - r.top() + 4.0;
            let style = format!(
                "left:{}px;top:{}px;max-width:{}px",
                fixed(left, 0),
                fixed(top, 0),
                fixed(width, 0)
            );
            let _ = tip.set_attribute("style", &style);
            tip.set_hidden(false);
        }
    }
}
