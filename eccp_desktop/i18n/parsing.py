"""What an officer types, read back: dates, numbers and codes in the UI language.

Every parser returns the value or raises ``InputRefused`` with a translated
message that says what was typed, why it is refused and what would be taken.
A value is never guessed into a different one: a two-digit year, a number
with letters in it or one too large is refused, not clamped or dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

from babel import numbers as babel_numbers
from babel.dates import format_date as babel_format_date

from eccp_desktop.i18n.catalog import _
from eccp_desktop.i18n.formatting import locale

# The example date in messages: unambiguous day and month.
EXAMPLE_DATE: Final = dt.date(2023, 12, 31)
ISO_DATE: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
EARLIEST_YEAR: Final = 1800
LATEST_YEAR: Final = 2100
# Space-like characters CLDR uses as group separators (and officers type as spaces).
_SPACES: Final = " \u00a0\u202f\u2009"
_MINUS: Final = "-\u2212"


class InputRefused(ValueError):
    """What was typed cannot be taken; ``message`` says why (UI language)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# -- dates -----------------------------------------------------------------------


def date_example(lang: str) -> str:
    """The UI language's short date format with a four-digit year, e.g. "31/12/2023"."""
    return babel_format_date(EXAMPLE_DATE, _four_digit(_short_pattern(lang)), locale=locale(lang))


def _short_pattern(lang: str) -> str:
    return str(locale(lang).date_formats["short"].pattern)


def _four_digit(pattern: str) -> str:
    # CLDR short patterns often say "yy"; the window always writes and reads four digits.
    return re.sub(r"y+", "y", pattern)


_TOKEN = re.compile(r"'[^']*'|([dMLy])\1*|[^dMLy']+")


@lru_cache(maxsize=64)
def _date_regexes(lang: str) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """One regex per CLDR pattern (short, medium, long) of ``lang``; groups name d/M/y."""
    loc = locale(lang)
    found = []
    for form in ("short", "medium", "long"):
        pattern = str(loc.date_formats[form].pattern)
        parts: list[str] = []
        fields: list[str] = []
        tokens = [m.group(0) for m in _TOKEN.finditer(pattern)]
        for n, token in enumerate(tokens):
            head = token[0]
            if head in "dMLy" and token == head * len(token):
                fields.append("y" if head == "y" else ("d" if head == "d" else "M"))
                if head == "y":
                    parts.append(r"(\d+)")  # the length is checked after: a clear message
                elif head == "d" or len(token) <= 2:
                    parts.append(r"(\d{1,2})")
                else:
                    parts.append(r"(\D+?)")  # a month name (may hold spaces), matched below
            else:
                literal = token.strip("'") if token.startswith("'") else token
                text = "".join(r"\s*" if c in _SPACES else re.escape(c) for c in literal)
                text = re.sub(r"(\\s\*)+", r"\\s*", text)
                # Leading and trailing literals ("г.", a final ".") may be left out.
                last = n == len(tokens) - 1
                parts.append(f"(?:{text})?" if n == 0 or last else text)
        found.append((re.compile("".join(parts), re.IGNORECASE), tuple(fields)))
    return tuple(found)


@lru_cache(maxsize=64)
def _month_names(lang: str) -> dict[str, int]:
    """Every CLDR month name of ``lang`` (wide and abbreviated), folded, to its number."""
    loc = locale(lang)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("abbreviated", "wide"):
            for number, name in loc.months[context][width].items():
                names[_fold(str(name))] = int(number)
    return names


