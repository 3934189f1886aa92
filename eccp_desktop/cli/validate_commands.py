"""``validate``: every problem of one factsheet, as a report or as JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING

from eccp_desktop.cli.common import EXIT_ERRORS, EXIT_OK, load_factsheet
from eccp_desktop.domain.model import (
    Factsheet,
)
from eccp_desktop.i18n import _, current_language, ngettext
from eccp_desktop.i18n.formatting import country_name, format_date

# The rules load when a command validates: every command's start imports this
# module to build the parser, and most never validate (~8 ms).
if TYPE_CHECKING:
    from eccp_desktop.validation import Result


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help=_("check a factsheet against every rule (exit 1 if there are errors)"),
    )
    p.add_argument("country", metavar="COUNTRY")
    p.add_argument("--edition", type=int, metavar="Y")
    p.add_argument(
        "--json",
        action="store_true",
        help=_('print a JSON list of {"rule", "severity", "message", "path"}'),
    )
    p.set_defaults(handler=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    from eccp_desktop.validation import ERROR, validate

    fs = load_factsheet(args)
    results = validate(fs)
    if args.json:
        _emit(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        _emit(report(fs, results))
    return EXIT_ERRORS if any(r.severity == ERROR for r in results) else EXIT_OK


def _emit(text: str) -> None:
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # The reader stopped early (``| head``): silence the rest, keep the exit code.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def summary(results: list[Result]) -> str:
    """ "2 errors, 15 warnings, 1 note" (localised)."""
    from eccp_desktop.validation import ERROR, INFO, WARNING

    counts = Counter(r.severity for r in results)
    return ", ".join(
        [
            ngettext("{n} error", "{n} errors", counts[ERROR]).format(n=counts[ERROR]),
            ngettext("{n} warning", "{n} warnings", counts[WARNING]).format(n=counts[WARNING]),
            ngettext("{n} note", "{n} notes", counts[INFO]).format(n=counts[INFO]),
        ]
    )


def _severity_label(severity: str) -> str:
    from eccp_desktop.validation import ERROR, INFO, WARNING

    return {ERROR: _("error"), WARNING: _("warning"), INFO: _("note")}.get(severity, severity)


def report(fs: Factsheet, results: list[Result]) -> str:
    """The readable report: a heading, the counts, then problems by section."""
    from eccp_desktop.i18n.places import place_label
    from eccp_desktop.validation.labels import section_title
    from eccp_desktop.workflow import status_name

    lang = current_language()
    lines = [
        _("{code} {edition} ({country}), {status}, reference date {date}").format(
            code=fs.country,
            edition=fs.edition,
            country=country_name(fs.country, lang),
            status=status_name(fs.status),
            date=format_date(fs.as_of, lang),
        ),
        summary(results),
    ]
    if not results:
        lines.append(_("No problems found."))
    for section, group in groupby(results, key=lambda r: r.section):
        lines += ["", section_title(section)]
        for r in group:
            # the place as the window names it; the path stays for scripts and the JSON
            where = place_label(fs, r.path, lang)
            lines.append(f"  {_severity_label(r.severity):<8} {where}")
            lines.append(f"           {r.message} [{r.rule}, {r.path or '/'}]")
    return "\n".join(lines)
