//! The browser edge: Yew components, effects, storage. (stub)
use yew::prelude::*;

/// The whole page.
#[component]
pub fn App() -> Html {
    html! { <main>{"layerdiff"}</main> }
}
