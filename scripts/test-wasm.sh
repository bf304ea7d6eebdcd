#!/usr/bin/env bash
# The core's tests in headless Chromium. wasm-pack prints "test result: ok. N
# passed" even when N is 0 (a misconfigured run skips everything), so insist N > 0.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
log=$(mktemp)
wasm-pack test --headless --chrome crate 2>&1 | tee "$log"
if ! grep -Eq 'test result: ok\. [1-9][0-9]* passed' "$log"; then
  echo "test-wasm: no browser test ran" >&2
  exit 1
fi
