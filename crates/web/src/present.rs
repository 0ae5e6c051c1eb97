//! Presenting: the comparison walked through one slide at a time, in large
//! type, for a class. The slides are `layerdiff_core::present`'s (the totals in the
//! figures' words, `layerdiff_core::app::view`): the
//! totals, every change in order of bytes, the summary. A change's row is
//! highlighted in the chart and the table and scrolled into view; ←/→,
//! Space and Page Up/Down move, Esc stops. The slide is part of the link
//! (`ViewOptions::slide`), so a link opens at the slide it was made on.

use std::rc::Rc;

use yew::prelude::*;

use crate::dom::{is_text_field, window_keys};
use crate::marks::mark;
use layerdiff_core::app::figures;
use layerdiff_core::compare::Comparison;
use layerdiff_core::present::{slides, summary, Slide};

/// Class of the elements a slide points at.
const MARK: &str = "presenting-hl";

#[derive(Properties, PartialEq)]
pub struct PresenterProps {
    pub comparison: Rc<Comparison>,
    /// The slide shown (clamped to the last one).
    pub slide: usize,
    /// Moves to another slide, or stops presenting with `None`.
    pub on_move: Callback<Option<usize>>,
}

#[component]
pub fn Presenter(props: &PresenterProps) -> Html {
    let all = use_memo(props.comparison.clone(), |c| slides(c));
    let last = all.len().saturating_sub(1);
    let at = props.slide.min(last);
    use_keys(at, last, props.on_move.clone());
    let row = match all.get(at) {
        Some(Slide::Change { row, .. }) => Some(*row),
        _ => None,
    };
    use_effect_with(row, |row| {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| {
            d.query_selector("[data-testid=\"comparison\"]")
                .ok()
                .flatten()
        });
        if let Some(root) = root {
            let selector = row.map(|r| format!("[data-rows~=\"{r}\"]"));
            let marked = mark(&root, MARK, selector.as_deref());
            if let Some(first) = marked
                .iter()
                .find(|el| el.tag_name() == "TR")
                .or(marked.first())
            {
                first.scroll_into_view_with_bool(false);
            }
        }
        || {
            let root = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body());
            if let Some(root) = root {
                mark(&root, MARK, None);
            }
        }
    });
    let go = |to: Option<usize>| props.on_move.reform(move |_: MouseEvent| to);
    let c = &props.comparison;
    html! {
        <aside class="presenting" aria-label="Presenting the comparison" data-testid="presenting" data-slide={at.to_string()}>
            <p class="slide-count" aria-hidden="true">{format!("{} / {}", at + 1, last + 1)}</p>
            <div class="slide" aria-live="polite" data-testid="slide">{slide_view(c, all.get(at), at, last)}</div>
            <nav class="slide-keys" aria-label="Slides">
                <button type="button" onclick={go(at.checked_sub(1))} disabled={at == 0} aria-label="Previous slide">{"←"}</button>
                <button type="button" onclick={go((at < last).then_some(at + 1))} disabled={at == last} aria-label="Next slide">{"→"}</button>
                <button type="button" onclick={go(None)} aria-label="Stop presenting (Esc)">{"✕"}</button>
            </nav>
        </aside>
    }
}

fn slide_view(c: &Comparison, slide: Option<&Slide>, at: usize, last: usize) -> Html {
    match slide {
        Some(Slide::Change { step, what, .. }) => html! {
            <>
                <p class="slide-kicker">{format!("Change {at} of {}", last.saturating_sub(1))}</p>
                <p class="slide-main"><code>{step.clone()}</code></p>
                <p class="slide-what">{what.clone()}</p>
            </>
        },
        Some(Slide::Summary) => html! {
            <>
                <p class="slide-kicker">{"In short"}</p>
                <p class="slide-main">{summary(c)}</p>
            </>
        },
        _ => {
            let f = figures(c);
            html! {
                <>
                    <p class="slide-kicker">{"The two images"}</p>
                    <p class="slide-main">{format!("{} → {}", f.before.total, f.after.total)}</p>
                    <p class="slide-what">{f.change_approx}</p>
                </>
            }
        }
    }
}

/// ←/→, Space, Page Up/Down and Esc while presenting, unless a text field
/// has the focus.
#[hook]
fn use_keys(at: usize, last: usize, on_move: Callback<Option<usize>>) {
    use_effect_with((at, last), move |&(at, last)| {
        let listener = window_keys(move |e| {
            if is_text_field(e.target()) || e.alt_key() || e.ctrl_key() || e.meta_key() {
                return;
            }
            let to = match e.key().as_str() {
                "ArrowRight" | " " | "PageDown" => Some((at + 1).min(last)),
                "ArrowLeft" | "PageUp" => Some(at.saturating_sub(1)),
                "Escape" => None,
                _ => return,
            };
            e.prevent_default();
            on_move.emit(to);
        });
        move || drop(listener)
    });
}

/// `P` starts presenting when `ready` (a comparison is shown and nothing is
/// presented yet), unless a text field has the focus.
#[hook]
pub fn use_present_key(ready: bool, start: Callback<()>) {
    use_effect_with(ready, move |&ready| {
        let listener = ready.then(|| {
            window_keys(move |e| {
                let plain = !(e.alt_key() || e.ctrl_key() || e.meta_key());
                if plain && !is_text_field(e.target()) && e.key().eq_ignore_ascii_case("p") {
                    e.prevent_default();
                    start.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
