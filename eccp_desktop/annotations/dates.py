"""PDF dates (``D:20240201103000+01'00'``), read the way readers really write them.

Readers drop the ``D:``, the seconds or the whole time, write ``Z``,
``+01'00'``, ``+01'00``, ``+0100`` or nothing for the zone, and some write
ISO 8601. Anything that cannot be a date reads as None, never an error.
"""

from __future__ import annotations

import datetime as dt
import re

_PDF = re.compile(
    r"""^\s*(?:D:)?\s*
    (?P<y>\d{4})(?P<mo>\d{2})?(?P<d>\d{2})?
    (?P<h>\d{2})?(?P<mi>\d{2})?(?P<s>\d{2})?
    (?:[.,]\d+)?
    \s*(?:(?P<z>[Zz])|(?P<sign>[+\-])(?P<oh>\d{2})'?(?P<om>\d{2})?'?)?
    """,
    re.VERBOSE,
)


def parse_pdf_date(text: str | None) -> dt.datetime | None:
    """The instant a PDF date names (UTC when it gives no zone); None if it names none."""
    if not text:
        return None
    text = text.strip()
    m = _PDF.match(text)
    if m is None or (m.end() < len(text) and not text[m.end() :].strip(" '") == ""):
        return _iso(text)
    try:
        offset = dt.timedelta(0)
        if m["sign"]:
            offset = dt.timedelta(hours=int(m["oh"]), minutes=int(m["om"] or 0))
            if m["sign"] == "-":
                offset = -offset
        zone = dt.timezone(offset)
        return dt.datetime(
            int(m["y"]), int(m["mo"] or 1), int(m["d"] or 1),
            int(m["h"] or 0), int(m["mi"] or 0), int(m["s"] or 0), tzinfo=zone,
        ).astimezone(dt.UTC)  # fmt: skip
    except (ValueError, OverflowError):
        return None


def _iso(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)
