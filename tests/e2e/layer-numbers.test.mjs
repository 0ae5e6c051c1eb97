// One numbering of layers on the page: one layer of the demo (before's
// `RUN apt-get install -y nodejs`, the fifth row from the top of its 14) is
// followed through every place that names it — the pane's table of parsed
// layers, the finding in the insights panel, its badge's words, the chart's
// tooltip, the inspector, the words of "copy link to this layer" and the
// Markdown export — and each says "layer 5" (the core's `LayerNumber`;
// tests/layer_numbers.rs follows the same layer through the core's writers).

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { assertClean, startApp } from "./harness.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const COMMAND = "RUN apt-get install -y nodejs";
const NUMBER = 5;

test("one layer of the demo has the same number in the pane, the insights, the chart, the inspector, its link and the Markdown", async () => {
  const session = await app.open();
  const { page } = session;
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
  await page.locator('[data-testid="insights"]').waitFor({ timeout: 15_000 });

  // The pane's table: the `#` of the row holding the command.
  const paneRow = page.locator('[data-testid="layers-before"] tbody tr', { hasText: "apt-get install -y nodejs" });
  assert.equal(await paneRow.count(), 1);
  assert.equal((await paneRow.locator("td").first().textContent()).trim(), String(NUMBER));

  // The finding in the panel, and its badge on the aligned table's row.
  const finding = page.locator('[data-testid="insights-before"] [data-testid="finding"]', {
    has: page.locator('[data-testid="command"]', { hasText: COMMAND }),
  });
  assert.equal(await finding.count(), 1);
  assert.equal(await finding.getByTestId("finding-layer").textContent(), `layer ${NUMBER}`);
  const row = page.locator('[data-testid="aligned"] tbody tr[data-rows]', { hasText: COMMAND });
  assert.equal(await row.count(), 1);
  const badge = row.getByTestId("badge");
  assert.match(await badge.getAttribute("aria-label"), new RegExp(`^(\\d+ findings: )?before, layer ${NUMBER}: apt recommended packages installed`));

  // The chart's tooltip of its segment, and the chart's badge on it.
  const rowIndex = await row.getAttribute("data-rows");
  const segment = page.locator(`[data-testid="chart"] .ld-seg[data-side="before"][data-row="${rowIndex}"]`);
  assert.match(await segment.locator("title").textContent(), new RegExp(`^${COMMAND} · .* · layer ${NUMBER}\\b`));
  const chartBadges = await page.locator('[data-testid="chart"] [data-testid="badge"]').evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
  assert.ok(chartBadges.some((l) => l.replace(/^\d+ findings: /, "").startsWith(`before, layer ${NUMBER}: apt recommended packages installed`)), chartBadges.join("\n"));

  // The inspector, once the row is pointed at.
  await row.focus();
  await page.waitForFunction(
    (words) => document.querySelector('[data-testid="inspector"]')?.innerText.includes(words),
    `before · layer ${NUMBER}`,
  );
  assert.match(await page.getByTestId("inspector").innerText(), new RegExp(`before · layer ${NUMBER}\\b`));

  // Copy link to this layer: the button's words and the notice's.
  const copy = row.getByTestId("copy-row-link");
  assert.equal(await copy.getAttribute("aria-label"), `Copy link to layer ${NUMBER} of step 1`);
  await copy.click();
  await page.waitForFunction(() => /copied/.test(document.querySelector('[data-testid="input-notice"]')?.innerText ?? ""));
  assert.equal(await page.locator('[data-testid="input-notice"] p').innerText(), `Link to layer ${NUMBER} of step 1 copied.`);
  const link = await page.evaluate(() => navigator.clipboard.readText());

  // The Markdown export: the finding's line and its verdict's row.
  await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-markdown").click()]);
  const md = (await readFile(await download.path())).toString("utf8");
  assert.ok(md.includes(`· definite · layer ${NUMBER}: \`${COMMAND}\``), md);
  assert.match(md, new RegExp(`^\\| apt recommended packages installed \\| ${NUMBER} \\| not visible \\|`, "m"));
  await session.settle();
  assertClean(session);
  await session.close();

  // The copied link opens at the same layer, named the same way.
  const opened = await app.open({ hash: link.split("#")[1] });
  await opened.page.getByTestId("linked-layer").waitFor({ timeout: 15_000 });
  assert.match(await opened.page.getByTestId("linked-layer").innerText(), new RegExp(`layer ${NUMBER} of step 1: .*apt-get install -y nodejs`));
  assert.match(await opened.page.getByTestId("inspector").innerText(), new RegExp(`before · layer ${NUMBER}\\b`));
  await opened.settle();
  assertClean(opened);
  await opened.close();
});
