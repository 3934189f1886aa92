"""Locale-aware names, numbers, amounts and dates, all from Babel's CLDR data."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Final

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from eccp_desktop.i18n.catalog import translator

# English in the EU institutions is British/Irish English: "31 Dec 2023", not
# CLDR's default "Dec 31, 2023" (en = en_US). Irish English keeps the euro's
# "€" before the amount as Ireland writes it.
ENGLISH: Final = "en_IE"


@lru_cache(maxsize=64)
def locale(lang: str) -> Locale:
    try:
        return Locale.parse(ENGLISH if lang == "en" else lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(ENGLISH)


def country_name(code: str, lang: str) -> str:
    """``PL`` -> "Polska" in Polish, "Poland" in English (CLDR territory names)."""
    name = str(locale(lang).territories.get(code.upper(), code))
    # Shown as a label or title: "An Pholainn", not CLDR's in-sentence "an Pholainn".
    return name[:1].upper() + name[1:]


def language_name(code: str, lang: str, *, label: bool = False) -> str:
    """``pl`` -> "polski" in Polish: CLDR's form for the middle of a sentence
    ("(język: polski)", "version en français"); ``label`` capitalises it for the
    start of a label or a list entry ("Polski (pl)")."""
    name = str(locale(lang).languages.get(code, code))
    return name[:1].upper() + name[1:] if label else name


def own_language_label(code: str) -> str:
    """A language as its speakers pick it from a list: "Polski (pl)", "English (en)"."""
    return f"{language_name(code, code, label=True)} ({code})"


def format_integer(value: int, lang: str) -> str:
    return babel_numbers.format_decimal(value, locale=locale(lang))


def format_decimal(value: float, lang: str, digits: int = 1) -> str:
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return babel_numbers.format_decimal(value, format=pattern, locale=locale(lang))


@lru_cache(maxsize=128)
def _percent_pattern(lang: str, digits: int) -> babel_numbers.NumberPattern:
    # the locale's own pattern ("#,##0\xa0%" in French, "#,##0%" in Polish), with
    # ``digits`` decimals: a forced "#,##0.0%" would lose the space before "%"
    pattern = copy.copy(babel_numbers.parse_pattern(locale(lang).percent_formats[None].pattern))
    pattern.frac_prec = (digits, digits)
    return pattern


def format_number(value: float, lang: str) -> str:
    """A number as given, in the locale's digits and decimal sign, without grouping:
    "1,5" in German for 1.5, "2000" for a year."""
    loc = locale(lang)
    try:
        return babel_numbers.format_decimal(value, format="0.##########", locale=loc)
    except (ArithmeticError, ValueError):  # beyond Decimal's precision (1e308, 10**400)
        return str(value).replace(".", babel_numbers.get_decimal_symbol(loc))


def format_seconds(seconds: float, lang: str) -> str:
    """A duration in seconds, one decimal, with CLDR's short unit: "0,7 Sek." in German."""
    from babel.units import format_unit  # only the command line needs units

    return format_unit(
        seconds, "duration-second", length="short", format="#,##0.0", locale=locale(lang)
    )


def format_percent(share: float, lang: str, digits: int = 1) -> str:
    return str(_percent_pattern(lang, digits).apply(share, locale(lang)))


def format_eur(
    amount: float, lang: str, *, approximate: bool = False, compact: bool = False
) -> str:
    """An amount in EUR for ``lang``; ``compact`` gives "20 Mio. €" style for large ones."""
    loc = locale(lang)
    if compact and abs(amount) >= 1_000_000:
        text = babel_numbers.format_compact_currency(
            Decimal(str(amount)), "EUR", locale=loc, fraction_digits=1
        )
    else:
        pattern = loc.currency_formats["standard"].pattern
        if float(amount).is_integer():  # whole euros: no ",00" tail
            pattern = pattern.replace(".00", "")
        text = babel_numbers.format_currency(
            Decimal(str(amount)), "EUR", format=pattern, locale=loc, currency_digits=False
        )
    if approximate:
        # "approximately" is a catalog string so each language words it itself.
        return translator(lang).gettext("approx. {amount}").format(amount=text)
    return text


# English dates as EU documents write them, day first ("31 Dec 2023"), from the
# CLDR data for Irish English; US English would give "Dec 31, 2023".
ENGLISH_DATES = "en_IE"


def _date_locale(lang: str) -> Locale:
    return locale(ENGLISH_DATES) if lang == "en" else locale(lang)


@lru_cache(maxsize=4096)  # Babel takes ~20 us a date; a validation run repeats a few hundred
def format_date(value: dt.date, lang: str, form: str = "medium") -> str:
    return babel_dates.format_date(value, format=form, locale=_date_locale(lang))


def format_datetime(value: dt.datetime, lang: str, form: str = "medium") -> str:
    return babel_dates.format_datetime(value, format=form, locale=_date_locale(lang))


def format_moment(value: dt.datetime, lang: str) -> str:
    """When something happened: the medium date (four-digit year, the one date
    format of the window) and the short time, joined as the language joins them.

    CLDR's "short" date-time has a two-digit year in most languages
    ("3.12.26 г., 11:30"); its "medium" one adds seconds nobody needs.
    """
    loc = _date_locale(lang)
    glue = str(babel_dates.get_datetime_format("medium", locale=loc))
    time = babel_dates.format_time(value, format="short", locale=loc)
    return glue.replace("{1}", format_date(value.date(), lang)).replace("{0}", time)
