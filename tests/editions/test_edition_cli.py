"""``new-edition`` and ``diff`` from the command line: output, exit codes, the store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eccp_desktop.domain.model import ReviewComment, ValidationRecord
from eccp_desktop.exchange import read_package, write_package
from eccp_desktop.store import Store
from tests.cli.test_cli import digest, run


@pytest.fixture
def db(tmp_path: Path, demo_files: list[Path]) -> str:
    path = tmp_path / "s.sqlite3"
    with Store.open(path) as store:
        pl = read_package(next(f for f in demo_files if f.name.startswith("pl-")))
        pl.status = "validated"
        pl.validation = ValidationRecord("Anna Nowak", "MRiT", dt.date(2024, 1, 15))
        pl.review_comments = [
            ReviewComment("/policies/0/budget_eur", "Expert", text="Source?"),
            ReviewComment("/policies/1", "Expert", text="Done", resolved=True),
        ]
        store.import_factsheets([pl], actor="t")
    return str(path)


def test_new_edition_copies_the_latest_into_a_draft(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(capsys, "--db", db, "new-edition", "pl", "2024")
    assert code == 0, err
    assert "PL 2024 started from 2023" in out and "1 open review comment" in out
    with Store.open(db) as store:
        old, new = store.load("PL", 2023), store.load("PL", 2024)
        assert (new.status, new.reference_date, new.validation) == (
            "draft", dt.date(2024, 12, 31), None
        )  # fmt: skip
        assert [c.text for c in new.review_comments] == ["Source?"]
        assert new.policies == old.policies and new.sections == old.sections
        (first,) = store.history("PL", 2024)
        assert (first.action, first.old, first.new, first.actor) == (
            "new_edition",
            2023,
            2024,
            "tester",
        )


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["PL", "2023"], "exists already"),
        (["PL", "2022"], "must be later than 2023"),
        (["PL", "2025", "--from", "2019"], "no 2019 factsheet for PL"),
        (["XX", "2024"], "no factsheet for country XX"),
    ],
)
def test_new_edition_refuses_bad_input_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, argv: list[str], reason: str
) -> None:
    before = digest(Path(db))
    code, out, err = run(capsys, "--db", db, "new-edition", *argv)
    assert code == 2 and out == ""
    assert reason in err and "nothing was written" in err
    assert digest(Path(db)) == before


def test_diff_between_editions_text_and_json(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "--db", db, "new-edition", "PL", "2024")[0] == 0
    with Store.open(db) as store:
        fs, version = store.load_versioned("PL", 2024)
        fs.tier_schemes[0].tiers[1].min_members = 40
        fs.policies.reverse()  # order alone is no change
        store.save(fs, base_version=version, actor="t")
    code, out, _ = run(capsys, "--db", db, "diff", "PL", "--edition", "2024", "--against", "2023")
    assert code == 1
    assert "PL 2023 → PL 2024" in out
    assert (
        "Change: Tier schemes › Key National Clusters (KKK) competition › Tiers (entry to top) › Growing cluster › Minimum members: 35 → 40"
        in out
    )
    assert "Removal: Sign-off: “Anna Nowak”" in out
    assert any(
        line.startswith("  Removal: Review comments › ") and line.endswith("“Done”")
        for line in out.splitlines()
    )
    code, out, _ = run(capsys, "--db", db, "diff", "PL", "--against", "2023", "--json")
    assert code == 1
    got = {d["path"]: d for d in json.loads(out)}
    assert got["/tier_schemes/0/tiers/1/min_members"] == {
        "path": "/tier_schemes/0/tiers/1/min_members", "change": "changed", "old": 35, "new": 40,
    }  # fmt: skip
    assert got["/validation"]["change"] == "removed"
    assert set(got) == {
        "/tier_schemes/0/tiers/1/min_members", "/validation", "/status", "/reference_date",
        "/review_comments/1",
    }  # fmt: skip
    code, out, _ = run(capsys, "--db", db, "diff", "PL", "--edition", "2024", "--against", "2024")
    assert (code, out) == (0, "PL 2024 → PL 2024: 0 differences\n")


def test_diff_against_a_package(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    with Store.open(db) as store:
        fs = store.load("PL", 2023)
    write_package(fs, tmp_path / "same.eccp.json")
    code, out, _ = run(capsys, "--db", db, "diff", "PL", str(tmp_path / "same.eccp.json"))
    assert (code, out.strip().endswith("0 differences")) == (0, True)
    fs.sections["economic_context"]["en"] = "Poland's economy grew fast."
    write_package(fs, tmp_path / "new.eccp.json")
    code, out, _ = run(capsys, "--db", db, "diff", "PL", str(tmp_path / "new.eccp.json"), "--json")
    assert code == 1
    (d,) = json.loads(out)
    assert (d["path"], d["change"], d["new"]) == (
        "/sections/economic_context/en", "changed", "Poland's economy grew fast."
    )  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "reason"),
    [
        (["PL", "resources/demo/nl-2023.eccp.json"], "holds the NL factsheet, not PL's"),
        (["PL", "resources/demo/pl-2023.eccp.json", "--against", "2023"], "not both"),
        (["PL"], "give --against"),
        (["PL", "--against", "2019"], "no 2019 factsheet for PL"),
        (["PL", "missing.eccp.json"], "no such file"),
    ],
)
def test_diff_bad_input_exits_2(
    capsys: pytest.CaptureFixture[str], db: str, argv: list[str], reason: str
) -> None:
    code, out, err = run(capsys, "--db", db, "diff", *argv)
    assert code == 2 and out == "" and reason in err
