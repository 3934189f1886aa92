"""Localised typesetting in the PDFs: wrapped chart labels, hyphenation, whole amounts,
policy types named with their noun."""

from __future__ import annotations

import io
import re
from functools import cache

import pikepdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pikepdf import Name

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n import labels, translator
from eccp_desktop.pdf import fonts, hyphenation, render_factsheet
from eccp_desktop.pdf.charts import LABEL_SIZE, BarChart
from tests.pdf import factories
from tests.pdf.reading import page_texts

fonts.register()


@cache
def demo(lang: str) -> bytes:
    return render_factsheet(factories.polish_demo(), lang)


def struct_texts(data: bytes, role: str) -> list[str]:
    """The text (pdfinfo's view) of every element with ``role``, via poppler."""
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.pdf"
        path.write_bytes(data)
        tree = subprocess.run(
            ["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True
        ).stdout
    out, lines = [], tree.splitlines()
    for i, line in enumerate(lines):
        if line.strip().split(" ")[0].rstrip(":") != role:
            continue
        for nxt in lines[i + 1 : i + 4]:  # past the attribute lines ("/Scope /Row")
            m = re.match(r'\s*"(.*)"$', nxt)
            if m:
                out.append(m.group(1))
                break
    return out


@pytest.mark.parametrize("lang", [lang for lang in EU_LANGUAGES])
def test_chart_labels_are_wrapped_never_cut(lang: str) -> None:
    text = "\n".join(page_texts(demo(lang)))
    assert "…" not in text
    names = [
        translator(lang).gettext(labels.PRIORITIES[k])
        for k in ("green", "digital", "resilience", "skills", "innovation")
    ]
    ths = struct_texts(demo(lang), "TH")  # the charts' category labels are row headers
    squeezed = {re.sub(r"[\s\-]+", "", t) for t in ths}
    for name in names:
        assert re.sub(r"[\s\-]+", "", name) in squeezed, (lang, name)


def test_a_long_label_takes_more_lines_and_the_chart_grows() -> None:
    short = BarChart("T", [("Tourism", [3.0])], 240, str, "fr")
    long = BarChart(
        "T", [("Renforcement de la résilience des écosystèmes industriels", [3.0])], 240, str, "fr"
    )
    assert len(long.label_lines[0]) >= 3
    assert long.height > short.height
    assert " ".join(long.label_lines[0]).replace("- ", "") == (
        "Renforcement de la résilience des écosystèmes industriels"
    )


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("Comhsheasmhacht", "ga", ["Comh", "Comhsheas"]),
        ("Toimialakohtainen", "fi", ["Toi", "Toimia", "Toimiala", "Toimialakoh", "Toimialakohtai"]),
        (
            "Wettbewerbsfähigkeit",
            "de",
            ["Wett", "Wettbe", "Wettbewerbs", "Wettbewerbsfä", "Wettbewerbsfähig"],
        ),
    ],
)
def test_hyphenation_points(word: str, lang: str, expected: list[str]) -> None:
    assert [word[:p] for p in hyphenation.points(word, lang)] == expected


@pytest.mark.parametrize("lang", EU_LANGUAGES)
def test_every_language_has_hyphenation(lang: str) -> None:
    title = translator(lang).gettext("Cluster organisations and interregional cooperation")
    longest = max(re.findall(r"\w+", title), key=len)
    assert len(longest) >= 8
    assert hyphenation.points(longest, lang), longest


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnoprstuvyäö", min_size=1, max_size=25),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["fi", "ga", "de", "fr", "pl"]),
    st.floats(min_value=40, max_value=160),
)
def test_wrapping_keeps_every_letter_and_breaks_only_at_spaces_or_hyphens(
    words: list[str], lang: str, width: float
) -> None:
    text = " ".join(words)
    lines = hyphenation.wrap(text, fonts.FAMILY, LABEL_SIZE, width, lang)
    joined = ""
    for line in lines:
        if joined and not joined.endswith("-"):
            joined += " "
        joined = joined.removesuffix("-") if joined.endswith("-") else joined
        joined += line
    assert joined.removesuffix("-") == text or joined == text
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for line in lines:  # a line is too wide only when one word has no break point left
        if stringWidth(line, fonts.FAMILY, LABEL_SIZE) > width:
            assert " " not in line


def hyphenated_lines(data: bytes) -> list[str]:
    return [ln for page in page_texts(data) for ln in page.splitlines() if ln.endswith("-")]


def test_an_english_fallback_is_hyphenated_as_english_in_a_german_pdf() -> None:
    # German's patterns break "least" as "le-ast"; English never breaks it. A text
    # printed in English ([EN]) because it has no German is English at line ends too.
    text = " ".join(["at least"] * 150)
    line_ends = {}
    for written_in in ("de", "en"):
        fs = factories.polish_demo()
        fs.sections["economic_context"] = {written_in: text}
        data = render_factsheet(fs, "de")
        line_ends[written_in] = {line.split()[-1] for line in hyphenated_lines(data)}
    assert "le-" in line_ends["de"]  # the same words in German: German's break
    assert "le-" not in line_ends["en"]


