"""Which item of one edition is which item of another: identity, never position.

An item keeps its identity when it is moved within its list or edited, so a
reordering is no change and an edited cluster is "changed", not "removed and
added". The rule per list (README, "Editions"):

=============================  =========================================
list                           an item is the same item when ...
=============================  =========================================
ecosystems                     same ``ecosystem`` code
policies                       same ``key``
policies › programmes          same English title (else the first title)
cohesion_programmes            same ``cci`` (without one: same English title)
recommendations                same ``year`` and ``priority``
tier_schemes                   same ``key``
tier_schemes › tiers           same ``key``
tier_schemes › support         same English dimension (else the first)
clusters                       same ``name``
sources                        same ``url`` (without one: same title)
review_comments                same place, author, time and text
=============================  =========================================

Two items of one list with the same identity are told apart by their order
(the first "X" is the first "X" of the other edition).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

Identity = tuple[Any, ...]


def _text(value: Any) -> str:
    """The English text of a localised text, else its first non-empty one."""
    if not isinstance(value, dict):
        return ""
    if value.get("en"):
        return str(value["en"])
    return next((str(v) for v in value.values() if v), "")


def _field(name: str) -> Callable[[dict[str, Any]], Identity]:
    return lambda item: (item.get(name),)


def _cohesion(item: dict[str, Any]) -> Identity:
    return (item["cci"],) if item.get("cci") else ("title", _text(item.get("title")))


def _source(item: dict[str, Any]) -> Identity:
    return (item["url"],) if item.get("url") else ("title", item.get("title"))


_RULES: dict[str, Callable[[dict[str, Any]], Identity]] = {
    "/ecosystems": _field("ecosystem"),
    "/policies": _field("key"),
    "/policies/programmes": lambda item: (_text(item.get("title")),),
    "/cohesion_programmes": _cohesion,
    "/recommendations": lambda item: (item.get("year"), item.get("priority")),
    "/tier_schemes": _field("key"),
    "/tier_schemes/tiers": _field("key"),
    "/tier_schemes/support": lambda item: (_text(item.get("dimension")),),
    "/clusters": _field("name"),
    "/sources": _source,
    "/review_comments": lambda item: (
        item.get("path"),
        item.get("author"),
        item.get("created"),
        item.get("text"),
    ),
}

# Lists of codes whose order means something: a support level list names the
# primary level first. Every other list of codes is compared as a set.
ORDERED_CODE_LISTS = ("/tier_schemes/support/levels",)

RECORD_LISTS = frozenset(_RULES)


def is_record_list(pattern: str) -> bool:
    """``pattern``: a path without list positions, e.g. ``/policies/programmes``."""
    return pattern in _RULES


def is_ordered_codes(pattern: str) -> bool:
    return pattern.startswith(ORDERED_CODE_LISTS)


def identities(pattern: str, items: Sequence[Any]) -> list[Identity]:
    """The identity of each item of a record list, duplicates numbered in order."""
    rule = _RULES[pattern]
    seen: dict[Identity, int] = {}
    result: list[Identity] = []
    for item in items:
        base = rule(item) if isinstance(item, dict) else ("value", json.dumps(item))
        n = seen.get(base, 0)
        seen[base] = n + 1
        result.append((*base, n))
    return result


def segment(identity: Identity) -> str:
    """A stable path segment for an item (used to key merge choices)."""
    return "[" + json.dumps(list(identity), ensure_ascii=False, default=str)[1:-1] + "]"


def child_pattern(pattern: str, key: str | int) -> str:
    """The pattern of a child: list positions and open mapping keys left out."""
    if isinstance(key, int):
        return pattern
    # sections/<key>, policy_assessment/<dimension>, levels/<tier>: open keys.
    if pattern in ("/sections", "/policy_assessment", "/tier_schemes/support/levels"):
        return f"{pattern}/*"
    return f"{pattern}/{key}"
