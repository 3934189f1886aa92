"""``new COUNTRY YEAR``: an empty draft factsheet from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_starts_an_empty_draft_and_refuses_a_second(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "new", "pl", "2026")
    assert code == 0, err
    assert out.startswith("PL 2026 (Poland) started: an empty draft in English, Polish")
    with Store.open(db) as store:
        fs = store.load("PL", 2026)
        assert fs.status == "draft"
        assert fs.languages == ["en", "pl"]
        assert fs.clusters == []
        history = store.history("PL", 2026)
        assert [h.action for h in history] == ["new"]

    code, out, err = run(capsys, "--db", str(db), "new", "PL", "2026")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == ["the PL 2026 factsheet exists already"]


@pytest.mark.parametrize(
    ("country", "year", "message"),
    [
        (
            "XX",
            "2026",
            "“XX” is not a country the ECCP covers; expected a code such as PL, DE or GR",
        ),
        ("PL", "1999", "1999 is not an edition year; expected a year from 2000 to 2100"),
        ("PL", "3000", "3000 is not an edition year; expected a year from 2000 to 2100"),
    ],
)
def test_new_refuses_bad_input_in_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    capsys, tmp_path: Path, country: str, year: str, message: str
) -> None:
    db = tmp_path / "x.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "new", country, year)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [message]
    with Store.open(db) as store:
        assert store.list() == []
