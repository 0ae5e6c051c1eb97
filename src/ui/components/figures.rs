//! The headline figures of a comparison, in the core's words
//! (`core::app::view`): both totals and the change, and on the page the
//! shared base too.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::Figures;

/// Props of [`PairFigures`].
#[derive(Properties, PartialEq)]
pub struct PairFiguresProps {
    pub figures: Rc<Figures>,
    /// Only the totals and the change (the read-only view).
    #[prop_or_default]
    pub brief: bool,
}

/// Both totals, the change and (unless brief) the shared base.
#[component]
pub fn PairFigures(props: &PairFiguresProps) -> Html {
    let f = &props.figures;
    let trend = if props.brief { "" } else { f.trend.class() };
    html! {
        <dl class={classes!("figures", props.brief.then_some("embed-figures"))}>
            <div><dt>{&f.before.name}</dt>
                <dd data-testid="sum-before" title={f.before.range.clone()}>{&f.before.total}</dd></div>
            <div><dt>{&f.after.name}</dt>
                <dd data-testid="sum-after" title={f.after.range.clone()}>{&f.after.total}</dd></div>
            <div class={classes!("delta", trend)}>
                <dt>{"change"}</dt>
                <dd data-testid="delta">{&f.change}</dd></div>
            if !props.brief {
                <div><dt>{"shared base"}</dt>
                    <dd data-testid="base-size">{&f.base}</dd>
                    <dd class="muted small">{&f.base_note}</dd></div>
                <p class="muted small figures-note">{"“Sum of layer sizes” as printed by docker history; it can differ from "}<code>{"docker images"}</code>{". Human sizes carry 3 significant digits, so totals are approximate (≈)."}</p>
            }
        </dl>
    }
}
