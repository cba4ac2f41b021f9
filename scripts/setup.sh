#!/usr/bin/env bash
# Installs what Cocon's build and tests need, only what is missing, pinned.
# Sourced by scripts/serve and scripts/test:  setup_build  (Rust + Trunk + wasm tools)
#                                             setup_browser (Chromium + chromedriver)
# Works offline except for the package registries (crates.io, npm, Debian).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# wasm-split-cli: splits the wasm at the lazy routes (scripts/split.mjs, run by Trunk's hook)
WASM_SPLIT_VERSION="0.2.4"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# In CI every run is a fresh clone: keep Cargo's build cache outside it so a second run is quick.
if [ -n "${CI:-}" ] && [ -z "${CARGO_TARGET_DIR:-}" ]; then
  export CARGO_TARGET_DIR="$HOME/.cache/cocon/target"
fi

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  # only called when something is missing: refresh the package lists, then install
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# The version of the wasm-bindgen crate in Cargo.lock: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_build() {
  command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! rustup component list --installed | grep -q '^rustfmt'; then
    say "adding rustfmt (the tests check the formatting)"
    rustup component add rustfmt
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then
    say "adding clippy (the tests run the linter)"
    rustup component add clippy
  fi
  # The tools are built once, in a folder of their own (a later version reuses what it can).
  local tools_target="${COCON_TOOLS_TARGET:-$HOME/.cache/cocon/tools-target}"
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    # --debug: trunk only orchestrates (cargo, wasm-bindgen, wasm-opt), so an unoptimised
    # build is enough: about 5 minutes on 2 cores instead of 10, and a release build of the
    # app takes about a second longer with it (measured, README "First set-up").
    say "installing trunk $TRUNK_VERSION (compiles from crates.io: about 5 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --debug --target-dir "$tools_target"
  fi
  local wbg; wbg="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    say "installing wasm-bindgen-cli $wbg (about 3 minutes)"
    # not --locked: the CLI's own lockfile names a crate release the registry no longer serves
    # optimised: it rewrites every wasm of each build and runs the component tests
    # (unoptimised, the component tests take 55 s instead of 13)
    cargo install wasm-bindgen-cli --version "$wbg" --force --target-dir "$tools_target"
  fi
  # (the CLI has no --version: ask cargo what it installed)
  if ! command -v wasm-split-cli >/dev/null \
     || ! cargo install --list | grep -x "wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force \
      --target-dir "$tools_target"
  fi
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    say "installing Node.js and npm"
    apt_install nodejs npm
  fi
  # npm packages (wasm-opt from binaryen 132, Playwright, axe), pinned by package-lock.json
  local stamp="$ROOT/node_modules/.cocon-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    say "installing npm packages from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

setup_browser() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
}

release_build() {
  say "release build (trunk build --release)"
  (cd "$ROOT" && trunk build --release --offline)
}
