#!/usr/bin/env bash
# Release build of the web app into dist/: installs what is missing (wasm32
# target, Trunk, wasm-bindgen-cli equal to Cargo.lock's, binaryen's wasm-opt),
# then `trunk build --release --offline` (size profile, wasm-opt -Oz, relative
# asset URLs, CSP hashes by scripts/csp-hash.mjs). Prints the bundle sizes.
source "$(dirname "$0")/lib.sh"

ensure_build_tools
say "trunk build --release --offline"
trunk build --release --offline
if command -v brotli >/dev/null; then
  "$ROOT/scripts/bundle-size.sh"
else
  "$ROOT/scripts/bundle-size.sh" --no-brotli
fi
