"""Validation, PDFs and the window, run from the bundle.

Each step needs a package that is written on another branch; it is skipped,
with the reason, while that package is absent from this source tree, and
runs (and must pass) as soon as it is there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.bundle.conftest import Bundle, needs_source

pytestmark = pytest.mark.bundle

SCRIPTS = {"el": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"), "bg": re.compile(r"[\u0400-\u04ff]")}


@needs_source("eccp_desktop/validation", "validation")
def test_validate_reports_without_failing(bundle: Bundle, demo_db: Path) -> None:
    result = bundle.run("--db", demo_db, "validate", "PL")
    assert result.returncode in (0, 1), result.stderr  # 1 = errors found, 2 = broken
    assert "Traceback" not in result.stderr


@needs_source("eccp_desktop/validation", "validation")
def test_validate_json_lists_results(bundle: Bundle, demo_db: Path) -> None:
    result = bundle.run("--db", demo_db, "validate", "PL", "--json")
    assert result.returncode in (0, 1), result.stderr
    results = json.loads(result.stdout)
    assert isinstance(results, list)
    for item in results:
        assert {"rule", "severity", "message", "path"} <= set(item)


def _pdf_text_and_fonts(pdf: Path) -> tuple[str, set[str]]:
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    fonts: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in (font_dict.get_object() if font_dict else {}).values():
            fonts.add(str(ref.get_object().get("/BaseFont", "")))
    return text, fonts


@needs_source("eccp_desktop/pdf", "the PDF renderer")
@pytest.mark.parametrize("lang", ["el", "bg"])
def test_pdf_in_a_non_latin_script_extracts_as_text(
    bundle: Bundle, demo_db: Path, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / f"pl-{lang}.pdf"
    result = bundle.run("--db", demo_db, "pdf", "PL", "--lang", lang, "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    text, fonts = _pdf_text_and_fonts(out)
    # The bundled DejaVu fonts are embedded (the standard PDF fonts have no
    # Greek or Cyrillic), and the script's letters come back out as text.
    assert any("DejaVuSans" in f for f in fonts), fonts
    assert len(SCRIPTS[lang].findall(text)) >= 20, text[:500]
    assert "\ufffd" not in text


@needs_source("eccp_desktop/pdf", "the PDF renderer")
def test_pdf_all_runs_its_worker_processes_from_the_bundle(
    bundle: Bundle, demo_db: Path, demo_sources: list[Path], tmp_path: Path
) -> None:
    # Worker processes re-run the frozen executable: they must render, not
    # start a second command line.
    out = tmp_path / "all"
    result = bundle.run(
        "--db", demo_db, "pdf", "--all", "--langs", "el,bg", "--out-dir", out, "--jobs", "2"
    )
    assert result.returncode == 0, result.stderr
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) == 2 * len(demo_sources), [p.name for p in pdfs]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)


@needs_source("eccp_desktop/ui/launch.py", "the window")
def test_window_opens_offscreen_on_the_first_factsheet_and_quits(
    bundle: Bundle, demo_db: Path
) -> None:
    env = bundle.env(ECCP_EXIT_AFTER_SHOW="1", QT_QPA_PLATFORM="offscreen")
    result = bundle.run("--db", demo_db, env=env)
    assert result.returncode == 0, result.stderr
    shown = re.search(r"^window shown: ([A-Z]{2}) (\d{4})$", result.stdout, re.MULTILINE)
    assert shown, result.stdout + result.stderr
    # The first factsheet in the window's order, which is one of the store's.
    listed = bundle.run("--db", demo_db, "list").stdout.splitlines()
    assert any(line.startswith(f"{shown.group(1)} {shown.group(2)} ") for line in listed)
    assert "Traceback" not in result.stderr
