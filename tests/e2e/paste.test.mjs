// Checks the harness's pasteInto against the real page: a simulated paste must
// reach the app's state (not just the textarea's DOM value), which the Swap
// button proves by moving the pasted text to the other pane.

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

test("a pasted history reaches the app's state (Swap moves it to the other pane)", async () => {
  const session = await app.open();
  try {
    const text = await corpusText("002-jonny-busybox-old-1819kB.txt");
    const { page } = session;
    await pasteInto(page, "paste-before", text);
    assert.equal(await page.locator('[data-testid="paste-before"]').inputValue(), text);

    await page.getByRole("button", { name: /swap/i }).click();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="paste-after"]')?.value === expected,
      text,
      { timeout: 5000 },
    );
    assert.notEqual(await page.locator('[data-testid="paste-before"]').inputValue(), text);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});
