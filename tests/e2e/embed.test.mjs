// The read-only view: a host page on another origin frames the
// demo's embed link (tests/e2e/fixtures/, made by tests/share_embed.rs) at
// 320 px and sees the chart and the same totals as the editor shows for the
// demo; the view's height message arrives and follows its size; it has no
// panes, no console error, no CSP report and no request after load; "Open in
// layerdiff" opens the editor with the same steps in a new tab.

import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startServer } from "../../scripts/static-server.mjs";
import { ROOT, assertClean, corpusText, pasteInto, startApp } from "./harness.mjs";

let app;
let host;
let hostDir;

before(async () => {
  app = await startApp();
  hostDir = await mkdtemp(join(tmpdir(), "layerdiff-host-"));
  host = await startServer({ root: hostDir, prefix: "/course/" });
});

after(async () => {
  await app?.close();
  await host?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

const fixture = async (name) => (await readFile(join(ROOT, "tests/e2e/fixtures", name), "utf8")).trim();

/** A course page framing `src` 320 px wide, sizing the frame from its height messages. */
function hostPage(src) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>course</title><link rel="icon" href="data:,"></head><body>
<h1>Week 3</h1>
<iframe id="view" src="${src}" title="layerdiff" style="width:320px;border:0" height="200"></iframe>
<script>
  window.heights = [];
  addEventListener("message", (e) => {
    if (e.data && e.data.layerdiff === "height") {
      window.heights.push({ height: e.data.height, origin: e.origin });
      document.getElementById("view").style.height = e.data.height + "px";
    }
  });
</script></body></html>`;
}

/** The demo's totals as the editor shows them. */
async function editorTotals(session) {
  const { page } = session;
  await page.getByTestId("sum-before").waitFor();
  return { before: await page.getByTestId("sum-before").innerText(), after: await page.getByTestId("sum-after").innerText() };
}

for (const [name, findings, table] of [
  ["embed-demo.link", false, false],
  ["embed-demo-all.link", true, true],
]) {
  test(`a page on another origin frames the view (${name})`, async () => {
    const editor = await app.open();
    const expected = await editorTotals(editor);
    await editor.close();

    const link = await fixture(name);
    await writeFile(join(hostDir, "index.html"), hostPage(`${app.url}#${link}`));
    assert.notEqual(new URL(host.url).origin, app.origin, "the host is another origin");

    const context = await app.browser.newContext({ viewport: { width: 800, height: 900 } });
    const problems = { console: [], page: [], requests: [], responses: [] };
    let loaded = false;
    context.on("request", (r) => loaded && problems.requests.push(r.url()));
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.console.push(m.text()));
    page.on("response", (r) => r.status() >= 400 && problems.responses.push(`${r.status()} ${r.url()}`));
    page.on("pageerror", (e) => problems.page.push(String(e)));
    await context.addInitScript(() => {
      window.__e2e = { started: false, csp: [] };
      addEventListener("TrunkApplicationStarted", () => (window.__e2e.started = true));
      document.addEventListener("securitypolicyviolation", (e) => window.__e2e.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(host.url, { waitUntil: "load" });
    const frame = page.frames().find((f) => f.url().startsWith(app.url));
    assert.ok(frame, "the view is framed");
    await frame.waitForFunction(() => window.__e2e?.started === true, null, { timeout: 15_000 });
    await frame.waitForSelector('[data-testid="chart"] svg');
    // The findings come from the page's second module, fetched once the chart is drawn.
    if (findings) await frame.waitForSelector('[data-testid="insights"] [data-testid="finding"]');
    await page.waitForLoadState("networkidle");
    loaded = true;

    // The chart and the right totals, and no panes.
    assert.equal(await frame.locator('[data-testid="sum-before"]').innerText(), expected.before);
    assert.equal(await frame.locator('[data-testid="sum-after"]').innerText(), expected.after);
    assert.equal(await frame.locator('[data-testid^="paste-"], .pane, textarea').count(), 0, "no panes");
    assert.equal(await frame.locator('[data-testid="embed-findings"]').count(), findings ? 1 : 0);
    assert.equal(await frame.locator('[data-testid="aligned"]').count(), table ? 1 : 0);
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `nothing wider than the 320 px frame (overflow ${overflow} px)`);

    // The height message arrived, from the view's origin, and sized the frame to the view.
    await page.waitForFunction(() => window.heights.length > 0);
    const heights = await page.evaluate(() => window.heights);
    assert.equal(heights[0].origin, app.origin);
    const viewHeight = await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid="embed-view"]').getBoundingClientRect().height));
    await page.waitForFunction((h) => window.heights.at(-1).height === h, viewHeight);
    assert.ok(viewHeight > 300, `the view is taller than the frame's first 200 px: ${viewHeight}`);
    const frameHeight = await page.evaluate(() => document.getElementById("view").getBoundingClientRect().height);
    assert.equal(frameHeight, viewHeight, "the host sized the frame from the message");

    // Nothing was requested since load (the host's page and the view's files).
    assert.deepEqual(problems.requests, [], "no request after load");
    const csp = await frame.evaluate(() => window.__e2e.csp);
    assertClean({
      consoleErrors: problems.console,
      pageErrors: problems.page,
      cspViolations: csp,
      badResponses: problems.responses,
      requests: [],
    });

    // "Open in layerdiff": the editor, same steps, in a new tab.
    const open = frame.getByTestId("open-in-layerdiff");
    assert.equal(await open.getAttribute("target"), "_blank");
    const [editorTab] = await Promise.all([context.waitForEvent("page"), open.click()]);
    await editorTab.waitForFunction(() => window.__e2e?.started === true, null, { timeout: 15_000 });
    await editorTab.getByTestId("paste-before").waitFor();
    assert.equal(await editorTab.getByTestId("sum-before").innerText(), expected.before);
    assert.equal(await editorTab.getByTestId("sum-after").innerText(), expected.after);
    assert.equal(await editorTab.getByTestId("embed-view").count(), 0, "the editor, not the view");
    assert.deepEqual(problems.page, [], "no page error in the editor either");
    await context.close();
  });
}

