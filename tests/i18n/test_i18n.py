"""Catalogs load per language; names and amounts come from CLDR."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n import _, current_language, set_language, translator
from eccp_desktop.i18n.formatting import country_name, format_date, format_eur, language_name
from eccp_desktop.paths import translations_dir


def test_catalogs_are_compiled_for_each_translated_language() -> None:
    pos = sorted(translations_dir().glob("*/LC_MESSAGES/eccp_desktop.po"))
    assert {p.parts[-3] for p in pos} >= {"pl", "de", "fr", "el", "bg"}
    for po in pos:
        assert po.with_suffix(".mo").exists(), f"{po} not compiled: run make translations"


def test_every_eu_language_has_cldr_names() -> None:
    for lang in EU_LANGUAGES:
        assert country_name("PL", lang) not in ("", "PL")
        assert language_name("en", lang)


def test_country_names_in_the_readers_language() -> None:
    assert country_name("GR", "el") == "Ελλάδα"
    assert country_name("BG", "bg") == "България"
    assert country_name("PL", "pl") == "Polska"


def test_amounts_follow_the_locale() -> None:
    assert format_eur(9_200_000.5, "de") == "9.200.000,50\xa0€"
    assert format_eur(1234, "en") == "€1,234"
    assert format_eur(20_000_000, "de", compact=True) == "20\xa0Mio.\xa0€"
    assert format_date(dt.date(2023, 12, 31), "pl") == "31 gru 2023"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="not an official EU language"):
        set_language("xx")


def test_switching_language_changes_messages() -> None:
    before = current_language()
    try:
        set_language("de")
        assert _("nothing was imported") == translator("de").gettext("nothing was imported")
    finally:
        set_language(before)


def test_country_names_are_labels() -> None:
    assert country_name("PL", "ga") == "An Pholainn"  # CLDR writes it for mid-sentence use


@pytest.mark.parametrize("lang", "cs da de es fi fr hr lt ro sk sl sv".split())
def test_percent_keeps_the_locales_space_before_the_sign(lang: str) -> None:
    from eccp_desktop.i18n.formatting import format_percent

    assert format_percent(0.026, lang) == "2,6\xa0%"


def test_percent_without_space_where_cldr_has_none() -> None:
    from eccp_desktop.i18n.formatting import format_percent

    assert format_percent(0.026, "pl") == "2,6%"
    assert format_percent(0.026, "en") == "2.6%"
    assert format_percent(0.5, "de", 0) == "50\xa0%"


def test_english_dates_are_written_day_first_as_in_eu_documents() -> None:
    assert format_date(dt.date(2023, 12, 31), "en") == "31 Dec 2023"
    assert format_date(dt.date(2023, 12, 31), "en", "long") == "31 December 2023"


@pytest.mark.parametrize(
    ("lang", "inside", "label"),
    [("fr", "français", "Français"), ("pl", "polski", "Polski"), ("el", "Ελληνικά", "Ελληνικά")],
)
def test_language_names_capitalised_only_as_labels(lang: str, inside: str, label: str) -> None:
    assert language_name(lang, lang) == inside
    assert language_name(lang, lang, label=True) == label


def test_language_names_keep_cldr_capitals_where_the_language_has_them() -> None:
    assert language_name("de", "de") == "Deutsch"  # German nouns
    assert language_name("pl", "en") == "Polish"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "3 Dec 2026, 11:30"),
        ("bg", "3.12.2026\u202fг., 11:30"),
        ("de", "03.12.2026, 11:30"),
        ("hu", "2026. dec. 3. 11:30"),
    ],
)
def test_a_moment_has_the_medium_date_and_a_short_time(lang: str, expected: str) -> None:
    from eccp_desktop.i18n.formatting import format_moment

    assert format_moment(dt.datetime(2026, 12, 3, 11, 30, 59), lang) == expected


@given(st.datetimes(min_value=dt.datetime(1000, 1, 1)), st.sampled_from(sorted(EU_LANGUAGES)))
def test_every_moment_shows_its_four_digit_year(value: dt.datetime, lang: str) -> None:
    from eccp_desktop.i18n.formatting import format_moment

    assert str(value.year) in format_moment(value, lang)
