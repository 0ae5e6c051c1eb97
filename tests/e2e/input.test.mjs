// Input as people expect it: a corpus file dropped on a pane fills
// that pane, dropped elsewhere the first empty step; a paste on the page body
// fills the first empty step, and asks which when none is; a PNG (by its type
// or by its bytes) and a file over the limit are refused with words and
// change nothing; the `?` overlay opens and closes by keyboard and gives the
// focus back; Alt+N and S act, but not while typing.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertClean, corpusText, pasteInto, startApp } from "./harness.mjs";

const ONE = "006-adderservice-old-space-units-no-trailing.txt";
const OTHER = "002-jonny-busybox-old-1819kB.txt";
/** The smallest valid PNG (1×1), as bytes. */
const PNG = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
  8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0, 1, 0, 0, 5, 0,
  1, 0x0d, 0x0a, 0x2d, 0xb4, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** Drops a file on the first element matching `selector`, as the browser does. */
async function dropFile(page, selector, { name, type = "text/plain", text, bytes, size }) {
  await page.locator(selector).first().evaluate(
    (element, { name, type, text, bytes, size }) => {
      const content = text ?? (bytes ? new Uint8Array(bytes) : new Uint8Array(size));
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type }));
      for (const kind of ["dragenter", "dragover", "drop"]) {
        element.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { name, type, text, bytes, size },
  );
}

/** Pastes `text` on the page body, with no text field focused. */
async function pasteOnBody(page, text) {
  await page.evaluate((text) => {
    document.activeElement?.blur();
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const value = (page, testid) => page.locator(`[data-testid="${testid}"]`).inputValue();

async function waitForValue(page, testid, text) {
  await page.waitForFunction(
    ({ testid, text }) => document.querySelector(`[data-testid="${testid}"]`)?.value === text,
    { testid, text },
    { timeout: 10_000 },
  );
}

/** What the text box `testid` holds once `text` is typed at its caret (over its selection). */
function valueOnceTyped(page, testid, text) {
  return page
    .getByTestId(testid)
    .evaluate((box, text) => box.value.slice(0, box.selectionStart) + text + box.value.slice(box.selectionEnd), text);
}

/** Waits until the text box `testid` holds `value` (from `valueOnceTyped`), having got `what`. */
async function waitForTyped(page, testid, value, what) {
  await waitForValue(page, testid, value).catch(() => assert.fail(`the text box ${testid} never got ${what}`));
}

async function addStep(page, n) {
  await page.getByTestId("add-step").click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="steps"]')?.dataset.steps === String(n), n);
}

test("a corpus file dropped on a pane fills that pane, and elsewhere the first empty step", async () => {
  const session = await app.open();
  const { page } = session;
  const [one, other] = [await corpusText(ONE), await corpusText(OTHER)];
  const demoBefore = await value(page, "paste-before");

  await dropFile(page, '[data-step-position="1"]', { name: ONE, text: one });
  await waitForValue(page, "paste-after", one);
  assert.equal(await value(page, "paste-before"), demoBefore, "the other pane is untouched");
  await page.waitForSelector('[data-testid="layer-count-after"]');

  await addStep(page, 3);
  await dropFile(page, "header.top h1", { name: OTHER, text: other });
  await waitForValue(page, "paste-step-3", other);
  assert.equal(await value(page, "paste-after"), one);
  await session.settle();
  assertClean(session);
  await session.close();
});

test("a paste on the page body fills the first empty step, or asks which", async () => {
  const session = await app.open();
  const { page } = session;
  const [one, other] = [await corpusText(ONE), await corpusText(OTHER)];
  await addStep(page, 3);
  await pasteOnBody(page, one);
  await waitForValue(page, "paste-step-3", one);

  // Every step holds text now: the page asks, and changes nothing until answered.
  const demoAfter = await value(page, "paste-after");
  await pasteOnBody(page, other);
  await page.getByTestId("which-step").waitFor();
  assert.equal(await value(page, "paste-after"), demoAfter);
  await page.getByTestId("place-in-2").click();
  await waitForValue(page, "paste-after", other);
  assert.equal(await page.getByTestId("which-step").count(), 0);

  // A paste into a text box stays there (the page does not take it): the
  // box gets the text, and the page asks nothing.
  await page.getByTestId("paste-before").focus();
  const pasted = await valueOnceTyped(page, "paste-before", "x");
  await pasteInto(page, "paste-before", "x", { replace: false });
  await waitForTyped(page, "paste-before", pasted, 'the pasted "x"');
  assert.equal(await page.getByTestId("which-step").count(), 0);
  await session.settle();
  assertClean(session);
  await session.close();
});

test("a PNG, by its type or its bytes, and a file over the limit are refused with words", async () => {
  const session = await app.open();
  const { page } = session;
  const texts = async () => [await value(page, "paste-before"), await value(page, "paste-after")];
  const kept = await texts();
  const notice = page.getByTestId("input-notice");

  await dropFile(page, '[data-step-position="0"]', { name: "chart.png", type: "image/png", bytes: PNG });
  await notice.waitFor();
  assert.match(await notice.innerText(), /chart\.png: it is an image, not text/);
  assert.equal(await notice.getAttribute("role"), "alert");

  await dropFile(page, '[data-step-position="1"]', { name: "history.txt", type: "text/plain", bytes: PNG });
  await page.waitForFunction(() => /history\.txt: it is a PNG image, not text/.test(document.querySelector('[data-testid="input-notice"]')?.innerText));

  await dropFile(page, "main", { name: "huge.log", type: "text/plain", size: 20_000_001 });
  await page.waitForFunction(() => /huge\.log: it is too large \(20,000,001 bytes; the page reads files up to 20 MB\)/.test(document.querySelector('[data-testid="input-notice"]')?.innerText));

  assert.deepEqual(await texts(), kept, "nothing the user had changed");
  await session.settle();
  assertClean(session);
  await session.close();
});

test("the ? overlay opens and closes by keyboard; Alt+2 and S act, not while typing", async () => {
  const session = await app.open();
  const { page } = session;
  const dialog = page.getByTestId("shortcuts");

  // Typing "?" in a text box types it: the box gets it (the page saw the
  // keystroke first), and the overlay stays shut.
  await page.getByTestId("paste-before").focus();
  const typed = await valueOnceTyped(page, "paste-before", "?");
  await page.keyboard.type("?");
  await waitForTyped(page, "paste-before", typed, 'the typed "?"');
  assert.equal(await dialog.evaluate((d) => d.open), false, "typing ? in a text box opened the shortcuts");

  await page.getByTestId("show-shortcuts").focus();
  await page.keyboard.press("?");
  await page.waitForFunction(() => document.querySelector('[data-testid="shortcuts"]')?.open === true);
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), "the focus is in the dialog");
  assert.match(await dialog.innerText(), /Alt\+1 … Alt\+8/);
  assert.match(await dialog.innerText(), /Present the comparison/, "P (presenting) is listed");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.querySelector('[data-testid="shortcuts"]')?.open === false);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "show-shortcuts", "focus returns");

  // Alt+2 puts the cursor in step 2 even from a text box; S swaps only outside one.
  await page.keyboard.press("Alt+2");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "paste-after");
  const [b, a] = [await value(page, "paste-before"), await value(page, "paste-after")];
  await page.keyboard.press("Alt+1");
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("s");
  await waitForValue(page, "paste-before", a);
  assert.equal(await value(page, "paste-after"), b);
  await session.settle();
  assertClean(session);
  await session.close();
});

