//! The share box's link: the link as packed (or why there is none), a copy
//! button with feedback, the "without image ids and times" choice, and the
//! link's length against a chat message's limit, with a shorter link
//! offered when that one fits.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::share_bar::{LinkSource, CHAT_LIMIT};
use crate::dom::copy_to_clipboard;
use crate::link::LinkChoices;

/// What [`use_share_link`] shows.
pub struct ShareLinkProps {
    /// The link and how to get a fresh one.
    pub source: LinkSource,
    /// Why there is no link (the panes hold too much to carry), if so.
    pub refused: Option<AttrValue>,
    /// The length of the link without ids and times, when it was packed.
    pub short_len: Option<usize>,
    /// Changes the choices.
    pub on_choices: Callback<LinkChoices>,
}

/// The link row, its copy button and its length.
#[hook]
pub fn use_share_link(props: &ShareLinkProps) -> Html {
    let copied = use_state(|| None::<Result<(), String>>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let source = &props.source;
    let choices = source.choices;
    // "Copied ✓" speaks of one link: a new link is not copied yet.
    {
        let copied = copied.clone();
        use_effect_with(source.link.clone(), move |_| {
            if copied.is_some() {
                copied.set(None);
            }
        });
    }
    let on_copy = copy_on_click(source, copied.clone(), timer);
    let set_short = props.on_choices.reform(move |_: MouseEvent| LinkChoices {
        short: !choices.short,
        ..choices
    });
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    let copy_label = match &*copied {
        None => "Copy link",
        Some(Ok(())) => "Copied ✓",
        Some(Err(_)) => "Select and copy (Ctrl+C)",
    };
    if let Some(why) = &props.refused {
        return html! { <p class="warn" role="status" data-testid="link-refused">{"No link for these panes: "}{why}{"."}</p> };
    }
    if source.link.is_empty() {
        return html! { <p class="muted" role="status" data-testid="link-packing">{"Packing the link…"}</p> };
    }
    html! {
        <>
            <div class="link-row">
                <input type="text" readonly=true value={source.link.clone()} onfocus={select_all}
                    aria-label="Share link" data-testid="share-link" />
                <button type="button" class="primary" onclick={on_copy} data-testid="copy-link" aria-live="polite">{copy_label}</button>
            </div>
            <p class="link-meta">
                if source.updating { <span class="muted" data-testid="link-updating">{"updating the link… · "}</span> }
                <label><input type="checkbox" checked={choices.short} onclick={set_short.clone()} data-testid="short-toggle" />{" without image ids and times"}</label>
            </p>
            {length_note(source.link.chars().count(), choices, props.short_len, set_short)}
        </>
    }
}

/// Copies the current link (a fresh one while it is being packed again) and
/// says so for a moment.
fn copy_on_click(
    source: &LinkSource,
    copied: UseStateHandle<Option<Result<(), String>>>,
    timer: Rc<std::cell::RefCell<Option<Timeout>>>,
) -> Callback<MouseEvent> {
    let link = source.get();
    Callback::from(move |_: MouseEvent| {
        let (copied, timer) = (copied.clone(), timer.clone());
        let shown = move |res: Result<(), String>| {
            copied.set(Some(res));
            let copied = copied.clone();
            *timer.borrow_mut() = Some(Timeout::new(2_500, move || copied.set(None)));
        };
        link(Callback::from(
            move |url: Result<String, String>| match url {
                Ok(url) => copy_to_clipboard(&url, shown.clone()),
                Err(why) => shown(Err(why)),
            },
        ));
    })
}

/// The link's length: fits a chat message, or a warning with the shorter
/// link offered when that one fits.
fn length_note(
    len: usize,
    choices: LinkChoices,
    short_len: Option<usize>,
    set_short: Callback<MouseEvent>,
) -> Html {
    if len <= CHAT_LIMIT {
        return html! { <p class="muted small"><span data-testid="link-length">{len}</span>{" characters — fits a chat message."}</p> };
    }
    html! {
        <p class="warn" role="status" data-testid="link-warning">
            {"⚠ "}<span data-testid="link-length">{len}</span>{format!(" characters: longer than one chat message (Discord allows {CHAT_LIMIT}).")}
            if let (false, Some(short_len)) = (choices.short, short_len.filter(|n| *n <= CHAT_LIMIT)) {
                {" "}<button type="button" class="primary" onclick={set_short} data-testid="use-short-link">
                    {format!("Use a shorter link ({short_len} characters, without image ids and times)")}
                </button>
            } else if let (false, Some(short_len)) = (choices.short, short_len) {
                {format!(" Without image ids and times it would still be {short_len} characters; share the Markdown export instead.")}
            }
        </p>
    }
}
