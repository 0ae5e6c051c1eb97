//! The likely secrets in the instructions of what is shared (every step of
//! a path, or the pair), each with its value highlighted in its command, and
//! the choice to mask them (***) in the link and the exports.

use std::rc::Rc;

use yew::prelude::*;

use crate::link::LinkChoices;
use crate::path::PathView;
use layerdiff_core::instruction::Instruction;
use layerdiff_core::model::{History, LayerNumber};
use layerdiff_core::redact::{find_secrets, LayerSecret};
use layerdiff_core::text::{cut_end, cut_start};

/// What [`use_secrets_list`] shows.
pub struct SecretsListProps {
    /// The two histories compared.
    pub before: Rc<History>,
    /// The after history.
    pub after: Rc<History>,
    /// The steps as a path, when there are three or more.
    pub path: Option<PathView>,
    /// The user's choices (whether secrets are masked).
    pub choices: LinkChoices,
    /// Changes the choices.
    pub on_choices: Callback<LinkChoices>,
}

/// The secrets found, if any.
#[hook]
pub fn use_secrets_list(props: &SecretsListProps) -> Html {
    // A path's exports carry every step, so every step's secrets are listed.
    let secrets = {
        let (before, after) = (props.before.clone(), props.after.clone());
        let steps = props.path.as_ref().map(|v| v.histories.clone());
        use_memo((before, after, steps), |(b, a, steps)| match steps {
            Some(steps) => steps.0.iter().map(find_secrets).collect(),
            None => vec![find_secrets(b), find_secrets(a)],
        })
    };
    let n_secrets: usize = secrets.iter().map(Vec::len).sum();
    if n_secrets == 0 {
        return Html::default();
    }
    let choices = props.choices;
    let set_redact = props.on_choices.reform(move |_: Event| LinkChoices {
        redact: !choices.redact,
        ..choices
    });
    html! {
        <div class="secrets" role="status" data-testid="secrets">
            <p><b>{format!("⚠ {n_secrets} likely secret{} in the instructions", if n_secrets == 1 { "" } else { "s" })}</b>
                {" — "}
                <label><input type="checkbox" checked={choices.redact} onchange={set_redact} data-testid="redact-toggle" />{" mask them (***) in the link and exports"}</label>
            </p>
            <ul>
                { for secrets.iter().enumerate().flat_map(|(k, found)| {
                    let (name, history) = secret_source(props, k);
                    found.iter().map(move |f| history.map_or_else(Html::default, |h| secret_item(&name, h, f)))
                }) }
            </ul>
        </div>
    }
}

/// Where the `k`-th list of secrets was found: a step of the path, or the
/// before and after of the pair.
fn secret_source(props: &SecretsListProps, k: usize) -> (String, Option<&History>) {
    match &props.path {
        Some(view) => (format!("step {}", k + 1), view.histories.0.get(k)),
        None if k == 0 => ("before".into(), Some(&*props.before)),
        None => ("after".into(), Some(&*props.after)),
    }
}

/// One found secret, its value highlighted in the command.
fn secret_item(side: &str, history: &History, f: &LayerSecret) -> Html {
    let Some(layer) = history.layers.get(f.layer) else {
        return html! {};
    };
    let text = &layer.created_by;
    let (pre, secret, post) = match (
        text.get(..f.range.start),
        text.get(f.range.clone()),
        text.get(f.range.end..),
    ) {
        (Some(a), Some(b), Some(c)) => (a, b, c),
        _ => (text.as_str(), "", ""),
    };
    let keyword = Instruction::read(text, layer.truncated).keyword.word();
    html! {
        <li>
            <span class="muted">{format!("{side}, {} ({}), {}: ", LayerNumber::of_printed(f.layer), keyword.unwrap_or("row"), f.kind.describe())}</span>
            <b>{&f.name}</b>
            <code class="secret-ctx">{cut_start(pre, 31)}<mark>{secret}</mark>{cut_end(post, 31)}</code>
        </li>
    }
}
