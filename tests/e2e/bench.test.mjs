// Benchmark, reported and not asserted: parse + compare + chart (+ link) in
// Chromium for the demo and for a synthetic 2×1,000-layer `--no-trunc` pair,
// read from the page's own performance measures (`layerdiff:*`). The only
// assertions are that the page really processed the input.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fakeDigest, pasteInto, startApp } from "./harness.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** A `docker history --no-trunc` table of `n` layers; `variant` edits some steps. */
function syntheticNoTrunc(n, variant) {
  const rows = [];
  for (let i = n - 1; i >= 0; i--) {
    const edited = variant === 1 && i % 37 === 5;
    const cmd =
      i % 3 === 0
        ? `/bin/sh -c #(nop)  ENV STEP_${i}=value-${i}`
        : `/bin/sh -c apt-get update && apt-get install -y --no-install-recommends package-${i} tool-${i}${edited ? " extra-tool" : ""} && rm -rf /var/lib/apt/lists/* # step ${i}`;
    const size = i % 3 === 0 ? "0B" : `${(((i * 7919) % 900) + 1) / 10}MB`;
    const id = i === n - 1 ? `sha256:${fakeDigest(i, variant)}` : "<missing>";
    rows.push([id, `${(i % 50) + 1} days ago`, cmd, size, ""]);
  }
  const widths = [71, 15, Math.max(...rows.map((r) => r[2].length)), 8];
  const pad = (s, w) => s + " ".repeat(Math.max(0, w - s.length) + 3);
  const header = pad("IMAGE", widths[0]) + pad("CREATED", widths[1]) + pad("CREATED BY", widths[2]) + pad("SIZE", widths[3]) + "COMMENT";
  return [header, ...rows.map((r) => pad(r[0], widths[0]) + pad(r[1], widths[1]) + pad(r[2], widths[2]) + pad(r[3], widths[3]) + r[4])].join("\n") + "\n";
}

async function measures(page) {
  return page.evaluate(() => {
    const out = {};
    for (const m of performance.getEntriesByType("measure")) {
      if (!m.name.startsWith("layerdiff:")) continue;
      (out[m.name] ??= []).push(m.duration);
    }
    return out;
  });
}

/** Types a few characters at the end of the before pane; ms per key until the box holds them. */
async function typingMs(page) {
  await page.locator('[data-testid="paste-before"]').focus();
  await page.keyboard.press("Control+End");
  const keys = "# a note";
  const t0 = Date.now();
  for (const key of keys) await page.keyboard.type(key);
  await page.waitForFunction((n) => document.querySelector('[data-testid="paste-before"]').value.endsWith(n), keys);
  return (Date.now() - t0) / keys.length;
}

const fmt = (xs) => (xs ? xs.map((x) => x.toFixed(1)).join(" / ") + " ms" : "—");

test("benchmark: the demo and a 2×1,000-layer --no-trunc pair in Chromium (numbers reported)", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const demo = await measures(page);
    console.log(`# demo (page load): parse ${fmt(demo["layerdiff:parse"])}, compare ${fmt(demo["layerdiff:compare"])}, chart ${fmt(demo["layerdiff:chart"])}, link ${fmt(demo["layerdiff:link"])}`);

    const demoPerKey = await typingMs(page);
    console.log(`# typing into the demo paste: ${demoPerKey.toFixed(1)} ms per key (the baseline: key press to text box, incl. the driver's round trip)`);

    await page.evaluate(() => performance.clearMeasures());
    const before = syntheticNoTrunc(1000, 0);
    const after = syntheticNoTrunc(1000, 1);
    const t0 = Date.now();
    await pasteInto(page, "paste-before", before);
    await pasteInto(page, "paste-after", after);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="layer-count-before"]')?.textContent === "1000" &&
        document.querySelector('[data-testid="layer-count-after"]')?.textContent === "1000" &&
        document.querySelectorAll('[data-testid="chart"] .ld-seg').length > 0,
      null,
      { timeout: 60_000 },
    );
    const wall = Date.now() - t0;
    // The share link is packed once typing pauses: wait for it too.
    await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 60_000 });
    const big = await measures(page);
    console.log(
      `# 2×1,000 --no-trunc (${(before.length / 1024).toFixed(0)} KiB + ${(after.length / 1024).toFixed(0)} KiB): parse ${fmt(big["layerdiff:parse"])}, compare ${fmt(big["layerdiff:compare"])}, chart ${fmt(big["layerdiff:chart"])}, link ${fmt(big["layerdiff:link"])} (${(await page.locator('[data-testid="share-link"]').inputValue()).length} characters); two pastes to chart on screen: ${wall} ms wall`,
    );
    assert.ok(big["layerdiff:compare"]?.length > 0, "the pair was compared");

    const perKey = await typingMs(page);
    console.log(`# typing into the 1,000-layer paste: ${perKey.toFixed(1)} ms per key (same measure)`);
  } finally {
    await session.close();
  }
});
