//! Messages between the page and its workers (and the page that frames the
//! read-only view): plain JS objects built and read by field name, and the
//! module workers that receive them. The parse worker (`reader.rs`), the
//! extras worker (`extras.rs`) and the view's height message
//! (`embed_view.rs`) all go through here.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Worker, WorkerOptions, WorkerType};

/// A JS object with these fields.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    }
    message.into()
}

/// Field `key` of a received message, if it is there.
pub fn field(object: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// The bytes of a received `Uint8Array` (a worker's answer), if it is one.
pub fn bytes(value: &JsValue) -> Option<Vec<u8>> {
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
}

/// The module worker running `script` (next to index.html), or None when
/// this page cannot start one.
pub fn module_worker(script: &str) -> Option<Worker> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    Worker::new_with_options(script, &options).ok()
}
