// The real page against the release dist/: the demo's parse and comparison,
// pasting a corpus file, hover highlighting, and the performance marks.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertClean, corpusText, pasteInto, startApp } from "./harness.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).first().innerText();
const rows = (page, testid) => page.locator(`[data-testid="${testid}"] tbody tr`).count();

/** The layer indexes that the chart's overlay segments of `side` cover. */
async function chartLayers(page, side) {
  return page.evaluate((side) => {
    const seen = [];
    for (const seg of document.querySelectorAll(`[data-testid="chart"] .ld-seg[data-side="${side}"]`)) {
      for (const idx of (seg.getAttribute("data-layers") ?? "").split(/\s+/).filter(Boolean)) seen.push(Number(idx));
    }
    return seen.sort((a, b) => a - b);
  }, side);
}

test("first visit shows the demo: both panes parsed, totals, delta, base, one chart segment per layer", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    assert.equal(await text(page, "layer-count-before"), "14");
    assert.equal(await text(page, "layer-count-after"), "9");
    assert.equal(await rows(page, "layers-before"), 14);
    assert.equal(await rows(page, "layers-after"), 9);
    assert.match(await text(page, "format-before"), /docker/);
    assert.equal(await text(page, "sum-before"), "≈ 417 MB");
    assert.equal(await text(page, "sum-after"), "≈ 316 MB");
    assert.equal(await text(page, "delta"), "≈ −101 MB (−24 %)");
    assert.equal(await text(page, "base-size"), "≈ 117 MB");
    assert.deepEqual(await chartLayers(page, "before"), [...Array(14).keys()]);
    assert.deepEqual(await chartLayers(page, "after"), [...Array(9).keys()]);
    assert.ok((await page.locator('[data-testid="chart"] .ld-bar').count()) >= 3, "the waterfall has bars");
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("pasting a corpus file with two histories fills both panes and reads every row", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const paste = await corpusText("022-podman-ex307-frontend-backend-after-tab-split.txt");
    await pasteInto(page, "paste-after", paste);
    await page.waitForFunction(() => document.querySelector('[data-testid="layer-count-before"]')?.textContent === "16");
    assert.equal(await rows(page, "layers-before"), 16);
    assert.equal(await text(page, "layer-count-after"), "18");
    assert.equal(await rows(page, "layers-after"), 18);
    assert.match(await text(page, "format-before"), /podman/);
    // The first parsed row of the before pane is the newest layer: a CMD.
    const first = page.locator('[data-testid="layers-before"] tbody tr').first();
    assert.match(await first.innerText(), /CMD/);
    assert.match(await first.innerText(), /0 B/);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("a text with no history says so, keeps the text, and the page keeps working", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const prose = "I ran docker history but forgot to paste it.\nSorry!\n";
    await pasteInto(page, "paste-before", prose);
    await page.locator('[data-testid="none-before"]').waitFor();
    assert.equal(await page.locator('[data-testid="paste-before"]').inputValue(), prose);
    assert.match(await text(page, "diagnostics-before"), /no .*docker history/i);
    assert.equal(await page.locator('[data-testid="comparison-empty"]').count(), 1);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("hovering a row of the aligned table highlights it and its partner in the chart", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    // A resized/changed row has a partner on both sides.
    const row = page.locator('[data-testid="aligned"] tbody tr[data-status="changed"]').first();
    const idx = await row.getAttribute("data-rows");
    await row.hover();
    await page.waitForFunction(
      (idx) => document.querySelectorAll(`[data-testid="chart"] .hl[data-rows~="${idx}"]`).length >= 2,
      idx,
      { timeout: 5000 },
    );
    const sides = await page.evaluate(
      (idx) => [...document.querySelectorAll(`[data-testid="chart"] .ld-seg.hl`)].filter((e) => e.getAttribute("data-rows").split(" ").includes(idx)).map((e) => e.getAttribute("data-side")),
      idx,
    );
    assert.ok(sides.includes("before") && sides.includes("after"), `highlighted sides: ${sides}`);
    assert.match(await text(page, "inspector"), /changed/);
    // Keyboard: focusing another row moves the highlight and the inspector.
    const other = page.locator('[data-testid="aligned"] tbody tr[data-status="removed"]').first();
    await other.focus();
    assert.match(await text(page, "inspector"), /removed/);
    // Keyboard focus on a chart segment shows that layer too.
    // Park the pointer where no layer is, so scrolling to the focused segment hovers nothing.
    await page.mouse.move(1, 1);
    const seg = page.locator('[data-testid="chart"] .ld-seg[data-kind="layer"][data-status="removed"]').first();
    const segRow = await seg.getAttribute("data-row");
    await seg.focus();
    assert.match(await text(page, "inspector"), /removed/);
    // ... and highlights its row in the table.
    await page.waitForFunction(
      (idx) => document.querySelector(`[data-testid="aligned"] tr[data-rows="${idx}"]`)?.classList.contains("hl"),
      segRow,
      { timeout: 5000 },
    );
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("benchmark (reported, not asserted): parse + compare + chart marks in Chromium", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const marks = await page.evaluate(() =>
      performance.getEntriesByType("measure").filter((m) => m.name.startsWith("layerdiff:")).map((m) => `${m.name} ${m.duration.toFixed(2)} ms`),
    );
    console.log(`# demo in Chromium: ${marks.join(", ")}`);
    assert.ok(marks.length > 0, "the app records performance measures");
  } finally {
    await session.close();
  }
});
