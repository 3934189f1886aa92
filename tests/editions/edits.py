"""Random edits of exchange dictionaries for the merge and diff properties."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from eccp_desktop.editions import identity as ident

Leaf = tuple[tuple[Any, ...], str]  # positional key path, pattern


def leaves(value: Any, path: tuple[Any, ...] = (), pattern: str = "") -> Iterator[Leaf]:
    """Every field a user can edit: scalars, whole code lists, one language of a text."""
    if isinstance(value, dict):
        for k, v in value.items():
            if not path and k in ("format", "format_version", "country", "edition"):
                continue
            yield from leaves(v, (*path, k), ident.child_pattern(pattern, k))
    elif isinstance(value, list) and ident.is_record_list(pattern):
        for n, v in enumerate(value):
            yield from leaves(v, (*path, n), pattern)
    else:
        yield path, pattern


def get(doc: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        doc = doc[p]
    return doc


def put(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    get(doc, path[:-1])[path[-1]] = value


def identities_of(doc: dict[str, Any]) -> list[Any]:
    """Every record list's identities: an edit must not change them."""
    found: list[Any] = []

    def walk(value: Any, pattern: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, ident.child_pattern(pattern, k))
        elif isinstance(value, list) and ident.is_record_list(pattern):
            found.append(ident.identities(pattern, value))
            for v in value:
                walk(v, pattern)

    walk(doc, "")
    return found


fresh = st.one_of(st.integers(-5, 10**6), st.text(max_size=8), st.none(), st.booleans())


@st.composite
def field_edits(draw: st.DrawFn, doc: dict[str, Any], max_edits: int = 6) -> dict[Any, Any]:
    """Positional path -> new value, none of which changes an item's identity."""
    candidates = list(leaves(doc))
    if not candidates:
        return {}
    edits: dict[Any, Any] = {}
    before = identities_of(doc)
    for _ in range(draw(st.integers(0, max_edits))):
        path, _pattern = draw(st.sampled_from(candidates))
        value = draw(fresh)
        if value == get(doc, path):
            continue
        trial = copy.deepcopy(doc)
        put(trial, path, value)
        if identities_of(trial) != before:
            continue
        edits[path] = value
    return edits


def applied(doc: dict[str, Any], edits: dict[Any, Any]) -> dict[str, Any]:
    result = copy.deepcopy(doc)
    for path, value in edits.items():
        put(result, path, value)
    return result


@st.composite
def overlapping_edits(draw: st.DrawFn, doc: dict[str, Any], mine: dict[Any, Any]) -> dict[Any, Any]:
    """Other edits, some of them to the very fields ``mine`` edits (conflicts)."""
    theirs = draw(field_edits(doc))
    before = identities_of(doc)
    for path, value in mine.items():
        if draw(st.booleans()):
            other = value if draw(st.booleans()) else draw(fresh)
            trial = copy.deepcopy(doc)
            put(trial, path, other)
            if other != get(doc, path) and identities_of(trial) == before:
                theirs[path] = other
    return theirs
