#!/usr/bin/env bash
# The Python package's tests: builds the extension into the project's
# virtualenv (.venv, made by setup.sh), then pytest: the API, Arrow batches
# against `variorum batch`, and the Ray Data pipeline on a local cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$HOME/.cargo/bin:$PATH" VIRTUAL_ENV="$PWD/.venv"
(cd python && maturin develop --release --quiet)
python -m pytest -q python/tests
