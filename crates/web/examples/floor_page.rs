//! The smallest Yew page that shows the demo's chart: one function
//! component that draws `floor_core`'s SVG, with none of the page's
//! features (no panes, table, findings, links or storage).
//! `scripts/bundle-floor.sh` builds it for wasm32 and prints its gzip size:
//! the floor under the first load of any page built on this stack.
//!
//! Natively it prints the SVG's length (so `cargo test` builds it).

#[path = "support/floor_demo.rs"]
mod floor_demo;

#[cfg(target_arch = "wasm32")]
#[yew::component]
fn DemoChart() -> yew::Html {
    let svg = yew::use_memo((), |_| yew::AttrValue::from(floor_demo::demo_chart()));
    yew::Html::from_html_unchecked((*svg).clone())
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<DemoChart>::new().render();
    #[cfg(not(target_arch = "wasm32"))]
    println!(
        "demo chart: {} bytes of SVG",
        floor_demo::demo_chart().len()
    );
}
