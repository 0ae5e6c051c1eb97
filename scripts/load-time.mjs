#!/usr/bin/env node
// Load time as a visitor on a slow phone feels it: the release dist/ served
// gzip-encoded (as GitHub Pages serves it) under a sub-path, opened in
// Debian's Chromium with the network throttled through CDP
// (Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s up, 150 ms
// round trip, a "slow 4G" profile) and the CPU slowed 4× (Emulation.
// setCPUThrottlingRate). Measures, from the start of navigation, when the
// first text is painted (the browser's first-contentful-paint), when the
// demo's chart is on screen (its SVG inside [data-testid="chart"]), and the
// bytes that went over the wire. A report, not a test: it prints numbers.
//
//   node scripts/load-time.mjs [DIST] [--runs N]      (after scripts/build.sh)

import { join, resolve } from "node:path";
import { startServer } from "./static-server.mjs";
import { launchBrowser, ROOT, SUB_PATH } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const dist = resolve(args[0] ?? join(ROOT, "dist"));

const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

const server = await startServer({ root: dist, prefix: SUB_PATH, gzip: true });
const browser = await launchBrowser();
const times = [];
const firstPaints = [];
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", NETWORK);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    let wire = 0;
    cdp.on("Network.loadingFinished", (e) => (wire += e.encodedDataLength));
    await page.goto(server.url, { waitUntil: "commit", timeout: 120_000 });
    await page.waitForSelector('[data-testid="chart"] svg', { timeout: 120_000 });
    const chartAt = await page.evaluate(() => performance.now());
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, fcp: fcp?.startTime ?? NaN };
    });
    times.push(chartAt);
    firstPaints.push(nav.fcp);
    console.log(
      `run ${run + 1}: first text at ${(nav.fcp / 1000).toFixed(2)} s, chart on screen at ${(chartAt / 1000).toFixed(2)} s ` +
        `(DOMContentLoaded ${(nav.dcl / 1000).toFixed(2)} s), ${(wire / 1024).toFixed(1)} KiB over the wire`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `\nFirst text painted: median ${(median(firstPaints) / 1000).toFixed(2)} s; ` +
    `demo chart on screen: median ${(median(times) / 1000).toFixed(2)} s over ${runs} runs ` +
    `(1.6 Mbit/s, 150 ms RTT, CPU ${CPU_SLOWDOWN}× slower; ${dist})`,
);
