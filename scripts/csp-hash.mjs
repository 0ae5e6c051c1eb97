#!/usr/bin/env node
// Trunk post_build hook: allow the page's inline scripts by hash in its CSP.
//
// index.html carries a Content-Security-Policy <meta> whose script-src has no
// 'unsafe-inline'. Trunk 0.21 loads the wasm with an inline
// <script type="module"> (and, for `trunk serve`, an inline live-reload
// script). This hook reads the built index.html in $TRUNK_STAGING_DIR, hashes
// every inline <script> exactly as written, and puts 'sha256-…' sources into
// script-src (replacing any from an earlier run). It fails the build when the
// CSP meta or its script-src is missing, so a page that would not start is
// never shipped. (`trunk serve` dev builds, whose live-reload script Trunk
// rewrites while serving, get 'unsafe-inline' instead; see below.)
//
// Usage: as a hook (see Trunk.toml), or `node scripts/csp-hash.mjs dist/index.html`.

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function fail(message) {
  console.error(`csp-hash: ${message}`);
  process.exit(1);
}

const file =
  process.argv[2] ??
  (process.env.TRUNK_STAGING_DIR
    ? join(process.env.TRUNK_STAGING_DIR, "index.html")
    : fail("no file given and TRUNK_STAGING_DIR is not set"));

const html = readFileSync(file, "utf8");

const hashes = [];
for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  const [, attrs, body] = match;
  if (/\bsrc\s*=/i.test(attrs)) continue;
  const digest = createHash("sha256").update(body, "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}

// The CSP <meta>, whatever its attribute order or quoting (Trunk's release
// minifier reorders attributes and drops quotes where it can; the policy
// itself has spaces and quotes, so its value stays double-quoted).
const metaTag = [...html.matchAll(/<meta\b[^>]*>/gi)]
  .map((m) => m[0])
  .find((tag) => /\bhttp-equiv\s*=\s*["']?Content-Security-Policy\b/i.test(tag));
if (!metaTag) fail(`${file}: no <meta http-equiv="Content-Security-Policy"> found`);
const content = metaTag.match(/\bcontent\s*=\s*"([^"]*)"/i);
if (!content) fail(`${file}: the CSP <meta> has no double-quoted content="…": ${metaTag}`);

const directives = content[1].split(";").map((d) => d.trim()).filter(Boolean);
const idx = directives.findIndex((d) => /^script-src(\s|$)/i.test(d));
if (idx < 0) fail(`${file}: the CSP has no script-src directive`);
const kept = directives[idx]
  .split(/\s+/)
  .filter((s) => !s.startsWith("'sha256-") && s !== "'unsafe-inline'");
// `trunk serve` rewrites its live-reload script (the {{__TRUNK_…}}
// placeholders) while serving, so it cannot be hashed here. Dev builds that
// carry it allow inline scripts instead; release builds never do (the e2e
// tests check dist/).
const devReload = process.env.TRUNK_PROFILE !== "release" && html.includes("{{__TRUNK_");
const allowed = devReload ? ["'unsafe-inline'"] : [...new Set(hashes)];
directives[idx] = [...kept, ...allowed].join(" ");
const newTag = metaTag.replace(content[0], `content="${directives.join("; ")}"`);

writeFileSync(file, html.replace(metaTag, () => newTag));
console.log(
  devReload
    ? `csp-hash: dev build with Trunk's live reload: inline scripts allowed in ${file}`
    : `csp-hash: ${hashes.length} inline script(s) allowed by hash in ${file}`,
);
