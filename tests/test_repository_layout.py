"""The repository holds what a newcomer expects at its top level, nothing stray.

Two SQLite stores named after an argparse namespace and a PostgreSQL URL were
once committed by accident (a path made from the wrong string creates a new
store file where the command runs).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import ROOT

EXPECTED = {
    ".ci",
    ".gitattributes",
    ".gitignore",
    "Makefile",
    "README.md",
    "build.spec",
    "docs",
    "eccp_desktop",
    "packaging",
    "pyproject.toml",
    "resources",
    "tests",
    "translations",
}


def _tracked() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    out = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [p for p in out.split("\0") if p]


def test_only_the_expected_entries_are_tracked_at_the_top_level() -> None:
    top = {p.split("/", 1)[0] for p in _tracked()}
    assert top - EXPECTED == set()


def test_no_store_or_database_file_is_tracked() -> None:
    stores = [
        p
        for p in _tracked()
        if p.endswith((".sqlite3", ".sqlite3-wal", ".sqlite3-shm", "-wal", "-shm", ".db"))
    ]
    assert stores == []
