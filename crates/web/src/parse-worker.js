// The page's parse worker (see crates/web/src/reader.rs): reads one big paste at a
// time off the main thread with the page's own wasm. The page sends
// {id, text, js, wasm}: `js` and `wasm` are the URLs of its wasm-bindgen
// module and wasm (already in the browser's cache), so the worker runs the
// very same core. The module's start function sees no `window` and mounts
// nothing. Answers {id, result} (the parse's bytes, a Uint8Array whose
// buffer is handed over, not copied) or {id, error}.
let core;

self.onmessage = async (event) => {
  const { id, text, js, wasm } = event.data;
  try {
    core ??= import(js).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
    const module = await core;
    const result = module.read_paste(text);
    self.postMessage({ id, result }, [result.buffer]);
  } catch (error) {
    core = undefined;
    self.postMessage({ id, error: String(error) });
  }
};
