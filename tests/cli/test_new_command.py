"""``new COUNTRY YEAR``: an empty draft factsheet from the command line (issue #17 item 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.exchange.package import parse
from eccp_desktop.store import Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "x.sqlite3"
    Store.open(path).close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def factsheets(db: Path) -> list[tuple[str, int]]:
    with Store.open(db) as store:
        return [(s.country, s.edition) for s in store.list()]


def test_new_starts_an_empty_draft_that_exports_and_imports(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "new", "pl", "2025")
    assert (code, err) == (0, "")
    assert "PL 2025 (Poland) started: an empty draft in English, Polish" in out
    with Store.open(db) as store:
        fs = store.load("PL", 2025)
        history = store.history("PL", 2025)
    assert (fs.country, fs.edition, fs.status, fs.languages) == ("PL", 2025, "draft", ["en", "pl"])
    assert fs.policies == [] and fs.clusters == [] and fs.tier_schemes == []
    assert [h.action for h in history] == ["new"]
    package = tmp_path / "pl.eccp.json"
    assert (
        run(capsys, "--db", str(db), "export", "PL", "--edition", "2025", "--out", str(package))[0]
        == 0
    )
    assert parse(package.read_text(encoding="utf-8")) == fs  # the contract's schema takes it


def test_a_country_with_several_languages_gets_them_all(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    assert run(capsys, "--db", str(db), "new", "BE", "2024")[0] == 0
    with Store.open(db) as store:
        assert store.load("BE", 2024).languages[0] == "en"
        assert set(store.load("BE", 2024).languages) >= {"en", "nl", "fr", "de"}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["XX", "2025"], "“XX” is not a country the ECCP covers"),
        (["PL", "1999"], "1999 is not an edition year; expected a year from 2000 to 2100"),
        (["PL", "2101"], "2101 is not an edition year"),
        (["PL", "next"], "invalid int value: 'next'"),
    ],
)
def test_bad_input_exits_2_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: Path, argv: list[str], expected: str
) -> None:
    code, _out, err = run(capsys, "--db", str(db), "new", *argv)
    assert code == 2
    assert expected in err
    assert "Traceback" not in err
    assert factsheets(db) == []


def test_an_existing_factsheet_is_refused_and_kept(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    assert run(capsys, "--db", str(db), "new", "PL", "2025")[0] == 0
    with Store.open(db) as store:
        before = store.load_versioned("PL", 2025)
    code, _out, err = run(capsys, "--db", str(db), "new", "PL", "2025")
    assert code == 2
    assert "the PL 2025 factsheet exists already" in err
    with Store.open(db) as store:
        assert store.load_versioned("PL", 2025) == before
