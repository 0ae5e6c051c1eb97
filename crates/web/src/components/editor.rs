//! The editor: the steps (paste panes) in order, the comparison of two of
//! them below, and the share box. It only composes: the state is the core's
//! (`layerdiff_core::app`, a Yew reducer through `state.rs`) and each effect
//! is a hook of its own (`hooks/`).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::comparison::ComparisonView;
use crate::components::demo_note::demo_note;
use crate::components::link_banner::{banner_view, open_work, set_aside_if_different, Banner};
use crate::components::notice::{not_saved_view, notice_view};
use crate::components::page_header::page_header;
use crate::components::question::question_view;
use crate::components::share_box::{chart_caption, share_bar};
use crate::components::steps::steps_view;
use crate::dom::copy_to_clipboard;
use crate::hooks::{
    use_address_bar, use_autosave, use_compared_histories, use_comparison, use_dark_mode,
    use_latest, use_page_input, use_share_link, Latest, Links, Notice, PageInput,
};
use crate::link::{self, LinkChoices};
use crate::path::{use_path, PathState};
use crate::present::{use_present_key, Presenter};
use crate::shortcuts::ShortcutsDialog;
use crate::state::PageState;
use crate::{hooks, state, storage};
use layerdiff_core::app::{Action, AppState};
use layerdiff_core::compare::Comparison;
use layerdiff_core::parse::parse;
use layerdiff_core::share::{LayerAt, ShareError, ShareState, SharedPane, StepPair, ViewOptions};
use layerdiff_core::split::split_histories;

/// The demo comparison shown on a first visit: a course submission with a
/// before and an after table (tests/data/corpus/000-…, provenance in INDEX.md).
pub const DEMO: &str =
    include_str!("../../../../tests/data/corpus/000-course-3.1-backend-before-after.txt");

/// The demo split into its before and after steps.
pub fn demo() -> ShareState {
    let parts = split_histories(DEMO, &parse(DEMO), 2);
    ShareState {
        steps: parts
            .into_iter()
            .map(|text| SharedPane {
                text,
                ..SharedPane::default()
            })
            .collect(),
        view: ViewOptions {
            sort_by_delta: false,
            base_collapsed: true,
            ..ViewOptions::default()
        },
        compared: None,
    }
}

/// What the page opens with, and what to tell the user about it.
fn startup(opened: Option<Result<ShareState, ShareError>>) -> (PageState, Option<Banner>) {
    let saved = storage::load_work().filter(|w| !w.is_blank());
    let fallback = || state::restore(saved.as_ref().unwrap_or(&demo()));
    match opened {
        None => (fallback(), None),
        Some(Err(e)) => (fallback(), Some(Banner::BadLink(e.to_string()))),
        Some(Ok(opened)) => {
            let banner = saved
                .as_ref()
                .and_then(|work| set_aside_if_different(work, &opened));
            (state::restore(&opened), banner)
        }
    }
}

/// The link in the address bar when the page opened, read once.
#[derive(Clone)]
pub struct Opened(pub Rc<Option<Result<ShareState, ShareError>>>);

impl PartialEq for Opened {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub opened: Opened,
}

/// The editor: the steps, the comparison, the share box.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let start = use_memo((), |_| startup((*props.opened.0).clone()));
    let state = use_reducer(|| start.0.clone());
    let banner = use_state(|| start.1.clone());
    let latest = use_latest(&state);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    let not_saved = use_autosave(&latest);
    let choices = use_state(|| LinkChoices {
        short: false,
        redact: true,
    });
    let links = use_share_link(&latest, *choices);
    let on_open = {
        let (latest, banner) = (latest.clone(), banner.clone());
        Callback::from(move |opened| open_work(opened, &latest, &banner))
    };
    use_address_bar(&latest, links.clone(), on_open.clone());

    let notice = use_state(|| None::<Notice>);
    let help = use_state(|| false);
    use_input_on_page(&latest, links.as_deref(), &notice, &help);

    let dark = use_dark_mode();
    let (before, after) = use_compared_histories(&state);
    let comparison = use_comparison(before.clone(), after.clone());
    let path = use_path(&state);
    let path_view = match &path {
        PathState::Ready(view) => Some(view.clone()),
        _ => None,
    };

    let presenting = use_presenting(comparison.as_ref(), &state, &dispatch);
    let (left, right) = state.compared_positions();
    let compared_steps = StepPair { left, right };
    let on_copy_layer = copy_layer_link(&latest, *choices, &notice);
    let body = match (comparison, before, after) {
        (Some(c), Some(b), Some(a)) => {
            let caption = chart_caption(&c, path_view.as_ref());
            html! {
                <>
                    <ComparisonView comparison={c} before={b.clone()} after={a.clone()} dark={dark}
                        sort_by_delta={state.view.sort_by_delta} base_collapsed={state.view.base_collapsed}
                        on_toggle_sort={dispatch.reform(|_| Action::ToggleSort)}
                        on_toggle_base={dispatch.reform(|_| Action::ToggleBase)} {path}
                    compared={compared_steps} focus={state.view.focus}
                    on_clear_focus={dispatch.reform(|_| Action::Focus(None))}
                    on_copy_layer={on_copy_layer.clone()} />
                    {share_bar(&latest, links.as_deref(), &choices, (b, a), path_view, dark, caption)}
                </>
            }
        }
        (None, Some(_), Some(_)) => no_comparison(true),
        _ => no_comparison(false),
    };

    // Stable, so the closed overlay is not re-rendered with the page.
    let close_help = use_callback(help.setter(), |_: (), help| help.set(false));
    // The demo replaces every step: what they held stays recoverable, as with a link.
    let on_demo = on_open.reform(|_: MouseEvent| Ok(demo()));
    html! {
        <>
            {page_header(&dispatch, on_demo, &help)}
            <ShortcutsDialog open={*help} on_close={close_help} />
            {notice_view(&notice)}
            {banner_view(&banner, &dispatch)}
            {question_view(&state, &dispatch)}
            {not_saved_view(not_saved.as_deref())}
            <main>
                {demo_note(&state)}
                {steps_view(&state, &dispatch)}
                {body}
            </main>
            {presenting}
        </>
    }
}