def _fold(text: str) -> str:
    """A month name compared without case, accents or a final dot ("ΜΆΪ" is "μαΐ")."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(" .")


def parse_date(text: str, lang: str) -> dt.date | None:
    """``text`` as a date: ISO ``YYYY-MM-DD`` or one of ``lang``'s CLDR formats.

    Empty text is no date (``None``). The year always has four digits.
    """
    typed = text.strip()
    if not typed:
        return None
    match = ISO_DATE.fullmatch(typed)
    if match:
        return _date(typed, int(match.group(1)), int(match.group(2)), int(match.group(3)), lang)
    for regex, fields in _date_regexes(lang):
        match = regex.fullmatch(typed)
        if not match:
            continue
        values = dict(zip(fields, match.groups(), strict=True))
        month_text = values["M"]
        if month_text.isdigit():
            month = int(month_text)
        else:
            month = _month_names(lang).get(_fold(month_text), 0)
            if not month:
                continue
        if len(values["y"]) != 4:
            raise InputRefused(
                _("“{text}”: write the year with four digits, e.g. {example}").format(
                    text=typed, example=date_example(lang)
                )
            )
        return _date(typed, int(values["y"]), month, int(values["d"]), lang)
    raise InputRefused(
        _("“{text}” is not a date; write it as {example} or {iso}").format(
            text=typed, example=date_example(lang), iso=EXAMPLE_DATE.isoformat()
        )
    )


def _date(typed: str, year: int, month: int, day: int, lang: str) -> dt.date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise InputRefused(
            _("“{text}”: the year must be between {first} and {last}").format(
                text=typed, first=EARLIEST_YEAR, last=LATEST_YEAR
            )
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputRefused(
            _("“{text}” is not a day of the calendar; write it as {example} or {iso}").format(
                text=typed, example=date_example(lang), iso=EXAMPLE_DATE.isoformat()
            )
        ) from None


# -- numbers ---------------------------------------------------------------------


def _symbols(lang: str) -> tuple[str, str]:
    symbols = locale(lang).number_symbols["latn"]
    return str(symbols["group"]), str(symbols["decimal"])


def parse_number(
    text: str,
    lang: str,
    *,
    integer: bool = True,
    minimum: Decimal | int = 0,
    maximum: Decimal | int = 10**12,
    unit: tuple[str, ...] = (),
) -> Decimal | None:
    """``text`` as a number written in ``lang`` (its grouping and decimal separators).

    Empty text is no number (``None``). ``unit`` lists what may stand beside
    the number and is ignored ("EUR", "€", "%"). Letters, exponents, a
    misplaced separator, a fraction where a whole number is wanted and values
    outside ``minimum``..``maximum`` are refused.
    """
    typed = text.strip()
    if not typed:
        return None
    body = typed
    for word in sorted(unit, key=len, reverse=True):
        body = re.sub(re.escape(word), " ", body, flags=re.IGNORECASE)
    body = body.strip(_SPACES)
    group, decimal = _symbols(lang)
    negative = body[:1] in _MINUS
    if negative:
        body = body[1:].strip(_SPACES)
    # "1 000" typed with any kind of space groups digits in every language.
    body = "".join(group if c in _SPACES else c for c in body)
    allowed = set("0123456789") | {group, decimal}
    bad = sorted({c for c in body if c not in allowed}, key=body.index)
    example = babel_numbers.format_decimal(
        Decimal("1234567") if integer else Decimal("1234.5"), locale=locale(lang)
    )
    if bad or not body or not any(c.isdigit() for c in body):
        raise InputRefused(
            _("“{text}” is not a number; write digits only, e.g. {example}").format(
                text=typed, example=example
            )
        )
    try:
        value = babel_numbers.parse_decimal(body, locale=locale(lang), strict=True)
    except (babel_numbers.NumberFormatError, InvalidOperation):
        raise InputRefused(
            _("“{text}” is not a number as written in this language, e.g. {example}").format(
                text=typed, example=example
            )
        ) from None
    if negative:
        value = -value
    if integer and value != value.to_integral_value():
        raise InputRefused(_("“{text}”: a whole number is needed here").format(text=typed))
    if value < minimum or value > maximum:
        raise InputRefused(
            _("“{text}” is out of range: it must be between {low} and {high}").format(
                text=typed,
                low=babel_numbers.format_decimal(Decimal(minimum), locale=locale(lang)),
                high=babel_numbers.format_decimal(Decimal(maximum), locale=locale(lang)),
            )
        )
    return value


# -- codes -----------------------------------------------------------------------


def parse_code(text: str) -> str | None:
    """A NUTS or CCI code as typed, upper-cased ("cz01" is CZ01).

    Characters no code has are refused, never dropped; whether the code has
    the right shape is for validation to say (it knows the country's prefix).
    """
    typed = text.strip()
    if not typed:
        return None
    code = typed.upper()
    bad = sorted({c for c in code if not ("A" <= c <= "Z" or "0" <= c <= "9")}, key=code.index)
    if bad:
        raise InputRefused(
            _("“{text}”: a code has only letters A–Z and digits, not {characters}").format(
                text=typed, characters=" ".join(f"“{c}”" for c in bad)
            )
        )
    return code
