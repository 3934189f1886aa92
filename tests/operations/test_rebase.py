"""An edit on a factsheet someone else saved meanwhile is merged, never silently lost (#15).

Two clients of one store: "bartek" saves first; "anna", a version behind,
edits next. Her edit is merged into his when it touches other fields, and
goes to the merge view (a Conflict carrying the merge) when it touches his.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Cluster
from eccp_desktop.editing import InsertItem, SetValue
from eccp_desktop.operations import Conflict, Done, Failed, Refused
from eccp_desktop.operations.factsheet import FactsheetOps
from eccp_desktop.store import Store
from eccp_desktop.store.errors import StoreUnreachableError
from tests.validation.builders import complete_factsheet


@pytest.fixture
def ops(store: Store) -> FactsheetOps:
    store.import_factsheets([complete_factsheet()], actor="import")
    return FactsheetOps(store, "PL", 2023, actor="anna")


def _bartek(store_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    with Store.open(store_path) as other:
        fs, v = other.load_versioned("PL", 2023)
        change(fs)
        other.save(fs, base_version=v, actor="bartek")


def _stored(store_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(store_path) as s:
        return s.load("PL", 2023)


def test_an_edit_of_another_field_is_merged_and_stays_one_undo_step(
    ops: FactsheetOps, store_path: Path
) -> None:
    _bartek(store_path, lambda fs: setattr(fs.clusters[0], "members", 999))
    outcome = ops.edit(SetValue("/clusters/1/members", 7))
    assert isinstance(outcome, Done), outcome
    assert "bartek" in outcome.message
    stored = _stored(store_path)
    assert (stored.clusters[0].members, stored.clusters[1].members) == (999, 7)  # both kept
    assert ops.factsheet == stored
    # the undo step still undoes her edit only
    undone = ops.undo_step(outcome.value)
    assert isinstance(undone, Done)
    stored = _stored(store_path)
    assert stored.clusters[0].members == 999
    assert stored.clusters[1].members == complete_factsheet().clusters[1].members


def test_an_edit_under_an_inserted_item_is_saved_on_the_merged_whole(
    ops: FactsheetOps, store_path: Path
) -> None:
    """He inserted a cluster first: her index is off by one, the merge finds her item."""
    name = ops.factsheet.clusters[1].name
    _bartek(store_path, lambda fs: fs.clusters.insert(0, Cluster("Inserted by Bartek")))
    outcome = ops.edit(SetValue("/clusters/1/members", 7))
    assert isinstance(outcome, Done), outcome
    stored = _stored(store_path)
    assert stored.clusters[0].name == "Inserted by Bartek"
    mine = next(c for c in stored.clusters if c.name == name)
    assert mine.members == 7
    assert outcome.value is None  # no undo step: it was made on the other factsheet


def test_the_same_field_changed_differently_goes_to_the_merge_view(
    ops: FactsheetOps, store_path: Path
) -> None:
    _bartek(store_path, lambda fs: setattr(fs.clusters[0], "members", 999))
    outcome = ops.edit(SetValue("/clusters/0/members", 5))
    assert isinstance(outcome, Conflict) and outcome.merge is not None
    assert "merge view" in outcome.reason and "bartek" in outcome.reason
    (conflict,) = outcome.merge.result.conflicts
    assert (conflict.path, conflict.here, conflict.incoming) == ("/clusters/0/members", 5, 999)
    assert _stored(store_path).clusters[0].members == 999  # nothing written yet

    # "keep mine": saved on top of his version
    done = ops.settle_merge(outcome.merge, {conflict.key: "here"})
    assert isinstance(done, Done)
    assert _stored(store_path).clusters[0].members == 5


def test_taking_theirs_in_the_merge_view_keeps_their_value_and_my_other_edits(
    ops: FactsheetOps, store_path: Path
) -> None:
    _bartek(store_path, lambda fs: setattr(fs.clusters[0], "members", 999))
    outcome = ops.edit(SetValue("/clusters/0/members", 5))
    assert isinstance(outcome, Conflict)
    key = outcome.merge.result.conflicts[0].key
    # meanwhile he saves yet another field: the choice still applies (keys are identities)
    _bartek(store_path, lambda fs: setattr(fs.clusters[1], "members", 444))
    done = ops.settle_merge(outcome.merge, {key: "incoming"})
    assert isinstance(done, Done)
    stored = _stored(store_path)
    assert (stored.clusters[0].members, stored.clusters[1].members) == (999, 444)


def test_signed_off_meanwhile_refuses_the_edit_and_says_why(
    ops: FactsheetOps, store_path: Path
) -> None:
    _bartek(store_path, lambda fs: setattr(fs, "status", "validated"))
    outcome = ops.edit(SetValue("/clusters/0/members", 5))
    assert isinstance(outcome, Conflict) and outcome.merge is None
    assert "reopen" in outcome.reason
    assert _stored(store_path).clusters[0].members == complete_factsheet().clusters[0].members


def test_a_comment_added_meanwhile_is_merged_with_my_comment(
    ops: FactsheetOps, store_path: Path
) -> None:
    from eccp_desktop.domain.model import ReviewComment

    _bartek(
        store_path,
        lambda fs: fs.review_comments.append(
            ReviewComment(path="/clusters", author="b", text="His")
        ),
    )
    outcome = ops.comment(
        InsertItem("/review_comments", 0, ReviewComment(path="/policies", author="a", text="Hers"))
    )
    assert isinstance(outcome, Done), outcome
    assert {c.text for c in _stored(store_path).review_comments} >= {"His", "Hers"}


def test_a_server_that_went_away_is_an_offline_failure_and_editing_waits(
    ops: FactsheetOps, monkeypatch: pytest.MonkeyPatch
) -> None:
    def away(*_a, **_k):  # type: ignore[no-untyped-def]
        raise StoreUnreachableError("the store db.example cannot be reached: nothing was written")

    before = ops.factsheet.clusters[0].members
    monkeypatch.setattr(ops.store, "save", away)
    outcome = ops.edit(SetValue("/clusters/0/members", 5))
    assert isinstance(outcome, Failed) and outcome.offline
    assert ops.factsheet.clusters[0].members == before  # the session is as stored
    ops.offline = True
    refused = ops.edit(SetValue("/clusters/0/members", 5))
    assert isinstance(refused, Refused) and "connection" in refused.reason
    assert not ops.permissions.edit and not ops.permissions.comment and ops.permissions.export


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    mine=st.tuples(st.integers(0, 2), st.integers(0, 10_000)),
    theirs=st.tuples(st.integers(0, 2), st.integers(0, 10_000)),
)
def test_no_edit_is_lost_whatever_the_two_clients_change(
    tmp_path_factory: pytest.TempPathFactory,
    mine: tuple[int, int],
    theirs: tuple[int, int],
) -> None:
    """Either both values are stored, or the conflict is offered (nothing silently dropped)."""
    original = complete_factsheet().clusters[mine[0]].members
    assume(mine[1] != original)  # the window saves no edit that changes nothing
    path = tmp_path_factory.mktemp("rebase") / "store.db"
    with Store.open(path) as store:
        store.import_factsheets([complete_factsheet()], actor="import")
        ops = FactsheetOps(store, "PL", 2023, actor="anna")
        _bartek(path, lambda fs: setattr(fs.clusters[theirs[0]], "members", theirs[1]))
        outcome = ops.edit(SetValue(f"/clusters/{mine[0]}/members", mine[1]))
        stored = _stored(path)
        if isinstance(outcome, Done):
            assert stored.clusters[mine[0]].members == mine[1]
            if mine[0] != theirs[0]:
                assert stored.clusters[theirs[0]].members == theirs[1]
        else:
            assert isinstance(outcome, Conflict) and outcome.merge is not None
            assert mine[0] == theirs[0] and mine[1] != theirs[1]
            assert stored.clusters[theirs[0]].members == theirs[1]


def test_an_import_whose_factsheet_was_saved_after_the_plan_is_a_conflict(
    store: Store, store_path: Path, tmp_path: Path
) -> None:
    """Nothing is written and the caller is told to plan again (not a store failure)."""
    from eccp_desktop.exchange.package import write_package
    from eccp_desktop.operations.editions_ops import apply_received, exported, read_received

    store.import_factsheets([complete_factsheet()], actor="import")
    incoming, base = exported(store, "PL", 2023)  # sent out, comes back with a change
    incoming.clusters[0].members = 321
    package = tmp_path / "pl.eccp.json"
    write_package(incoming, package, base=base)
    plan = read_received(store, [package], prefer="incoming")
    assert not plan.errors
    _bartek(store_path, lambda fs: setattr(fs.clusters[1], "members", 999))
    outcome = apply_received(store, plan, actor="central")
    assert isinstance(outcome, Conflict), outcome
    stored = _stored(store_path)
    assert (stored.clusters[0].members, stored.clusters[1].members) != (321, 999)
    assert stored.clusters[1].members == 999  # his save stands, the import wrote nothing


def test_the_same_change_saved_meanwhile_writes_nothing_and_says_onto_what(
    ops: FactsheetOps, store_path: Path
) -> None:
    _bartek(store_path, lambda fs: setattr(fs.clusters[1], "members", 7))
    with Store.open(store_path) as s:
        _fs, theirs = s.load_versioned("PL", 2023)
    outcome = ops.edit(SetValue("/clusters/1/members", 7))
    assert isinstance(outcome, Done)
    assert outcome.changes.merged_onto == outcome.changes.version == theirs  # nothing written
    _bartek(store_path, lambda fs: setattr(fs.clusters[2], "members", 8))
    merged = ops.edit(SetValue("/clusters/0/members", 6))
    assert isinstance(merged, Done)
    assert merged.changes.version == merged.changes.merged_onto + 1 == theirs + 2
