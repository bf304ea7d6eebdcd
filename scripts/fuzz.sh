#!/usr/bin/env bash
# Fuzzes the core: `bash scripts/fuzz.sh [SECONDS]` runs each target
# (segment, compare, json_input) for SECONDS (default 60). Needs cargo-fuzz
# (`cargo install cargo-fuzz --locked`); libFuzzer's nightly flags are
# enabled on the stable toolchain with RUSTC_BOOTSTRAP. A finding lands in
# fuzz/artifacts/TARGET/: keep it as a regression test in crate/tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in segment compare json_input; do
  echo "== fuzzing $target for ${seconds}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" --fuzz-dir fuzz -- -max_total_time="$seconds" -max_len=4096 2>&1 | tail -3
done
