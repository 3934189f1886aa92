"""Greek and Cyrillic come out as text, not boxes: extraction finds them, the font covers them."""

from __future__ import annotations

import pytest

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.pdf import fonts, render_factsheet
from tests.pdf import factories
from tests.pdf.reading import all_text, flat, reader

CASES = [
    ("el", factories.greek, [factories.GREEK_TEXT, factories.GREEK_POLICY, "Ελλάδα", "Ελληνικά"]),
    (
        "bg",
        factories.bulgarian,
        [factories.BULGARIAN_TEXT, factories.BULGARIAN_POLICY, "България", "Български"],
    ),
]


def embedded_fonts(data: bytes) -> set[str]:
    """BaseFont names of every font used on a page; fails on an unembedded one."""
    names = set()
    for page in reader(data).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize(("lang", "build", "strings"), CASES)
def test_text_extracts_in_the_script(lang: str, build: type[Factsheet], strings: list[str]) -> None:
    data = render_factsheet(build(), lang)
    text = all_text(data)
    for s in strings:
        assert flat(s) in text
    assert "\ufffd" not in text


@pytest.mark.parametrize(("lang", "build", "strings"), CASES)
def test_only_embedded_dejavu_covering_every_character(
    lang: str, build: type[Factsheet], strings: list[str]
) -> None:
    data = render_factsheet(build(), lang)
    assert embedded_fonts(data) <= set(fonts.FACES)
    covered = fonts.coverage()
    used = set(all_text(data)) | set("".join(strings))
    missing = sorted(c for c in used if ord(c) not in covered and not c.isspace())
    assert missing == []


def test_characters_outside_the_font_become_a_visible_mark() -> None:
    fs = Factsheet(country="PL", edition=2023, sections={"annex": {"en": "CJK 漢字 end"}})
    text = all_text(render_factsheet(fs, "en"))
    assert "CJK \ufffd\ufffd end" in text
