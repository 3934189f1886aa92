"""Labels through the catalog; names, amounts and dates from Babel/CLDR in the PDF's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from eccp_desktop.i18n import translator
from eccp_desktop.i18n.formatting import format_eur
from eccp_desktop.pdf import render_factsheet
from tests.pdf import factories
from tests.pdf.reading import all_text, outline_titles, page_texts

GERMAN = {
    "Introduction and economic policy context": "Einführung und wirtschaftspolitischer Kontext",
    "Cluster tier schemes": "Stufenmodelle für Cluster",
    "Page {page} of {pages}": "Seite {page} von {pages}",
    "approx. {amount}": "ca. {amount}",
    "National cluster policy": "Nationale Clusterpolitik",
}


@pytest.fixture
def german_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A small compiled German catalog in place of the (not yet translated) real one."""
    catalog = Catalog(locale="de", domain="eccp_desktop")
    for source, target in GERMAN.items():
        catalog.add(source, target)
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / "eccp_desktop.mo", "wb") as f:
        write_mo(f, catalog)
    monkeypatch.setenv("ECCP_TRANSLATIONS", str(tmp_path))
    translator.cache_clear()
    yield
    translator.cache_clear()


def german_polish_factsheet() -> bytes:
    fs = factories.polish_demo()
    fs.policies[0].budget_eur = 20_000_000
    fs.policies[0].budget_approximate = True
    fs.policies[1].budget_eur = 750_000
    return render_factsheet(fs, "de")


def test_headings_and_footer_come_from_the_catalog(german_catalog: None) -> None:
    data = german_polish_factsheet()
    text = all_text(data)
    assert "1 Einführung und wirtschaftspolitischer Kontext" in text
    assert "3.4 Stufenmodelle für Cluster" in text
    assert "1 Einführung und wirtschaftspolitischer Kontext" in outline_titles(data)
    pages = page_texts(data)
    for number, page in enumerate(pages, start=1):
        assert f"Seite {number} von {len(pages)}" in page
    assert "Nationale Clusterpolitik" in text


def test_amounts_country_and_dates_follow_cldr_for_german(german_catalog: None) -> None:
    text = all_text(german_polish_factsheet())
    assert "Polen" in text and "Deutsch" in text  # country and language names
    assert "ca. 20 Mio. €" in text  # compact, approximate, the catalog's wording
    assert "750.000 €" in text  # below a million: in full, German grouping
    assert "31.12.2023" in text  # the reference date in the footer


@pytest.mark.parametrize(
    ("lang", "country", "amount", "date"),
    [
        ("en", "Poland", "€20M", "31 Dec 2023"),
        ("fr", "Pologne", "20 M", "31 déc. 2023"),
        ("pl", "Polska", "20 mln €", "31 gru 2023"),
        ("el", "Πολωνία", "20 εκ. €", "31 Δεκ 2023"),
        ("bg", "Полша", "20 млн. €", "31.12.2023"),
    ],
)
def test_each_language_gets_its_own_formats(
    lang: str, country: str, amount: str, date: str
) -> None:
    fs = factories.polish_demo()
    fs.policies[0].budget_eur = 20_000_000
    text = all_text(render_factsheet(fs, lang))
    assert country in text
    assert amount in text, format_eur(20_000_000, lang, compact=True)
    assert date in text
