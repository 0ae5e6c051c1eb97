//! Saving files from the page (Markdown, JSON, SVG, PNG) without a server: a
//! Blob, an object URL and a temporary `<a download>`. The PNG is the chart's
//! SVG drawn into a canvas at twice its size, so it stays crisp on slides.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Offers `content` as a file named `name`.
pub fn save_text(name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(name, &blob);
    }
}

/// Offers a Blob as a file named `name`.
pub fn save_blob(name: &str, blob: &web_sys::Blob) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Draws `svg` (of `width` × `height` user units) into a canvas at `scale`
/// and offers it as a PNG. Calls `on_error` if the browser refuses.
pub fn save_svg_as_png(
    name: &str,
    svg: &str,
    width: u32,
    height: u32,
    scale: f64,
    on_error: impl Fn(String) + 'static,
) {
    let fail = |why: &str| on_error(format!("could not make the PNG: {why}"));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return fail("no document");
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return fail("no blob");
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return fail("no object URL");
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return fail("no image");
    };
    let Ok(canvas) = document
        .create_element("canvas")
        .map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>())
    else {
        return fail("no canvas");
    };
    let w = (f64::from(width) * scale) as u32;
    let h = (f64::from(height) * scale) as u32;
    canvas.set_width(w);
    canvas.set_height(h);
    let name = name.to_string();
    let img = image.clone();
    let url_for_load = url.clone();
    let onload = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url_for_load);
        let Ok(Some(ctx)) = canvas.get_context("2d") else {
            return;
        };
        let ctx: web_sys::CanvasRenderingContext2d = ctx.unchecked_into();
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &img,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        );
        let on_blob = Closure::once(move |blob: JsValue| {
            if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                save_blob(&name, &blob);
            }
        });
        let _ = canvas.to_blob(on_blob.as_ref().unchecked_ref());
        on_blob.forget();
    });
    image.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    image.set_src(&url);
}
