// The page's extras worker (see crates/web/src/extras.rs): answers the page's
// questions about insights and text exports with the second module,
// layerdiff-extras (crates/web/src/bin/extras.rs), which Trunk builds next to this file
// and which is fetched only now, the first time the page asks. The page
// sends {id, request} (JSON of layerdiff_core::extras::Request); the worker answers
// {id, result} (bytes: a Uint8Array whose buffer is handed over) or
// {id, error} (one sentence). A module that failed to
// load, or trapped, is loaded afresh for the next question.
let extras;

const load = () =>
  (extras ??= import("./layerdiff-extras.js").then(async (module) => {
    await module.default({ module_or_path: new URL("./layerdiff-extras_bg.wasm", import.meta.url) });
    return module;
  }));

self.onmessage = async (event) => {
  const { id, request } = event.data;
  let module;
  try {
    module = await load();
  } catch (error) {
    extras = undefined;
    self.postMessage({ id, error: `the insights and exports module could not be loaded (${error})` });
    return;
  }
  try {
    const result = module.answer(request);
    self.postMessage({ id, result }, [result.buffer]);
  } catch (error) {
    // A thrown string is the module's own sentence; anything else is a trap.
    if (typeof error !== "string") extras = undefined;
    self.postMessage({ id, error: String(error) });
  }
};
