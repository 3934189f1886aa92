"""A package that comes back: add, replace whole, or merge three-way — decided here.

``plan_import`` reads nothing from disk and writes nothing: it compares the
package with the store and says what importing it would do, so the command
line and the window can show it (and its conflicts) before anything is
written. ``store.editions.apply_import`` then writes the plans in one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editions.base import BaseRef
from eccp_desktop.editions.compare import Difference, compare
from eccp_desktop.editions.merge import MergeResult, Side, merge
from eccp_desktop.exchange.codec import factsheet_from_dict, factsheet_to_dict

if TYPE_CHECKING:
    from collections.abc import Mapping

    from eccp_desktop.store.repository import Store

Kind = Literal["new", "replace", "merge"]
# Why a package over an existing factsheet replaces it whole.
NO_BASE = "no_base"
UNKNOWN_BASE = "unknown_base"


@dataclass(slots=True)
class ImportPlan:
    source: str
    incoming: Factsheet
    kind: Kind
    reason: str | None = None  # for "replace": NO_BASE or UNKNOWN_BASE
    here_version: int | None = None  # what the plan was computed against
    differences: list[Difference] = field(default_factory=list)  # store -> result
    result: MergeResult | None = None
    kept: list[Difference] = field(default_factory=list)  # local changes the package lacks

    @property
    def factsheet(self) -> Factsheet:
        """What the store will hold afterwards."""
        if self.result is None:
            return self.incoming
        return factsheet_from_dict(self.result.merged)

    @property
    def open_conflicts(self) -> int:
        return len(self.result.conflicts) if self.result else 0


def plan_import(
    store: Store,
    incoming: Factsheet,
    document: dict[str, Any],
    *,
    source: str = "",
    choices: Mapping[str, Side] | None = None,
    prefer: Side | None = None,
) -> ImportPlan:
    """What importing ``incoming`` (read from ``document``) would do to the store.

    Raises ``store.editions.BaseError`` for a malformed-in-meaning base (from
    the future, digest not matching the kept snapshot).
    """
    from eccp_desktop.store.editions import base_snapshot

    if incoming.edition not in store.editions(incoming.country):
        return ImportPlan(source, incoming, "new")
    here_fs, here_version = store.load_versioned(incoming.country, incoming.edition)
    here = factsheet_to_dict(here_fs)
    theirs = factsheet_to_dict(incoming)
    ref = BaseRef.from_package(document)
    base = None
    if ref is not None:
        base = base_snapshot(store, incoming.country, incoming.edition, ref)
    if base is None:
        return ImportPlan(
            source,
            incoming,
            "replace",
            reason=NO_BASE if ref is None else UNKNOWN_BASE,
            here_version=here_version,
            differences=compare(here, theirs),
        )
    result = merge(base, here, theirs, choices=choices, prefer=prefer)
    open_paths = {c.path for c in result.conflicts}  # undecided: neither taken nor kept yet
    return ImportPlan(
        source,
        incoming,
        "merge",
        here_version=here_version,
        differences=compare(here, result.merged),
        result=result,
        kept=[d for d in compare(theirs, result.merged) if d.path not in open_paths],
    )
