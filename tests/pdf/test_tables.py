"""Tables: the Polish thresholds, and 500 clusters continuing under a repeated header."""

from __future__ import annotations

import pytest

from eccp_desktop.i18n import translator
from eccp_desktop.pdf import render_factsheet
from tests.pdf import factories
from tests.pdf.reading import all_text, flat, page_texts

# Expected labels through the catalog, so the tests hold once Polish is translated.
POLISH = translator("pl").gettext


def test_polish_tier_thresholds() -> None:
    text = all_text(render_factsheet(factories.polish_demo(), "en"))
    assert "Tier Minimum operation Minimum members Further criteria" in text
    for tier, months, members in [
        ("Emerging cluster", 18, 20),
        ("Growing cluster", 24, 35),
        ("Key National Cluster", 36, 51),
    ]:
        assert f"{tier} {months} months {members} " in text


def test_polish_support_matrix_marks_primary_level() -> None:
    text = all_text(render_factsheet(factories.polish_demo(), "en"))
    assert "Support dimension Emerging cluster Growing cluster Key National Cluster" in text
    assert "Internationalisation – R / N N" in text
    assert "Digitisation N / R N / R N / R" in text


@pytest.fixture(scope="module")
def many_clusters() -> list[str]:
    fs = factories.with_clusters(factories.polish_demo(), 500)
    return page_texts(render_factsheet(fs, "pl"))


def test_every_cluster_is_printed(many_clusters: list[str]) -> None:
    text = flat(" ".join(many_clusters))
    for i in range(500):
        assert f"Klaster Testowy {i:03d} – Łódź" in text


def test_cluster_table_continues_under_repeated_header(many_clusters: list[str]) -> None:
    columns = [
        "Cluster organisation",
        "Region",
        "Founded",
        "Members",
        "SME members",
        "Tier",
        "Ecosystems",
    ]
    header = " ".join(POLISH(c) for c in columns)
    pages_with_rows = [flat(p) for p in many_clusters if "Klaster Testowy" in p]
    assert len(pages_with_rows) >= 5
    for page in pages_with_rows:
        assert header in page
        # the header comes before the page's first row
        assert page.index(header) < page.index("Klaster Testowy")


def test_page_count_is_right_on_every_page(many_clusters: list[str]) -> None:
    total = len(many_clusters)
    for number, text in enumerate(many_clusters, start=1):
        assert POLISH("Page {page} of {pages}").format(page=number, pages=total) in flat(text)


def test_no_header_word_is_cut_in_two() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from eccp_desktop.pdf import fonts, styles
    from eccp_desktop.pdf.tables import HEADER_SIZE, PADDING, fit_header_words

    fonts.register()
    header = ["Organizacja klastrowa", "Członkowie", "Przedsiębiorstwa", "Ekosystemy"]
    widths = fit_header_words(header, [40, 5, 5, 20])
    assert abs(sum(widths) - styles.FRAME_WIDTH) < 1e-6
    for text, width in zip(header, widths, strict=True):
        longest = max(stringWidth(w, fonts.BOLD, HEADER_SIZE) for w in text.split())
        assert width >= longest + 2 * PADDING


LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "


@pytest.mark.parametrize("clusters", [1, 30, 500])
def test_a_long_cluster_name_wraps_in_its_cell_below_its_heading(clusters: int) -> None:
    """Issue #17 item 7: a 1,859-character name left most of page 1 blank.

    The heading "2.3" kept with its whole table, which did not fit in the rest
    of page 1, so both moved to page 2. Now the table starts under its heading
    on page 1 and the name wraps (and continues) within its cell.
    """
    fs = factories.with_clusters(factories.polish_demo(), clusters)
    name = (LOREM * 40)[:1859]
    fs.clusters[0].name = name
    pages = [flat(t) for t in page_texts(render_factsheet(fs, "en"))]
    first = pages[0]
    assert "2.3 Cluster organisations and interregional cooperation" in first
    assert "Cluster organisation Region Founded" in first
    assert "Lorem ipsum dolor sit amet" in first.split("Cluster organisation Region Founded")[1]
    if clusters > 1:  # the row after the long one follows it
        assert "Klaster Testowy 001" in " ".join(pages[1:3])
