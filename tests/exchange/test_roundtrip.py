"""Export then import gives back the same factsheet: through JSON and through the store."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange import dumps, parse, read_package, write_package
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.exchange.package import check_document
from eccp_desktop.store import Store
from tests.strategies import factsheets


@settings(deadline=None)  # a whole factsheet through the strict reader: slow on a busy machine
@given(factsheets())
def test_package_round_trip_is_lossless(fs: Factsheet) -> None:
    assert check_document(factsheet_to_dict(fs)) == []  # what we write, we accept
    assert parse(dumps(fs)) == fs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(factsheets())
def test_store_round_trip_is_lossless(fs: Factsheet) -> None:
    with tempfile.TemporaryDirectory() as d, Store.open(Path(d) / "s.sqlite3") as store:
        store.import_factsheets([fs], actor="t")
        assert store.load(fs.country, fs.edition) == fs


def test_demo_packages_round_trip(demo_files: list[Path], tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        sheets = [read_package(p) for p in demo_files]
        store.import_factsheets(sheets, actor="t")
        for original in sheets:
            out = tmp_path / f"{original.country}.eccp.json"
            write_package(store.load(original.country, original.edition), out)
            assert read_package(out) == original