test("the view follows a theme the link fixes, and the viewer's otherwise", async () => {
  const link = await fixture("embed-demo.link");
  const session = await app.open({ hash: link, colorScheme: "dark" });
  const { page } = session;
  await page.waitForSelector('[data-testid="chart"] svg');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(17, 20, 24)", "dark, as the viewer's system");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
  assert.equal(session.requests.filter((r) => r.afterLoad).length, 0, "no request after load");
  await session.settle();
  assertClean(session);
  await session.close();

  const light = await app.open({ hash: await fixture("embed-demo-light.link"), colorScheme: "dark" });
  await light.page.waitForSelector('[data-testid="chart"] svg');
  assert.equal(await light.page.evaluate(() => document.documentElement.dataset.theme), "light");
  const fixed = await light.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(fixed, "rgb(247, 247, 245)", "light, as the link fixes, on a dark system");
  await light.settle();
  assertClean(light);
  await light.close();
});

test("the share box offers the view link, the iframe and the Markdown image; the view link opens the view", async () => {
  const session = await app.open();
  const { page, context } = session;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
  await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 10_000 });
  await page.getByTestId("show-snippets").click();
  const value = (id) => page.getByTestId(id).inputValue();
  await page.getByTestId("snippet-markdown").waitFor();

  // Exactly the text tests/embed_snippets.rs renders as an image linked to the view.
  const expected = (await fixture("demo-snippet.md")).replace("https://layerdiff.invalid/base/", app.url);
  assert.equal(await value("snippet-markdown"), expected);
  const view = await value("view-link");
  assert.ok(view.startsWith(`${app.url}#`), view);
  assert.ok(expected.endsWith(`](${view})`), "the image links to the view link shown");
  const iframe = await value("snippet-iframe");
  assert.match(iframe, /^<iframe src="[^"]+" title="Sum of layer sizes: ≈ 417 MB → ≈ 316 MB"/);
  assert.equal(iframe.split('"')[1].replaceAll("&amp;", "&"), view);
  assert.match(await page.getByTestId("snippet-note").innerText(), /SVG chart[\s\S]*layerdiff-chart\.svg[\s\S]*next to the Markdown/);

  // Each snippet has its copy button.
  await page.getByTestId("copy-snippet-markdown").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-snippet-markdown"]')?.textContent.includes("Copied"));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);

  // The PNG choice names the PNG export; the findings and the table go into the view link.
  await page.getByTestId("snippet-png").check();
  await page.waitForFunction(() => document.querySelector('[data-testid="snippet-markdown"]')?.value.includes("(layerdiff-chart.png)"));
  await page.getByTestId("view-findings").check();
  await page.getByTestId("view-table").check();
  await page.waitForFunction((old) => document.querySelector('[data-testid="view-link"]')?.value !== old, view);
  const full = await value("view-link");
  assert.ok((await value("snippet-markdown")).endsWith(`](${full})`));
  await session.settle();
  assertClean(session);
  await session.close();

  for (const [link, extras] of [
    [view, 0],
    [full, 1],
  ]) {
    const opened = await app.open({ hash: link.split("#")[1] });
    await opened.page.waitForSelector('[data-testid="embed-view"] [data-testid="chart"] svg');
    assert.equal(await opened.page.getByTestId("sum-before").innerText(), "≈ 417 MB");
    assert.equal(await opened.page.locator('[data-testid^="paste-"]').count(), 0, "no panes");
    assert.equal(await opened.page.getByTestId("embed-findings").count(), extras);
    assert.equal(await opened.page.getByTestId("aligned").count(), extras);
    await opened.settle();
    assertClean(opened);
    await opened.close();
  }
});

test("the view of a path of four steps shows each step's figures and the path's chart, at 320 px", async () => {
  const session = await app.open();
  const { page } = session;
  await pasteInto(page, "paste-before", await corpusText("067-dwd306-pedro-4-histories-last-missing-header.txt"));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="path-figures"] > li').length === 4, null, { timeout: 15_000 });
  const totals = (p) => p.evaluate(() => [...document.querySelectorAll('[data-testid="path-total"]')].map((e) => e.textContent));
  const expected = await totals(page);
  await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 15_000 });
  await page.getByTestId("show-snippets").click();
  await page.getByTestId("view-link").waitFor();
  const view = await page.getByTestId("view-link").inputValue();
  assert.match(await page.getByTestId("snippet-markdown").inputValue(), /\(layerdiff-path-chart\.svg\)/);
  await session.settle();
  assertClean(session);
  await session.close();

  // At a 320 px frame's width.
  const opened = await app.open({ hash: view.split("#")[1], viewport: { width: 320, height: 900 } });
  const { page: viewPage } = opened;
  await viewPage.waitForSelector('[data-testid="embed-view"] svg.ld-chart.ld-path');
  await viewPage.waitForFunction(() => document.querySelectorAll('[data-testid="path-figures"] > li').length === 4);
  assert.deepEqual(await totals(viewPage), expected);
  assert.equal(await viewPage.locator('[data-testid="chart"] .ld-col').count(), 4, "one column per step");
  assert.equal(await viewPage.locator('[data-testid^="paste-"]').count(), 0, "no panes");
  const overflow = await viewPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `nothing wider than 320 px (overflow ${overflow} px)`);
  await opened.settle();
  assertClean(opened);
  await opened.close();
});
