//! The page: two paste panes side by side, the comparison below them, and the
//! share box. Effects live here (never in the reducer): the debounced
//! re-parse of big pastes, saving the panes locally, reading a link from the
//! address bar (at start and when it changes) and writing the current link
//! back to it.
//!
//! Start-up order: a link in the address bar wins; otherwise the panes saved
//! by the last visit; otherwise the demo. Opening a link never destroys work:
//! panes it replaces are set aside and a banner offers to restore them. A bad
//! link changes nothing and says what is wrong with it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::compare::compare;
use crate::core::model::Parsed;
use crate::core::parse::parse;
use crate::core::share::{decode, encode};
use crate::core::split::split_after_first;
use crate::ui::comparison::{ComparisonView, PerfMark};
use crate::ui::link::{self, LinkChoices, LinkInputs};
use crate::ui::paste_pane::PastePane;
use crate::ui::share_bar::{ShareBar, CHAT_LIMIT};
use crate::ui::state::{Action, AppState, Side};
use crate::ui::storage::{self, SavedWork};
use wasm_bindgen::JsCast;

/// The demo comparison shown on a first visit: a course submission with a
/// before and an after table (tests/data/corpus/000-…, provenance in INDEX.md).
pub const DEMO: &str =
    include_str!("../../tests/data/corpus/000-course-3.1-backend-before-after.txt");

/// How long typing must pause before a big paste is parsed again.
const REPARSE_DELAY_MS: u32 = 180;
/// How long typing must pause before the panes are saved and the link rewritten.
const SAVE_DELAY_MS: u32 = 250;

/// How long typing must pause before the share link is packed again.
const LINK_DELAY_MS: u32 = 400;

/// The packed share link for one state of the panes.
#[derive(PartialEq)]
struct Links {
    /// The panes it was packed for.
    inputs: LinkInputs,
    /// With which choices.
    choices: LinkChoices,
    /// The fragment (without `#`).
    full: String,
    /// The fragment without ids and times, packed only when the full link is
    /// too long for a chat message and the user has not already chosen it.
    short: Option<String>,
}

impl Links {
    fn pack(inputs: LinkInputs, state: &AppState, choices: LinkChoices) -> Self {
        let _mark = PerfMark::start("layerdiff:link");
        let shared = link::share_state(state);
        let full = encode(&shared, &choices.options());
        let short =
            (full.len() + link::base_url().len() > CHAT_LIMIT && !choices.short).then(|| {
                encode(
                    &shared,
                    &LinkChoices {
                        short: true,
                        ..choices
                    }
                    .options(),
                )
            });
        Links {
            inputs,
            choices,
            full,
            short,
        }
    }
}

/// A message across the top of the page.
#[derive(Clone, PartialEq)]
enum Banner {
    /// A link could not be opened; nothing was changed.
    BadLink(String),
    /// A link replaced panes that are kept and can be restored.
    Recoverable,
}

/// The demo split into its before and after parts.
pub fn demo_state() -> AppState {
    let parsed = parse(DEMO);
    let (before, after) = split_after_first(DEMO, &parsed);
    AppState::from_texts(&before, &after)
}

/// What the page opens with, and what to tell the user about it.
fn startup() -> (AppState, Option<Banner>) {
    let saved = storage::load_work().filter(|w| !w.is_blank());
    let fallback = || saved.as_ref().map_or_else(demo_state, SavedWork::to_state);
    match link::read_address_bar() {
        None => (fallback(), None),
        Some(Err(e)) => (fallback(), Some(Banner::BadLink(e.to_string()))),
        Some(Ok(shared)) => {
            let opened = link::app_state(&shared);
            let banner = set_aside_if_different(saved.as_ref(), &opened);
            (opened, banner)
        }
    }
}

