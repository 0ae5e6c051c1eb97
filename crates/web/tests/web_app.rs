//! Browser tests of the Yew app, in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts `layerdiff_web::App` into its own fresh `<div>`, lets Yew
//! render (Yew defers rendering to the browser's task queues, so the helpers
//! below yield until the DOM shows what is expected, for at most a few
//! seconds and with no fixed delays), and asserts on the DOM. Helpers for new
//! tests: `mount_app`, `forget_saved_work`, `settle_until`, `text_at`,
//! `type_into`, `chart_layers`, `expected_n_layers`.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_app`
//! (scripts/test.sh does). The end-to-end tests of the built page are in
//! tests/e2e/; the core is tested natively.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use layerdiff_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlTextAreaElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// How long the helpers wait for the DOM before giving up. Generous: the
/// app may debounce work (a big paste is parsed after a short pause).
const MAX_WAIT_MS: f64 = 3000.0;

/// The fixtures' expectations: what a careful reader sees in each paste.
const EXPECTED_JSON: &str = include_str!("../../../tests/data/corpus/expected.json");

/// A new empty `<div>` appended to the test page's body.
fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("the test runs in a browser page with a document");
    let root = document.create_element("div").expect("can create a <div>");
    document
        .body()
        .expect("the test page has a <body>")
        .append_child(&root)
        .expect("can append the <div> to <body>");
    root
}

