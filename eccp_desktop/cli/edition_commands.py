"""``new-edition`` and ``diff``: editions of a factsheet and what changed between them."""

from __future__ import annotations

import argparse
import json

from eccp_desktop.cli.common import EXIT_OK, actor, fail, open_store
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange import PackageError, read_package
from eccp_desktop.i18n import _, current_language, ngettext

EXIT_DIFFERENT = 1  # like diff(1): 0 the same, 1 differences, 2 bad input


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new-edition",
        help=_("start the next edition of a factsheet from the latest (or a named) one"),
    )
    p.add_argument("country", metavar="COUNTRY")
    p.add_argument("year", type=int, metavar="YEAR")
    p.add_argument("--from", dest="source", type=int, metavar="EDITION")
    p.set_defaults(handler=cmd_new_edition)

    p = sub.add_parser(
        "diff",
        help=_("what changed between two editions, or between the store and a package"),
    )
    p.add_argument("country", metavar="COUNTRY")
    p.add_argument("file", nargs="?", metavar="FILE", help=_("a *.eccp.json package"))
    p.add_argument("--edition", type=int, metavar="A")
    p.add_argument("--against", type=int, metavar="B", help=_("the earlier edition"))
    p.add_argument(
        "--json",
        action="store_true",
        help=_('print a JSON list of {"path", "change", "old", "new"}'),
    )
    p.set_defaults(handler=cmd_diff)


def cmd_new_edition(args: argparse.Namespace) -> int:
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.editions_ops import start_edition

    with open_store(args) as store:
        done = start_edition(store, args.country, args.year, source=args.source, actor=actor())
    if not isinstance(done, Done):
        fail(done.reason, _("nothing was written"))
    fs = done.value
    comments = len(fs.review_comments)
    print(
        _("{code} {year} started from {source}: draft, reference date {date}").format(
            code=fs.country,
            year=fs.edition,
            source=args.source or _previous(args, fs),
            date=fs.as_of.isoformat(),
        )
    )
    if comments:
        print(
            "  "
            + ngettext(
                "{n} open review comment carried over",
                "{n} open review comments carried over",
                comments,
            ).format(n=comments)
        )
    return EXIT_OK


def _previous(args: argparse.Namespace, fs: Factsheet) -> int:
    with open_store(args, read_only=True) as store:
        earlier = [e for e in store.editions(fs.country) if e < fs.edition]
    return earlier[-1]


def cmd_diff(args: argparse.Namespace) -> int:
    from eccp_desktop.editions.compare import compare
    from eccp_desktop.editions.report import lines
    from eccp_desktop.exchange.codec import factsheet_to_dict
    from eccp_desktop.store import NotFoundError

    if args.file and args.against is not None:
        fail(_("give either --against EDITION or a package file, not both"))
    if not args.file and args.against is None:
        fail(_("give --against EDITION or a package file to compare with"))
    with open_store(args, read_only=True) as store:
        try:
            if args.file:
                new = _package(args.file, args.country)
                code, year = store.resolve(
                    args.country,
                    args.edition if args.edition is not None else _stored(store, new),
                )
                old, old_name, new_name = store.load(code, year), f"{code} {year}", args.file
            else:
                code, year = store.resolve(args.country, args.edition)
                against = store.resolve(code, args.against)[1]
                old, new = store.load(code, against), store.load(code, year)
                old_name, new_name = f"{code} {against}", f"{code} {year}"
        except NotFoundError as e:
            fail(str(e))
    old_doc, new_doc = factsheet_to_dict(old), factsheet_to_dict(new)
    differences = compare(old_doc, new_doc)
    if args.json:
        print(json.dumps([d.as_json() for d in differences], ensure_ascii=False, indent=2))
    else:
        print(
            ngettext(
                "{old} \u2192 {new}: {n} difference", "{old} \u2192 {new}: {n} differences",
                len(differences),
            ).format(old=old_name, new=new_name, n=len(differences))
        )  # fmt: skip
        for line in lines(differences, old_doc, new_doc, current_language()):
            print("  " + line)
    return EXIT_DIFFERENT if differences else EXIT_OK


def _package(path: str, country: str) -> Factsheet:
    try:
        fs = read_package(path)
    except PackageError as e:
        fail(*e.lines())
    if fs.country != country.upper():
        fail(
            _("{file} holds the {found} factsheet, not {code}'s").format(
                file=path, found=fs.country, code=country.upper()
            )
        )
    return fs


def _stored(store: object, package: Factsheet) -> int | None:
    """The package's edition if the store has it, else the latest."""
    editions = store.editions(package.country)  # type: ignore[attr-defined]
    return package.edition if package.edition in editions else None