/// Keeps `work` recoverable when `opened` would replace something different.
fn set_aside_if_different(work: Option<&SavedWork>, opened: &AppState) -> Option<Banner> {
    let work = work.filter(|w| !w.is_blank())?;
    let opened_work = SavedWork::of(opened);
    if work.before.text == opened_work.before.text && work.after.text == opened_work.after.text {
        return None;
    }
    storage::save_recoverable(work);
    Some(Banner::Recoverable)
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let start = use_memo((), |_| startup());
    let state = use_reducer(|| start.0.clone());
    let banner = use_state(|| start.1.clone());
    // The user has changed something since the page opened: only then is the
    // address bar rewritten (a bad link stays visible until then).
    let touched = use_mut_ref(|| false);
    let latest = use_mut_ref(|| (*state).clone());
    *latest.borrow_mut() = (*state).clone();
    let dispatch = {
        let (state, touched) = (state.clone(), touched.clone());
        Callback::from(move |action: Action| {
            if !matches!(action, Action::Reparse(_)) {
                *touched.borrow_mut() = true;
            }
            state.dispatch(action)
        })
    };

    // Debounced parse of panes whose text ran ahead of their parse.
    {
        let state = state.clone();
        let stale = (
            state.before.is_stale(),
            state.after.is_stale(),
            state.before.text.clone(),
            state.after.text.clone(),
        );
        use_effect_with(stale, move |(before_stale, after_stale, _, _)| {
            let sides: Vec<Side> = [(Side::Before, *before_stale), (Side::After, *after_stale)]
                .into_iter()
                .filter_map(|(side, stale)| stale.then_some(side))
                .collect();
            let timer = (!sides.is_empty()).then(|| {
                Timeout::new(REPARSE_DELAY_MS, move || {
                    for side in sides {
                        state.dispatch(Action::Reparse(side));
                    }
                })
            });
            move || drop(timer)
        });
    }

    // Save the panes as the user types (built when the timer fires, from the
    // newest state: nothing is copied per keystroke).
    let inputs = LinkInputs::of(&state);
    {
        let (touched, latest) = (touched.clone(), latest.clone());
        use_effect_with(inputs.clone(), move |_| {
            let timer = Timeout::new(SAVE_DELAY_MS, move || {
                if *touched.borrow() {
                    storage::save_work(&SavedWork::of(&latest.borrow()));
                }
            });
            move || drop(timer)
        });
    }

    // A link pasted into the address bar while the page is open.
    {
        let (state, banner, latest) = (state.clone(), banner.clone(), latest.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |event| {
                    // The link the user opened is the event's, not what the
                    // address bar holds now: a pending write of the current
                    // link may have replaced it before this event ran.
                    let opened = event
                        .dyn_ref::<web_sys::HashChangeEvent>()
                        .and_then(|e| link::fragment_of(&e.new_url()));
                    on_hash_change(&state, &banner, &latest, opened);
                })
            });
            move || drop(listener)
        });
    }

    let choices = use_state(|| LinkChoices {
        short: false,
        redact: true,
    });
    // The link is packed after typing pauses (packing a big paste takes a
    // while, and must not run on every keystroke); the share box shows the
    // last link, marked as updating, meanwhile. The first one is packed at once.
    let links = use_state(|| None::<Rc<Links>>);
    {
        let (links, latest) = (links.clone(), latest.clone());
        let first = links.is_none();
        use_effect_with((inputs.clone(), *choices), move |(inputs, choices)| {
            let (inputs, choices) = (inputs.clone(), *choices);
            let timer = Timeout::new(if first { 0 } else { LINK_DELAY_MS }, move || {
                links.set(Some(Rc::new(Links::pack(
                    inputs,
                    &latest.borrow(),
                    choices,
                ))));
            });
            move || drop(timer)
        });
    }
    let fragment = links.as_ref().map(|l| l.full.clone()).unwrap_or_default();
    // Keep the address bar on the current comparison once the user changed
    // something. Only a link packed for the panes as they are now is
    // written: a link packed before the user's change (the demo's, while
    // the new one is still being packed) would put a stale comparison in
    // the address bar, and a link the user then opens could look unchanged.
    {
        let (touched, latest) = (touched.clone(), latest.clone());
        let packed_for = links.as_ref().map(|l| l.inputs.clone());
        use_effect_with(fragment.clone(), move |fragment| {
            let fragment = fragment.clone();
            let timer = Timeout::new(SAVE_DELAY_MS, move || {
                let current = packed_for
                    .as_ref()
                    .is_some_and(|inputs| *inputs == LinkInputs::of(&latest.borrow()));
                if *touched.borrow() && current && !fragment.is_empty() {
                    link::write_address_bar(&fragment);
                }
            });
            move || drop(timer)
        });
    }

    let dark = use_dark_mode();
    // The compared histories, rebuilt only when a parse or a choice changes
    // (not on every keystroke): the comparison, chart and tables key on them.
    let histories = use_memo(
        (
            state.before.parsed.clone(),
            state.before.selected,
            state.after.parsed.clone(),
            state.after.selected,
        ),
        |(before, before_idx, after, after_idx)| {
            let pick = |p: &Parsed, idx: usize| {
                p.histories
                    .get(idx)
                    .or_else(|| p.histories.first())
                    .cloned()
                    .map(Rc::new)
            };
            (pick(before, *before_idx), pick(after, *after_idx))
        },
    );
    let (before, after) = (*histories).clone();
    let comparison = use_memo((before.clone(), after.clone()), |(before, after)| {
        let (Some(before), Some(after)) = (before, after) else {
            return None;
        };
        let _mark = PerfMark::start("layerdiff:compare");
        Some(Rc::new(compare(before, after)))
    });
    // Packs the link for the panes as they are now (copying during an update).
    let pack_now = {
        let latest = latest.clone();
        Callback::from(move |choices: LinkChoices| {
            encode(&link::share_state(&latest.borrow()), &choices.options())
        })
    };
    let base_url = link::base_url();
    let body = match ((*comparison).clone(), before, after) {
        (Some(c), Some(b), Some(a)) => html! {
            <>
                <ComparisonView comparison={c} before={b.clone()} after={a.clone()} dark={dark}
                    sort_by_delta={state.view.sort_by_delta} base_collapsed={state.view.base_collapsed}
                    on_toggle_sort={dispatch.reform(|_| Action::ToggleSort)}
                    on_toggle_base={dispatch.reform(|_| Action::ToggleBase)} />
                <ShareBar link={AttrValue::from(format!("{base_url}#{fragment}"))}
                    short_len={links.as_ref().and_then(|l| l.short.as_ref()).map(|s| base_url.chars().count() + 1 + s.len())}
                    updating={links.as_ref().is_none_or(|l| l.inputs != inputs || l.choices != *choices)}
                    pack_now={pack_now}
                    choices={*choices} on_choices={let c = choices.clone(); Callback::from(move |v| c.set(v))}
                    before={b} after={a} dark={dark} />
            </>
        },
        _ => html! {
            <section class="comparison empty" data-testid="comparison-empty">
                <p class="muted">{"The comparison appears here once both panes hold a docker history."}</p>
            </section>
        },
    };

    let on_swap = dispatch.reform(|_: MouseEvent| Action::Swap);
    // The demo replaces both panes: what they held stays recoverable, as with a link.
    let on_demo = {
        let (dispatch, banner, latest) = (dispatch.clone(), banner.clone(), latest.clone());
        Callback::from(move |_: MouseEvent| {
            let demo = demo_state();
            let current = SavedWork::of(&latest.borrow());
            if let Some(kept) = set_aside_if_different(Some(&current), &demo) {
                banner.set(Some(kept));
            }
            dispatch.emit(Action::Load(Box::new(demo)));
        })
    };

    html! {
        <>
            <header class="top">
                <h1><span class="logo" aria-hidden="true">{"▤"}</span>{"layerdiff"}</h1>
                <p class="tagline">{"Paste two "}<code>{"docker history"}</code>{" outputs — see which layers changed, by how much, and why. Everything stays in your browser."}</p>
                <nav class="actions">
                    <button type="button" onclick={on_swap} title="Swap before and after">{"⇄ Swap"}</button>
                    <button type="button" onclick={on_demo} title="Replace both panes with the demo">{"Load demo"}</button>
                </nav>
            </header>
            {banner_view(&banner, &dispatch)}
            <main>
                <div class="panes">
                    <PastePane side={Side::Before} pane={state.before.clone()} dispatch={dispatch.clone()} />
                    <PastePane side={Side::After} pane={state.after.clone()} dispatch={dispatch.clone()} />
                </div>
                {body}
            </main>
        </>
    }
}

