#!/usr/bin/env bash
# The floor under the first load: what a page on this stack must download
# before it can draw the demo's chart itself, whatever else it leaves for
# later. Builds two reference pages for wasm32 the way Trunk builds the app
# (release profile, wasm-bindgen --target web, wasm-opt with the page's own
# passes, read from index.html) and prints their gzip -9 size:
#
#   floor_core  the core alone (crates/web/examples/floor_core.rs): the demo parsed,
#               compared and drawn as SVG, exported as one function; no UI.
#   floor_page  the smallest Yew page showing that chart
#               (crates/web/examples/floor_page.rs): one component, no other feature.
#
# Compare with the app's first load (scripts/bundle-size.sh) and the budget
# in tests/bundle-budget.txt. Usage: scripts/bundle-floor.sh
source "$(dirname "$0")/lib.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_npm_deps

# The page's wasm-opt parameters, as index.html gives them to Trunk.
params=$(grep -A3 'data-bin="layerdiff-web"' index.html | grep -oE 'data-wasm-opt-params="[^"]+"' | sed -E 's/^[^"]+"//; s/"$//')
[ -n "$params" ] || die "could not read layerdiff-web's data-wasm-opt-params from index.html"

out="$ROOT/target/bundle-floor"
rm -rf "$out"
mkdir -p "$out"
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
printf '\n%-12s %12s %12s %12s\n' build wasm js "wasm + js"
for example in floor_core floor_page; do
  cargo build -q -p layerdiff-web --release --target "$WASM_TARGET" --example "$example" 2>/dev/null ||
    cargo build -p layerdiff-web --release --target "$WASM_TARGET" --example "$example"
  wasm-bindgen --target web --out-dir "$out/$example" \
    "$ROOT/target/$WASM_TARGET/release/examples/$example.wasm" 2>/dev/null
  # shellcheck disable=SC2086 # the parameters are separate words
  wasm-opt $params "$out/$example/${example}_bg.wasm" -o "$out/$example/${example}_bg.wasm"
  wasm=$(gzip -9 -c "$out/$example/${example}_bg.wasm" | wc -c)
  js=$(gzip -9 -c "$out/$example/$example.js" | wc -c)
  printf '%-12s %12s %12s %12s\n' "$example" "$(kib "$wasm")" "$(kib "$js")" "$(kib $((wasm + js)))"
done
echo
echo "gzip -9, after wasm-opt. Add index.html and the CSS (scripts/bundle-size.sh) for a first load."
