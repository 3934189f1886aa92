"""``pdf`` keeps each export's map; ``comments import FILE.pdf [--dry-run]`` reads it back."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.store import Store
from tests.annotations.annotate import Note, centre_box, with_pypdf
from tests.annotations.conftest import entry
from tests.pdf.factories import polish_demo


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.import_factsheets([polish_demo()], actor="demo")
    return str(path)


def test_export_annotate_import_dry_run_then_for_real(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    pdf_path = tmp_path / "pl.pdf"
    code, _out, err = run(capsys, "--db", db, "pdf", "PL", "--lang", "pl", "--out", str(pdf_path))
    assert code == 0 and err == ""
    pdf = pdf_path.read_bytes()
    layout = json.loads(pypdf.PdfReader(pdf_path).attachments["eccp-layout-map.json"][0])
    e = entry(layout, "/policies/0/budget_eur")
    annotated = tmp_path / "pl-annotated.pdf"
    annotated.write_bytes(with_pypdf(pdf, [Note("Text", e[0], centre_box(e, 4), "Budget 2023?")]))

    code, out, _err = run(capsys, "--db", db, "comments", "import", str(annotated), "--dry-run")
    assert code == 0
    assert "/policies/0/budget_eur" in out and "Budget 2023?" in out and "nothing written" in out
    with Store.open(db) as store:
        assert store.load("PL", 2023).review_comments == []

    code, out, _err = run(capsys, "--db", db, "comments", "import", str(annotated))
    assert code == 0 and "1 comment added to PL 2023" in out
    code, out, _err = run(capsys, "--db", db, "comments", "import", str(annotated))
    assert code == 0 and "0 comments added" in out and "1 already imported" in out
    with Store.open(db) as store:
        (c,) = store.load("PL", 2023).review_comments
    assert (c.path, c.text, c.role) == ("/policies/0/budget_eur", "Budget 2023?", "expert")


def test_bad_files_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf at all")
    code, out, err = run(capsys, "--db", db, "comments", "import", str(text))
    assert code == 2 and out == "" and err.count("\n") == 1 and "not a PDF" in err
    code, _out, err = run(capsys, "--db", db, "comments", "import", str(tmp_path / "missing.pdf"))
    assert code == 2 and "missing.pdf" in err


def test_pdf_all_keeps_every_map(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, _out, _err = run(
        capsys,
        "--db",
        db,
        "pdf",
        "--all",
        "--langs",
        "en,pl",
        "--out-dir",
        str(tmp_path / "out"),
        "--jobs",
        "1",
    )
    assert code == 0
    from eccp_desktop.store.exports import find_export

    with Store.open(db) as store:
        for name in ("pl-2023-en.pdf", "pl-2023-pl.pdf"):
            reader = pypdf.PdfReader(tmp_path / "out" / name)
            record = find_export(store, str(reader.metadata["/ECCPExportId"]))
            assert record is not None and record.size == (tmp_path / "out" / name).stat().st_size
