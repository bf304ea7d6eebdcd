#!/usr/bin/env bash
# Builds the page: the core to wasm (release) into www/pkg, and the seeds
# into www/seeds.js. Used locally, by the tests and by the Pages workflow.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # npm's wasm-opt, never Debian's
# The full engine (also the npm package), and the page's first engine without
# quotes, figures and provenance (crate feature `analysis`): the first
# download's budget holds only the second.
wasm-pack --quiet build crate --release --target web --out-dir ../www/pkg --out-name variorum -- --features bench
wasm-pack --quiet build crate --release --target web --out-dir ../www/pkg-lean --out-name variorum -- --no-default-features
rm -f www/pkg-lean/package.json www/pkg-lean/README.md www/pkg-lean/.gitignore
node scripts/bundle-seeds.mjs
# Mozilla's Readability as one ES module the page loads only when an HTML file is opened.
echo 'export { Readability } from "@mozilla/readability";' |
  esbuild --bundle --format=esm --minify --log-level=error --outfile=www/vendor/readability.js
