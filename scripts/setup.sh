#!/usr/bin/env bash
# Installs what building and testing Variorum needs, and only what is missing,
# so a warm run takes seconds. Safe to run again at any time.
# Facts behind the choices: docs/toolchain.md.
# `bash scripts/setup.sh build` installs only what building needs (no browser),
# as the GitHub Pages workflow does.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# 1. Rust's wasm target (rustup; about 2 minutes the first time).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-pack, built from crates.io (its own installer downloads from GitHub, which is unreachable).
if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack"
  cargo install wasm-pack --locked --version 0.15.1
fi

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock; otherwise wasm-pack
#    tries GitHub and then silently compiles its own copy. No --locked: a locked
#    dependency of the CLI is missing from the registry.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# 4. Debian's Chromium and its driver, for wasm-pack's browser tests and playwright-core.
#    Never Debian's binaryen: its wasm-opt emits wasm that traps at load.
if [ "$mode" != build ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 5. npm packages, exactly as locked (playwright-core; binaryen's wasm-opt).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 6. The Python package's toolchain and test tools, in the project's own
#    virtualenv (maturin, pyarrow, pytest, Ray Data; about 20 s from the registry).
if [ "$mode" != build ] && ! cmp -s python/requirements-test.txt .venv/.requirements 2>/dev/null; then
  say "installing the Python test tools into .venv"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r python/requirements-test.txt
  cp python/requirements-test.txt .venv/.requirements
fi

say "ready"
