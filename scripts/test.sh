#!/usr/bin/env bash
# Runs every test of layerdiff, installing what is missing first (rustfmt,
# clippy, wasm32 target, Trunk, wasm-bindgen-cli equal to Cargo.lock's,
# binaryen + playwright-core from npm, Chromium + chromedriver + brotli from
# apt). Stops at the first failing step, then prints each step's time.
#
#   fmt · clippy (native) · clippy (wasm32) · cargo test (native)
#   · browser tests (wasm-bindgen-test in headless Chromium)
#   · release build (trunk) · end-to-end tests (node + playwright-core)
#   · the huge-paste end-to-end tests, alone · bundle sizes
source "$(dirname "$0")/lib.sh"

step "set-up: install missing tools" ensure_test_tools

step "cargo fmt --check" cargo fmt --all --check
step "cargo clippy --all-targets (native)" cargo clippy --all-targets -- -D warnings
step "cargo clippy --target $WASM_TARGET (the core and the web app, with its floor examples)" \
  cargo clippy --target "$WASM_TARGET" -p layerdiff-core -p layerdiff-web --lib --bins --examples -- -D warnings
# Property tests draw new random cases on every run, which is how they find
# bugs on developers' machines. Under CI they replay one fixed seed (unless
# PROPTEST_RNG_SEED is already set), so a landing never depends on a lucky
# draw; any failure a developer finds is kept in tests/*.proptest-regressions
# and replayed everywhere.
if [ -n "${CI:-}" ] && [ -z "${PROPTEST_RNG_SEED:-}" ]; then
  export PROPTEST_RNG_SEED=20261126
fi
step "cargo test (native: every crate of the workspace)" cargo test --no-fail-fast

web_tests=()
for file in crates/web/tests/web_*.rs; do
  [ -e "$file" ] && web_tests+=(--test "$(basename "$file" .rs)")
done
if [ "${#web_tests[@]}" -gt 0 ]; then
  step "cargo test --target $WASM_TARGET (browser tests in headless Chromium)" \
    env CHROMEDRIVER=/usr/bin/chromedriver cargo test -p layerdiff-web --target "$WASM_TARGET" "${web_tests[@]}"
fi

step "trunk build --release --offline" trunk build --release --offline
# node --test runs its files side by side, each with its own Chromium. The
# huge pastes time the page's main thread (huge.test.mjs), so they run on
# their own once the others are done, with no other browser beside them.
HUGE_E2E=tests/e2e/huge.test.mjs
e2e_tests=()
for file in tests/e2e/*.test.mjs; do
  [ "$file" = "$HUGE_E2E" ] || e2e_tests+=("$file")
done
step "end-to-end tests (node --test tests/e2e/, all but huge.test.mjs)" node --test "${e2e_tests[@]}"
step "end-to-end tests: huge pastes, alone (node --test $HUGE_E2E)" node --test "$HUGE_E2E"
step "bundle sizes" "$ROOT/scripts/bundle-size.sh"

print_step_times
say "All tests passed."
