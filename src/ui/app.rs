//! The page: the steps (paste panes) in order, the comparison of two of them
//! below, and the share box. `App` only composes: the state is the core's
//! (`crate::core::app`, a Yew reducer through `ui/state.rs`) and each effect
//! is a hook of its own (`ui/hooks/`: autosave, share link, address bar,
//! reading, comparison).
//!
//! Start-up order: a link in the address bar wins; otherwise the panes saved
//! by the last visit; otherwise the demo. Opening a link never destroys work:
//! panes it replaces are set aside and a banner offers to restore them. A bad
//! link changes nothing and says what is wrong with it. A link whose view
//! asks for the read-only view (`view.embed`) opens `ui/embed_view.rs`
//! instead of the editor.
//!
//! Input without a text box (a dropped file, a paste on the page, the keys
//! listed by `?`) is `hooks/page_input.rs`; its notices and the question
//! "which step?" are shown here.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::{Action, AppState, Compared, Question, MAX_STEPS};
use crate::core::compare::numbers::Total;
use crate::core::compare::Comparison;
use crate::core::embed;
use crate::core::model::History;
use crate::core::parse::parse;
use crate::core::share::{
    Embed, LayerAt, ShareError, ShareState, SharedPane, StepPair, ViewOptions,
};
use crate::core::split::split_histories;
use crate::ui::components::comparison::ComparisonView;
use crate::ui::components::paste_pane::PastePane;
use crate::ui::dom::copy_to_clipboard;
use crate::ui::embed_view::EmbedView;
use crate::ui::hooks::{
    use_address_bar, use_autosave, use_compared_histories, use_comparison, use_dark_mode,
    use_latest, use_page_input, use_share_link, Latest, Links, Notice, PageInput,
};
use crate::ui::link::{self, LinkChoices};
use crate::ui::path::{use_path, PathState, PathView};
use crate::ui::present::{use_present_key, Presenter};
use crate::ui::share_bar::ShareBar;
use crate::ui::shortcuts::ShortcutsDialog;
use crate::ui::{hooks, state, storage};

/// The demo comparison shown on a first visit: a course submission with a
/// before and an after table (tests/data/corpus/000-…, provenance in INDEX.md).
pub const DEMO: &str =
    include_str!("../../tests/data/corpus/000-course-3.1-backend-before-after.txt");

