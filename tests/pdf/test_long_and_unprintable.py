"""Issue #10: long texts in bounded time with the cut said, RTL and missing scripts never mirrored.

Timing is measured in ``tests/bench/longtext_bench.py`` (``make bench``); here
the PDF is read back: what is printed, where the cut is marked, and that the
validation warned before.
"""

from __future__ import annotations

import pytest

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.pdf import render_factsheet
from eccp_desktop.pdf.limits import BODY_LIMIT, CELL_LIMIT, HEADER_LIMIT
from eccp_desktop.validation import validate
from tests.pdf.factories import polish_demo
from tests.pdf.reading import all_text

WORDS = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "


def long_text(n: int) -> str:
    return (WORDS * (n // len(WORDS) + 1))[:n]


def warnings(fs: Factsheet, rule: str) -> dict[str, str]:
    return {r.path: r.message for r in validate(fs) if r.rule == rule}


@pytest.mark.parametrize("n", [CELL_LIMIT + 1, 1_000_000])
def test_a_long_table_cell_is_cut_and_says_so(n: int) -> None:
    fs = polish_demo()
    fs.cohesion_programmes[0].cluster_support = {"en": long_text(n)}
    assert "/cohesion_programmes/0/cluster_support/en" in warnings(fs, "text.too_long_for_pdf")
    text = all_text(render_factsheet(fs, "en"))
    assert "more characters not printed]" in text
    assert "Lorem ipsum dolor sit amet" in text


def test_a_million_characters_without_a_space_in_a_cell() -> None:
    fs = polish_demo()
    fs.policies[0].title = {"en": "x" * 1_000_000}
    text = all_text(render_factsheet(fs, "en"))
    omitted = 1_000_000 - CELL_LIMIT
    assert f"[… {omitted:,} more characters not printed]" in text


def test_a_long_tier_name_heading_a_column_is_laid_out() -> None:
    """Was: "cannot be laid out" (a header row cannot split across pages)."""
    fs = polish_demo()
    fs.tier_schemes[0].tiers[0].name = {"en": long_text(100_000)}
    assert "/tier_schemes/0/tiers/0/name/en" in warnings(fs, "text.too_long_for_pdf")
    text = all_text(render_factsheet(fs, "en"))
    assert "more characters not printed]" in text


def test_a_long_section_is_cut_at_the_body_limit_and_says_so() -> None:
    fs = polish_demo()
    fs.sections["annex"] = {"en": long_text(BODY_LIMIT + 5_000)}
    assert "/sections/annex/en" in warnings(fs, "text.too_long_for_pdf")
    assert "more characters not printed]" in all_text(render_factsheet(fs, "en"))


def test_texts_within_the_limits_are_printed_whole_and_not_warned() -> None:
    fs = polish_demo()
    fs.cohesion_programmes[0].cluster_support = {"en": long_text(CELL_LIMIT - 100)}
    fs.tier_schemes[0].tiers[0].name = {"en": "Growing " * (HEADER_LIMIT // 9)}
    assert warnings(fs, "text.too_long_for_pdf") == {}
    assert "not printed" not in all_text(render_factsheet(fs, "en"))


@pytest.mark.parametrize(
    ("typed", "script"),
    [
        ("שלום עולם", "Hebrew"),
        ("مرحبا بالعالم", "Arabic"),
        ("中文文本", "CJK"),
        ("किताब", "Devanagari"),
    ],
)
def test_a_script_the_pdf_cannot_print_is_warned_and_never_mirrored(
    typed: str, script: str
) -> None:
    fs = polish_demo()
    fs.policies[0].title = {"en": f"Policy {typed} end"}
    found = warnings(fs, "text.script_not_printable")
    assert script in found["/policies/0/title/en"]
    text = all_text(render_factsheet(fs, "en"))
    assert typed[::-1] not in text  # never drawn right to left reversed
    assert typed not in text  # not drawn at all: the mark instead
    assert "Policy \ufffd" in text


def test_italic_and_bold_text_of_covered_scripts_is_not_warned() -> None:
    fs = polish_demo()
    fs.policies[0].title = {"en": "Łódź Ελλάδα България — “quoted” €"}
    assert warnings(fs, "text.script_not_printable") == {}
    assert "Łódź Ελλάδα България" in all_text(render_factsheet(fs, "en"))


def test_the_cut_mark_is_in_the_pdf_language() -> None:
    fs = polish_demo()
    fs.cohesion_programmes[0].cluster_support = {"en": long_text(CELL_LIMIT + 10)}
    text = all_text(render_factsheet(fs, "pl"))
    assert "more characters not printed" not in text
    assert "[…" in text
