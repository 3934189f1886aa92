"""The command line's contract: commands, output, exit codes, nothing written on bad input."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from eccp_desktop import __version__
from eccp_desktop.cli.app import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version_from_the_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "eccp_desktop", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"eccp-desktop {__version__}"
    # the package's one version is what the installed metadata says (pyproject reads it)
    assert __version__ == metadata.version("eccp-desktop")


_GC_AT_EXIT = """
import atexit, gc, runpy, sys
atexit.register(lambda: print("gc", gc.isenabled(), gc.get_freeze_count() > 10000, flush=True))
sys.argv = ["eccp_desktop", *sys.argv[1:]]
runpy.run_module("eccp_desktop", run_name="__main__", alter_sys=True)
"""


def test_a_command_runs_with_the_collector_on(tmp_path: Path) -> None:
    # the imports ran with it paused (start-up time); the command itself must not
    db = str(tmp_path / "x.sqlite3")
    run = subprocess.run(
        [sys.executable, "-c", _GC_AT_EXIT, "--db", db, "list"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip().splitlines()[-1] == "gc True True"


def test_import_list_export_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path]
) -> None:
    db = str(tmp_path / "x.sqlite3")
    code, out, err = run(capsys, "--db", db, "import", *map(str, demo_files))
    assert code == 0, err
    assert "PL 2023: added from" in out
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(demo_files)
    assert any(line.startswith("PL 2023  Draft") and line.endswith("Poland") for line in lines)
    for f in demo_files:
        original = json.loads(f.read_text(encoding="utf-8"))
        out_file = tmp_path / f.name
        code, _, err = run(
            capsys, "--db", db, "export", original["country"], "--out", str(out_file)
        )
        assert code == 0, err
        exported = json.loads(out_file.read_text(encoding="utf-8"))
        assert exported.pop("base")["version"] == 1  # where it came from (editions)
        assert exported == original
    # Re-importing an export merges with its base: nothing changes.
    code, out, _ = run(capsys, "--db", db, "import", str(tmp_path / demo_files[0].name))
    assert code == 0 and "merged" in out and "0 changes from the package" in out


def test_invalid_package_exits_2_and_leaves_the_store_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path]
) -> None:
    db = tmp_path / "x.sqlite3"
    assert run(capsys, "--db", str(db), "import", str(demo_files[0]))[0] == 0
    before = digest(db)
    bad = tmp_path / "bad.eccp.json"
    data = json.loads(demo_files[1].read_text(encoding="utf-8"))
    data["clusters"] = [{"name": "X", "founded": "2012-13-01", "members": -3}]
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run(capsys, "--db", str(db), "import", str(demo_files[2]), str(bad))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"{bad}: /clusters/0/founded: not an ISO date (YYYY-MM-DD): '2012-13-01'",
        f"{bad}: /clusters/0/members: must be at least 0, found -3",
        "nothing was imported",
    ]
    assert digest(db) == before


def test_the_same_factsheet_twice_in_one_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path]
) -> None:
    code, _, err = run(
        capsys,
        "--db",
        str(tmp_path / "x.sqlite3"),
        "import",
        str(demo_files[0]),
        str(demo_files[0]),
    )
    assert code == 2 and "is also in" in err


def test_export_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path]
) -> None:
    db = str(tmp_path / "x.sqlite3")
    run(capsys, "--db", db, "import", str(demo_files[0]))
    code, _, err = run(capsys, "--db", db, "export", "XX", "--out", str(tmp_path / "x.json"))
    assert (code, err.strip()) == (2, "no factsheet for country XX in the store")
    code, _, err = run(capsys, "--db", db, "export", "CZ", "--out", str(tmp_path))
    assert code == 2 and "is a folder" in err
    code, _, err = run(capsys, "--db", db, "export", "CZ", "--out", str(tmp_path / "no" / "x.json"))
    assert code == 2 and "does not exist" in err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export")
    assert code == 2 and "error: the following arguments are required" in err
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and "invalid choice" in err


def test_bad_store_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("hello\n" * 500)
    code, _out, err = run(capsys, "--db", str(f), "list")
    assert code == 2 and len(err.splitlines()) == 1 and "not an SQLite database" in err


def test_read_only_store_refuses_import_with_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path]
) -> None:
    db = tmp_path / "ro.sqlite3"
    assert run(capsys, "--db", str(db), "import", str(demo_files[0]))[0] == 0
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("pragma wal_checkpoint(truncate)")
    con.close()
    db.chmod(0o444)
    before = digest(db)
    code, _, err = run(capsys, "--db", str(db), "import", str(demo_files[1]))
    assert code == 2 and "read-only" in err
    assert digest(db) == before
    assert run(capsys, "--db", str(db), "list")[0] == 0


def test_default_store_is_created_with_the_demo(
    capsys: pytest.CaptureFixture[str], demo_files: list[Path]
) -> None:
    from eccp_desktop.paths import default_store_path

    assert not default_store_path().exists()  # conftest points the data folder at tmp
    code, out, _ = run(capsys, "list")
    assert code == 0 and len(out.splitlines()) == len(demo_files)
    assert default_store_path().exists()


def test_ecc_db_environment_variable(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_files: list[Path],
) -> None:
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("ECCP_DB", str(db))
    assert run(capsys, "import", str(demo_files[0]))[0] == 0
    assert db.exists()


def test_messages_follow_the_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from eccp_desktop.i18n import set_language

    bad = tmp_path / "bad.eccp.json"
    bad.write_text('{"format": "eccp-factsheet"', encoding="utf-8")
    set_language("de")
    try:
        code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite3"), "import", str(bad))
    finally:
        set_language("en")
    assert code == 2
    assert err.splitlines()[-1] == "es wurde nichts importiert"
