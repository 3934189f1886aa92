"""Finding the DejaVu faces: the bundle's folder first, a clear error naming the package."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from eccp_desktop.pdf import PdfError, fonts


def test_all_four_faces_are_found() -> None:
    found = fonts.locate()
    assert set(found) == set(fonts.FACES)
    assert all(p.is_file() for p in found.values())


def test_missing_faces_name_the_debian_packages(tmp_path: Path) -> None:
    with pytest.raises(PdfError) as info:
        fonts.locate([tmp_path])
    message = str(info.value)
    assert "fonts-dejavu-core" in message and "fonts-dejavu-extra" in message
    assert "DejaVuSans-BoldOblique.ttf" in message


def test_only_the_oblique_missing_names_only_the_extra_package(tmp_path: Path) -> None:
    system = fonts.locate()
    for face in (fonts.FAMILY, fonts.BOLD):
        shutil.copy(system[face], tmp_path)
    with pytest.raises(PdfError) as info:
        fonts.locate([tmp_path])
    assert "fonts-dejavu-extra" in str(info.value)
    assert "fonts-dejavu-core" not in str(info.value)


def test_the_bundle_folder_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = fonts.locate()
    bundle = tmp_path / "fonts"
    bundle.mkdir()
    for path in system.values():
        shutil.copy(path, bundle)
    monkeypatch.setenv("ECCP_RESOURCES", str(tmp_path))
    assert all(p.parent == bundle for p in fonts.locate().values())


def test_coverage_includes_latin_extended_greek_cyrillic() -> None:
    covered = fonts.coverage()
    for ch in "ąęłńśźżčřšžőűĂȘȚ" + "αβγΩάέή" + "бвгджщъюяЁ" + "€–…„“":
        assert ord(ch) in covered, ch
