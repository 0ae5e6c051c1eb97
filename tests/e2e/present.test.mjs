// Presenting: P (or the button) walks the demo's comparison one
// slide at a time — the totals, every change in order of bytes (its row
// highlighted in the chart and the table), the summary — with ←/→ and
// Space; Esc stops; the slide travels in the link, which opens at it.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertClean, startApp } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const slideText = (page) => page.locator('[data-testid="slide"]').innerText();
const slideAt = (page) => page.locator('[data-testid="presenting"]').getAttribute("data-slide");

async function waitSlide(page, n) {
  await page.waitForFunction((n) => document.querySelector('[data-testid="presenting"]')?.dataset.slide === String(n), n, {
    timeout: 10_000,
  });
}

test("P presents the demo: totals, each change by bytes with its row highlighted, the summary; Esc stops", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await page.locator('[data-testid="comparison"] svg.ld-chart').waitFor();
    await page.locator("body").press("p");
    await waitSlide(page, 0);
    assert.match(await slideText(page), /The two images[\s\S]*→[\s\S]*−/);
    const count = await page.locator('[data-testid="presenting"] .slide-count').innerText();
    const total = Number(count.split("/")[1]);
    assert.ok(total >= 4, count);

    await page.keyboard.press("ArrowRight");
    await waitSlide(page, 1);
    assert.match(await slideText(page), /RUN apt-get install -y nodejs[\s\S]*removed: −93\.9 MB/);
    await page.waitForFunction(() => document.querySelector("table.aligned tr.presenting-hl") && document.querySelector(".chart .presenting-hl"));

    // Every change, then the summary; one more does not go past it.
    for (let k = 2; k < total; k++) {
      await page.keyboard.press(k % 2 ? " " : "ArrowRight");
      await waitSlide(page, k);
    }
    await page.keyboard.press("ArrowRight");
    await waitSlide(page, total - 1);
    assert.match(await slideText(page), /In short[\s\S]*changes/);
    assert.equal(await page.locator(".presenting-hl").count(), 0, "the summary points at no row");

    await page.keyboard.press("ArrowLeft");
    await waitSlide(page, total - 2);
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="presenting"]').waitFor({ state: "detached" });
    assert.equal(await page.locator(".presenting-hl").count(), 0);
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("the slide is in the link: a link made while presenting opens at that slide", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await page.locator('[data-testid="present"]').click();
    await waitSlide(page, 0);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await waitSlide(page, 2);
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="link-updating"]') && /#2/.test(document.querySelector('[data-testid="share-link"]')?.value ?? ""),
      null,
      { timeout: 20_000 },
    );
    const fragment = (await page.locator('[data-testid="share-link"]').inputValue()).split("#")[1];
    const words = await slideText(page);
    assertClean(session);
    const opened = await app.open({ hash: fragment });
    try {
      await waitSlide(opened.page, 2);
      assert.equal(await slideText(opened.page), words);
      assertClean(opened);
    } finally {
      await opened.close();
    }
  } finally {
    await session.close();
  }
});

test("P typed into a pane is text, not a command", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await page.locator('[data-testid="comparison"] svg.ld-chart').waitFor();
    const pane = page.locator('[data-testid="paste-before"]');
    await pane.focus();
    await page.keyboard.press("End");
    // The text the pane holds once it got the "p", where the caret is.
    const typed = await pane.evaluate((area) => area.value.slice(0, area.selectionStart) + "p" + area.value.slice(area.selectionEnd));
    await page.keyboard.type("p");
    // The keystroke was handled (the page saw its keydown before the pane
    // took the letter): the p is in the pane, and nothing presents.
    await page
      .waitForFunction((typed) => document.querySelector('[data-testid="paste-before"]')?.value === typed, typed, { timeout: 10_000 })
      .catch(async () => {
        const presenting = await page.locator('[data-testid="presenting"]').count();
        assert.fail(`the pane never got the typed "p" (presenting: ${presenting ? "yes" : "no"})`);
      });
    assert.equal(await page.locator('[data-testid="presenting"]').count(), 0, "typing P in a pane started presenting");
    assert.equal(await slideAtOrNull(page), null);
  } finally {
    await session.close();
  }
});

async function slideAtOrNull(page) {
  return (await page.locator('[data-testid="presenting"]').count()) ? slideAt(page) : null;
}
