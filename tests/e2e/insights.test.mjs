// Insights on the page: the demo pair's findings and verdicts as
// the "Done when" states them, badges on the chart and the aligned
// table that keyboard users reach and screen readers announce, the exports
// carrying the summary and the findings, dark mode at phone width, and a
// long pair whose table stays windowed with its badges.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { assertClean, longHistory, pasteInto, startApp } from "./harness.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** The findings listed for `side`: rule, confidence, bytes, verdict, words, group. */
async function findings(page, side) {
  await page.locator('[data-testid="insights"]').waitFor();
  return page.locator(`[data-testid="insights-${side}"] [data-testid="finding"]`).evaluateAll((items) =>
    items.map((li) => ({
      rule: li.dataset.rule,
      confidence: li.dataset.confidence,
      stake: li.querySelector('[data-testid="stake"]').textContent,
      verdict: li.querySelector("[data-verdict]")?.dataset.verdict ?? null,
      text: li.innerText,
      command: li.querySelector('[data-testid="command"]').textContent,
      group: li.closest("ol").previousElementSibling.textContent,
    })),
  );
}

const squash = (s) => s.replace(/\s+/g, " ").trim();

test("the demo shows its findings: npm advice with bytes unknown, nothing on the base's cleanup, the cut apt RUN only possible, verdicts not visible", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const was = await findings(page, "before");
    for (const rule of ["npm-dev-deps", "npm-cache"]) {
      const f = was.find((f) => f.rule === rule);
      assert.ok(f, `${rule} in ${JSON.stringify(was)}`);
      assert.equal(f.confidence, "definite");
      assert.equal(f.stake, "bytes unknown");
      assert.equal(f.verdict, "not visible");
      assert.match(f.group, /your layers/i);
      assert.equal(f.command, "RUN npm install");
    }
    // Every verdict: none is "fixed", since the after text is cut.
    assert.ok(was.every((f) => f.verdict === "not visible"), JSON.stringify(was));

    // The ubuntu base's own `rm -rf /var/lib/apt/lists/*` raises nothing.
    const now = await findings(page, "after");
    for (const f of [...was, ...now]) {
      assert.doesNotMatch(f.command, /rm -rf/);
      assert.match(f.group, /your layers/i);
    }
    await page.locator('[data-testid="toggle-base"]').click();
    await page.locator('[data-testid="aligned"] tr.in-base').first().waitFor();
    assert.equal(await page.locator('[data-testid="aligned"] tr.in-base [data-testid="badge"]').count(), 0);
    const baseSegment = page.locator('[data-testid="chart"] .ld-seg[data-kind="base"]');
    assert.equal(await baseSegment.count(), 2);

    // The merged apt RUN in after is cut: whether it cleans its lists is only possible.
    const lists = now.find((f) => f.rule === "apt-lists-kept");
    assert.ok(lists, JSON.stringify(now));
    assert.equal(lists.confidence, "possible");
    assert.equal(lists.stake, "up to 199 MB, the whole layer");
    assert.match(lists.text, /docker history --no-trunc/);

    // The page says what it cannot see (every after command is cut), never
    // "fixed none", and how to be sure.
    const pair = squash(await page.locator('[data-testid="insights-pair"]').innerText());
    assert.match(pair, /None of the 5 findings can be confirmed or ruled out: the after commands are cut \(.*npm dev dependencies installed, npm cache kept\)/);
    assert.doesNotMatch(pair, /fixed/);
    assert.match(pair, /rerun docker history --no-trunc on the after image to be sure/);
    const summary = squash(await page.locator('[data-testid="summary-after"]').innerText());
    assert.match(summary, /Your own layers add ≈ 199 MB\. Layer 4 holds ≈ 199 MB of them \(100 %\)\..*rerun docker history --no-trunc to be sure/);
    // the biggest own layers, named with what they do, rule or not
    const biggest = squash(await page.locator('[data-testid="biggest-after"]').innerText());
    assert.match(biggest, /layer 4 · ≈ 199 MB: RUN apt-get update/);

    // Badges: filled where the text decides, hollow where the command is cut.
    const npmRow = page.locator('[data-testid="aligned"] tr', { hasText: "RUN npm install" });
    const npmBadge = npmRow.locator('[data-testid="badge"]');
    assert.equal(await npmBadge.count(), 1);
    assert.doesNotMatch((await npmBadge.getAttribute("class")) ?? "", /hollow/);
    const aptRow = page.locator('[data-testid="aligned"] tr[data-status="changed"]', { hasText: "apt-get update" });
    const aptBadges = aptRow.locator('[data-testid="badge"]');
    assert.equal(await aptBadges.count(), 2, "one for each side's apt RUN");
    for (const cls of await aptBadges.evaluateAll((els) => els.map((e) => e.className))) assert.match(cls, /hollow/);
    // One chart badge per side's flagged layer: npm install and apt install -y nodejs and the apt RUN before, the apt RUN after.
    assert.equal(await page.locator('[data-testid="chart"] [data-testid="badge"]').count(), 4);
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("badges are focusable, announce their text, show it on hover and focus, and lead to their finding", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await page.locator('[data-testid="insights"]').waitFor();
    const badges = page.locator('[data-testid="badge"]');
    const n = await badges.count();
    assert.ok(n >= 6, `${n} badges`);
    const tip = page.locator('[data-testid="badge-tip"]');
    for (let i = 0; i < n; i++) {
      const badge = badges.nth(i);
      await badge.focus();
      assert.ok(await badge.evaluate((el) => document.activeElement === el), `badge ${i} takes focus`);
      const label = await badge.getAttribute("aria-label");
      assert.match(label, /^(\d+ findings: )?(before|after)(, layer \d+)?: .+ \((bytes unknown|up to [\d.]+ MB, [a-z0-9 ]+|[\d.]+ [kMG]?B|≈ [^,]+), (definite|likely|possible)\)/);
      await page.waitForFunction((label) => document.querySelector('[data-testid="badge-tip"]')?.textContent === label, label);
    }
    // The accessible name is the finding's words.
    const npm = page.getByRole("button", { name: /npm dev dependencies installed \(bytes unknown, definite\); npm cache kept/ });
    assert.equal(await npm.count(), 2, "the chart's badge and the table's");
    const cut = page.getByRole("button", { name: /apt package lists kept \(up to 199 MB, the whole layer, possible\).*rerun docker history --no-trunc/ });
    assert.equal(await cut.count(), 2);

    // Keyboard: Tab goes from the table row to its badge.
    const row = page.locator('[data-testid="aligned"] tr', { hasText: "RUN npm install" });
    await row.focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "badge");
    assert.match(await tip.innerText(), /npm dev dependencies installed/);

    // Pointer: hovering shows the words, leaving hides them.
    await page.evaluate(() => document.activeElement?.blur());
    await tip.waitFor({ state: "hidden" });
    const chartBadge = page.locator('[data-testid="chart"] [data-testid="badge"]').first();
    await chartBadge.hover();
    await tip.waitFor();
    assert.equal(await tip.textContent(), await chartBadge.getAttribute("aria-label"));
    await page.mouse.move(1, 1);
    await tip.waitFor({ state: "hidden" });

    // Choosing a badge shows its finding in the panel.
    await npm.last().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.dataset.rule === "npm-dev-deps");
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("the Markdown export holds the summary, the findings and the verdicts; the JSON export the findings", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    await page.locator('[data-testid="insights"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'));
    const grab = async (testid) => {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`[data-testid="${testid}"]`).click()]);
      return (await readFile(await download.path())).toString("utf8");
    };
    const md = await grab("export-markdown");
    assert.match(md, /^### Insights$/m);
    // The summaries the page shows (its code spans are backticks in Markdown).
    const plain = squash(md.replace(/`/g, ""));
    for (const id of ["summary-before", "summary-after", "insights-pair"]) {
      const shown = squash(await page.locator(`[data-testid="${id}"]`).innerText()).replace(/^Before → after: /, "");
      assert.ok(plain.includes(shown), `${id}: ${shown}\nnot in:\n${md}`);
    }
    assert.match(md, /npm dev dependencies installed · bytes unknown · definite · layer 2: `RUN npm install`/);
    assert.match(md, /\| npm cache kept \| 2 \| not visible \|/);
    assert.match(md, /\[Open this comparison in layerdiff\]\(http/);

    const json = JSON.parse(await grab("export-json"));
    assert.equal(json.before.total_bytes, 417294752);
    const rules = json.insights.histories.map((h) => h.findings.map((f) => `${f.rule}/${f.confidence}`));
    assert.ok(rules[0].includes("npm-dev-deps/definite") && rules[0].includes("npm-cache/definite"), JSON.stringify(rules));
    assert.ok(rules[1].includes("apt-lists-kept/possible"), JSON.stringify(rules));
    assert.ok(json.insights.pair.verdicts.every((v) => v.verdict === "not visible"));
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("dark mode at phone width: one column, the page's colours, nothing wider than the screen, words inside", async () => {
  const session = await app.open({ viewport: { width: 390, height: 800 }, colorScheme: "dark" });
  try {
    const { page } = session;
    const panel = page.locator('[data-testid="insights"]');
    await panel.waitFor();
    const look = await panel.evaluate((el) => {
      const sides = getComputedStyle(el.querySelector(".ins-sides")).gridTemplateColumns.split(" ").length;
      const finding = el.querySelector('[data-testid="finding"]');
      const page = getComputedStyle(document.body).backgroundColor;
      return {
        sides,
        overflow: el.scrollWidth - el.clientWidth,
        right: Math.max(...[...el.querySelectorAll("*")].map((e) => e.getBoundingClientRect().right)),
        ink: getComputedStyle(finding).color,
        page,
      };
    });
    assert.equal(look.sides, 1);
    assert.ok(look.overflow <= 0, `the panel overflows by ${look.overflow}px`);
    assert.ok(look.right <= 390, `something ends at ${look.right}px`);
    assert.equal(look.page, "rgb(17, 20, 24)", "dark page");
    assert.equal(look.ink, "rgb(227, 231, 235)", "light text on it");
    // A badge's words stay on the screen.
    const badge = page.locator('[data-testid="aligned"] [data-testid="badge"]').first();
    await badge.focus();
    const tip = page.locator('[data-testid="badge-tip"]');
    await tip.waitFor();
    const box = await tip.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});


test("a long pair: insights read in their own task, the aligned table stays windowed and its badges follow the scroll", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    // Over 400 rows the aligned table is windowed; over 600 layers the pair is read in its own task.
    const n = 450;
    const flagged = Math.floor((n - 1) / 5);
    await pasteInto(page, "paste-before", longHistory(n, 0));
    await pasteInto(page, "paste-after", longHistory(n, 1));
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="layer-count-before"]')?.textContent === String(n) &&
        document.querySelector('[data-testid="layer-count-after"]')?.textContent === String(n),
      n,
    );
    await page.locator('[data-testid="insights"]').waitFor({ timeout: 20_000 });
    // An `npm install` every fifth row: the panel lists the first 30 and says the rest are in the exports.
    assert.equal(await page.locator('[data-testid="insights-before"] [data-testid="finding"]').count(), 30);
    const more = new RegExp(`… and ${flagged - 30} more.*exports list them all`);
    assert.match(await page.locator('[data-testid="insights-before"]').innerText(), more);

    const wrap = page.locator(".aligned-wrap");
    assert.match((await wrap.getAttribute("class")) ?? "", /windowed/);
    const rendered = await page.locator('[data-testid="aligned"] tbody tr[data-rows]').count();
    assert.ok(rendered < n, `${rendered} rows rendered of ${n}`);
    assert.ok((await page.locator('[data-testid="aligned"] [data-testid="badge"]').count()) > 0);
    // The oldest `npm install` (6th from the bottom: layer n − 5 from the top) is far down: scrolled to, it has its badges.
    await wrap.scrollIntoViewIfNeeded();
    await wrap.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const oldest = page.locator('[data-testid="aligned"] tr').filter({ has: page.getByText("RUN npm install # step 5", { exact: true }) });
    await oldest.waitFor();
    await page.waitForFunction(
      (words) =>
        [...document.querySelectorAll('[data-testid="aligned"] [data-testid="badge"]')].some((b) =>
          b.getAttribute("aria-label").includes(words),
        ),
      `before, layer ${n - 5}: npm cache kept`,
    );
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});
