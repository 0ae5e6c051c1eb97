#!/usr/bin/env bash
# Fuzzes one target of fuzz/ (one job, one worker):
#   parse         `layerdiff::core::parse::parse` must never panic (the default);
#   share_decode  opening a share link never panics, and a link that opens
#                 opens again the same once packed again;
#   share_wire    the v1 payload reader alone (many times faster): never
#                 panics, and what it reads writes back to the same link.
# Usage: [FUZZ_MAX_LEN=N] [FUZZ_TIMEOUT=S] scripts/fuzz.sh [SECONDS] [TARGET]   (default 60 parse)
# Installs cargo-fuzz if missing (it needs nightly flags; RUSTC_BOOTSTRAP=1
# lets the stable toolchain accept them). Seeds are copied at run time: for
# parse from tests/data/corpus/, for the share targets the frozen links of
# tests/data/share/frozen-v*.txt and their v1 payloads (written by the
# share_decode binary, see fuzz/fuzz_targets/share_decode.rs). What the
# fuzzer learns stays in fuzz/corpus/TARGET/ (not committed), and a crashing
# input lands in fuzz/artifacts/TARGET/ with the command to replay it.
source "$(dirname "$0")/lib.sh"

usage="usage: scripts/fuzz.sh [SECONDS] [parse|share_decode|share_wire]"
seconds="${1:-60}"
target="${2:-parse}"
case "$seconds" in '' | *[!0-9]*) die "$usage" ;; esac
case "$target" in parse | share_decode | share_wire) ;; *) die "$usage" ;; esac

ensure_cargo_fuzz
corpus="fuzz/corpus/$target"
mkdir -p "$corpus"

# share_seeds DIR: one file per frozen link (its fragment), then the v1
# payload of each, written by share_decode running over those files once.
share_seeds() {
  local links="fuzz/corpus/share-links"
  mkdir -p "$links"
  awk -F '\t' '!/^#/ && NF >= 2 { f = dir "/link-" $1; printf "%s", $2 > f; close(f) }' \
    dir="$links" tests/data/share/frozen-v*.txt
  cp "$links"/link-* "$1/"
  LAYERDIFF_FUZZ_PAYLOADS="$ROOT/$1" RUSTC_BOOTSTRAP=1 \
    cargo fuzz run --sanitizer none share_decode "$links" -- -runs=0 >/dev/null 2>&1 ||
    die "share_decode failed on the frozen links; run: RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none share_decode $links -- -runs=0"
  [ "$target" = share_decode ] || rm -f "$1"/link-*
  say "Seeds in $1: $(ls "$1" | grep -c '^link-' || true) frozen links, $(ls "$1" | grep -c '^payload-' || true) v1 payloads"
}

case "$target" in
  parse) cp tests/data/corpus/*.txt "$corpus/" ;;
  share_decode | share_wire) share_seeds "$corpus" ;;
esac

# No target runs under AddressSanitizer: everything they reach is safe Rust
# (layerdiff forbids `unsafe` in crates/core/src/lib.rs; miniz_oxide and base64 forbid it
# too; nom's and memchr's few blocks are theirs to fuzz), so it would only
# slow the search several times over; panics, overflows (debug assertions
# stay on) and timeouts are what they look for.
sanitizer=(--sanitizer none)
# FUZZ_MAX_LEN: the longest input tried (default 65536). Smaller runs many
# more executions per second; the big-input cases are in tests/parse_props.rs.
max_len="${FUZZ_MAX_LEN:-65536}"

log="$(mktemp)"
say "Fuzzing $target for ${seconds}s (log: $log)"
rc=0
RUSTC_BOOTSTRAP=1 cargo fuzz run "${sanitizer[@]}" "$target" "$corpus" -- \
  -max_total_time="$seconds" -max_len="$max_len" -timeout="${FUZZ_TIMEOUT:-10}" -print_final_stats=1 \
  >"$log" 2>&1 || rc=$?
grep -E '^(#[0-9]+\s+(INITED|DONE)|==[0-9]+==|SUMMARY|.*artifact|Done [0-9]+ runs)' "$log" || true
runs="$(awk '/stat::number_of_executed_units/ { print $NF }' "$log" | tail -n1)"
speed="$(awk '/stat::average_exec_per_sec/ { print $NF }' "$log" | tail -n1)"
if [ "$rc" -ne 0 ]; then
  tail -n 40 "$log"
  die "the fuzzer found a failure (exit $rc); see the artifact above and $log"
fi
say "Fuzzed $target for ${seconds}s: ${runs:-?} executions (${speed:-?}/s), no crash"
