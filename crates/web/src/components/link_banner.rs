//! The banner about a link the page opened (or the demo): it could not be
//! read, and nothing changed; or it replaced the panes, whose text is kept
//! and can be restored. Opening work never destroys work: [`open_work`]
//! sets what it replaces aside first.

use yew::prelude::*;

use super::demo_note::is_demo;
use crate::hooks::Latest;
use crate::storage;
use layerdiff_core::app::Action;
use layerdiff_core::share::{ShareError, ShareState};

/// A message across the top of the page.
#[derive(Clone, PartialEq)]
pub enum Banner {
    /// A link could not be opened; nothing was changed.
    BadLink(String),
    /// A link or the demo (`by_demo`) replaced panes that are kept and can
    /// be restored (`stored`: in the browser's storage too, not only for
    /// this visit).
    Recoverable { stored: bool, by_demo: bool },
}

/// Keeps `work` recoverable when `opened` would replace something different.
pub fn set_aside_if_different(work: &ShareState, opened: &ShareState) -> Option<Banner> {
    let texts = |s: &ShareState| s.steps.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
    if work.is_blank() || texts(work) == texts(opened) {
        return None;
    }
    let stored = storage::save_recoverable(work).is_ok();
    let by_demo = is_demo(opened.steps.iter().map(|p| p.text.as_str()));
    Some(Banner::Recoverable { stored, by_demo })
}

/// Replaces the panes with `opened` (a link, the demo), keeping what they
/// held recoverable; a link that could not be read changes nothing.
pub fn open_work(
    opened: Result<ShareState, ShareError>,
    latest: &Latest,
    banner: &UseStateHandle<Option<Banner>>,
) {
    let opened = match opened {
        Ok(opened) => opened,
        Err(e) => return banner.set(Some(Banner::BadLink(e.to_string()))),
    };
    let state = latest.borrow().clone();
    let current = state.snapshot();
    if current == opened {
        return;
    }
    if let Some(kept) = set_aside_if_different(&current, &opened) {
        banner.set(Some(kept));
    }
    state.dispatch(Action::Load(opened));
}

/// The banner, if any, with its buttons.
pub fn banner_view(banner: &UseStateHandle<Option<Banner>>, dispatch: &Callback<Action>) -> Html {
    let dismiss = {
        let banner = banner.clone();
        Callback::from(move |_: MouseEvent| banner.set(None))
    };
    match &**banner {
        None => html! {},
        Some(Banner::BadLink(why)) => html! {
            <div class="banner error" role="alert" data-testid="link-error">
                <p><b>{"This link could not be opened: "}</b>{why}{". Your panes were left as they were."}</p>
                <button type="button" onclick={dismiss}>{"Dismiss"}</button>
            </div>
        },
        Some(Banner::Recoverable { stored, by_demo }) => {
            let restore = {
                let (banner, dispatch) = (banner.clone(), dispatch.clone());
                Callback::from(move |_: MouseEvent| {
                    if let Some(work) = storage::load_recoverable() {
                        dispatch.emit(Action::Load(work));
                        storage::clear_recoverable();
                    }
                    banner.set(None);
                })
            };
            html! {
                <div class="banner info" role="status" data-testid="recoverable">
                    <p>{if *by_demo { "The demo replaced your panes; what they held is kept" } else { "A shared link replaced your panes; what they held is kept" }}
                        {if *stored { "." } else { " until you leave this page (too big for this browser's storage)." }}</p>
                    <button type="button" class="primary" onclick={restore} data-testid="restore">{"Restore my panes"}</button>
                    <button type="button" onclick={dismiss}>{if *by_demo { "Keep the demo" } else { "Keep the shared comparison" }}</button>
                </div>
            }
        }
    }
}
