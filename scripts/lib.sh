# Shared helpers for scripts/*.sh: pinned tool versions, "install if missing",
# and timed, fail-fast steps. Sourced, not run.
#
# Every ensure_* function is idempotent: it checks what is there and installs
# only what is missing, from cargo, npm or Debian's packages (the only
# places a build here may download from). A tool that is present at the WRONG
# version is an error with the command that fixes it, never silently replaced.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Pinned versions. wasm-bindgen-cli is not pinned here: it must equal the
# wasm-bindgen in Cargo.lock (read by wasm_bindgen_lock_version).
TRUNK_VERSION="0.21.14"
CARGO_FUZZ_VERSION="0.13.2"
TWIGGY_VERSION="0.8.0"
WASM_TARGET="wasm32-unknown-unknown"

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

if [ -t 1 ]; then
  say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
else
  say() { printf '\n==> %s\n' "$*"; }
fi
die() {
  printf '\nerror: %s\n' "$*" >&2
  exit 1
}

# STEP_LOG collects "seconds<TAB>name<TAB>result" for print_step_times.
STEP_LOG="$(mktemp)"
trap 'rm -f "$STEP_LOG"' EXIT

# step NAME CMD...: run CMD, time it, stop the script if it fails.
step() {
  local name="$1"
  shift
  say "$name"
  local start end rc=0
  start=$(date +%s)
  "$@" || rc=$?
  end=$(date +%s)
  if [ "$rc" -ne 0 ]; then
    printf '%s\t%s\tFAILED (exit %s)\n' "$((end - start))" "$name" "$rc" >>"$STEP_LOG"
    print_step_times
    die "step failed: $name (exit $rc). Command: $*"
  fi
  printf '%s\t%s\tok\n' "$((end - start))" "$name" >>"$STEP_LOG"
}

print_step_times() {
  say "Step times"
  awk -F '\t' '{ printf "  %5ss  %-8s %s\n", $1, ($3 == "ok" ? "ok" : "FAILED"), $2 }' "$STEP_LOG"
}

# apt_install PKG...: install Debian packages, running `apt-get update` once.
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null || die "need $* but apt-get is missing: install them by hand"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "$APT_UPDATED" -eq 0 ]; then
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  say "Installing from Debian: $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# APT_WANTED collects Debian packages that ensure_* found missing, so one
# `apt_install_wanted` installs them together.
APT_WANTED=()
apt_install_wanted() {
  if [ "${#APT_WANTED[@]}" -gt 0 ]; then
    apt_install "${APT_WANTED[@]}"
    APT_WANTED=()
  fi
}

