"""What blocks the sign-off: today's errors plus the warnings that become errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from eccp_desktop.domain.model import ValidationRecord
from eccp_desktop.exchange.package import read_package
from eccp_desktop.validation import ERROR, WARNING, validate
from eccp_desktop.workflow import TransitionRefused, blocking_problems, judge, transition


@pytest.mark.parametrize("index", range(7))
def test_counts_agree_with_the_refusal(demo_files: list[Path], index: int) -> None:
    fs = read_package(demo_files[index])
    fs.status = "submitted"
    now = validate(fs)
    j = judge(fs)
    errors_now = [r for r in now if r.severity == ERROR]
    # what the window lists as errors today all still block
    assert {(r.rule, r.path) for r in errors_now} == {(r.rule, r.path) for r in j.standing}
    # nothing counted twice, nothing left out
    signed = dataclasses.replace(fs, validation=ValidationRecord("A", "B", dt.date(2024, 1, 1)))
    assert len(j.blocking) == len(blocking_problems(signed, "validated"))
    assert all(r.severity == ERROR for r in j.blocking)
    assert all(r.severity == WARNING for r in j.warnings)
    # each raised one was a warning (or note) in today's list
    warned = {(r.rule, r.path) for r in now if r.severity != ERROR}
    assert {(r.rule, r.path) for r in j.raised} <= warned
    if j.blocking:
        with pytest.raises(TransitionRefused) as refused:
            transition(fs, "validated", by="A", organisation="B")
        assert len(refused.value.problems) == len(j.blocking)


def test_the_demo_has_warnings_that_block(demo_files: list[Path]) -> None:
    fs = read_package(next(p for p in demo_files if p.name.startswith("pl")))
    fs.status = "submitted"
    j = judge(fs)
    assert not j.standing and j.raised  # "1 error" in the window vs "12" in the dialog
    assert j.results[: len(j.blocking)] == j.blocking  # errors first
