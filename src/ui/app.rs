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
use crate::core::compare::Comparison;
use crate::core::model::{History, Parsed};
use crate::core::parse::parse;
use crate::core::share::{decode, encode, limit};
use crate::core::split::split_after_first;
use crate::ui::comparison::{ComparisonView, PerfMark};
use crate::ui::link::{self, LinkChoices, LinkInputs};
use crate::ui::paste_pane::PastePane;
use crate::ui::reader::Reader;
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
    /// Why there is no link (`full` is then empty): too much to carry.
    refused: Option<String>,
}

impl Links {
    fn pack(inputs: LinkInputs, state: &AppState, choices: LinkChoices) -> Self {
        let _mark = PerfMark::start("layerdiff:link");
        let refused = |why| Links {
            inputs: inputs.clone(),
            choices,
            full: String::new(),
            short: None,
            refused: Some(why),
        };
        // Decided from the size of the text, before any packing.
        if let Some(why) = limit::refuse_text(state.before.text.len() + state.after.text.len()) {
            return refused(why);
        }
        let shared = link::share_state(state);
        let full = encode(&shared, &choices.options());
        if let Some(why) = limit::refuse_fragment(&full) {
            return refused(why);
        }
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
            refused: None,
        }
    }
}

/// A message across the top of the page.
#[derive(Clone, PartialEq)]
enum Banner {
    /// A link could not be opened; nothing was changed.
    BadLink(String),
    /// A link replaced panes that are kept and can be restored (`stored`:
    /// in the browser's storage too, not only for this visit).
    Recoverable { stored: bool },
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
    let stored = storage::save_recoverable(work).is_ok();
    Some(Banner::Recoverable { stored })
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
            if !matches!(action, Action::Reparse(_) | Action::Read(..)) {
                *touched.borrow_mut() = true;
            }
            state.dispatch(action)
        })
    };

    // Panes whose text ran ahead of their parse: small ones are parsed here
    // after typing pauses; big ones are read by their pane's parse worker
    // (at once after a paste), which keeps the main thread free.
    use_reading(&state, Side::Before);
    use_reading(&state, Side::After);

    // Save the panes as the user types (built when the timer fires, from the
    // newest state: nothing is copied per keystroke).
    // A save the browser refused (too big, storage full) is said, and the
    // last save stays as it was.
    let inputs = LinkInputs::of(&state);
    let not_saved = use_state_eq(|| None::<String>);
    {
        let (touched, latest, not_saved) = (touched.clone(), latest.clone(), not_saved.clone());
        use_effect_with(inputs.clone(), move |_| {
            let timer = Timeout::new(SAVE_DELAY_MS, move || {
                if *touched.borrow() {
                    not_saved.set(storage::save_work(&SavedWork::of(&latest.borrow())).err());
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
        // Also when the user's first change leaves the link as it was (the
        // demo pasted over the demo): from then on the address bar holds it.
        let user_changed = *touched.borrow();
        use_effect_with((fragment.clone(), user_changed), move |(fragment, _)| {
            let fragment = fragment.clone();
            let timer = Timeout::new(SAVE_DELAY_MS, move || {
                let current = packed_for
                    .as_ref()
                    .is_some_and(|inputs| *inputs == LinkInputs::of(&latest.borrow()));
                // No link (too big): the address bar must not keep an older
                // comparison that a reload would open over the panes.
                if *touched.borrow() && current {
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
    let comparison = use_comparison(before.clone(), after.clone());
    // Packs the link for the panes as they are now (copying during an update).
    let pack_now = {
        let latest = latest.clone();
        Callback::from(move |choices: LinkChoices| {
            encode(&link::share_state(&latest.borrow()), &choices.options())
        })
    };
    let base_url = link::base_url();
    let body = match (comparison, before, after) {
        (Some(c), Some(b), Some(a)) => html! {
            <>
                <ComparisonView comparison={c} before={b.clone()} after={a.clone()} dark={dark}
                    sort_by_delta={state.view.sort_by_delta} base_collapsed={state.view.base_collapsed}
                    on_toggle_sort={dispatch.reform(|_| Action::ToggleSort)}
                    on_toggle_base={dispatch.reform(|_| Action::ToggleBase)} />
                <ShareBar link={AttrValue::from(format!("{base_url}#{fragment}"))}
                    refused={links.as_ref().and_then(|l| l.refused.clone()).map(AttrValue::from)}
                    short_len={links.as_ref().and_then(|l| l.short.as_ref()).map(|s| base_url.chars().count() + 1 + s.len())}
                    updating={links.as_ref().is_none_or(|l| l.inputs != inputs || l.choices != *choices)}
                    pack_now={pack_now}
                    choices={*choices} on_choices={let c = choices.clone(); Callback::from(move |v| c.set(v))}
                    before={b} after={a} dark={dark} />
            </>
        },
        (None, Some(_), Some(_)) => html! {
            <section class="comparison empty" data-testid="comparing">
                <p class="muted" role="status">{"Comparing…"}</p>
            </section>
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
            if let Some(why) = &*not_saved {
                <p class="banner warn" role="status" data-testid="not-saved">
                    {"Not saved in this browser: "}{why}{". The last save is kept; the panes stay as they are until you leave this page."}
                </p>
            }
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

/// Parses the text of the pane on `side` when it runs ahead of its parse,
/// once typing pauses: on the main thread when it is small, else in the
/// pane's own worker (at once after a paste), falling back to the main
/// thread if the worker fails. A newer text cancels the reading of an older one.
#[hook]
fn use_reading(state: &UseReducerHandle<AppState>, side: Side) {
    let reader = use_memo((), |_| Reader::default());
    let pane = state.pane(side);
    let stale = pane.is_stale().then(|| pane.text.clone());
    let (in_worker, pasted) = (pane.reads_in_worker(), pane.split_when_read);
    let state = state.clone();
    use_effect_with(stale, move |stale| {
        let timer = stale.clone().map(|text| {
            let reader = reader.clone();
            let delay = if in_worker && pasted {
                0
            } else {
                REPARSE_DELAY_MS
            };
            Timeout::new(delay, move || {
                if !in_worker {
                    return state.dispatch(Action::Reparse(side));
                }
                reader.read(
                    &text.clone(),
                    Box::new(move |parsed| match parsed {
                        Some(parsed) => state.dispatch(Action::Read(side, text, Box::new(parsed))),
                        None => state.dispatch(Action::Reparse(side)),
                    }),
                );
            })
        });
        let reader = reader.clone();
        move || {
            drop(timer);
            reader.cancel();
        }
    });
}

/// Histories with more layers than this (both together) are compared in a
/// task of their own, after the panes have shown what was read: each stays
/// short enough for the page to keep answering.
pub(crate) const DEFER_COMPARE_LAYERS: usize = 600;

/// The comparison of the two histories, rebuilt when either changes. Small
/// ones are compared while rendering; big ones right after (the section says
/// "Comparing…" for that moment).
#[hook]
fn use_comparison(
    before: Option<Rc<History>>,
    after: Option<Rc<History>>,
) -> Option<Rc<Comparison>> {
    type Pair = (Option<Rc<History>>, Option<Rc<History>>);
    let layers = |h: &Option<Rc<History>>| h.as_ref().map_or(0, |h| h.layers.len());
    let defer = layers(&before) + layers(&after) > DEFER_COMPARE_LAYERS;
    let pair: Pair = (before, after);
    let compared = |(before, after): &Pair| {
        let (Some(before), Some(after)) = (before, after) else {
            return None;
        };
        let _mark = PerfMark::start("layerdiff:compare");
        Some(Rc::new(compare(before, after)))
    };
    let now = use_memo((pair.clone(), defer), move |(pair, defer)| {
        (!defer).then(|| compared(pair)).flatten()
    });
    let later = use_state(|| None::<(Pair, Rc<Comparison>)>);
    {
        let later = later.clone();
        use_effect_with((pair.clone(), defer), move |(pair, defer)| {
            let pair = pair.clone();
            let timer = defer.then(|| {
                Timeout::new(0, move || {
                    if let Some(c) = compared(&pair) {
                        later.set(Some((pair, c)));
                    }
                })
            });
            move || drop(timer)
        });
    }
    if defer {
        later
            .as_ref()
            .filter(|(for_pair, _)| *for_pair == pair)
            .map(|(_, c)| c.clone())
    } else {
        (*now).clone()
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
        Some(Banner::Recoverable { stored }) => {
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
                    <p>{"Your panes were replaced (by a shared link or the demo); what they held is kept"}
                        {if *stored { "." } else { " until you leave this page (too big for this browser's storage)." }}</p>
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
