#!/usr/bin/env bash
# Sizes of what a visitor downloads from dist/: raw, gzip -9 and brotli -q 11
# (what GitHub Pages and most CDNs serve), per file and in total; then the
# first load (index.html and the files it names: the JS, the wasm, the CSS,
# gzip: what every visitor downloads before the page works; the workers and
# the second module are fetched later, when needed) checked against the
# budget in
# tests/bundle-budget.txt. Over the budget, it fails and says why.
# Usage: scripts/bundle-size.sh [DIST] [--no-brotli]
set -euo pipefail
cd "$(dirname "$0")/.."

dist="dist"
use_brotli=1
for arg in "$@"; do
  case "$arg" in
    --no-brotli) use_brotli=0 ;;
    *) dist="$arg" ;;
  esac
done
[ -f "$dist/index.html" ] || { echo "error: no $dist/index.html: build first (scripts/build.sh)" >&2; exit 1; }
if [ "$use_brotli" = 1 ] && ! command -v brotli >/dev/null; then
  echo "error: brotli is missing (apt-get install brotli, or pass --no-brotli)" >&2
  exit 1
fi

human() { awk -v b="$1" 'BEGIN { if (b < 1024) printf "%d B", b; else printf "%.1f KiB", b / 1024 }'; }

printf '\nBundle size (%s)\n' "$dist"
printf '%-44s %12s %12s %12s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
while IFS= read -r -d '' file; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=0
  br_text="-"
  if [ "$use_brotli" = 1 ]; then
    br=$(brotli -q 11 -c "$file" | wc -c)
    br_text="$(human "$br")"
  fi
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  printf '%-44s %12s %12s %12s\n' "${file#"$dist"/}" "$(human "$raw")" "$(human "$gz")" "$br_text"
done < <(find "$dist" -name '.*' -prune -o -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' \) -print0 | sort -z)
total_br_text="-"
[ "$use_brotli" = 1 ] && total_br_text="$(human "$total_br")"
printf '%-44s %12s %12s %12s\n' total "$(human "$total_raw")" "$(human "$total_gz")" "$total_br_text"

# The first load against the budget: index.html and every file it names
# (its CSS, the preloaded JS and wasm, the loader's import). The workers and
# the second module (layerdiff-extras) are fetched later, only when needed.
first_load=$(gzip -9 -c "$dist/index.html" | wc -c)
first_files=""
while IFS= read -r name; do
  [ -f "$dist/$name" ] || continue
  first_files="$first_files $name"
  first_load=$((first_load + $(gzip -9 -c "$dist/$name" | wc -c)))
done < <(grep -oE "(href=|src=|from )[\"']?\./[^\"' >]+" "$dist/index.html" | sed -E "s/^(href=|src=|from )[\"']?\.\///" | sort -u)
case "$first_files" in
  *.wasm*) ;;
  *) echo "error: index.html in $dist names no wasm: cannot tell what the first load is" >&2; exit 1 ;;
esac
printf '\nFirst load:%s\n' "$first_files"
budget_file="tests/bundle-budget.txt"
budget=$(grep -v '^#' "$budget_file" | tr -d ' \n')
printf '\nFirst load (html + js + wasm + css, gzip): %s; budget %s (%s)\n' \
  "$(human "$first_load")" "$(human "$budget")" "$budget_file"
if [ "$first_load" -gt "$budget" ]; then
  echo "error: the first load is $(human "$first_load") gzip, over the budget of $(human "$budget") by $(human $((first_load - budget)))." >&2
  echo "  See where the bytes go: scripts/bundle-why.sh (per crate and module). Shrink it, or, if the growth" >&2
  echo "  is worth its bytes, raise the budget in $budget_file in the same commit and say why there." >&2
  exit 1
fi

# The rules and their words belong to the second module only (core::extras):
# their sources cite hadolint, so that word must not be in the first load.
marker="hadolint DL3009"
for name in $first_files; do
  if LC_ALL=C grep -q -a -F "$marker" "$dist/$name"; then
    echo "error: $name holds the insights' words (\"$marker\"): the rules are back in the first load." >&2
    echo "  Only crates/web/src/bin/extras.rs may call core::extras::answer or the rules (see ARCHITECTURE.md)." >&2
    exit 1
  fi
done
if [ -f "$dist/layerdiff-extras_bg.wasm" ] && ! LC_ALL=C grep -q -a -F "$marker" "$dist/layerdiff-extras_bg.wasm"; then
  echo "error: layerdiff-extras_bg.wasm lacks \"$marker\": this check no longer sees the rules; update its marker." >&2
  exit 1
fi
