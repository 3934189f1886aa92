"""The command line speaks the user's language: its own words, argparse's, numbers, plurals."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.i18n import set_language


@pytest.fixture
def german() -> Iterator[None]:
    set_language("de")
    try:
        yield
    finally:
        set_language("en")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_names_the_status_in_the_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path], german: None
) -> None:
    db = str(tmp_path / "x.sqlite3")
    assert run(capsys, "--db", db, "import", str(demo_files[0]))[0] == 0
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0
    assert " Entwurf " in out and " draft " not in out
    assert re.search(r"\d+ Cluster", out)


@pytest.mark.slow
def test_pdf_all_summary_with_plurals_and_the_locales_decimal_sign(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path], german: None
) -> None:
    db = str(tmp_path / "x.sqlite3")
    assert run(capsys, "--db", db, "import", str(demo_files[0]))[0] == 0
    code, out, err = run(
        capsys, "--db", db, "pdf", "--all", "--langs", "de", "--out-dir", str(tmp_path / "o"),
        "--jobs", "1",
    )  # fmt: skip
    assert code == 0, err
    line = out.strip().splitlines()[-1]
    assert re.fullmatch(
        r"1 von 1 PDF nach .+ geschrieben in \d+,\d Sek\. \(1 Prozess\); 0 fehlgeschlagen", line
    ), line


def test_argparse_speaks_the_language(capsys: pytest.CaptureFixture[str], german: None) -> None:
    code, _out, err = run(capsys, "pdf", "--jobs", "zwei")
    assert code == 2
    assert err.startswith("Aufruf: ")
    assert "ungültiger int-Wert: 'zwei'" in err
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Optionen:" in out and "diese Hilfe anzeigen und beenden" in out
    assert "usage:" not in out and "options:" not in out


def test_argparse_back_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "pdf", "--jobs", "two")
    assert code == 2 and err.startswith("usage: ")


def test_import_errors_print_numbers_as_the_language_writes_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_files: list[Path], german: None
) -> None:
    package = json.loads(demo_files[0].read_text(encoding="utf-8"))
    package["ecosystems"] = [{"ecosystem": "digital", "employment_share": 1.5}]
    bad = tmp_path / "bad.eccp.json"
    bad.write_text(json.dumps(package), encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(tmp_path / "x.sqlite3"), "import", str(bad))
    assert code == 2
    assert "1,5" in err and "1.5" not in err, err
