"""``new`` and ``status``: start a factsheet, move it along the workflow.

Both go through the same operations as the window.
"""

from __future__ import annotations

import argparse

from eccp_desktop.cli.common import EXIT_OK, actor, fail, open_store
from eccp_desktop.domain.codes import STATUSES
from eccp_desktop.i18n import _, current_language


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("new", help=_("start an empty draft factsheet for a country and edition"))
    p.add_argument("country", metavar="COUNTRY")
    p.add_argument("year", type=int, metavar="YEAR")
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser(
        "status",
        help=_(
            "move a factsheet along the workflow (draft, submitted, validated, reviewed, published)"
        ),
    )
    p.add_argument("country", metavar="COUNTRY")
    p.add_argument("target", metavar="STATUS", choices=STATUSES)
    p.add_argument("--edition", type=int, metavar="Y")
    p.add_argument("--by", required=True, metavar="NAME", help=_("who makes the step"))
    p.add_argument("--organisation", required=True, metavar="ORG", help=_("for which organisation"))
    p.set_defaults(handler=cmd_status)


def cmd_status(args: argparse.Namespace) -> int:
    from eccp_desktop.i18n.places import place_label
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.factsheet import FactsheetOps
    from eccp_desktop.operations.store_ops import actor_label
    from eccp_desktop.store import NotFoundError
    from eccp_desktop.workflow import status_name

    by, organisation = args.by.strip(), args.organisation.strip()
    if not by or not organisation:
        fail(_("--by and --organisation need a name and an organisation, not blanks"))
    with open_store(args) as store:
        try:
            code, year = store.resolve(args.country, args.edition)
        except NotFoundError as e:
            fail(str(e))
        # Marking reviewed is the expert reviewer's step; the others are the
        # officer's or the central team's: the command acts in that role.
        ops = FactsheetOps(
            store,
            code,
            year,
            actor=actor_label(by, organisation),
            reviewer=args.target == "reviewed",
        )
        before = ops.factsheet.status
        outcome = ops.transition(args.target, by=by, organisation=organisation)
        if not isinstance(outcome, Done):
            lang = current_language()
            fs = ops.factsheet
            lines = [f"{code} {year}: {outcome.reason}"]
            for r in getattr(outcome, "problems", []) or []:
                lines.append(f"  {place_label(fs, r.path, lang)}: {r.message} [{r.path or '/'}]")
            fail(*lines, _("nothing was written"))
    print(
        _("{code} {year}: {old} \u2192 {new} (by {who})").format(
            code=code,
            year=year,
            old=status_name(before),
            new=status_name(args.target),
            who=actor_label(by, organisation),
        )
    )
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from eccp_desktop.i18n.formatting import country_name, language_name
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.editions_ops import new_factsheet

    with open_store(args) as store:
        done = new_factsheet(store, args.country, args.year, actor=actor())
    if not isinstance(done, Done):
        fail(done.reason, _("nothing was written"))
    fs = done.value
    lang = current_language()
    print(
        _("{code} {year} ({country}) started: an empty draft in {languages}").format(
            code=fs.country,
            year=fs.edition,
            country=country_name(fs.country, lang),
            languages=", ".join(language_name(x, lang) for x in fs.languages),
        )
    )
    return EXIT_OK