/// Opens a link that was put in the address bar while the page was open.
fn on_hash_change(
    state: &UseReducerHandle<AppState>,
    banner: &UseStateHandle<Option<Banner>>,
    latest: &Rc<RefCell<AppState>>,
    opened: Option<String>,
) {
    let read = match opened {
        Some(fragment) => decode(&fragment),
        None => match link::read_address_bar() {
            Some(read) => read,
            None => return,
        },
    };
    match read {
        Err(e) => banner.set(Some(Banner::BadLink(e.to_string()))),
        Ok(shared) => {
            let opened = link::app_state(&shared);
            let current = SavedWork::of(&latest.borrow());
            if current == SavedWork::of(&opened) {
                return;
            }
            banner.set(set_aside_if_different(Some(&current), &opened));
            state.dispatch(Action::Load(Box::new(opened)));
        }
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
        Some(Banner::Recoverable) => {
            let restore = {
                let (banner, dispatch) = (banner.clone(), dispatch.clone());
                Callback::from(move |_: MouseEvent| {
                    if let Some(work) = storage::load_recoverable() {
                        dispatch.emit(Action::Load(Box::new(work.to_state())));
                        storage::clear_recoverable();
                    }
                    banner.set(None);
                })
            };
            html! {
                <div class="banner info" role="status" data-testid="recoverable">
                    <p>{"Your panes were replaced (by a shared link or the demo); what they held is kept."}</p>
                    <button type="button" class="primary" onclick={restore} data-testid="restore">{"Restore my panes"}</button>
                    <button type="button" onclick={dismiss}>{"Keep the shared one"}</button>
                </div>
            }
        }
    }
}

/// Whether the system asks for dark mode; follows changes while the page is open.
#[hook]
fn use_dark_mode() -> bool {
    let query = || {
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    };
    let dark = use_state(|| query().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let listener = query().map(|q| {
                let target = q.clone();
                gloo::events::EventListener::new(&target, "change", move |_| dark.set(q.matches()))
            });
            move || drop(listener)
        });
    }
    *dark
}
