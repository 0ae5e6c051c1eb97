//! Reading big pastes off the main thread.
//!
//! Parsing a 10 MB paste takes about a second; on the main thread that is a
//! second without a frame. Pastes above [`layerdiff_core::app::INLINE_PARSE_BYTES`]
//! are read by a Web Worker instead: `parse-worker.js` (copied next to the
//! page by Trunk) imports the page's own wasm-bindgen module and wasm (the
//! URLs Trunk preloads in `index.html`, so nothing new is downloaded), whose
//! start function sees no `window` and mounts nothing; the worker then calls
//! the exported `read_paste` (in `crates/web/src/bin/web.rs`), which answers with the
//! parse in `layerdiff_core::exchange`'s binary form.
//!
//! One worker per pane. A newer text for a pane while its worker is still
//! reading cancels that work for real: the busy worker is terminated and a
//! fresh one started. A worker that cannot start or fails reports `None`, and
//! the caller parses on the main thread as before (slower, never wrong).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use crate::message::{bytes, field, module_worker, object};
use layerdiff_core::exchange;
use layerdiff_core::model::Parsed;
use layerdiff_core::parse::parse;

/// The worker script, next to index.html in dist/.
const WORKER_SCRIPT: &str = "parse-worker.js";

/// What the worker runs: the whole parse, answered in `layerdiff_core::exchange`'s
/// binary form.
pub fn read_paste(text: &str) -> Vec<u8> {
    exchange::to_bytes(&parse(text))
}

/// Called with the parse of the text, or `None` when the worker failed.
pub type OnRead = Box<dyn FnOnce(Option<Parsed>)>;

/// The worker of one pane, started on first use.
#[derive(Default)]
pub struct PasteReader {
    inner: Rc<RefCell<ReaderState>>,
}

#[derive(Default)]
struct ReaderState {
    worker: Option<Worker>,
    /// The request being read, if any; answers for other ids are stale.
    busy: Option<u32>,
    next_id: u32,
    /// The worker's handlers. Never dropped: `stop` may run inside one of
    /// them, and a closure must not be freed while it runs (stopped
    /// workers' handlers are kept in `retired`; workers stop rarely).
    on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
    retired: Vec<Closure<dyn FnMut(MessageEvent)>>,
    retired_errors: Vec<Closure<dyn FnMut(web_sys::Event)>>,
    /// What to call when the busy request is answered.
    pending: Option<OnRead>,
}

impl PasteReader {
    /// Reads `text` in the worker, then calls `done` (on the main thread).
    /// A request still running is cancelled (its `done` is never called).
    pub fn read(&self, text: &str, done: OnRead) {
        let mut state = self.inner.borrow_mut();
        if state.busy.is_some() {
            state.stop();
        }
        if state.worker.is_none() {
            match start_worker(&self.inner) {
                Some(started) => state.started(started),
                None => {
                    drop(state);
                    done(None);
                    return;
                }
            }
        }
        state.next_id = state.next_id.wrapping_add(1);
        let id = state.next_id;
        let message = request(id, text);
        let posted = state
            .worker
            .as_ref()
            .is_some_and(|w| w.post_message(&message).is_ok());
        if !posted {
            state.stop();
            drop(state);
            done(None);
            return;
        }
        state.busy = Some(id);
        state.pending = Some(done);
    }

    /// Cancels a request still running.
    pub fn cancel(&self) {
        let mut state = self.inner.borrow_mut();
        if state.busy.is_some() {
            state.stop();
        }
    }
}

impl ReaderState {
    /// Terminates the worker (and whatever it was reading).
    fn stop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
        self.busy = None;
        self.pending = None;
        self.retired.extend(self.on_message.take());
        self.retired_errors.extend(self.on_error.take());
    }

    /// The answer to request `id`: the parse's bytes, or `None` for a failure.
    fn answered(&mut self, id: u32, answer: Option<Vec<u8>>) -> Option<(OnRead, Option<Parsed>)> {
        if self.busy != Some(id) {
            return None;
        }
        self.busy = None;
        let parsed = answer.and_then(|bytes| exchange::from_bytes::<Parsed>(&bytes).ok());
        if parsed.is_none() {
            // A worker that failed once is not trusted again.
            self.stop();
        }
        self.pending.take().map(|done| (done, parsed))
    }
}

/// A worker and its handlers.
struct Started {
    worker: Worker,
    on_message: Closure<dyn FnMut(MessageEvent)>,
    on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl ReaderState {
    fn started(&mut self, started: Started) {
        self.worker = Some(started.worker);
        self.on_message = Some(started.on_message);
        self.on_error = Some(started.on_error);
    }
}

/// A new worker wired to `inner`, or `None` when this page cannot start one.
fn start_worker(inner: &Rc<RefCell<ReaderState>>) -> Option<Started> {
    let worker = module_worker(WORKER_SCRIPT)?;
    let weak = Rc::downgrade(inner);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = field(&data, "id").and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
        let answer = field(&data, "result").as_ref().and_then(bytes);
        let Some(inner) = weak.upgrade() else { return };
        let answer = inner.borrow_mut().answered(id, answer);
        if let Some((done, parsed)) = answer {
            done(parsed);
        }
    });
    let weak = Rc::downgrade(inner);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        let Some(inner) = weak.upgrade() else { return };
        let answer = {
            let mut state = inner.borrow_mut();
            let id = state.busy;
            id.and_then(|id| state.answered(id, None))
        };
        if let Some((done, parsed)) = answer {
            done(parsed);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Started {
        worker,
        on_message,
        on_error,
    })
}

/// `{id, text, js, wasm}`: the request, with the URLs of the page's own
/// wasm-bindgen module and wasm for the worker to import.
fn request(id: u32, text: &str) -> JsValue {
    object(&[
        ("id", JsValue::from(id)),
        ("text", JsValue::from_str(text)),
        ("js", preloaded("link[rel=modulepreload]").into()),
        ("wasm", preloaded("link[rel=preload][as=fetch]").into()),
    ])
}

/// The absolute URL of the first element matching `selector` (Trunk's
/// preload links), or "".
fn preloaded(selector: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href())
        .unwrap_or_default()
}
