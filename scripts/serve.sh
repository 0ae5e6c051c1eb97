#!/usr/bin/env bash
# Build the release app and serve it on http://127.0.0.1:8080/ (the demo is
# built in). Usage: scripts/serve.sh [PORT]   (or PORT=… scripts/serve.sh)
# SKIP_BUILD=1 serves the existing dist/ as it is.
source "$(dirname "$0")/lib.sh"

port="${1:-${PORT:-8080}}"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f dist/index.html ]; then
  "$ROOT/scripts/build.sh"
fi
ensure_node
say "Serving dist/ on http://127.0.0.1:$port/"
exec node "$ROOT/scripts/static-server.mjs" dist --port "$port"
