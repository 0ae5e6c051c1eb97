//! Whether the page is dark ([`use_dark_mode`]).

use yew::prelude::*;

/// Whether the system asks for dark mode; follows changes while the page is open.
#[hook]
pub fn use_dark_mode() -> bool {
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
