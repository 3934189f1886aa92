"""The load test's checker on hand-made logs over a real (SQLite) store: no server needed.

Writes go through the operations layer as the clients' do; each test then
logs them truthfully or falsifies one acknowledgement, and the checker must
tell which.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.domain.model import Assessment, Factsheet, ReviewComment, Source
from eccp_desktop.editing import InsertItem, Operation, RemoveItem, SetValue
from eccp_desktop.operations import Done
from eccp_desktop.operations.factsheet import FactsheetOps
from eccp_desktop.store import Store
from tests.load import checker


@pytest.fixture
def ops(tmp_path: Path) -> FactsheetOps:
    store = Store.open(tmp_path / "s.sqlite3")
    fs = Factsheet(
        "PL",
        2023,
        sections={"economic_context": {"en": "Start."}},
        policy_assessment={"evaluation": Assessment("low")},
        sources=[Source("seed source")],
    )
    store.import_factsheets([fs], actor="seed")
    return FactsheetOps(store, "PL", 2023, actor="anna")


def _ack(ops: FactsheetOps, kind: str, path: str, value: Any, op: Operation) -> dict[str, Any]:
    base = ops.session.version
    outcome = ops.comment(op) if kind == "comment" else ops.edit(op)
    assert isinstance(outcome, Done)
    return {
        "kind": "ack",
        "client": 0,
        "actor": "anna",
        "fid": 1,
        "country": "PL",
        "edition": 2023,
        "op": kind,
        "path": path,
        "value": value,
        "base": base,
        "version": outcome.changes.version,
        "ms": 1.0,
    }


def _check(ops: FactsheetOps, acks: list[dict[str, Any]]) -> checker.Report:
    entries = [*acks, {"kind": "end", "client": 0, "actor": "anna", "collisions": {}}]
    seed = {"PL 2023": {"version": 1, "history": 1}}  # one import row
    return checker.check(ops.store, entries, seed, seconds=1, clients=1)


def _edits(ops: FactsheetOps) -> list[dict[str, Any]]:
    path = "/sections/economic_context/en"
    now = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)
    comment = ReviewComment(path="/sections/economic_context", author="anna", text="Why?")
    comment.created = now
    return [
        _ack(ops, "set", path, "First.", SetValue(path, "First.")),
        _ack(ops, "add", "/sources", "load a", InsertItem("/sources", 1, Source("load a"))),
        _ack(ops, "set", path, "Second.", SetValue(path, "Second.")),
        _ack(ops, "delete", "/sources", "load a", RemoveItem("/sources", 1)),
        _ack(
            ops, "comment", "/review_comments", "Why?", InsertItem("/review_comments", 0, comment)
        ),
        _ack(
            ops,
            "set",
            "/policy_assessment/evaluation/rating",
            "high",
            SetValue("/policy_assessment/evaluation/rating", "high"),
        ),
    ]


def test_truthful_logs_pass(ops: FactsheetOps) -> None:
    report = _check(ops, _edits(ops))
    assert report.ok, report.text("truthful")
    assert report.counts["checked writes"] == 6
    assert [r.value for r in report.rows if r.label == "saves acknowledged"] == ["6"]


def test_an_acknowledged_value_the_store_does_not_hold_is_a_lost_update(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    acks[2] = dict(acks[2], value="Something else.")  # acknowledged, never stored
    report = _check(ops, acks)
    assert not report.ok and report.counts["lost"] == 1
    assert any("Something else." in f and "history" in f for f in report.findings)


def test_an_acknowledged_version_the_store_never_reached_is_lost(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    acks.append(dict(acks[-1], base=acks[-1]["version"], version=acks[-1]["version"] + 1))
    report = _check(ops, acks)
    assert report.counts["lost"] == 1
    assert any("the store is at version 7" in f for f in report.findings)


def test_a_write_on_an_unseen_version_is_a_silent_overwrite(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    acks[3] = dict(acks[3], base=acks[3]["base"] - 1)  # written on top of what it had not seen
    report = _check(ops, acks)
    assert report.counts["silent"] == 1 and report.counts["lost"] == 0


def test_a_commit_nobody_was_told_about_is_counted(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    del acks[4]  # the comment went in, but its client heard "failed"
    report = _check(ops, acks)
    assert report.counts["unacknowledged"] == 1 and not report.ok


def test_a_deleted_row_that_comes_back_is_a_lost_update(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    ops.edit(InsertItem("/sources", 1, Source("load a")))  # an unlogged writer brings it back
    report = _check(ops, acks)
    assert any("the deleted row is back" in f for f in report.findings)
    assert report.counts["lost"] == 1 and report.counts["unacknowledged"] == 1


def test_a_client_that_crashed_or_never_ended_is_counted(ops: FactsheetOps) -> None:
    entries = [{"kind": "crash", "client": 1, "trace": "Traceback\nValueError: x"}]
    report = checker.check(
        ops.store, entries, {"PL 2023": {"version": 1, "history": 1}}, seconds=1, clients=3
    )
    assert report.counts["crash"] == 3  # one crashed, two never said "end"
    assert not report.ok


def test_percentiles_are_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert checker.percentile(values, 50) == 50
    assert checker.percentile(values, 99) == 99
    assert checker.percentile([7.0], 95) == 7


def _foreign(value: str, refused: bool) -> dict[str, Any]:
    return {
        "kind": "foreign",
        "client": 0,
        "actor": "officer HR",
        "country": "PL",
        "edition": 2023,
        "fid": 1,
        "value": value,
        "layer": "server",
        "refused": refused,
        "how": "text: 0 rows" if refused else "text: 1 rows",
    }


def test_writes_to_another_country_must_all_be_refused(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    report = _check(ops, [*acks, _foreign("Forbidden 1", True), _foreign("Forbidden 2", True)])
    assert report.ok and report.counts["foreign through"] == 0
    assert any(r.value == "2 = 100 %" and r.met for r in report.rows)
    report = _check(ops, [*acks, _foreign("Forbidden 1", True), _foreign("Forbidden 2", False)])
    assert not report.ok and report.counts["foreign through"] == 1
    assert any(r.value == "1 = 50 %" and r.met is False for r in report.rows)


def test_a_refused_write_whose_value_is_in_the_store_got_through(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    path = "/sections/economic_context/en"
    acks.append(_ack(ops, "set", path, "Forbidden 3", SetValue(path, "Forbidden 3")))
    report = _check(ops, [*acks, _foreign("Forbidden 3", True)])  # "refused", yet there
    assert report.counts["foreign through"] == 1 and not report.ok


def test_a_permitted_write_refused_is_counted(ops: FactsheetOps) -> None:
    acks = _edits(ops)
    assert _check(ops, acks).ok
    refusal = dict(acks[0], kind="refused", reason="Reviewer mode: comments only.")
    del refusal["version"]
    report = _check(ops, [*acks, refusal])
    assert report.counts["refused"] == 1 and not report.ok
    assert any("Reviewer mode" in f for f in report.findings)


def test_a_merge_over_another_change_of_the_same_field_is_a_silent_overwrite(
    ops: FactsheetOps,
) -> None:
    """A merged edit (logged with the version it was made on) passes unless it lay over
    someone's change of the same field; then it is the overwrite a merge must never be."""
    acks = _edits(ops)
    # acks[5] (the rating) as merged from version 2: the only writes in between
    # changed other fields, so the merge was sound
    merged = dict(acks[5], merged_from=2)
    report = _check(ops, [*acks[:5], merged])
    assert report.ok and report.counts["merged"] == 1, report.text("sound merge")
    # acks[2] ("Second.") as merged from version 1, over "First." (same field)
    over = dict(acks[2], merged_from=1)
    report = _check(ops, [acks[0], acks[1], over, *acks[3:]])
    assert report.counts["silent"] == 1
    assert any("merged over" in f for f in report.findings)
