//! The comparison's chart and the hooks that serve it: the width it gets
//! ([`use_chart_width`]), its drawing ([`use_chart_svg`], `layerdiff_core::chart`'s
//! SVG), its badges ([`use_chart_insights`]), the highlight of the focused
//! row in it and in the table ([`use_row_highlight`]), and the pointer and
//! keys on it ([`chart_events`]).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::insights::{chart_badges, panel, Found};
use crate::layer_link::{focus_inspector_button, step_layer_of};
use crate::path::{ByAddress, PathView};
use crate::path_chart::{set_highlight, ChartRows};
use crate::perf::PerfMark;
use layerdiff_core::chart::{chart_data, path_svg, render_svg, ChartOptions, DEFAULT_WIDTH};
use layerdiff_core::compare::Comparison;
use layerdiff_core::model::History;
use layerdiff_core::share::LayerAt;

/// The chart box's width, followed as the window resizes: the chart is
/// drawn for it (a phone gets a narrower layout rather than a shrunken one).
#[hook]
pub fn use_chart_width(chart_ref: &NodeRef) -> u32 {
    let width = use_state(|| DEFAULT_WIDTH);
    {
        let (width, chart_ref) = (width.clone(), chart_ref.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = chart_ref.cast::<web_sys::Element>() {
                    let w = el.client_width();
                    if w > 0 {
                        // the box's own width: the drawing is made for it
                        // clamped (`ChartOptions::fitting`), the badges sized by it
                        width.set(w as u32);
                    }
                }
            };
            measure();
            let listener = web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    *width
}

/// The chart's SVG: the pair's, or the path's when `path` is shown; drawn
/// again only when what it shows, the theme or the drawing width changes.
#[hook]
pub fn use_chart_svg(
    c: &Rc<Comparison>,
    sides: (&Rc<History>, &Rc<History>),
    path: Option<&PathView>,
    dark: bool,
    width: u32,
) -> Rc<AttrValue> {
    let drawn = path.map(|v| (v.path.clone(), v.histories.clone()));
    let key = (
        ByAddress(c.clone()),
        sides.0.clone(),
        sides.1.clone(),
        drawn,
        dark,
        ChartOptions::fitting(width, false).width,
    );
    use_memo(key, |(c, b, a, drawn, dark, width)| {
        let _mark = PerfMark::start("layerdiff:chart");
        let options = ChartOptions::fitting(*width, *dark);
        AttrValue::from(match drawn {
            Some((path, histories)) => {
                let steps: Vec<&History> = histories.0.iter().collect();
                path_svg(&path.0, &steps, &options)
            }
            None => render_svg(&chart_data(&c.0, b, a), &options),
        })
    })
}

/// The chart's badges and the findings panel, built once per drawing.
#[hook]
pub fn use_chart_insights(
    svg: &Rc<AttrValue>,
    found: &Found,
    compared: Option<(usize, usize)>,
    width: u32,
) -> Rc<(Html, Html)> {
    use_memo(
        (svg.clone(), found.clone(), compared, width),
        |(svg, found, compared, box_px)| {
            let badges = found
                .ready()
                .map(|f| chart_badges(svg, f, *compared, f64::from(*box_px)));
            (badges.unwrap_or_default(), panel(found))
        },
    )
}

/// Highlights every element (chart overlay, table rows) naming the focused row.
#[hook]
pub fn use_row_highlight(
    boxes: (&NodeRef, &NodeRef),
    focused: Option<usize>,
    drawn: (Rc<AttrValue>, ChartRows, ByAddress<Comparison>),
) {
    let (chart_ref, table_ref) = (boxes.0.clone(), boxes.1.clone());
    use_effect_with((focused, drawn), move |(row, (_, chart_rows, c))| {
        if let Some(root) = chart_ref.cast::<web_sys::Element>() {
            let selector = row.map(|r| chart_rows.chart_selector(r, &c.0));
            set_highlight(&root, selector.as_deref());
        }
        if let Some(root) = table_ref.cast::<web_sys::Element>() {
            let selector = row.map(|r| format!("[data-rows~=\"{r}\"]"));
            set_highlight(&root, selector.as_deref());
        }
    });
}

/// What the chart's pointer and keys change: the focused row; whether it
/// is pinned (a clicked or Enter-ed chart element keeps the inspector while
/// the pointer crosses the chart to its "copy link" buttons); a selected
/// layer of a path's step the table does not compare.
pub struct ChartFocus {
    pub focused: UseStateHandle<Option<usize>>,
    pub pinned: UseStateHandle<bool>,
    pub picked: UseStateHandle<Option<LayerAt>>,
}

/// No row focused, none pinned, no layer picked yet.
#[hook]
pub fn use_chart_focus() -> ChartFocus {
    ChartFocus {
        focused: use_state(|| None::<usize>),
        pinned: use_state_eq(|| false),
        picked: use_state_eq(|| None::<LayerAt>),
    }
}

impl ChartFocus {
    /// Points at a row (a table row's focus or hover): the inspector shows
    /// it, no longer pinned.
    pub fn on_point(&self) -> Callback<usize> {
        let (focused, pinned) = (self.focused.clone(), self.pinned.clone());
        Callback::from(move |row: usize| {
            focused.set(Some(row));
            pinned.set(false);
        })
    }
}

/// The chart's handlers.
pub struct ChartEvents {
    pub pointer: Callback<MouseEvent>,
    pub focus: Callback<FocusEvent>,
    pub click: Callback<MouseEvent>,
    pub key: Callback<KeyboardEvent>,
}

/// Pointing at a chart element focuses its row; a click, or Enter/Space
/// on a focused segment, selects it: the inspector keeps it (pinned), and
/// the keyboard goes on to its "copy link" button.
pub fn chart_events(
    state: &ChartFocus,
    c: &Rc<Comparison>,
    chart_rows: ChartRows,
    path: Option<&PathView>,
) -> ChartEvents {
    let ChartFocus {
        focused,
        pinned,
        picked,
    } = state;
    let pointer = {
        let (focused, c, pinned) = (focused.clone(), c.clone(), **pinned);
        Callback::from(move |e: MouseEvent| {
            if let Some(row) = chart_rows.row_of_target(e.target(), &c).filter(|_| !pinned) {
                focused.set(Some(row));
            }
        })
    };
    let focus = {
        let (focused, c, pinned) = (focused.clone(), c.clone(), pinned.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some(row) = chart_rows.row_of_target(e.target(), &c) {
                focused.set(Some(row));
                pinned.set(false);
            }
        })
    };
    let select = {
        let (focused, c, pinned, picked) =
            (focused.clone(), c.clone(), pinned.clone(), picked.clone());
        let histories = path.map(|v| v.histories.clone());
        move |target: Option<web_sys::EventTarget>| {
            let row = chart_rows.row_of_target(target.clone(), &c);
            let other = row
                .is_none()
                .then(|| step_layer_of(target, histories.as_ref()))
                .flatten();
            if row.is_some() {
                focused.set(row);
            }
            picked.set(other);
            pinned.set(row.is_some() || other.is_some());
            row.is_some() || other.is_some()
        }
    };
    let click = {
        let select = select.clone();
        Callback::from(move |e: MouseEvent| {
            select(e.target());
        })
    };
    let key = Callback::from(move |e: KeyboardEvent| {
        // Only the chart's own elements: a badge is a button of its own.
        let in_overlay = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".ld-overlay").ok().flatten())
            .is_some();
        if in_overlay && matches!(e.key().as_str(), "Enter" | " ") && select(e.target()) {
            e.prevent_default();
            // After the inspector shows the selected layer.
            gloo::timers::callback::Timeout::new(0, focus_inspector_button).forget();
        }
    });
    ChartEvents {
        pointer,
        focus,
        click,
        key,
    }
}
