"""Packages that come back: base at export, three-way merge on import, bad bases refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.editions.base import digest
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.exchange.package import check_document
from eccp_desktop.store import Store
from tests.cli.test_cli import run

PL = "resources/demo/pl-2023.eccp.json"
NL = "resources/demo/nl-2023.eccp.json"
TIER = "/tier_schemes/0/tiers/1/min_members"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "s.sqlite3")
    assert run(capsys, "--db", path, "import", PL, NL)[0] == 0
    return path


def export(capsys: pytest.CaptureFixture[str], db: str, code: str, out: Path) -> dict[str, Any]:
    rc, _, err = run(capsys, "--db", db, "export", code, "--out", str(out))
    assert rc == 0, err
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def edit_store(db: str, code: str, change: Any) -> None:
    with Store.open(db) as store:
        fs, version = store.load_versioned(code, 2023)
        change(fs)
        store.save(fs, base_version=version, actor="central")


def write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def state(db: str) -> list[Any]:
    con = sqlite3.connect(db)
    try:
        return [
            con.execute("select country, version from factsheet order by id").fetchall(),
            con.execute("select count(*) from change").fetchone(),
        ]
    finally:
        con.close()


def _set_tier(value: int) -> Any:
    def change(fs: Any) -> None:
        fs.tier_schemes[0].tiers[1].min_members = value

    return change


def test_export_records_the_base_and_keeps_the_snapshot(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    data = export(capsys, db, "PL", tmp_path / "pl.json")
    assert check_document(data) == []
    base = data.pop("base")
    assert set(base) == {"version", "exported", "digest"} and base["version"] == 1
    assert base["digest"] == digest(data)
    with Store.open(db) as store:
        assert base["digest"] == digest(factsheet_to_dict(store.load("PL", 2023)))
    again = export(capsys, db, "PL", tmp_path / "again.json")
    assert again["base"] == base  # the same version exported twice: one snapshot
    con = sqlite3.connect(db)
    assert con.execute("select version, digest from base_snapshot").fetchall() == [
        (1, base["digest"])
    ]


def test_the_demo_conflict_stops_the_import_until_settled(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    pl, nl = tmp_path / "pl.json", tmp_path / "nl.json"
    package = export(capsys, db, "PL", pl)
    other = export(capsys, db, "NL", nl)
    # The central team changes the tier (38) and a budget; the authority the tier (40) and a text.
    edit_store(db, "PL", _set_tier(38))
    edit_store(db, "PL", lambda fs: setattr(fs.policies[0], "budget_eur", 21_000_000))
    package["tier_schemes"][0]["tiers"][1]["min_members"] = 40
    package["sections"]["economic_context"]["pl"] = "Polska gospodarka rośnie."
    write(pl, package)
    other["cohesion_programmes"][0]["budget_eur"] = 12_345_678
    write(nl, other)
    before = state(db)
    code, out, _ = run(capsys, "--db", db, "import", str(pl), str(nl))
    assert code == 1
    assert f"{pl}: PL 2023: 1 conflict" in out
    assert f"Growing cluster › Minimum members ({TIER}): base 35 | here 38 | incoming 40" in out
    assert "nothing was imported: 1 conflict" in out
    assert state(db) == before  # nothing written, NL neither

    code, out, err = run(capsys, "--db", db, "import", str(pl), str(nl), "--prefer", "incoming")
    assert code == 0, err
    assert (
        "PL 2023: merged from" in out and "2 changes from the package, 1 local change kept" in out
    )
    assert "Minimum members: the package's value taken" in out
    with Store.open(db) as store:
        fs = store.load("PL", 2023)
        assert fs.tier_schemes[0].tiers[1].min_members == 40
        assert fs.policies[0].budget_eur == 21_000_000  # the local change kept
        assert fs.sections["economic_context"]["pl"] == "Polska gospodarka rośnie."
        assert store.load("NL", 2023).cohesion_programmes[0].budget_eur == 12_345_678
        choice = [h for h in store.history("PL", 2023) if h.action == "merge_choice"]
        assert [(h.path, h.old, h.new, h.actor) for h in choice] == [(TIER, 38, 40, "tester")]


def test_prefer_here_keeps_the_store_value(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    pl = tmp_path / "pl.json"
    package = export(capsys, db, "PL", pl)
    edit_store(db, "PL", _set_tier(38))
    package["tier_schemes"][0]["tiers"][1]["min_members"] = 40
    write(pl, package)
    assert run(capsys, "--db", db, "import", str(pl), "--prefer", "here")[0] == 0
    with Store.open(db) as store:
        assert store.load("PL", 2023).tier_schemes[0].tiers[1].min_members == 38


def test_unchanged_store_takes_the_package(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    pl = tmp_path / "pl.json"
    package = export(capsys, db, "PL", pl)
    package["clusters"] = [{"name": "Mazovia ICT", "members": 60}]
    write(pl, package)
    code, out, _ = run(capsys, "--db", db, "import", str(pl))
    assert code == 0 and "1 change from the package, 0 local changes kept" in out
    with Store.open(db) as store:
        assert [c.name for c in store.load("PL", 2023).clusters] == ["Mazovia ICT"]


def test_without_a_known_base_the_package_replaces_and_says_so(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    edit_store(db, "PL", _set_tier(38))
    code, out, _ = run(capsys, "--db", db, "import", PL)
    assert code == 0
    assert "the package has no base: replaced whole (1 difference from the store)" in out
    package = export(capsys, db, "PL", tmp_path / "pl.json")
    with Store.open(tmp_path / "other.sqlite3") as other:  # a store that never exported it
        other.import_factsheets([other_pl(db)], actor="t")
    write(tmp_path / "pl.json", package)
    code, out, _ = run(
        capsys, "--db", str(tmp_path / "other.sqlite3"), "import", str(tmp_path / "pl.json")
    )
    assert code == 0 and "the package's base is unknown to this store: replaced whole" in out


def other_pl(db: str) -> Any:
    with Store.open(db) as store:
        return store.load("PL", 2023)


@pytest.mark.parametrize(
    ("base", "reason"),
    [
        ({"version": 9, "exported": "2024-01-01T00:00:00Z", "digest": "sha256:" + "0" * 64},
         "/base/version: the package says it was exported at version 9"),
        ({"version": 1, "exported": "2024-01-01T00:00:00Z", "digest": "sha256:" + "0" * 64},
         "/base/digest: sha256:000"),
        ({"version": 1, "exported": "2024-01-01T00:00:00Z"}, "/base: missing required key 'digest'"),
        ({"version": 1, "exported": "yesterday", "digest": "sha256:" + "0" * 64}, "/base/exported"),
        ({"version": 1, "exported": "2024-01-01T00:00:00Z", "digest": "md5:00"}, "/base/digest"),
        ({"version": 0, "exported": "2024-01-01T00:00:00Z", "digest": "sha256:" + "0" * 64},
         "/base/version"),
    ],
)  # fmt: skip
def test_a_bad_base_is_bad_input_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, base: Any, reason: str
) -> None:
    pl = tmp_path / "pl.json"
    package = export(capsys, db, "PL", pl)
    edit_store(db, "PL", _set_tier(38))
    package["base"] = base
    write(pl, package)
    before = state(db)
    code, out, err = run(capsys, "--db", db, "import", str(pl))
    assert code == 2 and out == ""
    assert reason in err and "nothing was imported" in err
    assert state(db) == before


def test_a_validated_package_with_errors_is_imported_with_a_warning(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    package = json.loads(Path(PL).read_text(encoding="utf-8"))
    package["status"] = "validated"
    package["clusters"] = [{"name": "Tiny", "members": 1, "scheme": "kkk", "tier": "key_national",
                            "founded": "2023-01-01"}]  # fmt: skip
    write(tmp_path / "pl.json", package)
    code, out, _ = run(capsys, "--db", db, "import", str(tmp_path / "pl.json"))
    assert code == 0
    assert "warning: the package is marked validated but validation finds 15 errors" in out
    with Store.open(db) as store:
        assert store.load("PL", 2023).status == "validated"


def test_migrations_have_one_head_and_match_the_tables(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from eccp_desktop.store.migrate import alembic_config
    from eccp_desktop.store.schema import metadata

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
    Store.open(tmp_path / "m.sqlite3").close()
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert [d for d in diffs if "base_snapshot" in repr(d)] == []
