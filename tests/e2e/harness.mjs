// End-to-end test harness: serves the release dist/ under a sub-path, drives
// Debian's Chromium with playwright-core, and records everything a test
// should assert is clean: every request (and whether it left the origin or
// came after the page had loaded), console errors, uncaught page errors, CSP
// violations and failed or non-2xx responses.
//
// Typical use in a test file (see smoke.test.mjs):
//
//   import { before, after, test } from "node:test";
//   import { startApp, pasteInto, assertClean } from "./harness.mjs";
//   let app;
//   before(async () => { app = await startApp(); });
//   after(() => app.close());
//   test("…", async () => {
//     const session = await app.open();          // a fresh page, loaded
//     await pasteInto(session.page, "paste-before", text);
//     …
//     assertClean(session);
//   });
//
// Nothing here downloads a browser: it uses /usr/bin/chromium (override
// with CHROMIUM=…). The build must exist: run scripts/build.sh first.

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/static-server.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The sub-path the app is served under, as on a GitHub Pages project site. */
export const SUB_PATH = "/layerdiff/";

/** Chromium flags that keep it quiet on a closed network and work as root. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Debian Chromium. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
}

/**
 * Serves `dist` under `prefix` and launches the browser.
 * @returns {Promise<{url: string, origin: string, server, browser, open: (options?: OpenOptions) => Promise<Session>, close: () => Promise<void>}>}
 */
