"""Calendar-month arithmetic for a cluster's age on the reference date.

A month after 31 January is the last day of February (28th, or 29th in a
leap year); a year after 29 February is 28 February. A cluster founded on
day D has operated n full months on the first date that is not before
``add_months(D, n)``.
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def full_months(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end``; negative if ``end`` is earlier."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and end.day >= start.day:
        return months  # the common case: no month-end clamping can matter
    if months > 0 and add_months(start, months) > end:
        months -= 1
    elif months < 0 and add_months(start, months) < end:
        months += 1
    return months


def plain_date(value: object) -> dt.date | None:
    """``value`` as a date if it is one (a datetime counts as its day), else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
