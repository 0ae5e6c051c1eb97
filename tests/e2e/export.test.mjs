// Exports are inert wherever they are pasted: paste the hostile pair
// of tests/data/hostile/ (commands that are HTML and Markdown payloads), name
// the images with payloads too, download the page's Markdown export and render
// it with markdown-it with raw HTML allowed, as many course sites, wikis and
// note apps do. The HTML must hold only our elements and attributes, show
// every command character for character, and, opened in the browser, run
// nothing and fetch nothing. A control renders the old, unquoted cell
// the same way and sees its payload fire, so the check can tell.

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, test } from "node:test";
import MarkdownIt from "markdown-it";
import { ROOT, assertClean, pasteInto, startApp } from "./harness.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const PAYLOADS = [
  "RUN echo `id` <img src=x onerror=alert(1)> | x",
  "RUN echo </textarea><script>alert(1)</script>",
  "RUN echo <a href=https://evil.example/>x</a>",
  "RUN echo <svg onload=alert(1)>",
  "RUN echo [x](javascript:alert(1)) *_\\_ ``",
  "RUN echo ![i](https://evil.example/p.png)",
];

// The insights add their headings and lists (tests/inert_common's INSIGHTS_ELEMENTS).
const OUR_ELEMENTS = new Set(["p", "strong", "em", "br", "table", "thead", "tbody", "tr", "th", "td", "code", "a", "h3", "h4", "ul", "li"]);

const markdownIt = new MarkdownIt({ html: true });

const decode = (s) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/**
 * Every element or attribute of `html` that is not ours: markdown-it escapes
 * `<` in text, so every `<` in its output opens a tag.
 */
function foreignMarkup(html, ourLink) {
  const problems = [];
  for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
    const m = /^<\/?([a-zA-Z][a-zA-Z0-9]*)([\s\S]*?)\/?>$/.exec(tag);
    if (!m || !OUR_ELEMENTS.has(m[1].toLowerCase())) {
      problems.push(`element ${tag}`);
      continue;
    }
    const name = m[1].toLowerCase();
    for (const [, attr, value = ""] of m[2].matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      const ok =
        (["th", "td"].includes(name) && attr === "style" && /^text-align:(left|right|center)$/.test(value)) ||
        (name === "a" && attr === "href" && decode(value) === ourLink);
      if (!ok) problems.push(`attribute ${attr}="${value}" on <${name}>`);
    }
  }
  return problems;
}

const codeTexts = (html) => [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => decode(m[1]));

/** Opens `html` in a blank page of its own: what ran (dialogs) and what it fetched. */
async function openRendered(html) {
  const context = await app.browser.newContext();
  const fired = [];
  const requests = [];
  try {
    await context.route("**/*", (route) => {
      requests.push(route.request().url());
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("dialog", (dialog) => {
      fired.push(dialog.message());
      return dialog.dismiss();
    });
    // The load event waits for every image to load or fail, so their
    // handlers have run by then.
    await page.setContent(`<!doctype html><meta charset="utf-8"><body>${html}</body>`, { waitUntil: "load" });
    const live = await page.locator("img, svg, script, iframe, object, embed").count();
    if (live > 0) fired.push(`${live} live elements`);
  } finally {
    await context.close();
  }
  return { fired, requests };
}

test("the Markdown export of hostile commands and names renders inert, every command readable", async () => {
  const session = await app.open();
  try {
    const { page } = session;
    const [beforeText, afterText] = await Promise.all(
      ["before.txt", "after.txt"].map((f) => readFile(join(ROOT, "tests/data/hostile", f), "utf8")),
    );
    await pasteInto(page, "paste-before", beforeText);
    await pasteInto(page, "paste-after", afterText);
    for (const [side, label] of [
      ["before", "<img src=x onerror=alert(2)>"],
      ["after", "`x` [y](javascript:alert(3))"],
    ]) {
      const field = page.locator(`[data-testid="label-${side}"]`);
      await field.fill(label);
      await field.blur();
    }
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="layer-count-before"]')?.textContent === "3" &&
        document.querySelector('[data-testid="layer-count-after"]')?.textContent === "3" &&
        document.querySelector('[data-testid="sum-before"]')?.textContent === "≈ 8.7 MB",
    );
    await page.waitForFunction(() => !document.querySelector('[data-testid="link-updating"]'), null, { timeout: 10_000 });
    const link = await page.locator('[data-testid="share-link"]').inputValue();

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="export-markdown"]').click()]);
    const markdown = (await readFile(await download.path())).toString("utf8");
    assert.match(markdown, /\| ``RUN echo `id` <img src=x onerror=alert\(1\)> \\\| x`` \|/);

    const html = markdownIt.render(markdown);
    assert.deepEqual(foreignMarkup(html, link), [], html);
    assert.equal((html.match(/<a /g) ?? []).length, 1, "one link: ours");
    const codes = codeTexts(html);
    for (const payload of PAYLOADS) assert.ok(codes.includes(payload), `${payload} not in ${JSON.stringify(codes)}`);
    assert.match(html, /Base: the base images differ from the oldest layer on: <code>RUN echo &lt;a href=/);

    const opened = await openRendered(html);
    assert.deepEqual(opened, { fired: [], requests: [] });
    await session.settle();
    assertClean(session);
  } finally {
    await session.close();
  }
});

test("control: the issue's old, unquoted table cell does fire when rendered the same way", async () => {
  const old = "| Before |\n|---|\n| RUN echo `id` <img src=x onerror=alert(1)> \\| x |\n";
  const html = markdownIt.render(old);
  assert.notDeepEqual(foreignMarkup(html, null), []);
  const opened = await openRendered(html);
  assert.ok(opened.fired.includes("1"), JSON.stringify(opened));
});