export async function startApp({ dist = join(ROOT, "dist"), prefix = SUB_PATH } = {}) {
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(`${dist}/index.html is missing: build the app first (scripts/build.sh)`);
  }
  const server = await startServer({ root: dist, prefix });
  const browser = await launchBrowser();
  return {
    url: server.url,
    origin: server.origin,
    server,
    browser,
    open: (options = {}) => openSession(browser, server.url, options),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * @typedef {object} RequestRecord
 * @property {string} url
 * @property {string} method
 * @property {string} resourceType
 * @property {boolean} foreign   true when it was not for the page's origin
 * @property {boolean} afterLoad true when it came after `open` had settled
 *
 * @typedef {object} Session
 * @property {import("playwright-core").Page} page
 * @property {import("playwright-core").BrowserContext} context
 * @property {string} url               the address opened
 * @property {RequestRecord[]} requests every request the page made
 * @property {string[]} consoleErrors   console.error and browser-logged errors
 * @property {string[]} pageErrors      uncaught exceptions and rejections
 * @property {string[]} cspViolations   "directive blocked URI" per violation
 * @property {string[]} badResponses    "status url" for failed or non-2xx/3xx responses
 * @property {() => Promise<void>} settle  wait until the network is idle and collect CSP reports
 * @property {() => Promise<void>} close
 *
 * @typedef {object} OpenOptions
 * @property {string} [hash]    URL fragment to open with (without "#"), e.g. a share link's
 * @property {string} [path]    path below the sub-path, default ""
 * @property {{width: number, height: number}} [viewport]
 * @property {string} [colorScheme] "light" or "dark"
 * @property {boolean} [clock]  run the page's timers on Playwright's clock from the start
 *   (`page.clock`; it flows with real time until the test pauses it). Installed
 *   before the page loads, so no timer of the page escapes it.
 */

/**
 * Opens the app in a fresh browser context (own storage) and waits until the
 * wasm has started (Trunk's `TrunkApplicationStarted` event) and the network
 * is idle. Requests after that are marked `afterLoad`.
 * @returns {Promise<Session>}
 */
export async function openSession(browser, baseUrl, options = {}) {
  const { hash, path = "", viewport = { width: 1280, height: 900 }, colorScheme = "light", clock = false } = options;
  const origin = new URL(baseUrl).origin;
  const context = await browser.newContext({ viewport, colorScheme, serviceWorkers: "block" });
  const page = await context.newPage();
  const session = {
    page,
    context,
    url: baseUrl + path + (hash ? `#${hash}` : ""),
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    badResponses: [],
  };
  let loaded = false;

  // Record every request; let none leave the machine (a foreign request is
  // aborted, and still recorded so the test fails).
  await context.route("**/*", (route) => {
    const request = route.request();
    const foreign = !request.url().startsWith(`${origin}/`) && !request.url().startsWith("data:") && !request.url().startsWith("blob:");
    session.requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      foreign,
      afterLoad: loaded,
    });
    return foreign ? route.abort("blockedbyclient") : route.continue();
  });
  page.on("console", (message) => {
    if (message.type() === "error") session.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => session.pageErrors.push(String(error?.stack ?? error)));
  // ERR_ABORTED is the browser cancelling a fetch of the page's own files
  // (a reload or navigation while the second module or a worker script was
  // still downloading, a worker stopped): not a server failure. A server
  // problem shows as another error or a non-2xx status, which stay failures.
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText === "net::ERR_ABORTED" && new URL(request.url()).origin === origin) return;
    session.badResponses.push(`failed ${request.url()} (${request.failure()?.errorText ?? "?"})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) session.badResponses.push(`${response.status()} ${response.url()}`);
  });
  // Injected by the browser itself, outside the page's CSP.
  await page.addInitScript(() => {
    window.__e2e = { started: false, csp: [] };
    addEventListener("TrunkApplicationStarted", () => {
      window.__e2e.started = true;
    });
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__e2e.csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });

  session.collectCsp = async () => {
    const seen = await page.evaluate(() => window.__e2e?.csp ?? []).catch(() => []);
    session.cspViolations = [...seen];
  };
  session.settle = async () => {
    await page.waitForLoadState("networkidle");
    await session.collectCsp();
  };
  session.close = () => context.close();

  if (clock) await page.clock.install();
  await page.goto(session.url, { waitUntil: "load" });
  try {
    await page.waitForFunction(() => window.__e2e?.started === true, null, { timeout: 15_000 });
  } catch {
    await session.collectCsp();
    throw new Error(
      `the app did not start within 15 s at ${session.url}\n${describeProblems(session) || "(no errors were recorded)"}`,
    );
  }
  await session.settle();
  loaded = true;
  return session;
}

/**
 * Pastes `text` into the element `[data-testid=TESTID]` as a user would with
 * Ctrl+A, Ctrl+V: focuses it, fires a `paste` event carrying the text in its
 * clipboardData (a DataTransfer), and, unless the page handled the paste
 * itself (preventDefault), replaces the selection with the text and fires
 * `input` (inputType "insertFromPaste"), like the browser's default action.
 */
export async function pasteInto(page, testid, text, { replace = true } = {}) {
  const field = page.locator(`[data-testid="${testid}"]`);
  await field.focus();
  await field.evaluate(
    (element, { text, replace }) => {
      if (replace && typeof element.select === "function") element.select();
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const paste = new ClipboardEvent("paste", {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      if (!element.dispatchEvent(paste)) return; // the page handled it
      if (typeof element.setRangeText === "function") {
        element.setRangeText(text, element.selectionStart ?? 0, element.selectionEnd ?? 0, "end");
      } else {
        element.textContent = text;
      }
      element.dispatchEvent(
        new InputEvent("input", { inputType: "insertFromPaste", bubbles: true, composed: true }),
      );
    },
    { text, replace },
  );
}

/** A readable list of everything that went wrong in `session`, or "". */
export function describeProblems(session) {
  const sections = [
    ["console errors", session.consoleErrors],
    ["page errors", session.pageErrors],
    ["CSP violations", session.cspViolations],
    ["failed or non-2xx responses", session.badResponses],
    ["requests that left the origin", session.requests.filter((r) => r.foreign).map((r) => r.url)],
  ];
  return sections
    .filter(([, items]) => items.length > 0)
    .map(([name, items]) => `${name}:\n  ${items.join("\n  ")}`)
    .join("\n");
}

/**
 * Asserts the session saw no console error, page error, CSP violation,
 * failed response or foreign request. Call `await session.settle()` first
 * after interacting, so late CSP reports are collected.
 */
export function assertClean(session) {
  const problems = describeProblems(session);
  assert.equal(problems, "", `the page was not clean:\n${problems}`);
}

/** Reads a fixture from tests/data/corpus/. */
export async function corpusText(name) {
  const { readFile } = await import("node:fs/promises");
  return readFile(join(ROOT, "tests/data/corpus", name), "utf8");
}

/**
 * A deterministic 64-hex-digit pseudo digest for synthetic pastes (row `i`,
 * image `salt`): looks like a sha256 id and, like one, does not compress.
 */
export function fakeDigest(i, salt) {
  let x = (i + 1) * 2654435761 + salt * 40503;
  let out = "";
  while (out.length < 64) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += x.toString(16).padStart(8, "0");
  }
  return out.slice(0, 64);
}

/** A legacy `docker history` table of `n` layers, an `npm install` every fifth; `variant` changes some. */
export function longHistory(n, variant) {
  const rows = [];
  for (let i = n - 1; i >= 0; i--) {
    const cmd =
      i === 0
        ? `/bin/sh -c #(nop) ADD file:${variant ? "a1b2" : "c3d4"} in / `
        : i % 5 === 0
          ? `/bin/sh -c npm install # step ${i}`
          : `/bin/sh -c #(nop)  ENV STEP_${i}=value-${i}${variant && i % 7 === 0 ? "-new" : ""}`;
    const id = i === n - 1 ? `sha256:${(variant ? "ab" : "cd").repeat(32)}` : "<missing>";
    rows.push([id, "2 days ago", cmd, i % 5 === 0 ? `${(i % 90) + 1}MB` : "0B"]);
  }
  const widths = [71, 15, Math.max(...rows.map((r) => r[2].length)), 8];
  const pad = (s, w) => s + " ".repeat(Math.max(0, w - s.length) + 3);
  return [["IMAGE", "CREATED", "CREATED BY", "SIZE"], ...rows].map((r) => r.map((c, k) => pad(c, widths[k])).join("") + "\n").join("");
}
