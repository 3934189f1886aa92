"""`overview`: the state-of-play PDF, read back as a reader would."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from eccp_desktop.cli.app import main


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


@pytest.fixture
def db(tmp_path: Path, demo_files: list[Path]) -> str:
    path = str(tmp_path / "s.sqlite3")
    assert main(["--db", path, "import", *map(str, demo_files)]) == 0
    return path


def test_overview_in_greek_names_the_countries(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "overview-el.pdf"
    assert main(["--db", db, "overview", "--lang", "el", "--out", str(out)]) == 0
    text = text_of(out)
    for name in ("Πολωνία", "Κάτω Χώρες", "Πορτογαλία", "Κροατία"):  # CLDR names
        assert name in text
    assert "EU15" in text and "EU13" in text


def test_overview_key_figures_match_the_demo(db: str, tmp_path: Path) -> None:
    out = tmp_path / "overview.pdf"
    assert main(["--db", db, "overview", "--lang", "en", "--out", str(out)]) == 0
    text = " ".join(text_of(out).split())
    assert "4 of 7 Member States employ a dedicated national and/or regional cluster policy" in text
    assert "In 4 of 7 Member States, clusters receive support through cohesion policy" in text


def test_overview_is_reproducible(db: str, tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (a, b):
        assert main(["--db", db, "overview", "--lang", "bg", "--out", str(out)]) == 0
    assert a.read_bytes() == b.read_bytes()


def test_overview_bad_input(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "overview", "--lang", "xx", "--out", str(tmp_path / "o.pdf")]) == 2
    assert "'xx' is not one of the 24 official EU languages" in capsys.readouterr().err
    assert (
        main(["--db", db, "overview", "--edition", "1999", "--out", str(tmp_path / "o.pdf")]) == 2
    )
    assert main(["--db", db, "overview", "--out", str(tmp_path / "missing" / "o.pdf")]) == 2
    assert not (tmp_path / "o.pdf").exists()