/// A message across the top of the page.
#[derive(Clone, PartialEq)]
enum Banner {
    /// A link could not be opened; nothing was changed.
    BadLink(String),
    /// A link replaced panes that are kept and can be restored (`stored`:
    /// in the browser's storage too, not only for this visit).
    Recoverable { stored: bool },
}

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
fn startup(opened: Option<Result<ShareState, ShareError>>) -> (AppState, Option<Banner>) {
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

/// Keeps `work` recoverable when `opened` would replace something different.
fn set_aside_if_different(work: &ShareState, opened: &ShareState) -> Option<Banner> {
    let texts = |s: &ShareState| s.steps.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
    if work.is_blank() || texts(work) == texts(opened) {
        return None;
    }
    let stored = storage::save_recoverable(work).is_ok();
    Some(Banner::Recoverable { stored })
}

/// Replaces the panes with `opened` (a link, the demo), keeping what they
/// held recoverable; a link that could not be read changes nothing.
fn open_work(
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

/// The link in the address bar when the page opened, read once.
#[derive(Clone)]
struct Opened(Rc<Option<Result<ShareState, ShareError>>>);

impl PartialEq for Opened {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The whole page: the read-only view when the link asks for it, else the editor.
#[component]
pub fn App() -> Html {
    let opened = use_memo((), |_| {
        let mut opened = link::read_address_bar();
        // "Open in layerdiff" from the read-only view: the same link, in the editor.
        if let Some(Ok(view)) = opened.as_mut().filter(|_| link::opens_editor()) {
            *view = view.as_editor();
        }
        Opened(Rc::new(opened))
    });
    match &*opened.0 {
        Some(Ok(view)) if view.view.embed.is_some() => {
            html! { <EmbedView snapshot={Rc::new(view.clone())} /> }
        }
        _ => html! { <Editor opened={(*opened).clone()} /> },
    }
}

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
struct EditorProps {
    opened: Opened,
}

/// The editor: the steps, the comparison, the share box.
#[component]
fn Editor(props: &EditorProps) -> Html {
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
    let link_to_copy = use_mut_ref(|| Err("the link is not ready yet".to_string()));
    *link_to_copy.borrow_mut() = match links.as_deref() {
        Some(l) => match &l.refused {
            Some(why) => Err(why.clone()),
            None => Ok(format!("{}#{}", link::base_url(), l.full)),
        },
        None => Err("the link is not ready yet".to_string()),
    };
    use_page_input(
        &latest,
        PageInput {
            notice: notice.clone(),
            help: help.clone(),
            link: link_to_copy,
        },
    );

    let dark = use_dark_mode();
    let (before, after) = use_compared_histories(&state);
    let comparison = use_comparison(before.clone(), after.clone());
    let path = use_path(&state);
    let path_view = match &path {
        PathState::Ready(view) => Some(view.clone()),
        _ => None,
    };

    let presenting = comparison.as_ref().zip(state.view.slide).map(|(c, slide)| {
        html! { <Presenter comparison={c.clone()} slide={slide} on_move={dispatch.reform(Action::Present)} /> }
    });
    use_present_key(
        comparison.is_some() && state.view.slide.is_none(),
        dispatch.reform(|_| Action::Present(Some(0))),
    );
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
        (None, Some(_), Some(_)) => html! {
            <section class="comparison empty" data-testid="comparing">
                <p class="muted" role="status">{"Comparing…"}</p>
            </section>
        },
        _ => html! {
            <section class="comparison empty" data-testid="comparison-empty">
                <p class="muted">{"The comparison appears here once both compared steps hold a docker history."}</p>
            </section>
        },
    };

    let on_swap = dispatch.reform(|_: MouseEvent| Action::Swap);
    // Stable, so the closed overlay is not re-rendered with the page.
    let close_help = use_callback(help.setter(), |_: (), help| help.set(false));
    // The demo replaces every step: what they held stays recoverable, as with a link.
    let on_demo = on_open.reform(|_: MouseEvent| Ok(demo()));
    html! {
        <>
            <header class="top">
                <h1><span class="logo" aria-hidden="true">{"▤"}</span>{"layerdiff"}</h1>
                <p class="tagline">{"Paste two "}<code>{"docker history"}</code>{" outputs — see which layers changed, by how much, and why. Everything stays in your browser."}</p>
                <nav class="actions">
                    <button type="button" onclick={on_swap} title="Swap the two compared steps">{"⇄ Swap"}</button>
                    <button type="button" onclick={on_demo} title="Replace the steps with the demo">{"Load demo"}</button>
                    <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Present(Some(0)))} data-testid="present"
                        title="Present the comparison one change at a time (P; ← → to move, Esc to stop)">{"▶ Present"}</button>
                    <button type="button" onclick={{ let help = help.clone(); move |_: MouseEvent| help.set(true) }}
                        aria-keyshortcuts="?" title="Keyboard shortcuts (?)" data-testid="show-shortcuts">{"Keys ?"}</button>
                </nav>
            </header>
            <ShortcutsDialog open={*help} on_close={close_help} />
            {notice_view(&notice)}
            {banner_view(&banner, &dispatch)}
            {question_view(&state, &dispatch)}
            if let Some(why) = &not_saved {
                <p class="banner warn" role="status" data-testid="not-saved">
                    {"Not saved in this browser: "}{why}{". The last save is kept; the panes stay as they are until you leave this page."}
                </p>
            }
            <main>
                {steps_view(&state, &dispatch)}
                {body}
            </main>
            {presenting}
        </>
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

/// Our words for the chart shown: every step's total in order.
fn chart_caption(c: &Comparison, path: Option<&PathView>) -> AttrValue {
    let totals: Vec<Total> = match path {
        Some(view) => view.path.0.steps.iter().map(|s| s.total).collect(),
        None => vec![c.before.total, c.after.total],
    };
    AttrValue::from(embed::caption(&totals))
}

/// The share box for the compared pair: the link as last packed (marked as
/// updating while the panes or choices ran ahead of it).
fn share_bar(
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

/// The steps in order (each marked when compared), and the bar below them:
/// add a step, and which two are compared.
fn steps_view(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let n_steps = state.steps.len();
    let (old_pos, new_pos) = state.compared_positions();
    let panes = state.steps.iter().enumerate().map(|(position, pane)| {
        let compared = match position {
            p if p == old_pos => Some("old"),
            p if p == new_pos => Some("new"),
            _ => None,
        };
        html! {
            <PastePane key={pane.id.0} {position} {n_steps} {compared} pane={pane.clone()} dispatch={dispatch.clone()} />
        }
    });
    html! {
        <>
            <div class={classes!("panes", (n_steps > 2).then_some("many"))} data-testid="steps" data-steps={n_steps.to_string()}>
                { for panes }
            </div>
            <p class="step-bar">
                <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::AddStep)}
                    disabled={n_steps >= MAX_STEPS} data-testid="add-step">{"+ Add a step"}</button>
                {compare_picker(state, dispatch)}
            </p>
        </>
    }
}

/// "Compare step X with step Y", shown when there are more than two steps.
fn compare_picker(state: &AppState, dispatch: &Callback<Action>) -> Html {
    if state.steps.len() <= 2 {
        return html! {};
    }
    let (old_pos, new_pos) = state.compared_positions();
    let ids: Vec<_> = state.steps.iter().map(|p| p.id).collect();
    let names: Vec<String> = (0..state.steps.len())
        .map(|pos| {
            let name = state.steps[pos].label(&AppState::place_name(pos));
            format!("{}: {name}", pos + 1)
        })
        .collect();
    let select = |chosen: usize, testid: &str, on_pick: Callback<usize>| {
        let onchange = Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(pos) = select.value().parse::<usize>() {
                on_pick.emit(pos);
            }
        });
        html! {
            <select {onchange} data-testid={testid.to_string()}>
                { for names.iter().enumerate().map(|(pos, name)| html! {
                    <option value={pos.to_string()} selected={pos == chosen}>{name.clone()}</option>
                }) }
            </select>
        }
    };
    let (ids_old, ids_new) = (ids.clone(), ids);
    let (old_id, new_id) = (ids_old[old_pos], ids_new[new_pos]);
    let on_old = dispatch.reform(move |pos: usize| {
        Action::Compare(Compared {
            old: ids_old[pos],
            new: new_id,
        })
    });
    let on_new = dispatch.reform(move |pos: usize| {
        Action::Compare(Compared {
            old: old_id,
            new: ids_new[pos],
        })
    });
    html! {
        <label class="compare-picker">{"Compare step "}{select(old_pos, "compare-old", on_old)}
            {" with step "}{select(new_pos, "compare-new", on_new)}</label>
    }
}

