"""Paths the tests share: the checkout, the khabar binary, the shared data."""

import json
import os
import subprocess
from pathlib import Path

import pytest

# python/tests/conftest.py -> the checkout's root
ROOT = Path(__file__).resolve().parents[2]


def read_text(path):
    """The text as the CLI reads it: UTF-8, no newline translation."""
    return Path(path).read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def khabar_bin():
    """The release binary that .ci/run builds before the Python tests
    (KHABAR_BIN: another one)."""
    path = Path(os.environ.get("KHABAR_BIN", ROOT / "target" / "release" / "khabar"))
    if not path.is_file():
        pytest.skip(f"{path} is missing: build it first with `cargo build --release` (or set KHABAR_BIN)")
    return path


@pytest.fixture(scope="session")
def cli(khabar_bin):
    """Runs the CLI; returns its JSON Lines records without "file"."""

    def run(*args):
        out = subprocess.run([str(khabar_bin), "--quiet", "--format", "jsonl", *map(str, args)],
                             check=True, capture_output=True, cwd=ROOT).stdout
        records = [json.loads(line) for line in out.decode("utf-8").splitlines()]
        for record in records:
            del record["file"]
        return records

    return run


@pytest.fixture(scope="session")
def dev_set():
    """The evaluation's dev texts beside the checkout (../shared, or
    KHABAR_SHARED); skipped in a user's clone, which has none."""
    shared = Path(os.environ.get("KHABAR_SHARED", ROOT.parent / "shared"))
    dev = shared / "eval" / "dev"
    paths = sorted(dev.glob("*.txt"))
    if not paths:
        pytest.skip(f"no evaluation texts in {dev} (the shared data is not beside this checkout)")
    return paths