test("C copies the share box's link; a dropped file over 1 MB opens read-only and is read", async () => {
  const session = await app.open();
  const { page, context } = session;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
  await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 10_000 });
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("c");
  await page.waitForFunction(() => document.querySelector('[data-testid="input-notice"]')?.innerText.includes("Link copied."));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.getByTestId("share-link").inputValue());

  // A big file goes the huge-paste way: read-only, read in the worker.
  // ONE is 1,559 bytes: one `docker history adderservice` of 15 layers in
  // a code block (19 lines). 770 copies (1,200,430 bytes) are 770
  // histories; a paste of several fills the steps one history each from
  // where it went, moved back to fit (core::app::reduce, fill_positions),
  // so the first copy goes to the before pane and the other 769 stay in
  // the after pane, which keeps 500 of them (core::parse::limits: 500 × 15
  // = 7,500 layers, under its 20,000) and compares the first: 15 layers,
  // whose sizes (decimal units, as old docker printed them) add up to
  //   123 MB + 48 MB + 44.3 MB + 9.74 MB + 335 kB + 120 kB + 1.29 kB + 314 B
  //   = 123,000,000 + 48,000,000 + 44,300,000 + 9,740,000 + 335,000
  //     + 120,000 + 1,290 + 314 = 225,496,604 bytes.
  const one = await corpusText(ONE);
  const copies = Math.ceil(1_200_000 / one.length);
  assert.equal(copies, 770);
  await dropFile(page, '[data-step-position="1"]', { name: "big.txt", text: one.repeat(copies) });
  await page.getByTestId("edit-as-text-after").waitFor({ timeout: 15_000 });
  // Until the worker answers, the pane still shows the demo's after (9
  // layers) and says it is reading: wait for the reading to end.
  await page.getByTestId("reading-after").waitFor({ state: "detached", timeout: 15_000 });
  assert.equal(await value(page, "paste-before"), one, "the first copy went to the before pane");
  assert.equal(await page.getByTestId("layer-count-before").textContent(), "15");
  assert.equal(await page.getByTestId("layer-count-after").textContent(), "15");
  assert.equal(await page.getByTestId("total-after").getAttribute("data-bytes"), "225496604");
  assert.equal(await page.getByTestId("picker-after").locator("option").count(), 500);
  assert.match(
    await page.getByTestId("diagnostics-after").innerText(),
    /this paste holds 769 histories: the first 500 are kept, the 269 from here on were left out/,
  );
  await session.settle();
  assertClean(session);
  await session.close();
});
