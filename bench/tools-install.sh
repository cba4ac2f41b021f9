#!/usr/bin/env bash
# Times the installs of the three build tools on an empty cargo home (README, "First set-up"):
#   bash bench/tools-install.sh release   # optimised, as before
#   bash bench/tools-install.sh debug     # all three with --debug (the README keeps trunk's)
# Writes only under /tmp/fresh.
set -u
mode=$1
mkdir -p /tmp/fresh
export CARGO_HOME=/tmp/fresh/cargo-$mode
export CARGO_TARGET_DIR=/tmp/fresh/target-$mode
rm -rf "$CARGO_HOME" "$CARGO_TARGET_DIR"; mkdir -p "$CARGO_HOME"
flag=""; [ "$mode" = debug ] && flag="--debug"
t() { local name=$1; shift; local s=$(date +%s); "$@" > /tmp/fresh/$mode-$name.log 2>&1; local rc=$?; echo "$mode $name $(( $(date +%s) - s )) s rc=$rc"; }
export PATH="$HOME/.cargo/bin:$PATH"
t trunk cargo install trunk --version 0.21.14 --locked $flag
t wasm-bindgen cargo install wasm-bindgen-cli --version 0.2.130 --force $flag
t wasm-split cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked --force $flag
ls -la $CARGO_HOME/bin
