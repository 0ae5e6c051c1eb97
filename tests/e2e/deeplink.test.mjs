// Links to one layer: a link naming a layer (tests/e2e/fixtures/
// demo-layer*.link, made and checked by tests/layer_link.rs) opens with that
// layer marked in the chart and the table, its row scrolled into view and
// its details in the inspector; "copy link to this layer" on a table row,
// or Enter on a chart segment then the inspector's button, copies a link
// that opens at that row (and in a path, a segment of a step the table does
// not compare: its link opens with it marked in the chart and its details
// shown); a link to a row far down a windowed table scrolls it there; a
// layer the link's data lacks is said, not shown.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, corpusText, longHistory, pasteInto, startApp } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const fixture = async (name) => (await readFile(join(ROOT, "tests/e2e/fixtures", name), "utf8")).trim();

/** A page on the demo that may read and write the clipboard. */
async function openCopying() {
  const session = await app.open();
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
  return session;
}

/** Waits for the page to settle, checks it logged nothing wrong, and closes it. */
async function closeClean(session) {
  await session.settle();
  assertClean(session);
  await session.close();
}

/** Waits until the linked row is marked, in view, with its chart segment marked. */
async function waitLinked(page) {
  await page.waitForFunction(
    () => {
      const tr = document.querySelector("table.aligned tr.linked");
      const wrap = document.querySelector(".aligned-wrap");
      if (!tr || !wrap || !document.querySelector('[data-testid="chart"] .ld-overlay .linked')) return false;
      const r = tr.getBoundingClientRect();
      const w = wrap.getBoundingClientRect();
      return r.top >= w.top - 1 && r.bottom <= w.bottom + 1 && r.top >= 0 && r.bottom <= innerHeight;
    },
    null,
    { timeout: 15_000 },
  );
  return page.locator("table.aligned tr.linked").getAttribute("data-rows");
}

/** Clicks `button`, waits for the page's notice, and returns what was copied. */
async function copyWith(page, button) {
  await button.click();
  await page.waitForFunction(() => /copied/.test(document.querySelector('[data-testid="input-notice"]')?.innerText ?? ""));
  return page.evaluate(() => navigator.clipboard.readText());
}

test("a link to layer 4 of step 2 marks it in the chart and the table, scrolls to it and opens its details", async () => {
  const session = await app.open({ hash: await fixture("demo-layer.link"), viewport: { width: 1280, height: 700 } });
  const { page } = session;
  await waitLinked(page);
  assert.equal(await page.locator("table.aligned tr.linked").count(), 1);
  assert.match(await page.locator("table.aligned tr.linked td.cmd").nth(1).innerText(), /apt-get update/);
  assert.match(await page.getByTestId("linked-layer").innerText(), /layer 4 of step 2: .*apt-get update/);
  const inspector = await page.getByTestId("inspector").innerText();
  // Numbered as the link names it: from the top, from 1.
  assert.match(inspector, /after · layer 4\b/);
  assert.match(inspector, /apt-get update/);
  // Pointing elsewhere in the chart does not take the details away from it.
  await page.locator('[data-testid="chart"] .ld-seg').first().hover();
  assert.match(await page.getByTestId("inspector").innerText(), /after · layer 4\b/);
  // Stop pointing: the marks go, and the link no longer names it.
  await page.getByTestId("clear-linked").click();
  await page.waitForFunction(() => !document.querySelector(".linked") && !document.querySelector('[data-testid="linked-layer"]'));
  await closeClean(session);
});

test("copy link to this layer on a table row: the link opens with that row marked", async () => {
  const session = await openCopying();
  const { page } = session;
  const row = page.locator('table.aligned tr[data-status="removed"]').first();
  const rows = await row.getAttribute("data-rows");
  await row.hover();
  const button = row.getByTestId("copy-row-link");
  const label = await button.getAttribute("aria-label");
  assert.match(label, /^Copy link to layer \d+ of step 1$/, "a removed row links to its before layer");
  const link = await copyWith(page, button);
  assert.equal(await page.locator('[data-testid="input-notice"] p').innerText(), `${label.replace("Copy link to", "Link to")} copied.`);
  assert.ok(link.startsWith(`${app.url}#`), link);
  await closeClean(session);

  const opened = await app.open({ hash: link.split("#")[1] });
  assert.equal(await waitLinked(opened.page), rows);
  const [, number] = /layer (\d+) of step 1/.exec(label);
  assert.match(await opened.page.getByTestId("inspector").innerText(), new RegExp(`before · layer ${number}\\b`));
  await closeClean(opened);
});

