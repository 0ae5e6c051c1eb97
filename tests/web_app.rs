//! Browser tests of the Yew app, in headless Chromium (wasm-bindgen-test).
//!
//! Each test mounts `layerdiff::ui::App` into its own fresh `<div>`, lets Yew
//! render (Yew defers rendering to the browser's task queues, so the helpers
//! below yield until the DOM shows what is expected, with a bounded number of
//! turns and no fixed delays), and asserts on the DOM.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_app`
//! (scripts/test.sh does). The end-to-end tests of the built page are in
//! tests/e2e/; the core is tested natively.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use layerdiff::ui::App;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// How many times the helpers yield to the browser before giving up.
const MAX_TURNS: u32 = 200;

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
/// scheduler run first) until `ready(root)` holds. Returns whether it did.
async fn settle_until(root: &Element, ready: impl Fn(&Element) -> bool) -> bool {
    for _ in 0..MAX_TURNS {
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
        "App rendered nothing into its root after {MAX_TURNS} turns"
    );
    (root, handle)
}

fn text_of(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_mounts_a_main_landmark_that_names_the_tool() {
    let (root, _handle) = mount_app().await;
    let main = root.query_selector("main").ok().flatten();
    assert!(
        main.is_some(),
        "expected a <main> landmark in the app, got: {}",
        root.inner_html()
    );
    assert!(
        text_of(&root).contains("layerdiff"),
        "expected the page to name the tool, got text: {:?}",
        text_of(&root)
    );
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
