// Share links and lost work, end to end: copy the link and open it in a fresh
// page, bad links, reload keeps the panes, a link never destroys work.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertClean, corpusText, fakeDigest, pasteInto, startApp } from "./harness.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const text = (page, testid) => page.locator(`[data-testid="${testid}"]`).first().innerText();

/** The share link's fragment once it is packed for the current panes. */
async function settledFragment(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 10_000 });
  return (await page.locator('[data-testid="share-link"]').inputValue()).split("#")[1];
}

test("copy the demo's link, open it in a fresh page: the same comparison; the link is at most 700 characters", async () => {
  const first = await app.open();
  let link;
  try {
    const { page, context } = first;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
    await page.locator('[data-testid="copy-link"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-link"]')?.textContent.includes("Copied"));
    link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, await page.locator('[data-testid="share-link"]').inputValue());
    const fragment = link.split("#")[1];
    assert.ok(fragment && fragment.length > 10, `a link with a fragment: ${link}`);
    // Measured as the page would be published: https://USER.github.io/layerdiff/#…
    const published = `https://example.github.io/layerdiff/#${fragment}`;
    console.log(`# demo link: ${published.length} characters`);
    assert.ok(published.length <= 700, `demo link is ${published.length} characters`);
  } finally {
    await first.close();
  }
  const second = await app.open({ hash: link.split("#")[1] });
  try {
    const { page } = second;
    assert.equal(await text(page, "sum-before"), "≈ 417 MB");
    assert.equal(await text(page, "sum-after"), "≈ 316 MB");
    assert.equal(await text(page, "delta"), "≈ −101 MB (−24 %)");
    assert.equal(await text(page, "layer-count-before"), "14");
    assert.equal(await text(page, "layer-count-after"), "9");
    assert.match(await page.locator('[data-testid="paste-before"]').inputValue(), /IMAGE\s+CREATED\s+CREATED BY\s+SIZE/);
    await second.settle();
    assertClean(second);
  } finally {
    await second.close();
  }
});

for (const [name, fragment, expected] of [
  ["a link cut short", null, /cut short|damaged/],
  ["a tampered link", "tamper", /damaged|never contains/],
  ["a link from a newer version", "7AAAA", /newer layerdiff/],
  ["a fragment that is no link at all", "hello-world", /not a layerdiff/],
]) {
  test(`${name} says what is wrong and changes nothing`, async () => {
    const probe = await app.open();
    let good;
    try {
      good = (await probe.page.locator('[data-testid="share-link"]').inputValue()).split("#")[1];
    } finally {
      await probe.close();
    }
    let hash = fragment;
    if (fragment === null) hash = good.slice(0, Math.floor(good.length / 2));
    if (fragment === "tamper") hash = good.slice(0, 40) + (good[40] === "A" ? "B" : "A") + good.slice(41);
    const session = await app.open({ hash });
    try {
      const { page } = session;
      const banner = page.locator('[data-testid="link-error"]');
      await banner.waitFor();
      assert.match(await banner.innerText(), expected);
      // The page still works: the demo is there and compared.
      assert.equal(await text(page, "layer-count-before"), "14");
      assert.equal(await text(page, "sum-after"), "≈ 316 MB");
      await session.settle();
      assertClean(session);
    } finally {
      await session.close();
    }
  });
}