/// A notice about input (a refused file, a copied link), until dismissed
/// or replaced.
fn notice_view(notice: &UseStateHandle<Option<Notice>>) -> Html {
    let Some(n) = &**notice else {
        return html! {};
    };
    let dismiss = {
        let notice = notice.clone();
        move |_: MouseEvent| notice.set(None)
    };
    html! {
        <div class={classes!("notice", n.problem.then_some("problem"))} role={if n.problem { "alert" } else { "status" }} data-testid="input-notice">
            <p>{&n.message}</p>
            <button type="button" onclick={dismiss} aria-label="Dismiss">{"✕"}</button>
        </div>
    }
}

/// The question the page waits on, if any.
fn question_view(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let (n_histories, replaced) = match &state.question {
        None => return html! {},
        Some(Question::WhichStep { source, .. }) => {
            return which_step_view(state, source, dispatch)
        }
        Some(Question::FillSteps {
            n_histories,
            replaced,
            ..
        }) => (n_histories, replaced),
    };
    let places: Vec<String> = replaced.iter().map(|pos| (pos + 1).to_string()).collect();
    html! {
        <div class="banner info" role="alertdialog" aria-label="Fill steps from the paste?" data-testid="fill-question">
            <p>{format!("This paste holds {n_histories} histories. Fill one step with each? That replaces the text you typed in step {}.", places.join(", "))}</p>
            <button type="button" class="primary" onclick={dispatch.reform(|_: MouseEvent| Action::Answer(true))} data-testid="fill-yes">
                {format!("Fill {n_histories} steps")}</button>
            <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Answer(false))} data-testid="fill-no">
                {"Keep the paste in one step"}</button>
        </div>
    }
}

/// "Which step should hold it?", when text came with no step and none is empty.
fn which_step_view(state: &AppState, source: &str, dispatch: &Callback<Action>) -> Html {
    let steps = state.steps.iter().enumerate().map(|(pos, pane)| {
        let id = pane.id;
        let name = pane.label(&AppState::place_name(pos));
        html! {
            <button type="button" onclick={dispatch.reform(move |_: MouseEvent| Action::PlaceIn(Some(id)))}
                data-testid={format!("place-in-{}", pos + 1)}>{format!("Step {}: {name}", pos + 1)}</button>
        }
    });
    html! {
        <div class="banner info" role="alertdialog" aria-label="Which step should hold it?" data-testid="which-step">
            <p>{format!("Every step holds text. Which one should {source} replace?")}</p>
            { for steps }
            if state.steps.len() < MAX_STEPS {
                <button type="button" class="primary" onclick={dispatch.reform(|_: MouseEvent| Action::PlaceIn(None))}
                    data-testid="place-new">{"A new step"}</button>
            }
            <button type="button" onclick={dispatch.reform(|_: MouseEvent| Action::Answer(false))}
                data-testid="place-cancel">{"Cancel"}</button>
        </div>
    }
}

fn banner_view(banner: &UseStateHandle<Option<Banner>>, dispatch: &Callback<Action>) -> Html {
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
        Some(Banner::Recoverable { stored }) => {
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
                    <p>{"Your panes were replaced (by a shared link or the demo); what they held is kept"}
                        {if *stored { "." } else { " until you leave this page (too big for this browser's storage)." }}</p>
                    <button type="button" class="primary" onclick={restore} data-testid="restore">{"Restore my panes"}</button>
                    <button type="button" onclick={dismiss}>{"Keep the shared one"}</button>
                </div>
            }
        }
    }
}
