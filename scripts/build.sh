#!/usr/bin/env bash
# Builds the page: the core to wasm (release) into www/pkg, and the seeds
# into www/seeds.js. Used locally, by the tests and by the Pages workflow.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # npm's wasm-opt, never Debian's
wasm-pack --quiet build crate --release --target web --out-dir ../www/pkg --out-name variorum
node scripts/bundle-seeds.mjs
