//! The page's way to its second module: [`ask`] sends a
//! [`Request`] to the extras worker (`extras-worker.js`, copied next to the
//! page by Trunk), which loads `layerdiff-extras` (insights, text exports;
//! see `layerdiff_core::extras`) the first time and answers with bytes:
//! [`ask_text`] reads them as an export's or a link's text, [`ask_data`] as
//! a value in `layerdiff_core::exchange`'s binary form.
//!
//! Why a worker: the second module is fetched only when needed, so it is
//! not part of the first load, and what it computes (the rules on a big
//! pair, a long export) never blocks the page's main thread either.
//!
//! One worker for the page, started on first use; questions are answered
//! in order. A worker that cannot start or dies answers every open question
//! with an error sentence, and the next question starts a new one.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use serde::de::DeserializeOwned;

use crate::message::{bytes, field, module_worker, object};
use layerdiff_core::exchange;
use layerdiff_core::extras::Request;

/// The worker script, next to index.html in dist/.
const WORKER_SCRIPT: &str = "extras-worker.js";

/// Called with the answer's bytes, or one sentence saying why there is none.
type OnAnswer = Box<dyn FnOnce(Result<Vec<u8>, String>)>;

#[derive(Default)]
struct Extras {
    worker: Option<Worker>,
    next_id: u32,
    /// The open questions, oldest first.
    pending: Vec<(u32, OnAnswer)>,
    /// The handlers of every worker started: never dropped, as one may be
    /// running when its worker is replaced (workers die rarely).
    handlers: Vec<Handlers>,
}

struct Handlers {
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static EXTRAS: RefCell<Extras> = RefCell::default();
}

/// Asks the second module `request`, whose answer is text (an export, a
/// link); `done` gets it (later, never during this call).
pub fn ask_text(request: &Request, done: impl FnOnce(Result<String, String>) + 'static) {
    ask(request, move |answer| {
        done(answer.and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| "the answer was not text".to_string())
        }))
    });
}

/// Asks the second module `request`, whose answer is a `T` in
/// `layerdiff_core::exchange`'s binary form (the insights, the share box's links);
/// `done` gets it (later, never during this call).
pub fn ask_data<T: DeserializeOwned>(
    request: &Request,
    done: impl FnOnce(Result<T, String>) + 'static,
) {
    ask(request, move |answer| {
        done(answer.and_then(|bytes| exchange::from_bytes(&bytes)))
    });
}

/// Asks the second module `request`; `done` gets its answer's bytes.
fn ask(request: &Request, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let sent = serde_json::to_string(request)
        .map_err(|e| e.to_string())
        .and_then(|json| EXTRAS.with(|x| x.borrow_mut().send(&json)));
    match sent {
        Ok(id) => EXTRAS.with(|x| x.borrow_mut().pending.push((id, Box::new(done)))),
        // Later, as an answer would be: the caller may hold state it expects
        // to change only after this returns.
        Err(e) => {
            gloo::timers::callback::Timeout::new(0, move || done(Err(e))).forget();
        }
    }
}

impl Extras {
    /// Posts `json` as question `id` to the worker (started if needed).
    fn send(&mut self, json: &str) -> Result<u32, String> {
        let worker = match &self.worker {
            Some(w) => w.clone(),
            None => {
                let (worker, handlers) = start().ok_or_else(|| {
                    "this browser could not start the worker for insights and exports".to_string()
                })?;
                self.handlers.push(handlers);
                self.worker = Some(worker.clone());
                worker
            }
        };
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let message = object(&[
            ("id", JsValue::from(id)),
            ("request", JsValue::from_str(json)),
        ]);
        worker
            .post_message(&message)
            .map_err(|_| "the worker for insights and exports refused the question".to_string())?;
        Ok(id)
    }

    /// Takes the open question `id`, if any.
    fn take(&mut self, id: u32) -> Option<OnAnswer> {
        let at = self.pending.iter().position(|(k, _)| *k == id)?;
        Some(self.pending.remove(at).1)
    }
}

/// A new worker with its handlers, or None when the page cannot start one.
fn start() -> Option<(Worker, Handlers)> {
    let worker = module_worker(WORKER_SCRIPT)?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let Some(id) = field(&data, "id").and_then(|v| v.as_f64()) else {
            return;
        };
        let answer = match field(&data, "result").as_ref().and_then(bytes) {
            Some(answer) => Ok(answer),
            None => Err(field(&data, "error")
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| "the worker gave no answer".into())),
        };
        if let Some(done) = EXTRAS.with(|x| x.borrow_mut().take(id as u32)) {
            done(answer);
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| {
        let open = EXTRAS.with(|x| {
            let mut x = x.borrow_mut();
            if let Some(w) = x.worker.take() {
                w.terminate();
            }
            std::mem::take(&mut x.pending)
        });
        for (_, done) in open {
            done(Err("the worker for insights and exports stopped".into()));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let handlers = Handlers {
        _on_message: on_message,
        _on_error: on_error,
    };
    Some((worker, handlers))
}
