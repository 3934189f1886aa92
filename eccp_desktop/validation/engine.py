"""Running the registry: a whole factsheet, or again after one edit."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count, repeat
from typing import Any

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.gcpause import gc_paused
from eccp_desktop.validation.context import Context
from eccp_desktop.validation.registry import REGISTRY, Check, Found
from eccp_desktop.validation.result import Result, sort_results


def _items(factsheet: Factsheet, collection: str) -> Sequence[Any]:
    items: Sequence[Any] = getattr(factsheet, collection)
    return items


def _run_items(check: Check, ctx: Context, items: Sequence[Any]) -> list[Found]:
    return list(map(check.fn, repeat(ctx), count(), items))


def validate(factsheet: Factsheet, *, lang: str | None = None) -> list[Result]:
    """Every rule over ``factsheet``, sorted by (section order, path).

    Messages are in ``lang`` (default: the current UI language).
    """
    with gc_paused():  # results and messages only: nothing cyclic (see gcpause)
        ctx = Context.of(factsheet, lang)
        results: list[Result] = []
        for check in REGISTRY:
            if check.collection is None:
                results.extend(check.fn(ctx))
            else:
                items = _items(factsheet, check.collection)
                for found in map(check.fn, repeat(ctx), count(), items):
                    if found:
                        results.extend(found)
        return sort_results(results)


def _path_parts(path: str) -> tuple[str | None, int | None]:
    """The top-level key of a path and the list index under it, if any."""
    parts = path.split("/")
    if len(parts) < 2 or not parts[1]:
        return None, None
    index = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None
    return parts[1], index


class Validator:
    """Validation kept up to date with a factsheet that is being edited.

    After editing the factsheet in place, call ``revalidate(path)`` with the
    exchange-format path of what changed ("/clusters/3/members"; "/clusters"
    after adding, removing or moving clusters; "" for anything). Only the
    checks the change can affect run again; the list is the one ``validate``
    would give. Items are tracked by identity, so a list that was reordered
    or replaced is re-run in full even if the path names one item. After
    switching the UI language, call ``revalidate("")`` for new messages.
    """

    def __init__(self, factsheet: Factsheet, *, lang: str | None = None) -> None:
        self.factsheet = factsheet
        self._lang = lang
        self._sheet: dict[int, Found] = {}
        self._items: dict[int, list[Found]] = {}
        self._ids: dict[str, list[int]] = {}  # collection -> id() of its items at the last run
        self._results: list[Result] = []
        self.revalidate("")

    @property
    def results(self) -> list[Result]:
        return list(self._results)

    def revalidate(self, changed_path: str) -> list[Result]:
        key, index = _path_parts(changed_path)
        ctx = Context.of(self.factsheet, self._lang)
        moved = self._moved_collections()
        for n, check in enumerate(REGISTRY):
            if check.collection is None:
                if key is None or n not in self._sheet or check.reruns_on(key):
                    self._sheet[n] = check.fn(ctx)
                continue
            items = _items(self.factsheet, check.collection)
            cached = self._items.get(n)
            if key is None or cached is None or check.reruns_on(key):
                self._items[n] = _run_items(check, ctx, items)
            elif check.collection in moved:
                self._items[n] = _run_items(check, ctx, items)
            elif key == check.collection:
                if index is not None and index < len(items):
                    cached[index] = check.fn(ctx, index, items[index])
                else:
                    self._items[n] = _run_items(check, ctx, items)
        results: list[Result] = []
        for found in self._sheet.values():
            results.extend(found)
        for per_item in self._items.values():
            for found in per_item:
                if found:
                    results.extend(found)
        self._results = sort_results(results)
        return list(self._results)

    def _moved_collections(self) -> set[str]:
        """Lists whose items were added, removed, moved or replaced since the last run."""
        moved = set()
        for collection in {c.collection for c in REGISTRY if c.collection is not None}:
            ids = list(map(id, _items(self.factsheet, collection)))
            if self._ids.get(collection) != ids:
                moved.add(collection)
                self._ids[collection] = ids
        return moved
