"""Issue #10: two processes creating the same new store at once: one creates, the other opens.

Was: "UNIQUE constraint failed: country.code" or a wrong "not an ECCP store".
Two forked workers meet at a barrier, then both open (and on creation fill)
the same not-yet-existing store; 50 rounds.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.store import Store

ROUNDS = 50


def _fill(store: Store) -> None:
    store.import_factsheets([Factsheet("PL", 2023), Factsheet("DK", 2023)], actor="first")


def _worker(barrier: Any, folder: str, results: Any) -> None:
    for i in range(ROUNDS):
        path = Path(folder) / f"round-{i}.sqlite3"
        barrier.wait()
        try:
            with Store.open(path, initial=_fill) as store:
                listed = [(s.country, s.version) for s in store.list()]
            results.put((i, "ok", listed))
        except Exception as e:
            results.put((i, "error", f"{type(e).__name__}: {e}"))


@pytest.mark.skipif(os.name == "nt", reason="fork start method")
def test_two_processes_create_one_store_50_rounds(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(barrier, str(tmp_path), results)) for _ in "ab"]
    for w in workers:
        w.start()
    outcomes = [results.get(timeout=120) for _ in range(2 * ROUNDS)]
    for w in workers:
        w.join(timeout=60)
    errors = [o for o in outcomes if o[1] != "ok"]
    assert errors == []
    # Filled once: each factsheet at version 1, one import each in the history.
    assert {tuple(o[2]) for o in outcomes} == {(("DK", 1), ("PL", 1))}
    for i in range(ROUNDS):
        path = tmp_path / f"round-{i}.sqlite3"
        con = sqlite3.connect(path)
        assert con.execute("SELECT count(*) FROM change WHERE action = 'import'").fetchone() == (2,)
        con.close()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_initial_content_is_not_added_to_an_existing_store(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store.open(path, initial=_fill).close()
    with Store.open(path, initial=_fill) as store:
        assert [(s.country, s.version) for s in store.list()] == [("DK", 1), ("PL", 1)]
