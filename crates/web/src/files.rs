//! Reading a file the user dropped or pasted, in the page only (the File
//! API's `FileReader`: nothing is sent anywhere). The size and the type are
//! checked before reading, the bytes after (`layerdiff_core::app::input`), so a big
//! or binary file is refused with words and never touches a step.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{File, FileReader};

use layerdiff_core::app::input::{check_file_size, check_file_type, file_text};

/// Reads `file` as text and calls `done` with it, or with the message that
/// says what is wrong with it (`"photo.png: it is a PNG image, not text"`).
pub fn read_text(file: &File, done: impl FnOnce(Result<String, String>) + 'static) {
    let name = file.name();
    let refuse = |why: String| format!("{name}: {why}");
    let checked = check_file_size(file.size() as u64).and_then(|_| check_file_type(&file.type_()));
    if let Err(problem) = checked {
        return done(Err(refuse(problem.to_string())));
    }
    let Ok(reader) = FileReader::new() else {
        return done(Err(refuse("this browser cannot read files".into())));
    };
    let on_load = {
        let reader = reader.clone();
        Closure::once(move || {
            let text = match reader.result() {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    file_text(&bytes).map_err(|problem| format!("{name}: {problem}"))
                }
                Err(_) => Err(format!("{name}: the browser could not read it")),
            };
            done(text);
        })
    };
    reader.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    // It only throws when this reader is already busy, and it is new.
    let _ = reader.read_as_array_buffer(file);
}
