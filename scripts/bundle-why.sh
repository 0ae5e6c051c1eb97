#!/usr/bin/env bash
# Where the bytes of the web app's wasm go. Builds the release wasm with its
# function names kept (Cargo profile `bundle-why`: release, not stripped;
# passed through wasm-bindgen as Trunk does, but not through wasm-opt, so
# sizes are ~10 % above the shipped ones) and prints the biggest items and a sum
# per crate (our own crate per module), with twiggy (installed from
# cargo at a pinned version if missing).
#
#   scripts/bundle-why.sh [TOP]     # TOP items to list (default 30)
#   BIN=layerdiff-extras scripts/bundle-why.sh   # the second module instead
source "$(dirname "$0")/lib.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_twiggy
bin="${BIN:-layerdiff-web}"
cargo build -p layerdiff-web --profile bundle-why --target "$WASM_TARGET" --bin "$bin"
out="$ROOT/target/bundle-why"
rm -rf "$out"
wasm-bindgen --target web --keep-debug --out-dir "$out" \
  "$ROOT/target/$WASM_TARGET/bundle-why/$bin.wasm"
node "$ROOT/scripts/bundle-why.mjs" "$out/${bin}_bg.wasm" "${1:-30}"
