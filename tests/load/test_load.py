"""The load test, small (2 clients x 5 s), and its checker proven able to fail.

A clean run must pass; then a lost update is injected into the store behind
its back (the newest acknowledged value overwritten without a version or a
history row, as a writer that ignores versions would) and an acknowledgement
is forged on top of a version its writer had not seen: the checker must
catch each. Needs a server (``make test-postgres``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.domain.codes import RATINGS
from eccp_desktop.editing import paths
from eccp_desktop.exchange.diff import Change
from eccp_desktop.store import Store
from tests.load import checker
from tests.load.__main__ import Settings, report_of, rights_available, run
from tests.pg_server import SERVER, drop_database, needs_server

pytestmark = [*needs_server, pytest.mark.slow]


def _other(path: str, value: Any) -> Any:
    if path.endswith("/rating"):
        return next(r for r in RATINGS if r != value)
    return value + (", lost" if isinstance(value, str) else 1)


def _newest_field_edit(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """An acknowledged field edit that no later acknowledged write replaced."""
    edits = [e for e in entries if e["kind"] == "ack" and e["op"] in ("set", "status")]
    assert edits, "the short run acknowledged no field edit"
    newest = max(edits, key=lambda e: e["version"])
    return max(
        (e for e in edits if e["fid"] == newest["fid"] and e["path"] == newest["path"]),
        key=lambda e: e["version"],
    )


def test_a_short_run_is_clean_and_the_checker_catches_what_is_injected(tmp_path: Path) -> None:
    assert SERVER
    settings = Settings(
        server=SERVER,
        clients=2,
        seconds=5,
        think=(0.05, 0.3),
        rights=rights_available(),
        foreign=0.2,
    )
    result = run(settings, tmp_path)
    try:
        report = report_of(settings, result)
        assert report.ok, report.text("the clean run")
        assert report.counts["checked writes"] >= 5
        assert report.counts["lost"] == report.counts["silent"] == 0

        # 1. A lost update: the newest acknowledged value replaced behind the store's back.
        entries = checker.read_logs(tmp_path)
        ack = _newest_field_edit(entries)
        with Store.open(result.url) as store:
            fs = store.load(ack["country"], ack["edition"])
            other = _other(ack["path"], ack["value"])
            paths.put(fs, ack["path"], other)
            with store.engine.begin() as conn:  # no version, no history: a blind write
                store._write_changes(conn, ack["fid"], fs, [Change(ack["path"], None, other)])
        report = report_of(settings, result)
        assert not report.ok
        assert report.counts["lost"] == 1 and report.counts["silent"] == 0
        assert any(ack["path"] in f and repr(other) in f for f in report.findings)

        # 2. A silent overwrite: an acknowledgement of a version already acknowledged.
        forged = dict(ack, client=9, actor="forger", base=ack["version"] - 1)
        with open(tmp_path / "client-09.jsonl", "w", encoding="utf-8") as log:
            log.write(json.dumps(forged) + "\n")
            log.write(json.dumps({"kind": "end", "client": 9, "collisions": {}}) + "\n")
        settings.clients = 3
        report = report_of(settings, result)
        assert report.counts["silent"] == 1
        assert any("acknowledged twice" in f for f in report.findings)
    finally:
        drop_database(result.url, SERVER)


def test_clients_whose_saves_skip_the_version_check_are_caught(tmp_path: Path) -> None:
    """The whole chain, against a real lost-update bug: saves that ignore the version."""
    assert SERVER
    settings = Settings(
        server=SERVER, clients=2, seconds=5, think=(0.05, 0.3), rights=False, inject="blind"
    )
    result = run(settings, tmp_path)
    try:
        report = report_of(settings, result)
        assert not report.ok
        assert report.counts["silent"] > 0, report.text("blind saves")
        assert any("not the version after the seen one" in f for f in report.findings)
    finally:
        drop_database(result.url, SERVER)
