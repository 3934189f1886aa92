"""Hostile user text renders literally; nothing crashes, nothing is fetched."""

from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from eccp_desktop.pdf import render_factsheet
from eccp_desktop.pdf.escape import clean, markup, paragraphs, pieces, safe_url
from eccp_desktop.pdf.styles import stylesheet
from tests.pdf import factories
from tests.pdf.reading import all_text, reader


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    with pytest.MonkeyPatch.context() as mp:

        def no_network(*_args: object, **_kw: object) -> None:
            raise AssertionError("the renderer tried to open a network connection")

        mp.setattr(socket.socket, "connect", no_network)
        mp.setattr(socket, "create_connection", no_network)
        return render_factsheet(factories.hostile(), "en")


def test_markup_is_printed_literally(hostile_pdf: bytes) -> None:
    text = all_text(hostile_pdf)
    for s in ["<b>not bold</b>", '<img src="http://example.com/tracker.png"/>', "<para>no para</para>",
              "Fish & Chips &amp; &lt;entity&gt;", '<a href="javascript:alert(1)">link</a>',
              "<font size=80>huge</font>", "bell null escape done"]:  # fmt: skip
        assert s in text


def test_no_images_and_no_script_links(hostile_pdf: bytes) -> None:
    r = reader(hostile_pdf)
    for page in r.pages:
        xobjects = page["/Resources"].get("/XObject", {}) or {}
        assert all(x.get_object()["/Subtype"] != "/Image" for x in xobjects.values())
        for a in page.get("/Annots", []) or []:
            uri = str(a.get_object().get("/A", {}).get("/URI", ""))
            assert uri.startswith(("http://", "https://", "mailto:")), uri


def test_long_paragraph_and_500_rows_all_there(hostile_pdf: bytes) -> None:
    text = all_text(hostile_pdf)
    assert "Wort00000" in text and "Wort01999" in text
    for i in (0, 250, 499):
        assert f"#{i}" in text
    assert len(reader(hostile_pdf).pages) > 20


def test_control_characters_are_dropped() -> None:
    assert clean("a\x00b\x07c\x1bd\u202ee\ufefff") == "abcdef"
    assert clean("line\r\nnext\rthird") == "line\nnext\nthird"


def test_long_text_is_cut_at_sentences_then_spaces() -> None:
    text = "A sentence here. " * 300
    parts = list(pieces(text, 500))
    assert all(len(p) <= 500 for p in parts)
    assert all(p.endswith(".") for p in parts)
    assert " ".join(parts) == text.strip()
    assert [len(p) for p in pieces("x" * 1200, 500)] == [500, 500, 200]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.eu/?x=1&y=2", "https://a.eu/?x=1&amp;y=2"),
        ("mailto:x@y.eu", "mailto:x@y.eu"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ('https://a.eu/" onclick="x', None),
        ("", None),
    ],
)
def test_only_web_and_mail_links_become_links(url: str, expected: str | None) -> None:
    assert safe_url(url) == expected


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_and_reads_back(text: str) -> None:
    """Whatever the user types, platypus accepts it and shows exactly the cleaned text."""
    for part, _continues in paragraphs(text):
        para = Paragraph(part, stylesheet()["body"])
        shown = "".join("\n" if getattr(f, "lineBreak", False) else f.text for f in para.frags)
        assert "<" not in part.replace("<br/>", "")
        assert shown == markup_text(part)


def markup_text(part: str) -> str:
    """The text a markup piece stands for (the inverse of our escaping)."""
    return (
        part.replace("<br/>", "\n").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )


def test_markup_escapes_everything() -> None:
    assert markup("<b>&x</b>\nnext") == "&lt;b&gt;&amp;x&lt;/b&gt;<br/>next"
    assert markup(None) == ""


@settings(max_examples=12, deadline=None)
@given(
    text=st.text(min_size=1, max_size=400),
    name=st.text(max_size=80),
    url=st.text(max_size=60),
    budget=st.one_of(st.none(), st.floats(min_value=0, max_value=1e12, allow_nan=False)),
)
def test_any_field_content_renders(text: str, name: str, url: str, budget: float | None) -> None:
    """Arbitrary text in every kind of field gives a PDF, never an exception."""
    fs = factories.with_clusters(factories.polish_demo(), 3)
    fs.sections["annex"] = {"en": text, "pl": text}
    fs.policies[0].title = {"pl": name}
    fs.policies[0].url = url
    fs.policies[0].budget_eur = budget
    fs.clusters[0].name = name
    fs.clusters[0].url = url
    fs.sources[0].title = text
    fs.sources[0].url = url
    data = render_factsheet(fs, "pl")
    assert data.startswith(b"%PDF-")


def test_a_long_paragraph_is_cut_into_pieces_that_read_as_one() -> None:
    parts = paragraphs("Short one.\n\n" + "A sentence here. " * 300)
    assert parts[0] == ("Short one.", False)
    assert len(parts) > 3
    assert all(continues for _p, continues in parts[1:-1])
    assert parts[-1][1] is False
