"""Shared pieces of the Python tests: the generated corpus and the CLI to
check against, both made here so the tests need nothing prepared."""
import json
import os
import random
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "bench"))
sys.path.insert(0, os.path.join(ROOT, "examples"))

from corpus import corpus  # noqa: E402


@pytest.fixture(scope="session")
def cli():
    """`variorum` built in release, as `variorum batch` users run it."""
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "variorum-cli"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "variorum")


def make_corpus(path, sets, seed=7):
    corpus(sets, str(path), random.Random(seed))
    return path


def batch_lines(cli, path, *flags):
    """`variorum batch` on `path`: its results by id."""
    run = subprocess.run([cli, "batch", str(path), *flags], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    return {line["id"]: line for line in map(json.loads, run.stdout.splitlines())}
