// Every real paste in tests/data/corpus/, pasted into the built page as a
// user would: the page must show the layers a careful reader sees
// (expected.json). A one-history paste fills the pane it was pasted into; a
// two-history paste (a before/after submission) fills both panes. Ambiguous
// files (where another reading is also fair) and files with more than two
// histories (the user then picks one) are left to the native corpus tests.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, corpusText, pasteInto, startApp } from "./harness.mjs";

const expected = JSON.parse(
  readFileSync(join(ROOT, "tests/data/corpus/expected.json"), "utf8"),
);
const cases = Object.entries(expected).filter(
  ([, entry]) => !entry.ambiguous && entry.histories.length >= 1 && entry.histories.length <= 2,
);

let app;
let session;

before(async () => {
  app = await startApp();
  session = await app.open();
});

after(async () => {
  await session?.close();
  await app?.close();
});

/** Waits until `[data-testid=TESTID]` reads `want`; returns what it read. */
async function textOnceEqual(page, testid, want) {
  const selector = `[data-testid="${testid}"]`;
  await page
    .waitForFunction(
      ([selector, want]) => document.querySelector(selector)?.textContent?.trim() === want,
      [selector, want],
      { timeout: 3000 },
    )
    .catch(() => {});
  const element = page.locator(selector);
  return (await element.count()) ? (await element.first().textContent()).trim() : `(no ${selector})`;
}

/** Empties both panes and waits until neither shows a layer count, so the
 *  next paste's numbers cannot be left over from the previous one. */
async function clearPanes(page) {
  for (const side of ["before", "after"]) await pasteInto(page, `paste-${side}`, "");
  await page.waitForFunction(
    () => !document.querySelector('[data-testid^="layer-count-"]'),
    null,
    { timeout: 3000 },
  );
}

test("the corpus has cases to paste", () => {
  assert.ok(cases.length >= 10, `only ${cases.length} usable entries in expected.json`);
});

for (const [file, entry] of cases) {
  test(`${file}: ${entry.histories.map((h) => `${h.n_layers} layers`).join(" + ")}`, async () => {
    const { page } = session;
    await clearPanes(page);
    await pasteInto(page, "paste-before", await corpusText(file));
    const sides = entry.histories.length === 2 ? ["before", "after"] : ["before"];
    for (const [idx, side] of sides.entries()) {
      const want = String(entry.histories[idx].n_layers);
      const shown = await textOnceEqual(page, `layer-count-${side}`, want);
      assert.equal(shown, want, `${side} pane: layer count shown vs expected.json (${file})`);
      const rows = await page.locator(`[data-testid="layers-${side}"] tbody tr`).count();
      assert.equal(String(rows), want, `${side} pane: rows in the layer table (${file})`);
    }
  });
}

test("pasting the whole corpus logged no error and stayed on the page's origin", async () => {
  await session.settle();
  assertClean(session);
});
