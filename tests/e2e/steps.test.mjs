// Steps: a course's path of three or four histories in one paste fills one
// step each, in order, with each history's layers and total; steps move by
// keyboard; a paste asks before it replaces text the user typed; the link of
// a four-step path (version 2) opens to the same four steps.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, corpusText, pasteInto, startApp } from "./harness.mjs";

const expected = JSON.parse(readFileSync(join(ROOT, "tests/data/corpus/expected.json"), "utf8"));

/** ver1 → ver2 → ver3 of a workshop image and a committed image. */
const WORKSHOP = "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt";
/** DevOps with Docker 3.6: backend before/after, frontend before/after. */
const COURSE = "067-dwd306-pedro-4-histories-last-missing-header.txt";
/** The workshop file up to its third history (line 92): a three-step path. */
const THREE_LINES = 93;

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** The test-id word of the step at `position` (as the page names them). */
const place = (position) => ["before", "after"][position] ?? `step-${position + 1}`;

/** Waits until the page shows `n` steps. */
async function stepsShown(page, n) {
  await page.waitForFunction((n) => document.querySelector('[data-testid="steps"]')?.dataset.steps === String(n), n, {
    timeout: 10_000,
  });
}

/** Each step's layer count and total bytes, in order. */
async function readSteps(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="steps"] > .pane')].map((pane) => ({
      layers: Number(pane.querySelector('[data-testid^="layer-count-"]')?.textContent),
      bytes: Number(pane.querySelector('[data-testid^="total-"]')?.dataset.bytes),
    })),
  );
}

const want = (file, n = Infinity) =>
  expected[file].histories.slice(0, n).map((h) => ({ layers: h.n_layers, bytes: h.total_bytes }));

test("a paste holding four histories fills four steps with their layers and totals, and its link opens to them", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await pasteInto(page, "paste-before", await corpusText(COURSE));
    await stepsShown(page, 4);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="layer-count-"]').length === 4);
    assert.deepEqual(await readSteps(page), want(COURSE));
    // The link of the four steps is a version 2 link, and it opens to them.
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="link-updating"]') && /#2/.test(document.querySelector('[data-testid="share-link"]')?.value ?? ""),
      null,
      { timeout: 20_000 },
    );
    assert.equal(await page.locator('[data-testid="link-refused"]').count(), 0);
    const fragment = (await page.locator('[data-testid="share-link"]').inputValue()).split("#")[1];
    assertClean(session);
    const opened = await app.open({ hash: fragment });
    try {
      await stepsShown(opened.page, 4);
      await opened.page.waitForFunction(() => document.querySelectorAll('[data-testid^="layer-count-"]').length === 4);
      assert.deepEqual(await readSteps(opened.page), want(COURSE));
      assertClean(opened);
    } finally {
      await opened.close();
    }
  } finally {
    await session.close();
  }
});

