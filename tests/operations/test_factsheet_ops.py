"""The operations refuse what the state forbids, and report conflicts instead of raising."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eccp_desktop.domain.model import Cluster, ReviewComment
from eccp_desktop.editing import InsertItem, MoveItem, RemoveItem, SetValue
from eccp_desktop.operations import Conflict, Done, Failed, Refused, permissions_for
from eccp_desktop.operations.factsheet import FactsheetOps
from eccp_desktop.store import Store
from tests.validation.builders import complete_factsheet


@pytest.fixture
def ops(store: Store) -> FactsheetOps:
    store.import_factsheets([complete_factsheet()], actor="import")
    return FactsheetOps(store, "PL", 2023, actor="anna")


def _comment(ops: FactsheetOps) -> InsertItem:
    n = len(ops.factsheet.review_comments)
    return InsertItem("/review_comments", n, ReviewComment(path="", author="x", text="Why?"))


def test_reviewer_may_only_comment(ops: FactsheetOps, store: Store) -> None:
    ops.reviewer = True
    before = store.load("PL", 2023)
    assert isinstance(ops.edit(SetValue("/clusters/0/members", 1)), Refused)
    assert isinstance(ops.transition("submitted"), Refused)
    assert isinstance(ops.transition("draft"), Refused)
    assert store.load("PL", 2023) == before
    assert isinstance(ops.comment(_comment(ops)), Done)
    assert store.load("PL", 2023).review_comments[-1].text == "Why?"


def test_a_signed_off_factsheet_is_locked_until_reopened(ops: FactsheetOps) -> None:
    done = ops.transition("validated", by="Anna", organisation="Ministry", on=dt.date(2024, 1, 5))
    assert isinstance(done, Done) and done.changes.status
    for op in (
        SetValue("/clusters/0/members", 1),
        InsertItem("/clusters", 0, Cluster("New")),
        RemoveItem("/clusters", 0),
        MoveItem("/clusters", 0, 1),
    ):
        outcome = ops.edit(op)
        assert isinstance(outcome, Refused) and "reopen" in outcome.reason
    assert isinstance(ops.comment(_comment(ops)), Done)  # experts comment on it
    assert isinstance(ops.transition("draft"), Done)
    assert isinstance(ops.edit(SetValue("/clusters/0/members", 1)), Done)


def test_an_edit_on_a_place_that_is_gone_fails_cleanly(ops: FactsheetOps) -> None:
    outcome = ops.edit(SetValue("/clusters/99/members", 1))
    assert isinstance(outcome, Failed)


def test_sign_off_with_errors_is_refused_with_the_problems(ops: FactsheetOps) -> None:
    assert isinstance(
        ops.edit(SetValue("/clusters/0/members", 1)), Done
    )  # below the tier minimum: an error
    outcome = ops.transition("validated", by="Anna", organisation="Ministry")
    assert isinstance(outcome, Refused) and outcome.problems
    assert ops.factsheet.status != "validated"


def test_a_conflict_is_reported_with_who_changed_it(ops: FactsheetOps, store_path: Path) -> None:
    with Store.open(store_path) as other:
        fs, v = other.load_versioned("PL", 2023)
        fs.clusters[0].members = 999
        other.save(fs, base_version=v, actor="bartek")
    outcome = ops.edit(SetValue("/clusters/0/members", 5))
    assert isinstance(outcome, Conflict)
    assert outcome.changed_by == "bartek" and "bartek" in outcome.reason
    assert ops.factsheet.clusters[0].members == 999  # theirs, reloaded
    assert isinstance(ops.edit(SetValue("/clusters/0/members", 5)), Done)  # and on we go


def test_a_read_only_store_refuses_everything(store_path: Path, ops: FactsheetOps) -> None:
    with Store.open(store_path, read_only=True) as ro:
        ops = FactsheetOps(ro, "PL", 2023, actor="anna")
        assert isinstance(ops.edit(SetValue("/clusters/0/members", 5)), Refused)
        assert isinstance(ops.comment(_comment(ops)), Refused)
        assert isinstance(ops.transition("submitted"), Refused)


@pytest.mark.parametrize(
    ("status", "reviewer", "read_only", "expected"),
    [
        ("draft", False, False, dict(edit=True, submit=True, sign_off=True, reopen=False)),
        ("submitted", False, False, dict(edit=True, submit=False, sign_off=True, reopen=True)),
        ("validated", False, False, dict(edit=False, submit=False, sign_off=False, reopen=True)),
        ("draft", True, False, dict(edit=False, comment=True, submit=False, reopen=False)),
        ("validated", True, False, dict(edit=False, comment=True, reopen=False, review=True)),
        ("validated", False, False, dict(review=False, publish=False, reopen=True)),
        ("reviewed", False, False, dict(edit=False, publish=True, review=False)),
        ("reviewed", True, False, dict(publish=False, review=False)),
        ("draft", False, True, dict(edit=False, comment=False, import_=False, export=True)),
        (None, False, False, dict(edit=False, import_=True, export=False)),
    ],
)
def test_permissions_from_state(status, reviewer, read_only, expected) -> None:  # type: ignore[no-untyped-def]
    perms = permissions_for(status, reviewer=reviewer, read_only=read_only)
    assert {k: getattr(perms, k) for k in expected} == expected
    if not perms.edit and status is not None:
        assert perms.why_not_edit