test("a chart segment by keyboard: Enter selects it and goes to its copy button, whose link opens at its row", async () => {
  const session = await openCopying();
  const { page } = session;
  const segment = page.locator('[data-testid="chart"] .ld-seg[data-side="after"][data-kind="layer"]:not([data-status="same"])').first();
  const rows = await segment.getAttribute("data-row");
  await segment.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^copy-layer-/.test(document.activeElement?.dataset.testid ?? ""));
  await page.evaluate(() => navigator.clipboard.writeText(""));
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /copied/.test(document.querySelector('[data-testid="input-notice"]')?.innerText ?? ""));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await closeClean(session);

  const opened = await app.open({ hash: link.split("#")[1] });
  assert.equal(await waitLinked(opened.page), rows);
  await closeClean(opened);
});

test("a link to a layer its data lacks opens normally and says so in one sentence", async () => {
  const session = await app.open({ hash: await fixture("demo-layer-missing.link") });
  const { page } = session;
  await page.getByTestId("linked-missing").waitFor();
  assert.equal(
    (await page.getByTestId("linked-missing").innerText()).split("\n")[0].replace(/ Stop pointing at it$/, ""),
    "This link points at layer 40 of step 2, but that step has 9 layers: the comparison is shown without it.",
  );
  assert.equal(await page.getByTestId("sum-before").innerText(), "≈ 417 MB");
  assert.equal(await page.locator(".linked").count(), 0);
  await closeClean(session);
});

test("in a path, a segment of a step outside the table: Enter, copy, and the link opens with it marked and detailed", async () => {
  const session = await openCopying();
  const { page } = session;
  await pasteInto(page, "paste-before", await corpusText("067-dwd306-pedro-4-histories-last-missing-header.txt"));
  await page.locator(".ld-chart.ld-path").waitFor({ timeout: 15_000 });
  assert.match(await page.getByTestId("pair-heading").innerText(), /^Step 1 → step 2/);
  const segment = page.locator('[data-testid="chart"] .ld-seg[data-step="3"][data-kind="layer"]').first();
  await segment.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "copy-layer-step");
  const details = await page.getByTestId("inspector").innerText();
  const [, layer] = /layer (\d+) of step 4/.exec(details) ?? [];
  assert.ok(layer, details);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /copied/.test(document.querySelector('[data-testid="input-notice"]')?.innerText ?? ""));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await closeClean(session);

  const opened = await app.open({ hash: link.split("#")[1] });
  const linked = opened.page.locator('[data-testid="chart"] .ld-seg.linked[data-step="3"]');
  await linked.first().waitFor({ state: "attached", timeout: 15_000 });
  assert.match(await opened.page.getByTestId("linked-layer").innerText(), new RegExp(`layer ${layer} of step 4, highlighted in the chart`));
  assert.match(await opened.page.getByTestId("inspector").innerText(), new RegExp(`layer ${layer} of step 4\\b`));
  assert.equal(await opened.page.locator("table.aligned tr.linked").count(), 0, "the table compares steps 1 and 2");
  await closeClean(opened);
});


test("a link to a row far down a windowed table scrolls the table to it", async () => {
  const session = await openCopying();
  const { page } = session;
  const n = 450;
  await pasteInto(page, "paste-before", longHistory(n, 0));
  await pasteInto(page, "paste-after", longHistory(n, 1));
  await page.waitForFunction((n) => document.querySelector('[data-testid="layer-count-after"]')?.textContent === String(n), n);
  const wrap = page.locator(".aligned-wrap");
  await wrap.waitFor();
  assert.match((await wrap.getAttribute("class")) ?? "", /windowed/);
  await wrap.scrollIntoViewIfNeeded();
  await wrap.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const far = page.locator('[data-testid="aligned"] tr').filter({ has: page.getByText("RUN npm install # step 5", { exact: true }) });
  await far.waitFor();
  const rows = await far.getAttribute("data-rows");
  await far.hover();
  const link = await copyWith(page, far.getByTestId("copy-row-link"));
  await closeClean(session);

  const opened = await app.open({ hash: link.split("#")[1] });
  assert.equal(await waitLinked(opened.page), rows);
  assert.match(await opened.page.locator("table.aligned tr.linked").innerText(), /npm install # step 5/);
  await closeClean(opened);
});
