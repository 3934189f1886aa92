"""The schema check with the semantics the contract means, not Python's defaults.

jsonschema out of the box differs from what the exchange format promises in
ways that let bad packages through to crash later:

- ``pattern`` uses Python's ``re.search``, where ``$`` also matches before a
  final newline (``"DK\\n"`` passed ``^[A-Z]{2}$``) and ``\\d`` matches any
  Unicode digit. JSON Schema patterns are ECMA-262: ``$`` is the end of the
  text and classes are ASCII. Patterns are translated once (``$`` -> ``\\Z``,
  ``re.ASCII``), so every pattern of the schema, present and future, is fixed.
- ``format`` is only checked for ``date-time`` when an optional library is
  installed. Here dates and timestamps are always checked, and a timestamp
  needs a zone (``Z`` or ``+01:00``): the store keeps times in UTC.
- ``integer`` accepts ``2023.0``. Here an integer is written without a
  fraction or exponent: the model's ``int`` fields then really get ints.
- Numbers are bounded by what the store holds: whole numbers fit a 32-bit
  column (PostgreSQL ``INTEGER``), amounts stay below ``MAX_AMOUNT`` so that
  formatting and charts stay exact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from eccp_desktop.i18n import _

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

# The largest whole number a store column holds on every database (INTEGER).
MAX_INTEGER = 2**31 - 1
# Amounts (EUR) and shares: a thousand trillion euros is beyond any budget,
# and below 2^53 every cent is still exact.
MAX_AMOUNT = 10**15

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)
_DATE_TIME = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?\Z",
    re.ASCII,
)


def ecma_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with ECMA-262 meaning: ``$`` is the end, classes ASCII."""
    out = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        elif c == "$" and not in_class:
            c = r"\Z"
        out.append(c)
        i += 1
    return re.compile("".join(out), re.ASCII)


_compiled = cache(ecma_pattern)


def date_problem(value: str) -> str | None:
    """Why ``value`` is not an ISO calendar date, or None."""
    # One message for both (the README quotes it): "2023-02-30" is no ISO date.
    try:
        if _DATE.match(value):
            dt.date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return _("not an ISO date (YYYY-MM-DD): {value!r}").format(value=value[:80])


def date_time_problem(value: str) -> str | None:
    """Why ``value`` is not an RFC 3339 timestamp with a zone, or None."""
    m = _DATE_TIME.match(value)
    if not m:
        return _("not an ISO date and time (YYYY-MM-DDThh:mm:ssZ): {value!r}").format(
            value=value[:80]
        )
    if m.group("zone") is None:
        return _(
            "the time {value!r} has no time zone; add Z for UTC or an offset such as +01:00"
        ).format(value=value)
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        # Far years cannot be converted to UTC for the store.
        parsed.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return _("no such date and time: {value!r}").format(value=value)
    return None


def is_integer(_checker: Any, instance: Any) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def _bounds(
    validator: Validator, types: Any, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """The store's range for whole numbers and amounts (after the type check)."""
    from jsonschema import ValidationError

    names = types if isinstance(types, list) else [types]
    if isinstance(instance, bool) or not isinstance(instance, int | float):
        return
    if "integer" in names and is_integer(None, instance):
        limit = MAX_INTEGER
    elif "number" in names:
        limit = MAX_AMOUNT
    else:
        return
    if instance > limit and "maximum" not in schema:
        yield ValidationError(
            f"{instance} is greater than {limit}",  # _describe words it for the reader
            validator="maximum",
            validator_value=limit,
            instance=instance,
        )
    if instance < -limit and "minimum" not in schema:
        yield ValidationError(
            f"{instance} is less than {-limit}",
            validator="minimum",
            validator_value=-limit,
            instance=instance,
        )


@cache
def validator_class() -> type[Validator]:
    from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
    from jsonschema import _keywords as keywords

    formats = FormatChecker(formats=())

    def _date(value: object) -> bool:
        return not isinstance(value, str) or date_problem(value) is None

    def _date_time(value: object) -> bool:
        return not isinstance(value, str) or date_time_problem(value) is None

    formats.checks("date")(_date)
    formats.checks("date-time")(_date_time)

    def pattern(
        validator: Validator, patrn: str, instance: Any, schema: dict[str, Any]
    ) -> Iterator[ValidationError]:
        if isinstance(instance, str) and not _compiled(patrn).search(instance):
            yield ValidationError(f"{instance!r} does not match {patrn!r}")

    def type_(
        validator: Validator, types: Any, instance: Any, schema: dict[str, Any]
    ) -> Iterator[ValidationError]:
        yield from keywords.type(validator, types, instance, schema)
        yield from _bounds(validator, types, instance, schema)

    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", is_integer)
    cls = validators.extend(
        Draft202012Validator,
        validators={"pattern": pattern, "type": type_},
        type_checker=checker,
        format_checker=formats,
    )
    cls.FORMAT_CHECKER = formats  # type: ignore[misc]
    return cls  # type: ignore[no-any-return]


def validator(schema: dict[str, Any]) -> Validator:
    """A validator for ``schema`` with the contract's semantics (cache it: ~10 ms)."""
    cls = validator_class()
    return cls(schema, format_checker=cls.FORMAT_CHECKER)