ensure_cargo() {
  command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup first (https://rustup.rs)"
  command -v rustup >/dev/null || die "rustup is missing: the wasm32 target is added with rustup"
  # Linking, and crates such as ring (in Trunk), need a C compiler.
  command -v cc >/dev/null || apt_install gcc libc6-dev
}

ensure_wasm_target() {
  ensure_cargo
  if rustup target list --installed | grep -qx "$WASM_TARGET"; then
    echo "ok: rust target $WASM_TARGET"
  else
    rustup target add "$WASM_TARGET"
  fi
}

ensure_rust_components() {
  ensure_cargo
  local missing=()
  cargo fmt --version >/dev/null 2>&1 || missing+=(rustfmt)
  cargo clippy --version >/dev/null 2>&1 || missing+=(clippy)
  if [ "${#missing[@]}" -gt 0 ]; then
    rustup component add "${missing[@]}"
  else
    echo "ok: rustfmt and clippy"
  fi
}

ensure_trunk() {
  ensure_cargo
  if command -v trunk >/dev/null; then
    local have
    have="$(trunk --version | awk '{print $2}')"
    [ "$have" = "$TRUNK_VERSION" ] ||
      die "trunk $have is installed but this project is built with trunk $TRUNK_VERSION.
  Fix: cargo install --locked --force trunk@$TRUNK_VERSION"
    echo "ok: trunk $have"
  else
    say "Installing trunk $TRUNK_VERSION with cargo (about 10 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

# twiggy, for scripts/bundle-why.sh (where the wasm's bytes go). Not needed
# by the tests.
ensure_twiggy() {
  ensure_cargo
  if command -v twiggy >/dev/null && [ "$(twiggy --version | awk '{print $2}')" = "$TWIGGY_VERSION" ]; then
    echo "ok: twiggy $TWIGGY_VERSION"
  else
    say "Installing twiggy $TWIGGY_VERSION with cargo (about 3 minutes on 2 cores)"
    cargo install --locked --force "twiggy@$TWIGGY_VERSION"
  fi
}

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_lock_version() {
  awk '
    /^\[\[package\]\]/ { name = "" }
    /^name = "wasm-bindgen"$/ { name = "wasm-bindgen" }
    name == "wasm-bindgen" && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  ensure_cargo
  local want
  want="$(wasm_bindgen_lock_version)"
  [ -n "$want" ] || die "no wasm-bindgen package in Cargo.lock: run \`cargo generate-lockfile\` or check Cargo.toml"
  local tool have
  for tool in wasm-bindgen wasm-bindgen-test-runner; do
    if command -v "$tool" >/dev/null; then
      have="$("$tool" --version | awk '{print $2}')"
      [ "$have" = "$want" ] ||
        die "$tool $have is installed but Cargo.lock uses wasm-bindgen $want; they must be equal.
  Fix: cargo install --force wasm-bindgen-cli --version $want"
    fi
  done
  if command -v wasm-bindgen >/dev/null && command -v wasm-bindgen-test-runner >/dev/null; then
    echo "ok: wasm-bindgen-cli $want (same as Cargo.lock)"
  else
    # Not --locked: the CLI's own lockfile pins crates the registry here lacks.
    say "Installing wasm-bindgen-cli $want with cargo (about 4 minutes)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_node() {
  if command -v node >/dev/null && command -v npm >/dev/null; then
    echo "ok: node $(node --version), npm $(npm --version)"
  else
    apt_install nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "node $(node --version) is too old: playwright-core needs node 20 or newer"
}

# npm ci when node_modules does not match package-lock.json (binaryen's
# wasm-opt for Trunk, playwright-core for the end-to-end tests).
ensure_npm_deps() {
  ensure_node
  if node -e '
      const lock = require("./package-lock.json");
      for (const [path, want] of Object.entries(lock.packages)) {
        if (!path) continue;
        const have = require("./" + path + "/package.json").version;
        if (have !== want.version) process.exit(1);
      }' 2>/dev/null; then
    echo "ok: node_modules matches package-lock.json"
  else
    npm ci --no-audit --no-fund
  fi
  wasm-opt --version | grep -q "version 132" ||
    die "wasm-opt on PATH is $(command -v wasm-opt) ($(wasm-opt --version)); expected binaryen 132 from node_modules/.bin"
}

ensure_chromium() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  if [ "${#missing[@]}" -gt 0 ]; then
    APT_WANTED+=("${missing[@]}")
  else
    echo "ok: $(/usr/bin/chromium --version 2>/dev/null | head -n1), $(/usr/bin/chromedriver --version | head -n1 | cut -d' ' -f1-2)"
  fi
}

ensure_brotli() {
  if command -v brotli >/dev/null; then
    echo "ok: brotli"
  else
    APT_WANTED+=(brotli)
  fi
}

ensure_cargo_fuzz() {
  ensure_cargo
  if cargo fuzz --version >/dev/null 2>&1; then
    local have
    have="$(cargo fuzz --version | awk '{print $2}')"
    [ "$have" = "$CARGO_FUZZ_VERSION" ] ||
      echo "note: cargo-fuzz $have is installed; this project pins $CARGO_FUZZ_VERSION (it should still work)"
    echo "ok: cargo-fuzz $have"
  else
    cargo install --locked "cargo-fuzz@$CARGO_FUZZ_VERSION"
  fi
}

# Everything `trunk build --release` needs.
ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_deps
}

# Everything scripts/test.sh needs.
ensure_test_tools() {
  ensure_chromium
  ensure_brotli
  apt_install_wanted
  ensure_rust_components
  ensure_build_tools
}
