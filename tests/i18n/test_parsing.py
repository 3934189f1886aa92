"""Reading back what officers type: every language's own forms, ISO, and clear refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.dates import format_date as babel_format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n import formatting as f
from eccp_desktop.i18n.parsing import (
    InputRefused,
    date_example,
    parse_code,
    parse_date,
    parse_number,
)

dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))
languages = st.sampled_from(EU_LANGUAGES)
# Babel loads a locale's CLDR data on first use: no per-example deadline.
CLDR = settings(deadline=None)


@CLDR
@given(dates, languages, st.sampled_from(["short", "medium", "long"]))
def test_every_cldr_form_with_four_digit_years_reads_back(
    day: dt.date, lang: str, form: str
) -> None:
    pattern = str(f.locale(lang).date_formats[form].pattern).replace("yy", "y")
    while "yy" in pattern:
        pattern = pattern.replace("yy", "y")
    text = babel_format_date(day, pattern, locale=f.locale(lang))
    assert parse_date(text, lang) == day
    assert parse_date(day.isoformat(), lang) == day  # ISO in every language


@CLDR
@given(dates, languages)
def test_the_windows_own_format_reads_back(day: dt.date, lang: str) -> None:
    assert parse_date(f.format_date(day, lang), lang) == day
    assert parse_date(f.format_date(day, lang).upper(), lang) == day


def test_english_is_irish_english() -> None:
    assert f.format_date(dt.date(2023, 12, 31), "en") == "31 Dec 2023"
    assert parse_date("02/03/2021", "en") == dt.date(2021, 3, 2)  # day first
    assert date_example("en") == "31/12/2023"
    assert f.format_eur(1234567.0, "en") == "€1,234,567"


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("31.12.2023", "en", ["31/12/2023", "2023-12-31"]),  # stored 11 Mar 2022 before
        ("15.06.98", "pl", ["four digits", "31.12.2023"]),  # stored 15 Mar 2006 before
        ("12/31/2023", "en", ["31/12/2023"]),  # American order: no 31st month
        ("31/02/2023", "en", ["calendar"]),
        ("2023-13-01", "de", ["calendar"]),
        ("0999-01-01", "en", ["1800", "2100"]),
        ("soon", "el", ["2023-12-31"]),
        ("31 Foo 2023", "en", ["2023-12-31"]),
    ],
)
def test_dates_refused_with_what_would_be_taken(text: str, lang: str, words: list[str]) -> None:
    with pytest.raises(InputRefused) as refused:
        parse_date(text, lang)
    message = refused.value.message
    assert f"“{text}”" in message
    for word in words:
        assert word in message


def test_empty_is_no_date() -> None:
    assert parse_date("  ", "pl") is None


@CLDR
@given(st.integers(min_value=0, max_value=10**12), languages)
def test_integers_as_the_locale_groups_them_read_back(n: int, lang: str) -> None:
    assert parse_number(f.format_integer(n, lang), lang) == n
    assert parse_number(str(n), lang) == n


@CLDR
@given(st.decimals(min_value=0, max_value=100, places=1), languages)
def test_decimals_read_back(value: Decimal, lang: str) -> None:
    text = f.format_decimal(float(value), lang, digits=1)
    assert parse_number(text, lang, integer=False, maximum=100) == value


def test_spaces_group_digits_in_every_language() -> None:
    for lang in ("en", "de", "pl", "fr"):
        assert parse_number("1 500 000", lang) == 1_500_000


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("abc-1,5e3", "en", "not a number"),  # became empty before
        ("1e3", "de", "not a number"),
        ("99999999999", "en", "1,000,000,000"),  # became 999,999,999 before
        ("1,5", "en", "not a number as written"),  # grouping in the wrong place
        ("1,5", "de", "whole number"),
        ("-3", "pl", "between"),
        ("12 %", "en", "not a number"),
    ],
)
def test_junk_and_overflow_refused(text: str, lang: str, word: str) -> None:
    with pytest.raises(InputRefused) as refused:
        parse_number(text, lang, maximum=10**9)
    assert word in refused.value.message
    assert f"“{text}”" in refused.value.message


def test_units_beside_the_number_are_taken() -> None:
    assert parse_number("€2,000,000", "en", unit=("EUR", "€")) == 2_000_000
    assert parse_number("2 000 000 EUR", "pl", unit=("EUR", "€")) == 2_000_000
    assert parse_number("12,5 %", "de", integer=False, unit=("%",)) == Decimal("12.5")


@CLDR
@given(st.text(alphabet="abcxyzABC0123456789", min_size=1, max_size=8))
def test_codes_are_upper_cased(text: str) -> None:
    assert parse_code(text) == text.upper()


@pytest.mark.parametrize(
    ("text", "bad"), [("PL-91", "“-”"), ("pl 9_1", "“ ” “_”"), ("PLé1", "“É”")]
)
def test_code_characters_refused_not_dropped(text: str, bad: str) -> None:
    with pytest.raises(InputRefused) as refused:
        parse_code(text)
    assert bad in refused.value.message
