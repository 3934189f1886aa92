"""Operations for editions: start the next one, compare, import with a merge.

The window and the command line both go through these: the same refusals
(read-only store, bad base), the same all-or-nothing writes, one report.
Qt-free; long ones (comparing, planning a merge) are fine off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eccp_desktop.i18n import _
from eccp_desktop.operations.report import ROOT, Changes, Conflict, Done, Failed, Outcome, Refused
from eccp_desktop.store.errors import ConflictError, RightsError, StoreError

if TYPE_CHECKING:
    from eccp_desktop.editions.compare import Difference
    from eccp_desktop.editions.merge import Side
    from eccp_desktop.editions.received import ImportPlan
    from eccp_desktop.store import Store


def start_edition(
    store: Store, country: str, year: int, *, source: int | None, actor: str
) -> Outcome:
    """``new-edition``: ``Done.value`` is the new factsheet."""
    from eccp_desktop.editions.next_edition import EditionError
    from eccp_desktop.store.editions import start_edition as start

    if store.read_only:
        return Refused(_("The store is read-only: no edition can be started."))
    try:
        fs = start(store, country, year, source=source, actor=actor)
    except (EditionError, StoreError) as e:
        return Refused(str(e))
    return Done(Changes(factsheets=True, history=True), value=fs)


def new_factsheet(store: Store, country: str, year: int, *, actor: str) -> Outcome:
    """``new``: an empty draft factsheet; ``Done.value`` is it."""
    from eccp_desktop.editions.next_edition import EditionError
    from eccp_desktop.store.editions import create_factsheet

    if store.read_only:
        return Refused(_("The store is read-only: no factsheet can be started."))
    try:
        fs = create_factsheet(store, country, year, actor=actor)
    except EditionError as e:
        return Refused(str(e), where=e.field)
    except StoreError as e:
        return Refused(str(e))
    return Done(Changes(factsheets=True, history=True), value=fs)


def compare_editions(store: Store, country: str, edition: int, against: int) -> list[Difference]:
    """What changed from ``against`` to ``edition`` (NotFoundError if one is missing)."""
    from eccp_desktop.editions.compare import compare
    from eccp_desktop.exchange.codec import factsheet_to_dict

    old = factsheet_to_dict(store.load(country, against))
    new = factsheet_to_dict(store.load(country, edition))
    return compare(old, new)


@dataclass
class ReceivedPlan:
    """What importing some packages would do: per file a plan, or the problems."""

    plans: list[ImportPlan] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def open_conflicts(self) -> int:
        return sum(p.open_conflicts for p in self.plans)


def plan_received(
    store: Store,
    packages: Sequence[tuple[str, Any, dict[str, Any]]],
    *,
    choices: Mapping[str, Mapping[str, Side]] | None = None,
    prefer: Side | None = None,
) -> ReceivedPlan:
    """Plan the import of checked packages ``(file, factsheet, document)``.

    ``choices``: per file, the side chosen for each conflict (by its key).
    """
    from eccp_desktop.editions.received import plan_import
    from eccp_desktop.store.editions import BaseError

    result = ReceivedPlan()
    for name, fs, doc in packages:
        try:
            chosen = (choices or {}).get(name)
            plan = plan_import(store, fs, doc, source=name, choices=chosen, prefer=prefer)
        except (BaseError, StoreError) as e:
            result.errors.append(f"{name}: {e}")
            continue
        result.plans.append(plan)
        result.documents.append(doc)
    return result


def read_received(
    store: Store, files: Sequence[str | Path], **kw: Any
) -> ReceivedPlan:  # fmt: skip
    """Read, check and plan package files (the window's import)."""
    from eccp_desktop.exchange import PackageError
    from eccp_desktop.exchange.package import read_document

    packages, errors = [], []
    for f in files:
        try:
            fs, doc = read_document(f)
        except PackageError as e:
            errors += e.lines()
            continue
        packages.append((str(f), fs, doc))
    if errors:
        return ReceivedPlan(errors=errors)
    return plan_received(store, packages, **kw)


def apply_received(store: Store, plan: ReceivedPlan, *, actor: str) -> Outcome:
    """Write every planned import in one transaction; ``Done.value``: the outcomes."""
    from eccp_desktop.store.editions import apply_import

    if store.read_only:
        return Refused(_("The store is read-only: nothing can be imported."))
    if plan.errors:
        return Refused(_("nothing was imported"), list(plan.errors))
    if plan.open_conflicts:
        return Refused(_("nothing was imported"))
    try:
        outcomes = apply_import(store, plan.plans, actor=actor)
    except RightsError as e:
        return Refused(str(e))
    except ConflictError as e:  # saved elsewhere after the plan: nothing written, plan again
        return Conflict(str(e))
    except StoreError as e:
        return Failed(str(e))
    return Done(Changes(paths=(ROOT,), status=True, factsheets=True, history=True), value=outcomes)


def exported(store: Store, country: str, edition: int) -> tuple[Any, dict[str, Any] | None]:
    """The factsheet to export and its package ``base`` (None from a read-only store)."""
    from eccp_desktop.store.editions import record_export

    fs, base = record_export(store, country, edition)
    return fs, base.as_json() if base else None
