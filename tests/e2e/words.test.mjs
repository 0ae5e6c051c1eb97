// The page's words where they used to mislead: the demo says it is the
// demo (and stops saying so once a step holds the user's text), the banner
// after "Load demo" names the demo, and "Copied ✓" belongs to one link.

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

test("the demo says it is the demo until a step holds other text", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const note = page.locator('[data-testid="demo-note"]');
    await note.waitFor();
    assert.match(await note.innerText(), /This is the demo/);
    await pasteInto(page, "paste-after", await corpusText("021-lab4-noopt-vs-opt-echo-separators.txt"));
    await note.waitFor({ state: "detached" });
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("loading the demo over the user's text names the demo in the banner", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await pasteInto(page, "paste-after", await corpusText("021-lab4-noopt-vs-opt-echo-separators.txt"));
    await page.locator('[data-testid="demo-note"]').waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Load demo" }).click();
    const banner = page.locator('[data-testid="recoverable"]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /The demo replaced your panes/);
    assert.equal(await banner.getByRole("button", { name: "Keep the demo" }).count(), 1);
    assert.doesNotMatch(await banner.innerText(), /shared/);
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("'Copied ✓' goes when the link changes", async () => {
  const session = await app.open();
  try {
    const { page, context } = session;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
    const copy = page.locator('[data-testid="copy-link"]');
    await copy.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-link"]')?.textContent.includes("Copied"));
    const before = await page.locator('[data-testid="share-link"]').inputValue();
    await page.locator('[data-testid="short-toggle"]').click();
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="share-link"]')?.value !== old,
      before,
      { timeout: 10_000 },
    );
    // at once, not when the 2.5 s of "Copied ✓" run out
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-link"]')?.textContent === "Copy link", null, {
      timeout: 1_500,
    });
    assertClean(session);
  } finally {
    await session.close();
  }
});
