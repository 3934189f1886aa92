"""What changed between two versions of a factsheet, item by item.

Items of a list are matched by identity (``identity``), never by position,
so reordering a list is no change. A changed text is reported per language
(``/sections/economic_context/pl``) so the reader sees the words that changed
in that language (``words``). Lists of codes are compared as sets, except
support levels, whose first level is the primary one.

A programme that moved from one policy to another is reported once as
``moved`` (old and new place) plus whatever changed in it, not as a removal
and an addition.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from eccp_desktop.editions import identity as ident

ChangeKind = Literal["added", "removed", "changed", "moved"]

# Keys that name the factsheet rather than say something about it.
_IGNORED = frozenset({"format", "format_version", "country", "edition", "base", "signature"})


@dataclass(frozen=True, slots=True)
class Difference:
    path: str  # in the new version; in the old one for a removal
    change: ChangeKind
    old: Any
    new: Any

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "change": self.change, "old": self.old, "new": self.new}


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Difference]:
    """Every difference from ``old`` to ``new`` (exchange dictionaries of one country)."""
    result: list[Difference] = []
    for key in _keys(old, new):
        if key in _IGNORED:
            continue
        result += _compare(old.get(key), new.get(key), f"/{key}", f"/{key}", key in old)
    return _moves(result)


def is_empty(old: dict[str, Any], new: dict[str, Any]) -> bool:
    return not compare(old, new)


def _keys(old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    yield from old
    yield from (k for k in new if k not in old)


def _compare(old: Any, new: Any, path: str, pattern: str, had_key: bool = True) -> list[Difference]:
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        result: list[Difference] = []
        for key in _keys(old, new):
            if key not in new:
                if old[key] not in (None, "", [], {}):
                    result.append(Difference(f"{path}/{key}", "removed", old[key], None))
            elif key not in old:
                if new[key] not in (None, "", [], {}):
                    result.append(Difference(f"{path}/{key}", "added", None, new[key]))
            else:
                child = ident.child_pattern(pattern, key)
                result += _compare(old[key], new[key], f"{path}/{key}", child)
        return result
    if isinstance(old, list) and isinstance(new, list):
        if ident.is_record_list(pattern):
            return _compare_records(old, new, path, pattern)
        if not ident.is_ordered_codes(pattern) and _as_set(old) == _as_set(new):
            return []
        return [Difference(path, "changed", old, new)]
    if old is None and isinstance(new, dict | list):
        return [Difference(path, "added", None, new)] if new else []
    if new is None and isinstance(old, dict | list):
        return [Difference(path, "removed", old, None)] if old else []
    if not had_key:
        return [Difference(path, "added", None, new)]
    return [Difference(path, "changed", old, new)]


def _as_set(values: list[Any]) -> set[str]:
    return {repr(v) for v in values}


def _compare_records(old: list[Any], new: list[Any], path: str, pattern: str) -> list[Difference]:
    old_ids = ident.identities(pattern, old)
    new_ids = ident.identities(pattern, new)
    new_at = {i: n for n, i in enumerate(new_ids)}
    old_at = {i: n for n, i in enumerate(old_ids)}
    result: list[Difference] = []
    for n, i in enumerate(old_ids):
        if i not in new_at:
            result.append(Difference(f"{path}/{n}", "removed", old[n], None))
    for n, i in enumerate(new_ids):
        if i in old_at:
            result += _compare(old[old_at[i]], new[n], f"{path}/{n}", pattern)
        else:
            result.append(Difference(f"{path}/{n}", "added", None, new[n]))
    return result


def _moves(differences: list[Difference]) -> list[Difference]:
    """A programme removed from one policy and added to another: one move."""
    programmes = "/programmes/"
    removed = [d for d in differences if d.change == "removed" and _is_programme(d.path)]
    added = [d for d in differences if d.change == "added" and _is_programme(d.path)]
    if not removed or not added:
        return differences
    pattern = "/policies/programmes"
    by_id: dict[ident.Identity, Difference] = {}
    for d in removed:
        by_id.setdefault(ident.identities(pattern, [d.old])[0], d)
    replaced: dict[int, list[Difference]] = {}
    dropped: set[int] = set()
    for d in added:
        key = ident.identities(pattern, [d.new])[0]
        gone = by_id.pop(key, None)
        if gone is None or gone.path.split(programmes)[0] == d.path.split(programmes)[0]:
            continue
        inner = _compare(gone.old, d.new, d.path, pattern)
        replaced[id(d)] = [Difference(d.path, "moved", gone.path, d.path), *inner]
        dropped.add(id(gone))
    result: list[Difference] = []
    for d in differences:
        if id(d) in dropped:
            continue
        result += replaced.get(id(d), [d])
    return result


def _is_programme(path: str) -> bool:
    parts = path.split("/")
    return len(parts) == 5 and parts[1] == "policies" and parts[3] == "programmes"
