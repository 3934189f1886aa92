"""What changed between two versions of a factsheet, as exchange-format paths.

Used for the change history (who changed what, old -> new) and by the store
to write only what changed. Lists of codes are compared as whole values:
"priorities: [green] -> [green, digital]" reads better in a history than two
index-level changes. A localised text differs language by language
(``/sections/annex/pl``): typing in one language must not record the texts
of all 24 (the history grew with the square of what was typed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Change:
    path: str
    old: Any
    new: Any


def _is_record_list(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(v, dict) for v in value)


def diff(old: Any, new: Any, path: str = "") -> list[Change]:
    """Every difference from ``old`` to ``new`` (exchange dictionaries)."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict) and _is_texts(old, new):
        return [
            Change(f"{path}/{lang}", old.get(lang), new.get(lang))
            for lang in list(old) + [k for k in new if k not in old]
            if old.get(lang) != new.get(lang)
        ]
    if isinstance(old, dict) and isinstance(new, dict):
        changes: list[Change] = []
        for key in list(old) + [k for k in new if k not in old]:
            changes += diff(old.get(key), new.get(key), f"{path}/{key}")
        return changes
    if (
        (_is_record_list(old) and _is_record_list(new))
        or (old == [] and _is_record_list(new))
        or (new == [] and _is_record_list(old))
    ):
        return _diff_records(old, new, path)
    return [Change(path, old, new)]


def _is_texts(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """A localised text: language code -> string."""
    values = list(old.values()) + list(new.values())
    return (
        bool(values)
        and all(isinstance(v, str) for v in values)
        and all(len(k) <= 3 for k in list(old) + list(new))
    )


def _diff_records(old: list[Any], new: list[Any], path: str) -> list[Change]:
    # Trim the common head and tail so that an insertion or a deletion in
    # the middle reads as one added or removed item, not as every later one.
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(new)) - head
        and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]
    ):
        tail += 1
    old_mid = old[head : len(old) - tail]
    new_mid = new[head : len(new) - tail]
    if len(old_mid) == len(new_mid):
        changes: list[Change] = []
        for i, (a, b) in enumerate(zip(old_mid, new_mid, strict=True)):
            changes += diff(a, b, f"{path}/{head + i}")
        return changes
    removed = [Change(f"{path}/{head + i}", item, None) for i, item in enumerate(old_mid)]
    added = [Change(f"{path}/{head + i}", None, item) for i, item in enumerate(new_mid)]
    return removed + added
