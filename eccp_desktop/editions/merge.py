"""Three-way merge at field level: base (what was exported), here, incoming.

For every field: a change on one side only is taken; the same change on both
sides is taken once; different changes to the same field are a conflict.
Items of lists are matched by identity (``identity``): an item added on one
side is added; removed on one side and untouched on the other, removed;
removed on one side and edited on the other, a conflict on the whole item.
Texts merge per language, so two translators never collide.

Conflicts are keyed by a stable *key* (the path with identities instead of
positions) so a choice survives a re-run of the merge; each also has the
exchange path it has in the merged factsheet, for the reader and the window.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from eccp_desktop.editions import identity as ident

Side = Literal["here", "incoming"]
SIDES: tuple[Side, ...] = ("here", "incoming")

_FIXED = ("format", "format_version", "country", "edition")


@dataclass(frozen=True, slots=True)
class Conflict:
    key: str  # stable across runs: identities instead of positions
    path: str  # exchange path in the merged factsheet
    base: Any
    here: Any
    incoming: Any


@dataclass(frozen=True, slots=True)
class Resolved:
    conflict: Conflict
    side: Side


@dataclass(slots=True)
class MergeResult:
    merged: dict[str, Any]
    conflicts: list[Conflict] = field(default_factory=list)  # still open
    resolved: list[Resolved] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


_ABSENT: Any = object()  # an item or key that one side does not have


class _Merger:
    def __init__(self, choices: Mapping[str, Side], prefer: Side | None) -> None:
        self.choices = choices
        self.prefer = prefer
        self.conflicts: list[Conflict] = []
        self.resolved: list[Resolved] = []

    def conflict(self, key: str, path: str, base: Any, here: Any, incoming: Any) -> Any:
        c = Conflict(key, path, _none(base), _none(here), _none(incoming))
        side = self.choices.get(key, self.prefer)
        if side is None:
            self.conflicts.append(c)
            return here  # nothing is written while a conflict is open
        self.resolved.append(Resolved(c, side))
        return here if side == "here" else incoming

    def value(self, b: Any, h: Any, i: Any, path: str, pattern: str, key: str) -> Any:
        if h == i:
            return h
        if b == h:
            return i
        if b == i:
            return h
        if isinstance(h, dict) and isinstance(i, dict):
            base = b if isinstance(b, dict) else {}
            return self.mapping(base, h, i, path, pattern, key)
        if isinstance(h, list) and isinstance(i, list):
            if ident.is_record_list(pattern):
                base_list = b if isinstance(b, list) else []
                return self.records(base_list, h, i, path, pattern, key)
            if not ident.is_ordered_codes(pattern):
                bs, hs, is_ = (_as_set(x) for x in (b, h, i))
                if hs == is_ or bs == hs:
                    return i
                if bs == is_:
                    return h
        return self.conflict(key, path, b, h, i)

    def mapping(
        self, b: dict[str, Any], h: dict[str, Any], i: dict[str, Any], path: str, pattern: str,
        key: str,
    ) -> dict[str, Any]:  # fmt: skip
        result: dict[str, Any] = {}
        for k in [*h, *(k for k in i if k not in h), *(k for k in b if k not in h and k not in i)]:
            child = ident.child_pattern(pattern, k)
            v = self.value(
                b.get(k, _ABSENT), h.get(k, _ABSENT), i.get(k, _ABSENT),
                f"{path}/{k}", child, f"{key}/{k}",
            )  # fmt: skip
            if v is not _ABSENT:
                result[k] = v
        return result

    def records(
        self, b: list[Any], h: list[Any], i: list[Any], path: str, pattern: str, key: str
    ) -> list[Any]:
        b_items = dict(zip(ident.identities(pattern, b), b, strict=True))
        h_ids = ident.identities(pattern, h)
        i_ids = ident.identities(pattern, i)
        h_items = dict(zip(h_ids, h, strict=True))
        i_items = dict(zip(i_ids, i, strict=True))
        result: list[Any] = []
        for item_id in _order(h_ids, i_ids, b_items):
            bi = b_items.get(item_id, _ABSENT)
            hi = h_items.get(item_id, _ABSENT)
            ii = i_items.get(item_id, _ABSENT)
            item_path = f"{path}/{len(result)}"
            item_key = f"{key}/{ident.segment(item_id)}"
            if hi is _ABSENT and ii is _ABSENT:
                continue  # removed on both sides (or on one, never elsewhere)
            if hi is _ABSENT or ii is _ABSENT:
                present = ii if hi is _ABSENT else hi
                if bi is _ABSENT:
                    result.append(present)  # added on one side
                    continue
                if present == bi:
                    continue  # removed on one side, untouched on the other
                chosen = self.conflict(item_key, item_path, bi, hi, ii)
            else:
                base = bi if bi is not _ABSENT else {}
                chosen = self.value(base, hi, ii, item_path, pattern, item_key)
            if chosen is not _ABSENT:
                result.append(chosen)
        return result


def _none(value: Any) -> Any:
    return None if value is _ABSENT else value


def _as_set(value: Any) -> frozenset[str] | None:
    return frozenset(repr(v) for v in value) if isinstance(value, list) else None


def _order(
    here: list[ident.Identity], incoming: list[ident.Identity], base: Mapping[ident.Identity, Any]
) -> list[ident.Identity]:
    """Here's order; items only incoming has go after their predecessor there."""
    order = list(here)
    placed = set(here)
    for n, item_id in enumerate(incoming):
        if item_id in placed:
            continue
        before = next((incoming[m] for m in range(n - 1, -1, -1) if incoming[m] in placed), None)
        at = order.index(before) + 1 if before is not None else 0
        order.insert(at, item_id)
        placed.add(item_id)
    # Items only the base has: removed on both sides; listed to be skipped.
    order += [i for i in base if i not in placed]
    return order


def merge(
    base: dict[str, Any],
    here: dict[str, Any],
    incoming: dict[str, Any],
    *,
    choices: Mapping[str, Side] | None = None,
    prefer: Side | None = None,
) -> MergeResult:
    """Merge ``incoming`` into ``here`` given their common ``base`` (exchange dicts).

    ``choices`` settles conflicts by key, ``prefer`` settles the rest one way;
    an unsettled conflict keeps here's value in ``merged`` and is listed.
    """
    for name in ("country", "edition"):
        if here.get(name) != incoming.get(name):
            raise ValueError(f"merging different factsheets ({name} differs)")
    m = _Merger(choices or {}, prefer)
    body = m.mapping(
        {k: v for k, v in base.items() if k not in _FIXED},
        {k: v for k, v in here.items() if k not in _FIXED},
        {k: v for k, v in incoming.items() if k not in _FIXED},
        "",
        "",
        "",
    )
    merged = {k: here[k] for k in _FIXED if k in here} | body
    return MergeResult(merged, m.conflicts, m.resolved)
