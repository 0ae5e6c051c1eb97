#!/usr/bin/env node
// A tiny static file server for the built dist/: used by scripts/serve.sh and
// by the end-to-end tests (tests/e2e/harness.mjs), so neither needs python.
//
// It serves one directory under one URL prefix (e.g. "/layerdiff/", as a
// GitHub Pages project site would), with the MIME types browsers insist on
// (application/wasm for WebAssembly.instantiateStreaming, text/javascript for
// module scripts). Anything outside the prefix is a 404, so a page that asks
// for an absolute URL fails visibly. Only 127.0.0.1 is listened on.
//
// CLI: node scripts/static-server.mjs DIR [--port 8080] [--prefix /]

import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/**
 * Serve `root` under `prefix` on 127.0.0.1.
 * @param {{root: string, prefix?: string, port?: number, log?: boolean, gzip?: boolean}} options
 *   port 0 (the default) picks a free port. With `gzip`, responses are sent
 *   gzip-encoded (level 9) to clients that accept it, as GitHub Pages does:
 *   what a throttled network then carries is what a visitor downloads.
 * @returns {Promise<{url: string, origin: string, port: number, requests: string[], close: () => Promise<void>}>}
 *   `url` is the page's address (origin + prefix); `requests` lists every
 *   request path the server saw, in order.
 */
export async function startServer({ root, prefix = "/", port = 0, log = false, gzip = false }) {
  const base = resolve(root);
  const mount = prefix.endsWith("/") ? prefix : `${prefix}/`;
  const requests = [];

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    requests.push(path);
    if (log) console.log(`${req.method} ${path}`);
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { "Cache-Control": "no-store", ...headers });
      res.end(body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "method not allowed");
    if (`${path}/` === mount) return send(301, "", { Location: mount });
    if (!path.startsWith(mount)) return send(404, `not found: ${path} is outside ${mount}`);

    let file = normalize(join(base, path.slice(mount.length)));
    if (file !== base && !file.startsWith(base + sep)) return send(403, "forbidden");
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      let body = await readFile(file);
      const type = MIME[extname(file).toLowerCase()] ?? "application/octet-stream";
      const encoded = gzip && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
      if (encoded) body = gzipSync(body, { level: 9 });
      send(200, req.method === "HEAD" ? undefined : body, {
        "Content-Type": type,
        "X-Content-Type-Options": "nosniff",
        ...(encoded ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}),
      });
    } catch {
      send(404, `not found: ${path}`);
    }
  });

  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  const actualPort = server.address().port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    url: origin + mount,
    origin,
    port: actualPort,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args.splice(i, 2)[1] : fallback;
  };
  const port = Number(opt("--port", "8080"));
  const prefix = opt("--prefix", "/");
  const root = args[0] ?? "dist";
  const server = await startServer({ root, prefix, port, log: true }).catch((err) => {
    console.error(`static-server: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  });
  console.log(`Serving ${resolve(root)} at ${server.url}  (Ctrl-C stops)`);
}
