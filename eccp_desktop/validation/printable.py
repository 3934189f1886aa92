"""What the PDF cannot print as typed is said before the PDF is made.

Two rules, both warnings (the factsheet is still valid data; only its PDF is
affected), with the same limits and the same character set the PDF uses:

- ``text.script_not_printable``: characters of a script the PDF fonts do not
  cover, or a right-to-left script (reportlab would print it mirrored); the
  PDF prints U+FFFD for them. The message names the script.
- ``text.too_long_for_pdf``: a text longer than the PDF prints in its place
  (a table cell, a body section); the PDF marks where it is cut.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.i18n.formatting import format_integer
from eccp_desktop.pdf import limits  # no reportlab: the limits only
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.registry import NONE, Found, item_check, sheet_check
from eccp_desktop.validation.result import WARNING, Result

RULES = ("text.script_not_printable", "text.too_long_for_pdf")


@cache
def _printable() -> frozenset[int]:
    from eccp_desktop.pdf.escape import printable_points  # reportlab: on first use only

    # Line breaks, tabs and the invisible formatting the PDF drops are fine.
    return printable_points() | {0x09, 0x0A, 0x0D}


@cache
def _search() -> Any:
    from eccp_desktop.pdf.escape import _undrawable

    return _undrawable().search


@cache
def _dropped() -> Any:
    from eccp_desktop.pdf.escape import _CONTROL

    return _CONTROL.match


def script_of(char: str) -> str:
    """A readable script name from the Unicode name: "Hebrew", "Arabic", "CJK"."""
    name = unicodedata.name(char, "")
    if not name:
        return f"U+{ord(char):04X}"
    first = name.split()[0]
    if first in ("CJK", "EMOJI"):
        return first
    if "EMOJI" in name or unicodedata.category(char) == "So":
        return _("symbols and emoji")
    return first.capitalize()


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _fields_of(cls: type) -> Any:
    """A C-level getter of every field: ``getattr`` per field cost more than the check."""
    names = _field_names(cls)
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda v: (one(v),)
    return operator.attrgetter(*names)


# Values with no text in them, told apart before the (slower) dataclass test.
_ATOMS: frozenset[type] = frozenset({int, float, bool, type(None), dt.date, dt.datetime})


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    stack = [(value, path)]
    while stack:
        v, p = stack.pop()
        if isinstance(v, str):
            yield p, v
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            stack += [(getattr(v, n), f"{p}/{n}") for n in _field_names(type(v))]
        elif isinstance(v, dict):
            stack += [(x, f"{p}/{k}") for k, x in v.items()]
        elif isinstance(v, list):
            stack += [(x, f"{p}/{i}") for i, x in enumerate(v)]


def _suspect(value: Any, limit: int) -> bool:
    """Whether any text in ``value`` may need a warning: a quick pass without paths."""
    search = _search()  # in C: most national texts have nothing to find
    stack = [value]
    while stack:
        v = stack.pop()
        t: Any = type(v)
        if t is str:
            if len(v) > limit or (not v.isascii() and search(v)):
                return True
        elif t in _ATOMS:
            continue
        elif t is dict:
            stack += v.values()
        elif t is list:
            stack += v
        elif hasattr(t, "__dataclass_fields__"):
            stack += _fields_of(t)(v)
    return False


def _check(ctx: Context, value: Any, path: str, limit: int) -> list[Result]:
    if not _suspect(value, limit):
        return []
    printable = _printable()
    suspect, dropped = _search(), _dropped()
    out: list[Result] = []
    for where, text in _strings(value, path):
        if not text.isascii() and suspect(text):
            bad = {c for c in text if ord(c) not in printable and not dropped(c)}
            if bad:
                scripts = sorted({script_of(c) for c in bad})
                out.append(
                    Result(
                        "text.script_not_printable",
                        WARNING,
                        _(
                            "The text contains {scripts} characters, which the PDF cannot print as typed (a script its fonts lack, or written right to left); the PDF shows � instead"
                        ).format(scripts=", ".join(scripts)),
                        where,
                    )
                )
        if len(text) > limit:
            out.append(
                Result(
                    "text.too_long_for_pdf",
                    WARNING,
                    _(
                        "The text has {n} characters; the PDF prints the first {limit} here and marks the cut"
                    ).format(
                        n=format_integer(len(text), ctx.lang), limit=format_integer(limit, ctx.lang)
                    ),
                    where,
                )
            )
    return out


def _limits() -> tuple[int, int]:
    return limits.CELL_LIMIT, limits.BODY_LIMIT


@sheet_check(*RULES, depends=["sections", "policy_assessment", "validation"])
def sheet_texts(ctx: Context) -> Found:
    cell, body = _limits()
    fs = ctx.factsheet
    out = _check(ctx, fs.sections, "/sections", body)
    out += _check(ctx, fs.policy_assessment, "/policy_assessment", body)
    out += _check(ctx, fs.validation, "/validation", cell)
    return out


def _item(collection: str) -> Any:
    def check(ctx: Context, i: int, item: Any) -> Found:
        cell, body = _limits()
        if collection not in ("policies", "tier_schemes"):
            if not _suspect(item, cell):  # the common case, before any path is built
                return NONE
            return _check(ctx, item, f"/{collection}/{i}", cell)
        path = f"/{collection}/{i}"  # the two with parts under other limits
        if collection == "policies":  # a policy's description is body text
            out = _check(ctx, item.description, f"{path}/description", body)
            rest = dataclasses.replace(item, description={})
            return out + _check(ctx, rest, path, cell)
        if collection == "tier_schemes":  # tier names head the support matrix's columns
            out = []
            for j, tier in enumerate(item.tiers):
                out += _check(ctx, tier.name, f"{path}/tiers/{j}/name", limits.HEADER_LIMIT)
                out += _check(ctx, dataclasses.replace(tier, name={}), f"{path}/tiers/{j}", cell)
            rest = dataclasses.replace(item, tiers=[])
            return out + _check(ctx, rest, path, cell)
        return NONE  # not reached: the two collections above

    check.__name__ = f"{collection}_printable"
    return item_check(collection, *RULES)(check)


for _collection in (
    "ecosystems",
    "policies",
    "cohesion_programmes",
    "recommendations",
    "tier_schemes",
    "clusters",
    "sources",
):
    _item(_collection)
