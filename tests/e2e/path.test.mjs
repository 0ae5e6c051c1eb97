// The comparison of a path: a paste of four histories (a course's
// backend before/after and frontend before/after) shows each step's figures
// and one chart column per step, with the totals of expected.json; the aligned
// table below follows the "compare step X with step Y" picker; pointing at a
// segment of the chart lights its row in the table and back; the exports are
// the path's; and the figures fit a 320 px phone.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, corpusText, pasteInto, startApp } from "./harness.mjs";

const expected = JSON.parse(readFileSync(join(ROOT, "tests/data/corpus/expected.json"), "utf8"));

/** DevOps with Docker 3.6: backend before/after, frontend before/after. */
const COURSE = "067-dwd306-pedro-4-histories-last-missing-header.txt";
const HISTORIES = expected[COURSE].histories;

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** Opens the page, pastes the four histories and waits for the path. */
async function openPath(options = {}) {
  const session = await app.open(options);
  const { page } = session;
  await pasteInto(page, "paste-before", await corpusText(COURSE));
  await page.waitForFunction(() => document.querySelector('[data-testid="steps"]')?.dataset.steps === "4");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="path-figures"] > li').length === 4, null, {
    timeout: 10_000,
  });
  await page.locator(".ld-chart.ld-path").waitFor();
  return session;
}

/** Each step's name as the step picker shows it ("1: name" → "name"). */
const stepNames = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid="compare-old"] option')].map((o) => o.textContent.replace(/^\d+: /, "")));

/** "≈ −46.3 MB (−8 %)" → −46.3e6 bytes (decimal units, as docker prints them). */
function bytesOf(text) {
  const m = /([+−-]?)\s*([\d.]+)\s*(B|kB|MB|GB)/.exec(text);
  assert.ok(m, `no size in ${JSON.stringify(text)}`);
  const unit = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[m[3]];
  return (m[1] === "" || m[1] === "+" ? 1 : -1) * Number(m[2]) * unit;
}

/** A change as the page words it is the change of the totals, to its 3 significant digits. */
function assertChange(text, want, what) {
  if (/≈ 0\b/.test(text)) {
    // within the rounding of sizes printed to 3 significant digits
    assert.ok(Math.abs(want) < 2e6, `${what}: "${text}" but the totals differ by ${want} bytes`);
    return;
  }
  const got = bytesOf(text);
  assert.ok(Math.abs(got - want) <= Math.max(Math.abs(want) * 0.006, 600), `${what}: "${text}" is not ${want} bytes`);
}

/** The aligned table's two history columns, as headed. */
const tableHeads = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid="aligned"] thead th')].map((th) => th.textContent).filter((t) => /^(before|after):/.test(t)));

/** Which steps' cards are marked compared, in step order: "old"/"new"/"-". */
const marked = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="path-figures"] > li')]
      .map((li) => (li.classList.contains("old") ? "old" : li.classList.contains("new") ? "new" : "-"))
      .join(" "),
  );

test("four histories show four columns and four steps' figures with expected.json's totals", async () => {
  const session = await openPath();
  try {
    const { page } = session;
    const chart = await page.evaluate(() => {
      const svg = document.querySelector('[data-testid="chart"] svg.ld-path');
      return {
        columns: [...svg.querySelectorAll(".ld-col")].map((c) => ({ step: Number(c.dataset.step), bytes: Number(c.dataset.bytes) })),
        segmentSteps: [...new Set([...svg.querySelectorAll(".ld-seg")].map((s) => s.dataset.step))].sort(),
      };
    });
    assert.deepEqual(
      chart.columns,
      HISTORIES.map((h, step) => ({ step, bytes: h.total_bytes })),
    );
    assert.deepEqual(chart.segmentSteps, ["0", "1", "2", "3"]);

    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="path-figures"] > li')].map((li) => ({
        bytes: Number(li.dataset.bytes),
        name: li.querySelector(".path-name")?.textContent,
        total: li.querySelector('[data-testid="path-total"]')?.textContent,
        toPrevious: li.querySelector('[data-testid="path-to-previous"]')?.textContent ?? null,
        toFirst: li.querySelector('[data-testid="path-to-first"]')?.textContent ?? null,
      })),
    );
    assert.deepEqual(
      cards.map((c) => c.bytes),
      HISTORIES.map((h) => h.total_bytes),
    );
    const first = HISTORIES[0].total_bytes;
    const names = await stepNames(page);
    assert.equal(names.length, 4);
    cards.forEach((card, k) => {
      assert.equal(card.name, `${k + 1} ${names[k]}`);
      assertChange(card.total, HISTORIES[k].total_bytes, `step ${k + 1} total`);
      if (k === 0) {
        assert.deepEqual([card.toPrevious, card.toFirst], [null, null]);
        return;
      }
      assertChange(card.toPrevious, HISTORIES[k].total_bytes - HISTORIES[k - 1].total_bytes, `step ${k + 1} Δ previous`);
      assertChange(card.toFirst, HISTORIES[k].total_bytes - first, `step ${k + 1} Δ first`);
    });
    // the first two are compared by default: the neighbours 1 → 2
    assert.equal(await marked(page), "old new - -");
    // their insights mark the layers of the two compared columns in the chart
    await page.locator('[data-testid="insights"]').waitFor();
    const badges = await page.locator('[data-testid="chart"] [data-testid="badge"]').count();
    assert.ok(badges > 0, "the compared pair's findings have badges on the path chart");
    assert.deepEqual(await tableHeads(page), [`before: ${names[0]}`, `after: ${names[1]}`]);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