test("a paste holding three histories fills three steps; another pair of steps can be compared", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const three = (await corpusText(WORKSHOP)).split("\n").slice(0, THREE_LINES).join("\n");
    await pasteInto(page, "paste-after", three);
    await stepsShown(page, 3);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="layer-count-"]').length === 3);
    assert.deepEqual(await readSteps(page), want(WORKSHOP, 3));
    await page.locator('[data-testid="compare-new"]').selectOption("2");
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="steps"] > .pane')].map((p) => p.dataset.compared ?? "-").join(" ") === "old - new",
    );
    await page.locator('[data-testid="comparison"]').waitFor();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("steps move by keyboard: the move buttons and Alt+arrows, the focus staying on the moved step", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const three = (await corpusText(WORKSHOP)).split("\n").slice(0, THREE_LINES).join("\n");
    await pasteInto(page, "paste-before", three);
    await stepsShown(page, 3);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="layer-count-"]').length === 3);
    const [v1, v2, v3] = want(WORKSHOP, 3);

    await page.locator(`[data-testid="later-${place(0)}"]`).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((bytes) => document.querySelector('[data-testid="total-before"]')?.dataset.bytes === bytes, String(v2.bytes));
    assert.deepEqual(await readSteps(page), [v2, v1, v3]);
    const focused = () => page.evaluate(() => document.activeElement?.dataset.testid);
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "later-after");
    // Again from where the focus is now: ver1 goes last.
    await page.keyboard.press("Enter");
    await page.waitForFunction((bytes) => document.querySelector('[data-testid="total-step-3"]')?.dataset.bytes === bytes, String(v1.bytes));
    assert.deepEqual(await readSteps(page), [v2, v3, v1]);

    // Alt+← in a step's name field moves that step one place earlier.
    await page.locator(`[data-testid="label-${place(2)}"]`).focus();
    await page.keyboard.press("Alt+ArrowLeft");
    await page.keyboard.press("Alt+ArrowLeft");
    await page.waitForFunction((bytes) => document.querySelector('[data-testid="total-before"]')?.dataset.bytes === bytes, String(v1.bytes));
    assert.deepEqual(await readSteps(page), [v1, v2, v3]);
    assert.equal(await focused(), "label-before");
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("a paste asks before it replaces text you typed in another step; steps are added and removed", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const mine = await corpusText("002-jonny-busybox-old-1819kB.txt");
    await page.locator('[data-testid="paste-after"]').fill(mine);
    await page.waitForFunction(() => document.querySelector('[data-testid="layer-count-after"]')?.textContent === "8");
    await pasteInto(page, "paste-before", await corpusText(COURSE));
    await page.locator('[data-testid="fill-question"]').waitFor();
    assert.match(await page.locator('[data-testid="fill-question"]').innerText(), /4 histories.*step 2/s);
    await page.locator('[data-testid="fill-no"]').click();
    await page.locator('[data-testid="fill-question"]').waitFor({ state: "detached" });
    assert.equal(await page.locator('[data-testid="paste-after"]').inputValue(), mine);
    await stepsShown(page, 2);

    await pasteInto(page, "paste-before", await corpusText(COURSE));
    await page.locator('[data-testid="fill-yes"]').click();
    await stepsShown(page, 4);

    await page.locator('[data-testid="remove-step-4"]').click();
    await stepsShown(page, 3);
    await page.locator('[data-testid="add-step"]').click();
    await stepsShown(page, 4);
    assert.equal(await page.locator('[data-testid="paste-step-4"]').inputValue(), "");
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("steps survive a reload, and work saved by the two-pane page still opens", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const three = (await corpusText(WORKSHOP)).split("\n").slice(0, THREE_LINES).join("\n");
    await pasteInto(page, "paste-before", three);
    await stepsShown(page, 3);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("layerdiff.work.v1") ?? "{}").steps?.length === 3, null, {
      timeout: 10_000,
    });
    await page.reload();
    await page.waitForFunction(() => window.__e2e?.started === true);
    await stepsShown(page, 3);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="layer-count-"]').length === 3);
    assert.deepEqual(await readSteps(page), want(WORKSHOP, 3));

    // A save in the format of the page before steps: { v: 1, before, after }.
    const old = await corpusText("002-jonny-busybox-old-1819kB.txt");
    await page.evaluate((old) => {
      const pane = (text, label) => ({ text, label, selected: 0 });
      localStorage.setItem("layerdiff.work.v1", JSON.stringify({ v: 1, before: pane(old, "old save"), after: pane("", null) }));
    }, old);
    await page.reload();
    await page.waitForFunction(() => window.__e2e?.started === true);
    await stepsShown(page, 2);
    assert.equal(await page.locator('[data-testid="label-before"]').inputValue(), "old save");
    assert.equal(await page.locator('[data-testid="paste-before"]').inputValue(), old);
    assertClean(session);
  } finally {
    await session.close();
  }
});