test("reload keeps the panes (saved locally as the user types)", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const paste = await corpusText("002-jonny-busybox-old-1819kB.txt");
    await pasteInto(page, "paste-before", paste);
    await page.locator('[data-testid="label-after"]').fill("my renamed after");
    await page.locator('[data-testid="label-after"]').press("Enter");
    await page.locator('[data-testid="label-after"]').blur();
    await page.waitForFunction(() => (localStorage.getItem("layerdiff.work.v1") ?? "").includes("my renamed after"), null, { timeout: 10_000 });
    // Reopen the page's address without any link: storage alone must restore it.
    await page.goto(session.url.split("#")[0]);
    await page.waitForFunction(() => window.__e2e?.started === true);
    await page.locator('[data-testid="layer-count-before"]').waitFor();
    assert.equal(await page.locator('[data-testid="paste-before"]').inputValue(), paste);
    assert.equal(await text(page, "layer-count-before"), "8");
    assert.equal(await page.locator('[data-testid="label-after"]').inputValue(), "my renamed after");
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

/**
 * Stops the page's clock (a session opened with `{ clock: true }`): from
 * now on its timers fire only when the test moves time on.
 */
async function freezeClock(page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
}

/**
 * Advances the page's clock (frozen with `freezeClock`) in small
 * steps until `predicate` holds in the page: the page's timers fire in
 * order, and no test waits on the machine's speed.
 */
async function advanceUntil(page, predicate, arg, what) {
  for (let ms = 0; ms <= 5_000; ms += 50) {
    if (await page.evaluate(predicate, arg)) return;
    await page.clock.runFor(50);
  }
  throw new Error(`not within 5 s of page time: ${what}`);
}

test("opening a link over unsaved work keeps that work recoverable", async () => {
  // The page writes the current link to the address bar once typing pauses.
  // A link the user opens while that write is pending must win: the race
  // is set up on the page's own clock, so it happens the same way every run.
  const session = await app.open({ clock: true });
  try {
    const { page } = session;
    const link = await settledFragment(page);
    await freezeClock(page);
    const mine = await corpusText("006-adderservice-old-space-units-no-trailing.txt");
    await pasteInto(page, "paste-before", mine);
    await advanceUntil(page, () => (localStorage.getItem("layerdiff.work.v1") ?? "").includes("adderservice"), null, "the work is saved");
    await advanceUntil(
      page,
      (demo) => !document.querySelector('[data-testid="link-updating"]') && !document.querySelector('[data-testid="share-link"]').value.endsWith(demo),
      link,
      "the link of my work is packed",
    );
    // Packed, and its write to the address bar is pending: nothing written yet.
    assert.equal(await page.evaluate(() => location.hash), "");
    await page.evaluate((fragment) => {
      location.hash = fragment;
    }, link);
    await page.locator('[data-testid="recoverable"]').waitFor();
    assert.equal(await text(page, "layer-count-before"), "14");
    // Every pending timer fires: the link the user opened stays in the address bar.
    await page.clock.runFor(5_000);
    assert.equal(await page.evaluate(() => location.hash), `#${link}`);
    await page.locator('[data-testid="restore"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="layer-count-before"]')?.textContent === "15");
    assert.equal(await page.locator('[data-testid="paste-before"]').inputValue(), mine);
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("a link opened just as the page writes its own link still opens, and the work stays recoverable", async () => {
  // The race behind an old flake: the user puts a link in the address bar,
  // and before the browser delivers its hashchange event, the page's pending
  // write of its own link fires. Here the write is fired inside the same task
  // as the navigation (the page's clock, run from the page), so the event
  // always comes after it.
  const session = await app.open({ clock: true });
  try {
    const { page } = session;
    const link = await settledFragment(page);
    await freezeClock(page);
    await pasteInto(page, "paste-before", await corpusText("006-adderservice-old-space-units-no-trailing.txt"));
    await advanceUntil(
      page,
      (demo) => !document.querySelector('[data-testid="link-updating"]') && !document.querySelector('[data-testid="share-link"]').value.endsWith(demo),
      link,
      "the link of my work is packed",
    );
    const seen = await page.evaluate(async (fragment) => {
      location.hash = fragment;
      // Playwright's clock controller, as installed in the page (no public
      // API runs timers inside the page's own task).
      await window.__pwClock.controller.runFor(1_000);
      return location.hash;
    }, link);
    assert.equal(seen, `#${link}`, "the pending write left the opened link alone");
    await page.locator('[data-testid="recoverable"]').waitFor();
    assert.equal(await text(page, "layer-count-before"), "14");
    await page.clock.runFor(5_000);
    assert.equal(await page.evaluate(() => location.hash), `#${link}`);
    await page.locator('[data-testid="restore"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="layer-count-before"]')?.textContent === "15");
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("secrets in build args are found and masked in the link", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const leak = await corpusText("043-hash-prefixed-rows-build-arg-leak.txt");
    await pasteInto(page, "paste-before", leak);
    await pasteInto(page, "paste-after", leak);
    await page.locator('[data-testid="secrets"]').waitFor();
    assert.match(await text(page, "secrets"), /GIT_ACCESS_TOKEN/);
    const masked = await settledFragment(page);
    await page.locator('[data-testid="redact-toggle"]').uncheck();
    const unmasked = await settledFragment(page);
    assert.notEqual(masked, unmasked);
    const reopened = await app.open({ hash: masked });
    try {
      const before = await reopened.page.locator('[data-testid="paste-before"]').inputValue();
      assert.doesNotMatch(before, /GIT_ACCESS_TOKEN=leaked/);
      assert.match(before, /GIT_ACCESS_TOKEN=\*\*\*/);
    } finally {
      await reopened.close();
    }
  } finally {
    await session.close();
  }
});

test("exports: Markdown, JSON, SVG and PNG download what the page shows", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const { readFile } = await import("node:fs/promises");
    const grab = async (testid) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid="${testid}"]`).click()]);
      return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
    };
    const md = await grab("export-markdown");
    assert.equal(md.name, "layerdiff-comparison.md");
    const mdText = md.bytes.toString("utf8");
    assert.match(mdText, /≈ 417 MB/);
    assert.match(mdText, /\| *status|\|.*removed/i);
    assert.match(mdText, /\[Open this comparison in layerdiff\]\(http/);

    const json = JSON.parse((await grab("export-json")).bytes.toString("utf8"));
    assert.equal(json.before.total_bytes, 417294752);
    assert.equal(json.after.total_bytes, 316000752);

    const svg = (await grab("export-svg")).bytes.toString("utf8");
    assert.match(svg, /^<svg[^>]*viewBox/);

    const png = (await grab("export-png")).bytes;
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG file");
    assert.ok(png.length > 10_000, `a real picture (${png.length} bytes)`);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

/** A legacy-builder `--no-trunc` table: a full sha256 id on every row (ids do not compress). */
function legacyNoTrunc(n, salt) {
  const rows = [];
  for (let i = n - 1; i >= 0; i--) {
    const cmd = i % 2 ? `/bin/sh -c #(nop)  ENV STEP_${i}=on` : `/bin/sh -c make step-${i}`;
    rows.push(`sha256:${fakeDigest(i, salt)}   ${i + 2} days ago   ${cmd.padEnd(40)}   ${i % 2 ? "0B" : `${i + 1}.${salt}MB`}`);
  }
  return `IMAGE${" ".repeat(69)}   CREATED       CREATED BY${" ".repeat(33)}SIZE      COMMENT\n${rows.join("\n")}\n`;
}

test("a link over 2,000 characters is warned about, and the offered shorter link fits", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await pasteInto(page, "paste-before", legacyNoTrunc(30, 1));
    await pasteInto(page, "paste-after", legacyNoTrunc(30, 2));
    await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 10_000 });
    const warning = page.locator('[data-testid="link-warning"]');
    await warning.waitFor();
    const long = Number(await text(page, "link-length"));
    assert.ok(long > 2000, `the full link is ${long} characters`);
    const offer = page.locator('[data-testid="use-short-link"]');
    assert.match(await offer.innerText(), /shorter link \(\d+ characters/);
    await offer.click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]') && !document.querySelector('[data-testid="link-warning"]'), null, { timeout: 10_000 });
    const short = Number(await text(page, "link-length"));
    assert.ok(short <= 2000, `the shorter link is ${short} characters`);
    assert.equal((await page.locator('[data-testid="share-link"]').inputValue()).length, short);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("loading the demo over your panes keeps them recoverable", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const mine = await corpusText("002-jonny-busybox-old-1819kB.txt");
    await pasteInto(page, "paste-before", mine);
    await page.waitForFunction(() => document.querySelector('[data-testid="layer-count-before"]')?.textContent === "8");
    await page.getByRole("button", { name: "Load demo" }).click();
    await page.locator('[data-testid="recoverable"]').waitFor();
    assert.equal(await text(page, "layer-count-before"), "14");
    await page.locator('[data-testid="restore"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="layer-count-before"]')?.textContent === "8");
    assert.equal(await page.locator('[data-testid="paste-before"]').inputValue(), mine);
  } finally {
    await session.close();
  }
});
