"""``import`` of packages that come back: replace, or merge three-way with their base.

Reading and checking the files stays in ``store_commands.cmd_import``; this
module decides per package what importing does (``editions.received``), lists
open conflicts (exit 1, nothing written) or writes everything in one
transaction and says what came from where.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from eccp_desktop.cli.common import EXIT_OK, actor, fail, open_store
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.i18n import _, current_language, ngettext

EXIT_CONFLICTS = 1


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--prefer",
        choices=("incoming", "here"),
        help=_("settle every merge conflict with the package's value or the store's"),
    )


def import_checked(
    args: argparse.Namespace,
    packages: list[tuple[str, Factsheet, dict[str, Any]]],
    after: Callable[[Factsheet], None],
    on_applied: Callable[[Any, list[Any]], None] | None = None,
) -> int:
    """Import checked packages; ``after`` reports on what each left in the store."""
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.editions_ops import apply_received, plan_received

    with open_store(args) as store:
        planned = plan_received(store, packages, prefer=getattr(args, "prefer", None))
        if planned.errors:
            fail(*planned.errors, _("nothing was imported"))
        if planned.open_conflicts:
            for plan in planned.plans:
                _print_conflicts(plan)
            n = planned.open_conflicts
            print(
                ngettext(
                    "nothing was imported: {n} conflict; settle it with --prefer incoming or --prefer here, or in the window",
                    "nothing was imported: {n} conflicts; settle them with --prefer incoming or --prefer here, or in the window",
                    n,
                ).format(n=n)
            )
            return EXIT_CONFLICTS
        done = apply_received(store, planned, actor=actor())
        if on_applied is not None and isinstance(done, Done):
            on_applied(store, done.value)
    if not isinstance(done, Done):
        fail(done.reason)
    for plan, o in zip(planned.plans, done.value, strict=True):
        _print_outcome(plan, o.version)
        after(plan.factsheet)
    return EXIT_OK


def _print_outcome(plan: Any, version: int) -> None:
    from eccp_desktop.editions.received import NO_BASE

    fs = plan.incoming
    what = dict(code=fs.country, edition=fs.edition, file=plan.source, version=version)
    if plan.kind == "merge":
        print(_("{code} {edition}: merged from {file} (version {version})").format(**what))
        taken, kept = len(plan.differences), len(plan.kept)
        print(
            "  "
            + ngettext("{n} change from the package", "{n} changes from the package", taken).format(
                n=taken
            )
            + ", "
            + ngettext("{n} local change kept", "{n} local changes kept", kept).format(n=kept)
        )
        for r in plan.result.resolved:
            chosen = _("the package's value") if r.side == "incoming" else _("the store's value")
            print(
                "  "
                + _("conflict at {place}: {chosen} taken").format(
                    place=_place(plan.result.merged, r.conflict.path), chosen=chosen
                )
            )
        return
    verb = _("replaced") if plan.kind == "replace" else _("added")
    print(_("{code} {edition}: {verb} from {file} (version {version})").format(verb=verb, **what))
    if plan.kind == "replace":
        n = len(plan.differences)
        line = (
            ngettext(
                "the package has no base: replaced whole ({n} difference from the store)",
                "the package has no base: replaced whole ({n} differences from the store)",
                n,
            )
            if plan.reason == NO_BASE
            else ngettext(
                "the package's base is unknown to this store: replaced whole ({n} difference from the store)",
                "the package's base is unknown to this store: replaced whole ({n} differences from the store)",
                n,
            )
        )
        print("  " + line.format(n=n))


def _print_conflicts(plan: Any) -> None:
    if not plan.open_conflicts:
        return
    from eccp_desktop.i18n.places import format_value

    lang = current_language()
    fs = plan.incoming
    print(
        ngettext(
            "{file}: {code} {edition}: {n} conflict", "{file}: {code} {edition}: {n} conflicts",
            plan.open_conflicts,
        ).format(file=plan.source, code=fs.country, edition=fs.edition, n=plan.open_conflicts)
    )  # fmt: skip
    for c in plan.result.conflicts:
        print(
            "  "
            + _("{place} ({path}): base {base} | here {here} | incoming {incoming}").format(
                place=_place(plan.result.merged, c.path),
                path=c.path,
                base=format_value(c.base, c.path, lang),
                here=format_value(c.here, c.path, lang),
                incoming=format_value(c.incoming, c.path, lang),
            )
        )


def _place(document: dict[str, Any], path: str) -> str:
    from eccp_desktop.i18n.places import place_label

    return place_label(document, path, current_language())
