//! The share box's wiring: the link as last packed, packing now or a view
//! link on demand, the link's choices, and our words for the chart
//! (`share_bar.rs` lays it out).

use std::rc::Rc;

use yew::prelude::*;

use super::share_bar::ShareBar;
use crate::hooks::{self, Latest, Links};
use crate::link::{self, LinkChoices};
use crate::path::PathView;
use layerdiff_core::compare::numbers::Total;
use layerdiff_core::compare::Comparison;
use layerdiff_core::embed;
use layerdiff_core::model::History;
use layerdiff_core::share::Embed;

/// Our words for the chart shown: every step's total in order.
pub fn chart_caption(c: &Comparison, path: Option<&PathView>) -> AttrValue {
    let totals: Vec<Total> = match path {
        Some(view) => view.path.0.steps.iter().map(|s| s.total).collect(),
        None => vec![c.before.total, c.after.total],
    };
    AttrValue::from(embed::caption(&totals))
}

/// The share box for the compared pair: the link as last packed (marked as
/// updating while the panes or choices ran ahead of it).
pub fn share_bar(
    latest: &Latest,
    links: Option<&Links>,
    choices: &UseStateHandle<LinkChoices>,
    (before, after): (Rc<History>, Rc<History>),
    path: Option<PathView>,
    dark: bool,
    caption: AttrValue,
) -> Html {
    let base_url = link::base_url();
    let fragment = links.map(|l| l.full.clone()).unwrap_or_default();
    let updating = links.is_none_or(|l| !l.is_current(&latest.borrow(), **choices));
    let pack_now = {
        let latest = latest.clone();
        Callback::from(
            move |(c, done): (LinkChoices, Callback<Result<String, String>>)| {
                hooks::pack_now(&latest.borrow(), c, move |url| done.emit(url))
            },
        )
    };
    let on_choices = {
        let choices = choices.clone();
        Callback::from(move |v| choices.set(v))
    };
    let pack_view = {
        let (latest, choices) = (latest.clone(), **choices);
        Callback::from(move |(embed, done): (Embed, Callback<Option<String>>)| {
            let view = latest
                .borrow()
                .snapshot()
                .as_embed(embed.findings, embed.table);
            hooks::pack_link(view, choices, move |url| done.emit(url.ok()));
        })
    };
    html! {
        <ShareBar link={AttrValue::from(if fragment.is_empty() { String::new() } else { format!("{base_url}#{fragment}") })}
            refused={links.and_then(|l| l.refused.clone()).map(AttrValue::from)}
            short_len={links.and_then(|l| l.short.as_ref()).map(|s| base_url.chars().count() + 1 + s.len())}
            {updating} {pack_now} choices={**choices} {on_choices} {before} {after} {path} {dark}
            {pack_view} {caption} />
    }
}
