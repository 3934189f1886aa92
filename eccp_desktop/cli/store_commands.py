"""``list``, ``import`` and ``export``: the store and the exchange package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eccp_desktop.cli.common import EXIT_OK, actor, fail, load_factsheet, open_store
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange import PackageError, dumps, read_package, write_package
from eccp_desktop.i18n import _, current_language, ngettext
from eccp_desktop.i18n.formatting import country_name


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help=_("the factsheets in the store, one a line"))
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("import", help=_("add or replace factsheets from packages"))
    p.add_argument("files", nargs="+", metavar="FILE", help=_("*.eccp.json packages"))
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help=_("write a factsheet as a package"))
    p.add_argument("country", metavar="COUNTRY")
    p.add_argument("--edition", type=int, metavar="Y")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help=_("the package to write ('-' for standard output)"),
    )
    p.set_defaults(handler=cmd_export)


def cmd_list(args: argparse.Namespace) -> int:
    lang = current_language()
    with open_store(args) as store:
        for s in store.list():
            counts = ngettext("{n} cluster", "{n} clusters", s.clusters).format(n=s.clusters)
            counts += ", " + ngettext("{n} policy", "{n} policies", s.policies).format(n=s.policies)
            print(
                f"{s.country} {s.edition}  {s.status:<10} v{s.version:<4} {counts}  {country_name(s.country, lang)}"
            )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    # Read and check every file first: one bad file means nothing is written.
    sheets, problems = [], []
    for name in args.files:
        try:
            sheets.append(read_package(name))
        except PackageError as e:
            problems += e.lines()
    seen: dict[tuple[str, int], str] = {}
    for name, fs in zip(args.files, sheets, strict=False):
        if fs.ident in seen and not problems:
            problems.append(
                _("{file}: the {code} {edition} factsheet is also in {other}").format(
                    file=name, code=fs.country, edition=fs.edition, other=seen[fs.ident]
                )
            )
        seen[fs.ident] = name
    if problems:
        fail(*problems, _("nothing was imported"))
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.store_ops import ImportPlan, run_import

    with open_store(args) as store:
        done = run_import(store, ImportPlan(sheets), actor=actor())
    if not isinstance(done, Done):
        fail(done.reason)
    outcomes = done.value
    for name, fs, o in zip(args.files, sheets, outcomes, strict=True):
        verb = _("replaced") if o.replaced else _("added")
        print(
            _("{code} {edition}: {verb} from {file} (version {version})").format(
                code=o.country, edition=o.edition, verb=verb, file=name, version=o.version
            )
        )
        report_import_checks(fs)
    return EXIT_OK


def report_import_checks(factsheet: Factsheet) -> None:
    """The validation summary of an imported factsheet (problems do not block it)."""
    from eccp_desktop.cli.validate_commands import summary
    from eccp_desktop.validation import validate

    results = validate(factsheet)
    print("  " + _("validation: {summary}").format(summary=summary(results)))


def cmd_export(args: argparse.Namespace) -> int:
    fs = load_factsheet(args)
    code, edition = fs.country, fs.edition
    if args.out == "-":
        sys.stdout.write(dumps(fs))
        return EXIT_OK
    out = Path(args.out)
    if out.is_dir():
        fail(_("{path} is a folder; give a file name for the package").format(path=out))
    if not out.parent.exists():
        fail(_("{path}: the folder {folder} does not exist").format(path=out, folder=out.parent))
    try:
        write_package(fs, out)
    except OSError as e:
        fail(_("{path} cannot be written: {reason}").format(path=out, reason=e.strerror or e))
    print(_("{code} {edition} written to {path}").format(code=code, edition=edition, path=out))
    return EXIT_OK
