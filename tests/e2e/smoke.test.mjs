// Smoke test of the built app (dist/) in Chromium, served under a sub-path as
// on a GitHub Pages project site: it loads, starts its wasm, stays within its
// origin and its Content Security Policy, and logs no errors.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { SUB_PATH, assertClean, startApp } from "./harness.mjs";

let app;
let session;

before(async () => {
  app = await startApp();
  // The page's timers run on Playwright's clock from before it loads (it
  // flows with real time until a test pauses it), so a test can run them
  // through hours of the page's time at once.
  session = await app.open({ clock: true });
});

after(async () => {
  await session?.close();
  await app?.close();
});

test("the page loads under a sub-path and the app renders", async () => {
  assert.match(await session.page.title(), /layerdiff/);
  assert.equal(await session.page.locator("main").count(), 1, "expected one <main> rendered by the app");
  assert.match(await session.page.locator("body").innerText(), /layerdiff/);
});

test("every request stays on the page's origin and under its sub-path", () => {
  assert.ok(session.requests.length >= 3, `expected html, js and wasm requests, saw ${session.requests.length}`);
  const outside = session.requests.filter(
    (r) => r.foreign || !new URL(r.url).pathname.startsWith(SUB_PATH),
  );
  assert.deepEqual(
    outside.map((r) => r.url),
    [],
    "requests outside the app's origin or sub-path (an absolute URL in dist/?)",
  );
  const kinds = new Set(session.requests.map((r) => new URL(r.url).pathname.split(".").pop()));
  for (const kind of ["js", "wasm"]) assert.ok(kinds.has(kind), `no .${kind} was requested`);
});

test("the wasm is served as application/wasm", async () => {
  const wasm = session.requests.find((r) => r.url.endsWith(".wasm"));
  assert.ok(wasm, "no .wasm request");
  const response = await session.page.request.get(wasm.url);
  assert.equal(response.headers()["content-type"], "application/wasm");
});

// The second module (insights, link packing) is fetched by design once the
// chart is drawn, so it may come after the network first went idle: the
// page is loaded when the demo's findings are shown and its link is packed.
/** How long the page stays open, on its own clock, in the test that nothing more is requested. */
const STAYS_OPEN_MS = 60 * 60 * 1000;

const SECOND_MODULE = /\/(extras-worker\.js|layerdiff-extras\.js|layerdiff-extras_bg\.wasm)$/;

test("nothing is requested once the page has loaded, its second module included", async () => {
  const { page } = session;
  await page.locator('[data-testid="insights"] [data-testid="finding"]').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-link"]')?.value.includes("#"));
  await session.settle();
  const lazy = session.requests.filter((r) => r.afterLoad && !SECOND_MODULE.test(new URL(r.url).pathname));
  assert.deepEqual(lazy.map((r) => `${r.method} ${r.url}`), [], "requests after load besides the second module");
  // Then nothing more, however long the page stays open (no polling, no
  // analytics): an hour of the page's time passes on its clock, firing every
  // timeout and interval of the page due in it (its workers keep real time).
  const seen = session.requests.length;
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
  await page.clock.runFor(STAYS_OPEN_MS);
  // A request of our own, made after the clock ran: the ones those timers
  // made left the page before it, so they are recorded once it is.
  const marker = `${app.url}?after-the-clock`;
  await page.evaluate((marker) => fetch(marker, { cache: "no-store" }).then((r) => r.text()), marker);
  await session.settle();
  await page.clock.resume();
  const late = session.requests.slice(seen);
  assert.ok(late.some((r) => r.url === marker), "the marker request was recorded");
  assert.deepEqual(
    late.filter((r) => r.url !== marker).map((r) => `${r.method} ${r.url}`),
    [],
    "requests in an hour of the page's time after load (polling, analytics, lazy assets?)",
  );
});

test("the page has a strict Content Security Policy", async () => {
  const policy = await session.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  assert.ok(policy, "no CSP <meta> in the page");
  const directives = Object.fromEntries(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
  assert.deepEqual(directives["default-src"], ["'none'"]);
  assert.deepEqual(directives["base-uri"], ["'none'"]);
  assert.deepEqual(directives["form-action"], ["'none'"]);
  assert.deepEqual(directives["connect-src"], ["'self'"]);
  const scriptSrc = directives["script-src"] ?? [];
  assert.ok(!scriptSrc.includes("'unsafe-inline'"), `script-src allows inline scripts: ${scriptSrc}`);
  assert.ok(!scriptSrc.includes("'unsafe-eval'"), `script-src allows eval: ${scriptSrc}`);
  assert.ok(
    scriptSrc.some((s) => s.startsWith("'sha256-")),
    `script-src has no hash for Trunk's inline loader (did scripts/csp-hash.mjs run?): ${scriptSrc}`,
  );
});

test("the CSP is enforced: an injected inline script is blocked and reported", async () => {
  const probe = await app.open();
  try {
    await probe.page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true;";
      document.body.append(script);
    });
    await probe.settle();
    assert.equal(await probe.page.evaluate(() => window.__inlineRan ?? false), false);
    assert.ok(
      probe.cspViolations.some((v) => v.startsWith("script-src")),
      `expected a script-src violation, saw: ${JSON.stringify(probe.cspViolations)}`,
    );
  } finally {
    await probe.close();
  }
});

test("no console errors, page errors, CSP violations or failed requests", async () => {
  await session.settle();
  assertClean(session);
});

test("while the wasm loads the page shows the app's header and says so, and the app replaces it", async () => {
  const context = await app.browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    // Hold the wasm until the stand-in has been seen, as a slow network would.
    let release;
    const released = new Promise((resolve) => (release = resolve));
    let onHeld;
    const held = new Promise((resolve) => (onHeld = resolve));
    await context.route(/_bg\.wasm$/, async (route) => {
      onHeld();
      await released;
      await route.continue();
    });
    await page.goto(app.url, { waitUntil: "commit" });
    await held; // the wasm was requested, and waits
    await page.getByRole("status").filter({ hasText: "Loading the comparison…" }).waitFor();
    assert.equal(await page.locator("header.top h1").innerText(), "▤layerdiff");
    assert.equal(await page.locator("main").count(), 0, "the app is not there yet");
    release();
    await page.locator('[data-testid="chart"] svg').first().waitFor();
    assert.equal(await page.locator("#loading").count(), 0, "the stand-in is gone");
    assert.equal(await page.locator("header.top").count(), 1, "one header: the app's");
    assert.equal(await page.getByText("Loading the comparison…").count(), 0);
  } finally {
    await context.close();
  }
});
