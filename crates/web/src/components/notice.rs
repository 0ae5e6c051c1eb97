//! A notice about input (a refused file, a copied link), until dismissed
//! or replaced; and the warning that the panes could not be saved.

use yew::prelude::*;

use crate::hooks::Notice;

/// A notice about input (a refused file, a copied link), until dismissed
/// or replaced.
pub fn notice_view(notice: &UseStateHandle<Option<Notice>>) -> Html {
    let Some(n) = &**notice else {
        return html! {};
    };
    let dismiss = {
        let notice = notice.clone();
        move |_: MouseEvent| notice.set(None)
    };
    html! {
        <div class={classes!("notice", n.problem.then_some("problem"))} role={if n.problem { "alert" } else { "status" }} data-testid="input-notice">
            <p>{&n.message}</p>
            <button type="button" onclick={dismiss} aria-label="Dismiss">{"✕"}</button>
        </div>
    }
}

/// Why the panes are not saved in this browser, if they are not.
pub fn not_saved_view(why: Option<&str>) -> Html {
    let Some(why) = why else {
        return html! {};
    };
    html! {
        <p class="banner warn" role="status" data-testid="not-saved">
            {"Not saved in this browser: "}{why}{". The last save is kept; the panes stay as they are until you leave this page."}
        </p>
    }
}
