#!/usr/bin/env bash
# Fuzzes the parser: `layerdiff::core::parse::parse` must never panic.
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
# Installs cargo-fuzz if missing (it needs nightly flags; RUSTC_BOOTSTRAP=1
# lets the stable toolchain accept them). Seeds come from tests/data/corpus/;
# what the fuzzer learns stays in fuzz/corpus/parse/ (not committed), and a
# crashing input lands in fuzz/artifacts/parse/ with the command to replay it.
source "$(dirname "$0")/lib.sh"

seconds="${1:-60}"
case "$seconds" in '' | *[!0-9]*) die "usage: scripts/fuzz.sh [SECONDS]" ;; esac

ensure_cargo_fuzz
corpus="fuzz/corpus/parse"
mkdir -p "$corpus"
cp tests/data/corpus/*.txt "$corpus/"

log="$(mktemp)"
say "Fuzzing parse for ${seconds}s (log: $log)"
rc=0
RUSTC_BOOTSTRAP=1 cargo fuzz run parse "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 \
  >"$log" 2>&1 || rc=$?
grep -E '^(#[0-9]+\s+(INITED|DONE)|==[0-9]+==|SUMMARY|.*artifact|Done [0-9]+ runs)' "$log" || true
runs="$(awk '/stat::number_of_executed_units/ { print $NF }' "$log" | tail -n1)"
speed="$(awk '/stat::average_exec_per_sec/ { print $NF }' "$log" | tail -n1)"
if [ "$rc" -ne 0 ]; then
  tail -n 40 "$log"
  die "the fuzzer found a failure (exit $rc); see the artifact above and $log"
fi
say "Fuzzed parse for ${seconds}s: ${runs:-?} executions (${speed:-?}/s), no crash"
