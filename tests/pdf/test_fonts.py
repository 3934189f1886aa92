"""Finding the DejaVu faces: the bundle's folder first, a clear error naming the package."""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics

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


def test_the_cmap_reader_finds_what_reportlab_finds_in_each_face() -> None:
    # coverage() reads the cmaps itself (start-up time); it must not drift from reportlab
    fonts.register()
    for face, path in fonts.locate().items():
        assert fonts.cmap_chars(path) == set(pdfmetrics.getFont(face).face.charToGlyph), face


def _font_with_cmap(subtable: bytes, platform: int = 3, encoding: int = 10) -> bytes:
    """The smallest sfnt the cmap reader reads: a table directory with one cmap."""
    cmap = struct.pack(">HHHHI", 0, 1, platform, encoding, 12) + subtable
    return (
        struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
        + b"cmap"
        + struct.pack(">III", 0, 28, len(cmap))
        + cmap
    )


@given(st.lists(st.tuples(st.integers(0x21, 0x10FFF0), st.integers(0, 40)), min_size=1, max_size=8))
def test_cmap_format_12_groups_are_read_whole(
    tmp_path_factory: pytest.TempPathFactory, groups: list[tuple[int, int]]
) -> None:
    body = b"".join(struct.pack(">III", start, start + n, 1) for start, n in groups)
    sub = struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body
    path = tmp_path_factory.mktemp("font") / "f.ttf"
    path.write_bytes(_font_with_cmap(sub))
    expected = {c for start, n in groups for c in range(start, start + n + 1)}
    assert fonts.cmap_chars(path) == expected
