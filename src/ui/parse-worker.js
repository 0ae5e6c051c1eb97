// The page's parse worker (see src/ui/reader.rs): reads one big paste at a
// time off the main thread with the page's own wasm. The page sends
// {id, text, js, wasm}: `js` and `wasm` are the URLs of its wasm-bindgen
// module and wasm (already in the browser's cache), so the worker runs the
// very same core. The module's start function sees no `window` and mounts
// nothing. Answers {id, result} (the parse as JSON) or {id, error}.
let core;

self.onmessage = async (event) => {
  const { id, text, js, wasm } = event.data;
  try {
    core ??= import(js).then(async (module) => {
      await module.default({ module_or_path: wasm });
      return module;
    });
    const module = await core;
    self.postMessage({ id, result: module.read_paste(text) });
  } catch (error) {
    core = undefined;
    self.postMessage({ id, error: String(error) });
  }
};