@pytest.mark.parametrize(
    ("lang", "word"),
    [("ga", "Comhsheasmhacht"), ("fi", "Toimialakohtainen")],
)
def test_narrow_table_cells_hyphenate_instead_of_cutting(lang: str, word: str) -> None:
    fs = factories.polish_demo()
    fs.policy_assessment["evaluation"].text = {lang: f"{word} {word} {word}"}
    data = render_factsheet(fs, lang)
    ths = struct_texts(data, "TD")
    # every break inside the word is a hyphen: the word reads whole once the hyphens go
    assert any(word in re.sub(r"-\s*", "", t) for t in ths)
    for t in ths:
        for piece in re.findall(r"\S+", t):
            if piece != word and piece.replace("-", "") != word:
                assert not (word.startswith(piece) and len(piece) > 3 and not piece.endswith("-"))


@pytest.mark.parametrize("lang", ["fr", "pl", "fi", "cs", "sv", "de"])
def test_amounts_are_never_broken_at_the_thousands_separator(lang: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from eccp_desktop.pdf import styles
    from eccp_desktop.pdf.context import Context
    from eccp_desktop.pdf.para import Para

    amount = Context(lang).amount(45_000)
    head = "Budget " + amount.split("000")[0]  # "Budget 45": the line would end there
    width = stringWidth(head, fonts.FAMILY, 8) + 2
    para = Para(f"Budget {amount}", styles.stylesheet()["cell"])
    para.wrap(max(width, stringWidth(amount, fonts.FAMILY, 8) + 1), 1000)
    lines = [" ".join(words) for _extra, words in para.blPara.lines]
    assert len(lines) == 2 and lines[1] == amount, lines  # the amount moved down whole


@pytest.mark.parametrize("lang", ["pl", "el", "bg", "it", "es", "mt"])
def test_policy_types_are_named_with_their_noun(lang: str) -> None:
    gettext = translator(lang).gettext
    full = gettext(labels.POLICY_TYPES["national_cluster"])
    data = demo(lang)
    cells = [re.sub(r"-?\s+", " ", t) for t in struct_texts(data, "TD") + struct_texts(data, "TH")]
    squeeze = re.sub(r"[\s\-]+", "", full)
    assert sum(squeeze in re.sub(r"[\s\-]+", "", c) for c in cells) >= 5  # table rows and chart


def test_charts_are_figures_with_their_numbers_as_a_table() -> None:
    with pikepdf.open(io.BytesIO(demo("fr"))) as pdf:
        doc = pdf.Root.StructTreeRoot.K[0]
        kids = list(doc.K)
        figures = [i for i, k in enumerate(kids) if k.get("/S") == Name.Figure]
        assert len(figures) >= 2
        for i in figures:
            table = kids[i + 1]
            assert table.S == Name.Table
            rows = [k for k in table.K if k.S == Name.TR]
            assert rows and all(r.K[0].A.Scope == Name.Row for r in rows)
            assert any(k.S == Name.Caption for k in table.K)


@pytest.mark.parametrize(
    ("lang", "erdf"),
    [
        ("de", "EFRE"),
        ("fr", "FEDER"),
        ("es", "FEDER"),
        ("pt", "FEDER"),
        ("it", "FESR"),
        ("pl", "EFRR"),
        ("el", "ΕΤΠΑ"),
        ("bg", "ЕФРР"),
        ("fi", "EAKR"),
    ],
)
def test_fund_names_as_each_language_abbreviates_them(lang: str, erdf: str) -> None:
    fs = factories.greek()
    fs.cohesion_programmes[0].funds = ["ERDF", "JTF"]
    text = "\n".join(page_texts(render_factsheet(fs, lang)))
    assert erdf in text
    assert "ERDF" not in text


def test_every_language_has_its_own_abbreviation_of_the_regional_fund() -> None:
    for lang in EU_LANGUAGES:
        if lang != "en":
            assert translator(lang).gettext("ERDF") != "ERDF", lang


@pytest.mark.parametrize("lang", EU_LANGUAGES)
def test_no_word_is_broken_without_a_hyphen(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab counts the words it had to cut bare (``splitLongWords``): none may be."""
    from reportlab.platypus import Paragraph

    cut: list[str] = []
    original = Paragraph.breakLines

    def counting(self: Paragraph, *args: object, **kwargs: object) -> object:
        result = original(self, *args, **kwargs)
        if getattr(self, "_splitLongWordCount", 0):
            cut.append(self.getPlainText()[:60])
        return result

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    render_factsheet(factories.polish_demo(), lang)
    assert cut == []
