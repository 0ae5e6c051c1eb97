//! The headline figures of a comparison, in the core's words
//! (`layerdiff_core::app::view`): both totals and the change, and on the page the
//! shared base too.

use yew::prelude::*;

use layerdiff_core::app::Figures;

/// Both totals, the change and (unless `brief`: the read-only view) the
/// shared base. A view function, not a component: it keeps no state, and
/// each component costs the first load its own machinery.
pub fn pair_figures(f: &Figures, brief: bool) -> Html {
    let trend = if brief { "" } else { f.trend.class() };
    html! {
        <>
        <dl class={classes!("figures", brief.then_some("embed-figures"))}>
            <div><dt>{&f.before.name}</dt>
                <dd data-testid="sum-before" title={f.before.range.clone()}>{&f.before.total}</dd></div>
            <div><dt>{&f.after.name}</dt>
                <dd data-testid="sum-after" title={f.after.range.clone()}>{&f.after.total}</dd></div>
            <div class={classes!("delta", trend)}>
                <dt>{"change"}</dt>
                <dd data-testid="delta">{&f.change}</dd></div>
            if !brief {
                <div><dt>{"unchanged at the bottom"}</dt>
                    <dd data-testid="base-size">{&f.base}</dd>
                    <dd class="muted small">{&f.base_note}</dd></div>
            }
        </dl>
        // After the list: a <dl> holds only its terms and their groups.
        if !brief {
            <p class="muted small figures-note">{"“Sum of layer sizes” as printed by docker history; it can differ from "}<code>{"docker images"}</code>{". Human sizes carry 3 significant digits, so totals are approximate (≈)."}</p>
        }
        </>
    }
}