/// Yields to the browser (a zero-length timer: microtasks such as Yew's
/// scheduler run first) until `ready(root)` holds or [`MAX_WAIT_MS`] have
/// passed. Returns whether it held.
async fn settle_until(root: &Element, ready: impl Fn(&Element) -> bool) -> bool {
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < MAX_WAIT_MS {
        if ready(root) {
            return true;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    ready(root)
}

/// Mounts the app into a fresh `<div>` and waits for its first render.
async fn mount_app() -> (Element, AppHandle<App>) {
    let root = fresh_root();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    let rendered = settle_until(&root, |root| root.child_element_count() > 0).await;
    assert!(
        rendered,
        "App rendered nothing into its root within {MAX_WAIT_MS} ms"
    );
    (root, handle)
}

fn text_of(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

/// The trimmed text of the first element matching `selector`, if any.
fn text_at(root: &Element, selector: &str) -> Option<String> {
    let element = root.query_selector(selector).ok().flatten()?;
    Some(element.text_content().unwrap_or_default().trim().to_owned())
}

/// Types `text` into the textarea `[data-testid=TESTID]`: sets its value and
/// fires a bubbling `input` event, as the browser does after an edit.
fn type_into(root: &Element, testid: &str, text: &str) {
    let area: HtmlTextAreaElement = root
        .query_selector(&format!("[data-testid={testid}]"))
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no [data-testid={testid}] in: {}", root.inner_html()))
        .dyn_into()
        .unwrap_or_else(|_| panic!("[data-testid={testid}] is not a <textarea>"));
    area.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("can create an input event");
    event.init_event_with_bubbles("input", true);
    area.dispatch_event(&event)
        .expect("can dispatch the input event");
}

/// `n_layers` of the first history a careful reader sees in `fixture`.
fn expected_n_layers(fixture: &str) -> usize {
    let expected: serde_json::Value =
        serde_json::from_str(EXPECTED_JSON).expect("tests/data/corpus/expected.json is JSON");
    let n_layers = expected[fixture]["histories"][0]["n_layers"].as_u64();
    let n_layers =
        n_layers.unwrap_or_else(|| panic!("expected.json has no n_layers for {fixture}"));
    usize::try_from(n_layers).unwrap_or(usize::MAX)
}

/// Forgets the work earlier tests left in this page's storage, so the app
/// opens as on a first visit.
fn forget_saved_work() {
    let storage = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("the test page has local storage");
    storage.clear().expect("can clear local storage");
}

/// The layers (printed positions) the chart's segments of `side` draw,
/// sorted: every layer once, the folded base's layers in one segment.
fn chart_layers(root: &Element, side: &str) -> Vec<usize> {
    let selector = format!("[data-testid=chart] .ld-seg[data-side={side}]");
    let segments = root
        .query_selector_all(&selector)
        .expect("a valid selector");
    let mut seen: Vec<usize> = (0..segments.length())
        .filter_map(|k| segments.item(k)?.dyn_into::<Element>().ok())
        .flat_map(|seg| {
            let layers = seg.get_attribute("data-layers").unwrap_or_default();
            layers
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect::<Vec<usize>>()
        })
        .collect();
    seen.sort_unstable();
    seen
}

/// What only the real app shows on a first visit: the demo (corpus 000)
/// read into its two panes, its figures, and its chart with a segment for
/// every layer. A stub page naming the tool passes none of it.
#[wasm_bindgen_test]
async fn app_mounts_showing_the_demo_comparison() {
    forget_saved_work();
    let (root, _handle) = mount_app().await;
    let drawn = settle_until(&root, |root| {
        text_at(root, "[data-testid=sum-after]").is_some()
            && chart_layers(root, "after").len() == 9
            && ["before", "after"]
                .iter()
                .all(|side| pane_text(root, side).is_some_and(|t| !t.is_empty()))
    })
    .await;
    assert!(
        drawn,
        "the demo's comparison and chart within {MAX_WAIT_MS} ms; the page shows: {:?}",
        text_of(&root)
    );
    assert!(
        root.query_selector("main").ok().flatten().is_some(),
        "a <main> landmark: {}",
        root.inner_html()
    );
    let figures: Vec<Option<String>> = [
        "layer-count-before",
        "layer-count-after",
        "sum-before",
        "sum-after",
        "delta",
        "base-size",
    ]
    .iter()
    .map(|id| text_at(&root, &format!("[data-testid={id}]")))
    .collect();
    let want = [
        "14",
        "9",
        "≈ 417 MB",
        "≈ 316 MB",
        "≈ −101 MB (−24 %)",
        "≈ 117 MB",
    ];
    assert_eq!(
        figures,
        want.map(|w| Some(w.to_string())),
        "the demo's layer counts, sums, change and base"
    );
    assert!(
        root.query_selector("[data-testid=chart] svg.ld-chart")
            .ok()
            .flatten()
            .is_some(),
        "the chart is drawn: {:?}",
        text_at(&root, "[data-testid=chart]")
    );
    assert_eq!(chart_layers(&root, "before"), (0..14).collect::<Vec<_>>());
    assert_eq!(chart_layers(&root, "after"), (0..9).collect::<Vec<_>>());
    for side in ["before", "after"] {
        let text = pane_text(&root, side).unwrap_or_default();
        assert!(
            text.contains("CREATED BY"),
            "the {side} pane holds its part of the demo: {text:?}"
        );
    }
}

/// The text in the text box of pane `side`, if it has one.
fn pane_text(root: &Element, side: &str) -> Option<String> {
    let area: HtmlTextAreaElement = root
        .query_selector(&format!("[data-testid=paste-{side}]"))
        .ok()
        .flatten()?
        .dyn_into()
        .ok()?;
    Some(area.value())
}

#[wasm_bindgen_test]
async fn two_apps_mount_independently_and_destroy_cleanly() {
    let (first_root, first) = mount_app().await;
    let (second_root, second) = mount_app().await;
    assert_eq!(
        first_root.inner_html(),
        second_root.inner_html(),
        "two fresh apps should render the same initial page"
    );

    first.destroy();
    let emptied = settle_until(&first_root, |root| root.child_element_count() == 0).await;
    assert!(
        emptied,
        "destroying the app left content behind: {}",
        first_root.inner_html()
    );
    assert!(
        second_root.child_element_count() > 0,
        "destroying one app must not touch the other"
    );
    second.destroy();
}

#[wasm_bindgen_test]
async fn a_history_typed_into_the_before_pane_lists_its_layers() {
    let fixture = "002-jonny-busybox-old-1819kB.txt";
    let text = include_str!("../../../tests/data/corpus/002-jonny-busybox-old-1819kB.txt");
    let n_layers = expected_n_layers(fixture);
    let (root, _handle) = mount_app().await;

    type_into(&root, "paste-before", text);
    let want = n_layers.to_string();
    let shown = settle_until(&root, |root| {
        text_at(root, "[data-testid=layer-count-before]").as_deref() == Some(want.as_str())
    })
    .await;
    assert!(
        shown,
        "{fixture}: the before pane should say {n_layers} layers, it says {:?}",
        text_at(&root, "[data-testid=layer-count-before]")
    );
    // The table is a child component: Yew may render it a turn after the count.
    let n_rows = |root: &Element| {
        root.query_selector_all("[data-testid=layers-before] tbody tr")
            .map(|rows| rows.length())
            .unwrap_or(0)
    };
    settle_until(&root, |root| {
        usize::try_from(n_rows(root)).ok() == Some(n_layers)
    })
    .await;
    let rows = n_rows(&root);
    assert_eq!(
        usize::try_from(rows).unwrap_or(usize::MAX),
        n_layers,
        "{fixture}: rows in the before pane's layer table"
    );
}