/** The tallest segment of column `step` (of `kind`, when given): one a pointer can rest on. */
async function tallestSegment(page, step, kind) {
  const selector = `.ld-path .ld-seg[data-step="${step}"]${kind ? `[data-kind="${kind}"]` : ""}`;
  const heights = await page.locator(selector).evaluateAll((els) => els.map((el) => Number(el.getAttribute("height"))));
  assert.ok(heights.length > 0, `no segment ${selector}`);
  return page.locator(selector).nth(heights.indexOf(Math.max(...heights)));
}

/** The table row (by `data-rows`) highlighted now, or null. */
const litRow = (page) => page.evaluate(() => document.querySelector('[data-testid="aligned"] tr.hl')?.dataset.rows ?? null);

/** The chart segments highlighted now: `step:layers` each. */
const litSegments = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid="chart"] .ld-seg.hl')].map((s) => `${s.dataset.step}:${s.dataset.layers}`));

test("the aligned table follows the picker, and chart and table point at each other", async () => {
  const session = await openPath();
  try {
    const { page } = session;
    const names = await stepNames(page);
    // Neighbours 2 → 3: the chart names the table's rows as `1:row`.
    await page.locator('[data-testid="compare-new"]').selectOption("2");
    await page.locator('[data-testid="compare-old"]').selectOption("1");
    await page.waitForFunction(() => /^Step 2 → step 3/.test(document.querySelector('[data-testid="pair-heading"]')?.textContent ?? ""));
    assert.deepEqual(await tableHeads(page), [`before: ${names[1]}`, `after: ${names[2]}`]);
    assert.equal(await marked(page), "- old new -");

    // A segment of step 3 that is not the base: its row of the pair 2 → 3.
    const segment = await tallestSegment(page, 2, "layer");
    const rows = (await segment.getAttribute("data-rows")).split(" ");
    const row = rows.find((r) => r.startsWith("1:")).slice(2);
    await segment.hover();
    await page.waitForFunction((row) => document.querySelector('[data-testid="aligned"] tr.hl')?.dataset.rows === row, row);
    assert.equal(await page.locator('[data-testid="inspector"] .insp-status').count(), 1);

    // A table row lights its layers in the two compared columns only.
    const other = await page.evaluate(
      (row) => [...document.querySelectorAll('[data-testid="aligned"] tbody tr[data-rows]')].find((tr) => tr.dataset.rows !== row && tr.dataset.status !== "same")?.dataset.rows,
      row,
    );
    assert.ok(other, "another row that changed");
    await page.locator(`[data-testid="aligned"] tr[data-rows="${other}"]`).hover();
    await page.waitForFunction((other) => document.querySelector('[data-testid="aligned"] tr.hl')?.dataset.rows === other, other);
    const lit = await litSegments(page);
    assert.ok(lit.length > 0, "a segment lit");
    assert.ok(lit.every((s) => /^[12]:/.test(s)), `only steps 2 and 3: ${lit}`);

    // Steps 1 and 4 are no neighbours: segments are matched by layer.
    await page.locator('[data-testid="compare-old"]').selectOption("0");
    await page.locator('[data-testid="compare-new"]').selectOption("3");
    await page.waitForFunction(() => /^Step 1 → step 4/.test(document.querySelector('[data-testid="pair-heading"]')?.textContent ?? ""));
    assert.deepEqual(await tableHeads(page), [`before: ${names[0]}`, `after: ${names[3]}`]);
    assert.equal(await marked(page), "old - - new");
    const last = await tallestSegment(page, 3);
    await last.hover();
    await page.waitForFunction(() => document.querySelector('[data-testid="aligned"] tr.hl') !== null);
    const hit = await litRow(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="chart"] .ld-seg.hl').length > 0);
    const back = await litSegments(page);
    assert.ok(back.includes(`3:${await last.getAttribute("data-layers")}`), `the pointed segment lit: ${back}`);
    assert.ok(back.every((s) => /^[03]:/.test(s)), `only steps 1 and 4: ${back} (row ${hit})`);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("the exports of a four-step path: the path table with the pair's insights, the path's JSON and chart", async () => {
  const session = await openPath();
  try {
    const { page } = session;
    const names = await stepNames(page);
    const download = async (testid) => {
      const [file] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid="${testid}"]`).click()]);
      return { name: file.suggestedFilename(), text: (await readFile(await file.path())).toString("utf8") };
    };
    const md = await download("export-markdown");
    assert.equal(md.name, "layerdiff-path.md");
    assert.match(md.text, /\| Step \| Image \| Layers \| Total \| Δ to previous \| Δ to first \|/);
    HISTORIES.forEach((h, k) => {
      const line = md.text.split("\n").find((l) => l.startsWith(`| ${k + 1} | \`${names[k]}\` | ${h.n_layers} | `));
      assert.ok(line, `no path row for step ${k + 1} (${names[k]}, ${h.n_layers} layers) in:\n${md.text}`);
      const [, , , total, toPrevious, toFirst] = line.split(" | ");
      assertChange(total, h.total_bytes, `Markdown step ${k + 1} total`);
      if (k > 0) {
        assertChange(toPrevious, h.total_bytes - HISTORIES[k - 1].total_bytes, `Markdown step ${k + 1} Δ previous`);
        assertChange(toFirst.replace(/ \|$/, ""), h.total_bytes - HISTORIES[0].total_bytes, `Markdown step ${k + 1} Δ first`);
      }
    });
    assert.equal((md.text.match(/^### Step \d → \d/gm) ?? []).length, 3, "one section per neighbour");
    const said = md.text.indexOf(`The insights compare step 1 (\`${names[0]}\`) (before) with step 2 (\`${names[1]}\`) (after).`);
    assert.ok(said > 0, "the compared pair named");
    assert.ok(md.text.indexOf("### Insights\n") > said, "then its insights");
    assert.match(md.text, /\[Open this path in layerdiff\]\(http[^)]*#2/);

    const json = JSON.parse((await download("export-json")).text);
    assert.deepEqual(
      json.steps.map((s) => [s.label, s.layers, s.total_bytes]),
      HISTORIES.map((h, k) => [names[k], h.n_layers, h.total_bytes]),
    );
    assert.equal(json.neighbours.length, 3);

    const svg = await download("export-svg");
    assert.match(svg.text, /^<svg class="ld-chart ld-path"/);
    assert.equal((svg.text.match(/class="ld-col"/g) ?? []).length, 4);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("at 320 px the figures of four steps fit the screen, and so does the chart", async () => {
  const session = await openPath({ viewport: { width: 320, height: 800 } });
  try {
    const { page } = session;
    const fit = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const boxes = [...document.querySelectorAll('[data-testid="path-figures"] > li, [data-testid="chart"] svg')].map((el) => el.getBoundingClientRect());
      return { width, overflow: document.documentElement.scrollWidth - width, outside: boxes.filter((b) => b.left < 0 || b.right > width + 0.5).length, n: boxes.length };
    });
    assert.equal(fit.n, 5);
    assert.deepEqual([fit.overflow, fit.outside], [0, 0], `at ${fit.width} px`);
    const viewBox = await page.locator('[data-testid="chart"] svg').getAttribute("viewBox");
    assert.equal(viewBox.split(" ")[2], "320", "drawn for the phone's width, not shrunk");
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("a secret in a step outside the compared pair is listed, and masked in the path's exports", async () => {
  const session = await openPath();
  try {
    const { page } = session;
    await pasteInto(page, "paste-step-4", await corpusText("043-hash-prefixed-rows-build-arg-leak.txt"));
    await page.locator('[data-testid="secrets"]').waitFor();
    assert.match(await page.locator('[data-testid="secrets"]').innerText(), /step 4, layer \d+ .*GIT_ACCESS_TOKEN/s);
    assert.equal(await marked(page), "old new - -");
    const [file] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="export-json"]').click()]);
    const json = (await readFile(await file.path())).toString("utf8");
    assert.match(json, /GIT_ACCESS_TOKEN=\*\*\*/);
    assert.doesNotMatch(json, /GIT_ACCESS_TOKEN=leaked/);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("while a step is empty there is no path yet: the pair stays shown and the page says which step", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await page.locator('[data-testid="chart"] svg.ld-chart').waitFor();
    await page.locator('[data-testid="add-step"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="steps"]')?.dataset.steps === "3");
    await page.locator('[data-testid="path-waiting"]').waitFor();
    assert.match(await page.locator('[data-testid="path-waiting"]').innerText(), /step 3 is empty/);
    assert.equal(await page.locator('[data-testid="chart"] svg.ld-path').count(), 0);
    assert.equal(await page.locator('[data-testid="sum-before"]').count(), 1);
    // Filling it makes the path.
    await pasteInto(page, "paste-step-3", await corpusText("002-jonny-busybox-old-1819kB.txt"));
    await page.locator('[data-testid="chart"] svg.ld-path').waitFor();
    assert.equal(await page.locator('[data-testid="path-figures"] > li').count(), 3);
    assert.equal(await page.locator('[data-testid="path-waiting"]').count(), 0);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});
