//! The page: the steps (paste panes) in order, the comparison of two of them
//! below, and the share box: the editor (`components/editor.rs`). The
//! state is the core's (`layerdiff_core::app`, a Yew reducer through
//! `state.rs`) and each effect is a hook of its own (`hooks/`:
//! autosave, share link, address bar, reading, comparison).
//!
//! Start-up order: a link in the address bar wins; otherwise the panes saved
//! by the last visit; otherwise the demo. Opening a link never destroys work:
//! panes it replaces are set aside and a banner offers to restore them. A bad
//! link changes nothing and says what is wrong with it. A link whose view
//! asks for the read-only view (`view.embed`) opens `embed_view.rs`
//! instead of the editor.
//!
//! Input without a text box (a dropped file, a paste on the page, the keys
//! listed by `?`) is `hooks/page_input.rs`; its notices and the question
//! "which step?" are shown by the editor's components (`notice.rs`,
//! `question.rs`, `link_banner.rs`).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::editor::{Editor, Opened};
use crate::embed_view::EmbedView;
use crate::link;

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
