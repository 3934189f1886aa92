"""The same factsheet and language give the same bytes, in this process and in another."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from eccp_desktop.pdf import render_factsheet
from tests.conftest import ROOT
from tests.pdf import factories

SCRIPT = """
import hashlib, sys
from tests.pdf import factories
from eccp_desktop.pdf import render_factsheet
print(hashlib.sha256(render_factsheet(getattr(factories, sys.argv[1])(), sys.argv[2])).hexdigest())
"""


@pytest.mark.parametrize(
    ("build", "lang"), [("polish_demo", "pl"), ("greek", "el"), ("bulgarian", "bg")]
)
def test_byte_identical_across_runs_and_processes(build: str, lang: str) -> None:
    first = render_factsheet(getattr(factories, build)(), lang)
    assert render_factsheet(getattr(factories, build)(), lang) == first
    other = subprocess.run(
        [sys.executable, "-c", SCRIPT, build, lang],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert other.stdout.strip() == hashlib.sha256(first).hexdigest()


def test_output_changes_with_the_data() -> None:
    fs = factories.polish_demo()
    before = render_factsheet(fs, "en")
    fs.policies[0].budget_eur = 1000
    assert render_factsheet(fs, "en") != before
