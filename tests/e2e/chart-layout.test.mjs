// The chart's layout, checked where it is drawn: in Chromium, with its real
// fonts. For the demo pair, a podman pair and two 4-step paths, at chart
// widths from 320 to 1100 px, light and dark, every text of the chart (its
// `getBBox`, mapped to the page) and every badge over it is measured, and the
// test fails on any two boxes that overlap or any box that leaves the chart.
//
// The native test (tests/chart_layout.rs) checks the same rule with the
// layout's own width estimate, which is fast but cannot see a real font or
// the badges the page puts over the drawing; this one can.

import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { corpusText, pasteInto, startApp } from "./harness.mjs";

/** Viewport widths: the chart gets these less the page's margins (320 … 1100 px of chart). */
const WIDTHS = [340, 375, 414, 600, 768, 900, 1024, 1280, 1600, 2000];
/** How far two boxes may overlap, in CSS px (anti-aliasing, sub-pixel rounding). */
const SLACK = 0.5;

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** The inputs: the demo as the page opens, and two pasted paths. */
const INPUTS = [
  { name: "the demo pair", paste: null, steps: 2 },
  { name: "a 4-step course path", paste: "067-dwd306-pedro-4-histories-last-missing-header.txt", steps: 4 },
  { name: "a 4-step workshop path", paste: "046-docker-workshop-ver1-ver2-ver3-commit-layers-note.txt", steps: 4 },
  { name: "a podman pair", paste: "022-podman-ex307-frontend-backend-after-tab-split.txt", steps: 2 },
];

/** Waits until the chart is drawn for the width it now has and its badges are placed. */
async function settled(page) {
  await page.waitForFunction(() => {
    const figure = document.querySelector('[data-testid="chart"]');
    const svg = figure?.querySelector(".chart-box svg");
    if (!svg || document.querySelector('[data-testid="insights-pending"]')) return false;
    if (!document.querySelector('[data-testid="insights"]')) return false;
    const want = Math.min(1100, Math.max(320, figure.clientWidth));
    return svg.viewBox.baseVal.width === want;
  });
  // A frame for the badges' styles to apply after the last drawing.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Every text and badge box of the chart, in page pixels, and the chart's own box. */
function measure(page) {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="chart"] .chart-box');
    const svg = box.querySelector("svg");
    const view = svg.getBoundingClientRect();
    const matrix = svg.getScreenCTM();
    const toPage = (b) => {
      const corners = [
        [b.x, b.y],
        [b.x + b.width, b.y + b.height],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix));
      return { left: corners[0].x, top: corners[0].y, right: corners[1].x, bottom: corners[1].y };
    };
    const boxes = [];
    for (const t of svg.querySelectorAll("text")) {
      const b = t.getBBox();
      if (b.width === 0 || !t.textContent.trim()) continue;
      boxes.push({ what: `text "${t.textContent.trim().slice(0, 40)}"`, ...toPage(b) });
    }
    for (const badge of box.querySelectorAll('[data-testid="badge"]')) {
      const r = badge.getBoundingClientRect();
      boxes.push({ what: `badge "${badge.getAttribute("aria-label").slice(0, 60)}"`, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return {
      view: { left: view.left, top: view.top, right: view.right, bottom: view.bottom },
      width: svg.viewBox.baseVal.width,
      boxes,
    };
  });
}

/** The problems of one drawing: boxes overlapping, boxes leaving the chart. */
function problems({ view, boxes }) {
  const found = [];
  const px = (b) => `[${b.left.toFixed(0)},${b.top.toFixed(0)} … ${b.right.toFixed(0)},${b.bottom.toFixed(0)}]`;
  for (const b of boxes) {
    if (b.left < view.left - SLACK || b.right > view.right + SLACK || b.top < view.top - SLACK || b.bottom > view.bottom + SLACK) {
      found.push(`leaves the chart ${px(view)}: ${b.what} ${px(b)}`);
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > SLACK && h > SLACK) found.push(`overlap ${w.toFixed(1)}×${h.toFixed(1)}: ${a.what} ${px(a)} ⟷ ${b.what} ${px(b)}`);
    }
  }
  return found;
}

for (const input of INPUTS) {
  for (const colorScheme of ["light", "dark"]) {
    test(`chart of ${input.name}, ${colorScheme}: no text or badge overlaps another or leaves the chart, 320–1100 px`, async () => {
      const session = await app.open({ viewport: { width: 1280, height: 900 }, colorScheme });
      const { page } = session;
      if (input.paste) {
        await pasteInto(page, "paste-before", await corpusText(input.paste));
        await page.waitForFunction((n) => document.querySelector('[data-testid="steps"]')?.dataset.steps === String(n), input.steps);
        if (input.steps > 2) await page.locator(".ld-chart.ld-path").waitFor();
      }
      const report = [];
      const widths = new Set();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await settled(page);
        const drawing = await measure(page);
        widths.add(drawing.width);
        assert.ok(drawing.boxes.some((b) => b.what.startsWith("text")), `${width} px: the chart has no text`);
        for (const p of problems(drawing)) report.push(`${drawing.width} px chart (viewport ${width}): ${p}`);
      }
      assert.ok(widths.has(320) && widths.has(1100), `drawn at ${[...widths].join(", ")} px: the range's ends were not reached`);
      assert.deepEqual(report, [], `${input.name}, ${colorScheme}:\n${report.join("\n")}`);
      await session.close();
    });
  }
}
