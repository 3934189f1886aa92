"""The editing session: every operation is in the store at once, and undoes."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Cluster, Factsheet, Source
from eccp_desktop.editing import EditingSession, PathError, SetValue, paths
from eccp_desktop.store import ConflictError, Store


@pytest.fixture
def session(demo_store: Store) -> EditingSession:
    return EditingSession(demo_store, "PL", 2023, actor="tester")


def test_set_value_is_saved_at_once(session: EditingSession, demo_store: Store) -> None:
    session.set("/policies/0/authority", "Ministry of Tests")
    assert demo_store.load("PL", 2023).policies[0].authority == "Ministry of Tests"


def test_inverse_restores_the_stored_value(session: EditingSession, demo_store: Store) -> None:
    before = demo_store.load("PL", 2023).policies[0].start_year
    inverse = session.set("/policies/0/start_year", 1999)
    assert demo_store.load("PL", 2023).policies[0].start_year == 1999
    redo = session.apply(inverse)
    assert demo_store.load("PL", 2023).policies[0].start_year == before
    session.apply(redo)
    assert demo_store.load("PL", 2023).policies[0].start_year == 1999


def test_localized_text_empty_removes_the_translation(session: EditingSession) -> None:
    session.set("/sections/economic_context/pl", "Tekst")
    assert session.get("/sections/economic_context/pl") == "Tekst"
    undo = session.set("/sections/economic_context/pl", "")
    assert "pl" not in session.factsheet.sections["economic_context"]
    session.apply(undo)
    assert session.get("/sections/economic_context/pl") == "Tekst"


def test_insert_remove_move_clusters(session: EditingSession, demo_store: Store) -> None:
    session.append("/clusters", Cluster(name="A", members=10))
    session.append("/clusters", Cluster(name="B", members=20))
    session.append("/clusters", Cluster(name="C", members=30))
    assert [c.name for c in demo_store.load("PL", 2023).clusters] == ["A", "B", "C"]
    undo_move = session.move("/clusters", 2, 0)
    assert [c.name for c in demo_store.load("PL", 2023).clusters] == ["C", "A", "B"]
    session.apply(undo_move)
    undo_remove = session.remove_many("/clusters", [0, 2])
    assert [c.name for c in demo_store.load("PL", 2023).clusters] == ["B"]
    session.apply(undo_remove)
    assert [c.name for c in demo_store.load("PL", 2023).clusters] == ["A", "B", "C"]


def test_refused_save_leaves_the_factsheet_untouched(
    session: EditingSession, demo_store: Store
) -> None:
    other = EditingSession(demo_store, "PL", 2023, actor="someone else")
    other.set("/policies/0/authority", "Theirs")
    with pytest.raises(ConflictError):
        session.set("/policies/0/authority", "Mine")
    assert session.factsheet.policies[0].authority != "Mine"
    assert demo_store.load("PL", 2023).policies[0].authority == "Theirs"


def test_bad_path_is_refused(session: EditingSession) -> None:
    with pytest.raises(PathError):
        session.set("/clusters/7/members", 3)
    with pytest.raises(PathError):
        session.set("/no_such_field", 1)


def test_mutate_is_one_undoable_step(session: EditingSession, demo_store: Store) -> None:
    def submit(fs: Factsheet) -> None:
        fs.status = "submitted"

    undo = session.mutate(submit)
    assert demo_store.load("PL", 2023).status == "submitted"
    session.apply(undo)
    assert demo_store.load("PL", 2023).status == "draft"


def test_listeners_hear_the_path(session: EditingSession) -> None:
    heard: list[str] = []
    session.subscribe(heard.append)
    session.append("/sources", Source(title="S"))
    session.set("/sources/0/title", "T")
    assert heard == ["/sources", "/sources/0/title"]


def test_history_names_the_actor(session: EditingSession, demo_store: Store) -> None:
    session.set("/policies/0/authority", "X")
    last = demo_store.history("PL", 2023)[-1]
    assert (last.actor, last.path, last.new) == ("tester", "/policies/0/authority", "X")


@settings(max_examples=60, deadline=None)
@given(
    ops=st.lists(
        st.one_of(
            st.tuples(st.just("set"), st.integers(0, 5), st.integers(-5, 500)),
            st.tuples(st.just("insert"), st.integers(0, 5), st.integers(0, 500)),
            st.tuples(st.just("remove"), st.integers(0, 5), st.just(0)),
            st.tuples(st.just("move"), st.integers(0, 5), st.integers(0, 5)),
        ),
        max_size=12,
    )
)
def test_undoing_every_inverse_gives_back_the_start(ops: list[tuple[str, int, int]]) -> None:
    from eccp_desktop.editing.operations import InsertItem, MoveItem, Operation, RemoveItem

    fs = Factsheet("PL", 2023, clusters=[Cluster(name=str(i), members=i) for i in range(3)])
    start = copy.deepcopy(fs)
    undo: list[Operation] = []
    for kind, i, v in ops:
        n = len(fs.clusters)
        op: Operation
        if kind == "set" and n:
            op = SetValue(paths.join("clusters", i % n, "members"), v)
        elif kind == "insert":
            op = InsertItem("/clusters", i, Cluster(name=f"n{v}"))
        elif kind == "remove" and n:
            op = RemoveItem("/clusters", i % n)
        elif kind == "move" and n:
            op = MoveItem("/clusters", i % n, v % n)
        else:
            continue
        undo.append(op.apply(fs))
    for inv in reversed(undo):
        inv.apply(fs)
    assert fs == start
