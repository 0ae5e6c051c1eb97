// Accessibility as a test: axe-core (a dev dependency; the page never loads
// it, the test evaluates its source in the page) finds no violation of its
// default rules in the demo (light, dark, 375 px wide), a pasted three-step
// path, presenting, the read-only view and the shortcuts dialog.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ROOT, assertClean, corpusText, pasteInto, startApp } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Rules left out, each with its reason. Empty: every default rule runs. */
const EXCLUDED = {};

/** ver1 → ver2 → ver3 of a workshop image: its first 93 lines are three histories. */
const WORKSHOP = "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt";
const THREE_LINES = 93;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** One line per violation: id, impact, summary, then each node's target and failure summary. */
function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replaceAll("\n", "\n      ")}`);
      return `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}\n${nodes.join("\n")}`;
    })
    .join("\n");
}

/** Runs axe in the page (its source evaluated, not a script tag the page's CSP would refuse) and asserts no violation. */
async function assertAccessible(session, state) {
  const { page } = session;
  await page.evaluate(AXE);
  const rules = Object.fromEntries(Object.keys(EXCLUDED).map((id) => [id, { enabled: false }]));
  const result = await page.evaluate((rules) => window.axe.run(document, { rules }), rules);
  const violations = result.violations.map(({ id, impact, help, nodes }) => ({
    id,
    impact,
    help,
    nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
  }));
  const counts = violations.map((v) => `${v.id}×${v.nodes.length}`).join(", ");
  console.log(`axe ${state}: ${counts || "no violations"} (${result.passes.length} rules passed)`);
  assert.equal(violations.length, 0, `axe found violations in ${state}:\n${describe(violations)}`);
  await session.settle();
  assertClean(session);
}

/** Opens the demo and waits for its comparison and its link. */
async function openDemo(options) {
  const session = await app.open(options);
  await session.page.locator('[data-testid="comparison"] svg.ld-chart').waitFor();
  await session.page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 15_000 });
  return session;
}

async function check(state, open, act = async () => {}) {
  const session = await open();
  try {
    await act(session.page);
    await assertAccessible(session, state);
  } finally {
    await session.close();
  }
}

test("the demo, light", () => check("the demo, light", () => openDemo({ colorScheme: "light" })));

test("the demo, dark", () => check("the demo, dark", () => openDemo({ colorScheme: "dark" })));

test("the demo, 375 px wide", () =>
  check("the demo at 375 px", () => openDemo({ viewport: { width: 375, height: 812 } })));

test("a pasted three-step path", () =>
  check("a three-step path", openDemo, async (page) => {
    const three = (await corpusText(WORKSHOP)).split("\n").slice(0, THREE_LINES).join("\n");
    await pasteInto(page, "paste-before", three);
    await page.waitForFunction(() => document.querySelector('[data-testid="steps"]')?.dataset.steps === "3", null, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="path-figures"] > li').length === 3, null, { timeout: 10_000 });
    await page.locator(".ld-chart.ld-path").waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 15_000 });
  }));

test("presenting, a change's slide", () =>
  check("presenting", openDemo, async (page) => {
    await page.locator("body").press("p");
    await page.waitForFunction(() => document.querySelector('[data-testid="presenting"]')?.dataset.slide === "0", null, { timeout: 10_000 });
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.querySelector('[data-testid="presenting"]')?.dataset.slide === "1", null, { timeout: 10_000 });
    await page.waitForFunction(() => document.querySelector("table.aligned tr.presenting-hl"));
  }));

test("the read-only view with findings and table", async () => {
  const link = (await readFile(join(ROOT, "tests/e2e/fixtures/embed-demo-all.link"), "utf8")).trim();
  await check("the read-only view", () => app.open({ hash: link }), async (page) => {
    await page.waitForSelector('[data-testid="embed-view"] [data-testid="chart"] svg');
    await page.getByTestId("embed-findings").waitFor();
  });
});

test("the shortcuts dialog", () =>
  check("the shortcuts dialog", openDemo, async (page) => {
    await page.getByTestId("show-shortcuts").focus();
    await page.keyboard.press("?");
    await page.waitForFunction(() => document.querySelector('[data-testid="shortcuts"]')?.open === true);
  }));

test("a skip link leads to the comparison; headings lead to the steps' picker, the insights and the share link", async () => {
  const session = await openDemo();
  try {
    const { page } = session;
    await page.getByTestId("insights").waitFor();
    const address = page.url();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to the comparison", "the first Tab stop");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "comparison");
    assert.equal(page.url(), address, "the address (the share link's fragment) is unchanged");

    const headings = await page.evaluate(() => [...document.querySelectorAll("h1, h2, h3")].map((h) => `${h.tagName} ${h.textContent}`));
    for (const want of ["H1 ▤layerdiff", "H2 Steps", "H3 Add or compare steps", "H2 Comparison", "H2 Share"]) {
      assert.ok(headings.includes(want), `no "${want}" in ${JSON.stringify(headings)}`);
    }
    assert.ok(headings.some((h) => h.startsWith("H3 Insights")), JSON.stringify(headings));
    assert.equal(await page.locator('[aria-labelledby="step-bar-title"] [data-testid="add-step"]').count(), 1, "the steps' bar is under its heading");
    assert.equal(await page.locator('[aria-labelledby="share-title"] [data-testid="copy-link"]').count(), 1, "Copy link is under Share");
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});
