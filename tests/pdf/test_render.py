"""What a reader sees in a rendered factsheet: structure, pages, outline, metadata, marks."""

from __future__ import annotations

import pytest

from eccp_desktop.domain.model import Factsheet, ValidationRecord
from eccp_desktop.i18n import translator
from eccp_desktop.pdf import PdfError, render_factsheet
from tests.pdf import factories
from tests.pdf.reading import all_text, outline_titles, page_texts, reader

HEADINGS = [
    "1 Introduction and economic policy context",
    "2 Industrial ecosystems and cluster landscape",
    "2.3 Cluster organisations and interregional cooperation",
    "3 National cluster policy, programmes and initiatives",
    "3.4 Cluster tier schemes",
    "4.1 The state of cluster policy",
    "4.2 Potential impact on the challenges of the European Semester",
    "References",
    "Annex",
]


@pytest.fixture(scope="module")
def polish_en() -> bytes:
    return render_factsheet(factories.polish_demo(), "en")


def test_sections_in_published_order(polish_en: bytes) -> None:
    text = all_text(polish_en)
    positions = [text.find(h) for h in HEADINGS]
    assert -1 not in positions, [h for h, p in zip(HEADINGS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)


def test_every_page_says_page_x_of_y(polish_en: bytes) -> None:
    pages = page_texts(polish_en)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_outline_has_a_bookmark_per_section(polish_en: bytes) -> None:
    titles = outline_titles(polish_en)
    for h in HEADINGS:
        assert h in titles
    # each bookmark points at the page its heading is on
    r = reader(polish_en)
    for item in r.outline:
        if isinstance(item, list):
            continue
        page = r.get_destination_page_number(item)
        assert item.title in " ".join(r.pages[page].extract_text().split())


def test_metadata_title_subject_author_language() -> None:
    data = render_factsheet(factories.polish_demo(), "pl")
    r = reader(data)
    meta = r.metadata
    assert meta is not None
    title = translator("pl").gettext("Cluster Policy Factsheet – {country} {edition}")
    assert meta.title == title.format(country="Polska", edition=2023)
    assert "Polska" in (meta.subject or "") and "polski" in (meta.subject or "").lower()
    assert "ECCP" in (meta.author or "")
    assert r.trailer["/Root"]["/Lang"] == "pl"
    # the creation date comes from the data (reference date), not the clock
    assert meta["/CreationDate"].startswith("D:20231231")


def test_draft_is_marked_and_validated_is_not() -> None:
    draft = all_text(render_factsheet(factories.polish_demo(), "en"))
    assert "DRAFT – not validated by the national authority" in draft
    fs = factories.greek()
    fs.validation = ValidationRecord("A. Officer", "Ministry", None)
    signed = all_text(render_factsheet(fs, "en"))
    assert "DRAFT" not in signed
    assert "Validated by A. Officer (Ministry)" in signed


def test_english_fallback_is_marked_in_polish() -> None:
    text = all_text(render_factsheet(factories.polish_demo(), "pl"))
    # the Polish text where there is one, unmarked; English where not, marked
    assert "Klastry w Polsce dzielą się na trzy grupy." in text
    assert "This factsheet is part of the 2023 update" in text
    assert "one per cluster category. [EN]" in text
    legend = translator("pl").gettext(
        "Texts marked [{mark}] are printed in English: there is no {language} version yet."
    )
    assert legend.format(mark="EN", language="polski") in text
    assert "Klastry w Polsce dzielą się" not in render_factsheet(
        factories.polish_demo(), "en"
    ).decode("latin-1")


def test_problems_are_printed_in_the_annex() -> None:
    problems = [
        factories.Problem(
            "cluster.members_below_tier_minimum",
            "error",
            "12 members, the tier needs 51",
            "/clusters/3/members",
        ),
        factories.Problem(
            "text.translation_missing", "warning", "no Polish text", "/sections/annex"
        ),
    ]
    text = all_text(render_factsheet(factories.polish_demo(), "en", problems=problems))
    assert "Validation results" in text
    for p in problems:
        assert p.message in text and p.path in text and p.rule in text
    assert "Validation results" not in all_text(render_factsheet(factories.polish_demo(), "en"))
    assert "No problems found." in all_text(
        render_factsheet(factories.polish_demo(), "en", problems=[])
    )


def test_empty_factsheet_renders_every_heading() -> None:
    data = render_factsheet(Factsheet(country="MT", edition=2023), "en")
    text = all_text(data)
    for h in HEADINGS:
        assert h in text
    assert "No information given." in text
    assert "Malta" in text


@pytest.mark.parametrize("lang", ["xx", "EN", "", "sq", "en_GB"])
def test_bad_language_is_refused(lang: str) -> None:
    with pytest.raises(PdfError, match="official EU languages"):
        render_factsheet(factories.polish_demo(), lang)


def test_links_are_clickable() -> None:
    data = render_factsheet(factories.polish_demo(), "en")
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in reader(data).pages
        for a in page.get("/Annots", []) or []
        if "/A" in a.get_object()
    ]
    assert any("clustercollaboration.eu" in u for u in uris)


def test_problem_severity_may_be_an_enum() -> None:
    import enum

    class Severity(enum.Enum):
        ERROR = "error"

    problem = factories.Problem("r.id", "error", "the message", "/x")
    problem.severity = Severity.ERROR  # type: ignore[assignment]
    text = all_text(render_factsheet(factories.polish_demo(), "en", problems=[problem]))
    assert "error the message" in text and "Severity.ERROR" not in text


def test_odd_but_possible_data_renders() -> None:
    """Unknown codes, a scheme without tiers, empty records: printed as they are, no crash."""
    from eccp_desktop.domain.model import (
        Assessment,
        Cluster,
        CohesionProgramme,
        EcosystemEntry,
        Policy,
        Recommendation,
        Source,
        SupportRow,
        TierScheme,
    )

    fs = Factsheet(
        "XK",
        2023,
        tier_schemes=[TierScheme("s", {}, [], [SupportRow({"en": "d"}, {})])],
        policies=[Policy("p", type="weird", priorities=["unknown"])],
        ecosystems=[EcosystemEntry("nope")],
        clusters=[Cluster(name="", scheme="zz", tier="t")],
        cohesion_programmes=[CohesionProgramme()],
        recommendations=[Recommendation()],
        sources=[Source()],
        policy_assessment={"evaluation": Assessment()},
        validation=ValidationRecord(),
    )
    text = all_text(render_factsheet(fs, "ga"))
    assert "weird" in text and "unknown" in text and "nope" in text
