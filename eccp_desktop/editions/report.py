"""Differences as lines a reader scans: place, what happened, old → new, words."""

from __future__ import annotations

from typing import Any

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.editions.compare import Difference
from eccp_desktop.editions.words import render, word_diff
from eccp_desktop.i18n import _

ARROW = " \u2192 "
_SHORT = 60


def kind_label(change: str) -> str:
    return {
        # nouns: no agreement with whatever item the line is about
        "added": _("Addition"),
        "removed": _("Removal"),
        "changed": _("Change"),
        "moved": _("Move"),
    }.get(change, change)


def item_name(value: Any) -> str:
    """What an item is called: its name, key, CCI code or title."""
    if isinstance(value, dict):
        for key in ("name", "cci", "key", "ecosystem", "title", "dimension", "text", "by", "url"):
            v = value.get(key)
            if isinstance(v, dict):
                v = v.get("en") or next((t for t in v.values() if t), None)
            if v:
                return _short(str(v))
        return "…"
    return show(value)


def show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "\u2014"  # an em dash: nothing
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(item_name(v) for v in value)
    if isinstance(value, dict):
        return item_name(value)
    if isinstance(value, str):
        return f"\u201c{_short(value)}\u201d"
    return str(value)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def describe(d: Difference) -> str:
    """``old → new`` for a change, the words for a text, the item for an addition."""
    if d.change == "moved":
        return f"{d.old}{ARROW}{d.new}"
    if d.change == "added":
        return show(d.new)
    if d.change == "removed":
        return show(d.old)
    if isinstance(d.old, str) and isinstance(d.new, str) and _is_prose(d):
        return render(word_diff(d.old, d.new))
    return f"{show(d.old)}{ARROW}{show(d.new)}"


def _is_prose(d: Difference) -> bool:
    """One language of a text, or a few words: worth showing word by word."""
    last = d.path.rsplit("/", 1)[-1]
    return last in EU_LANGUAGES or len(str(d.old).split()) + len(str(d.new).split()) > 4


def lines(differences: list[Difference], place: Any = None) -> list[str]:
    """One line per difference; ``place(path)`` names the place (default: the path)."""
    name = place or (lambda path: path)
    return [f"{kind_label(d.change)}: {name(d.path)}: {describe(d)}" for d in differences]