/// Drops, pastes and keys on the whole page (`hooks/page_input.rs`), with
/// the share link as it is now for the key that copies it.
#[hook]
fn use_input_on_page(
    latest: &Latest,
    links: Option<&Links>,
    notice: &UseStateHandle<Option<Notice>>,
    help: &UseStateHandle<bool>,
) {
    let link_to_copy = use_mut_ref(|| Err("the link is not ready yet".to_string()));
    *link_to_copy.borrow_mut() = match links {
        Some(l) => match &l.refused {
            Some(why) => Err(why.clone()),
            None => Ok(format!("{}#{}", link::base_url(), l.full)),
        },
        None => Err("the link is not ready yet".to_string()),
    };
    let input = PageInput {
        notice: notice.clone(),
        help: help.clone(),
        link: link_to_copy,
    };
    use_page_input(latest, input);
}

/// The slide shown while presenting, and `P` to start when a comparison
/// is shown and nothing is presented yet.
#[hook]
fn use_presenting(
    comparison: Option<&Rc<Comparison>>,
    state: &AppState,
    dispatch: &Callback<Action>,
) -> Option<Html> {
    let ready = comparison.is_some() && state.view.slide.is_none();
    use_present_key(ready, dispatch.reform(|_| Action::Present(Some(0))));
    comparison.zip(state.view.slide).map(|(c, slide)| {
        html! { <Presenter comparison={c.clone()} slide={slide} on_move={dispatch.reform(Action::Present)} /> }
    })
}

/// The comparison's place while there is none: being compared, or waiting
/// for two histories.
fn no_comparison(comparing: bool) -> Html {
    if comparing {
        html! {
            <section class="comparison empty" id="comparison" tabindex="-1" data-testid="comparing">
                <p class="muted" role="status">{"Comparing…"}</p>
            </section>
        }
    } else {
        html! {
            <section class="comparison empty" id="comparison" tabindex="-1" data-testid="comparison-empty">
                <p class="muted">{"The comparison appears here once both compared steps hold a docker history."}</p>
            </section>
        }
    }
}

/// "Copy link to this layer": the share link with the layer named
/// (`view.focus`), packed for the panes as they are, copied, and said so.
fn copy_layer_link(
    latest: &Latest,
    choices: LinkChoices,
    notice: &UseStateHandle<Option<Notice>>,
) -> Callback<LayerAt> {
    let (latest, notice) = (latest.clone(), notice.clone());
    Callback::from(move |at: LayerAt| {
        let mut work = latest.borrow().snapshot();
        work.view.focus = Some(at);
        let notice = notice.clone();
        hooks::pack_link(work, choices, move |url| {
            let said = |message: String, problem: bool| Some(Notice { message, problem });
            let url = match url {
                Ok(url) => url,
                Err(why) => {
                    return notice.set(said(format!("No link for these panes: {why}."), true))
                }
            };
            copy_to_clipboard(&url.clone(), move |res| {
                notice.set(match res {
                    Ok(()) => said(format!("Link to {} copied.", at.describe()), false),
                    Err(_) => said(
                        format!(
                            "The browser did not let the page copy. The link to {}: {url}",
                            at.describe()
                        ),
                        true,
                    ),
                })
            });
        });
    })
}
