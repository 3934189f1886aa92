"""``list``, ``import`` and ``export``: the store and the exchange package."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from eccp_desktop.cli import merge_import, signature_commands
from eccp_desktop.cli.common import EXIT_OK, err, fail, open_store
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange import PackageError, dumps
from eccp_desktop.exchange.package import read_document, write_text
from eccp_desktop.i18n import _, current_language, labels, ngettext
from eccp_desktop.i18n.formatting import country_name, format_integer
from eccp_desktop.operations.signatures import remember_signatures


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help=_("the factsheets in the store, one a line"))
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("import", help=_("add or replace factsheets from packages"))
    p.add_argument("files", nargs="+", metavar="FILE", help=_("*.eccp.json packages"))
    p.add_argument(
        "--require-signature",
        action="store_true",
        help=_("refuse packages that are not signed by a trusted, authorised signer"),
    )
    merge_import.add_arguments(p)
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
    signature_commands.add_signing_options(p)
    p.set_defaults(handler=cmd_export)


def cmd_list(args: argparse.Namespace) -> int:
    lang = current_language()
    with open_store(args) as store:
        for s in store.list():
            counts = ngettext("{n} cluster", "{n} clusters", s.clusters).format(
                n=format_integer(s.clusters, lang)
            )
            counts += ", " + ngettext("{n} policy", "{n} policies", s.policies).format(
                n=format_integer(s.policies, lang)
            )
            status = labels.name(labels.STATUSES, s.status, _)  # "Entwurf", not "draft"
            print(
                f"{s.country} {s.edition}  {status:<12} v{s.version:<4} {counts}  {country_name(s.country, lang)}"
            )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    # Read and check every file first: one bad file means nothing is written.
    sheets, documents, problems = [], [], []
    for name in args.files:
        try:
            fs, document = read_document(name)
            sheets.append(fs)
            documents.append(document)
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
    # Signatures next: an altered package is refused before the store is opened.
    warnings = signature_commands.check_import_signatures(
        args.files, getattr(args, "require_signature", False)
    )
    # Added, replaced whole, or merged with the package's base (editions).
    code = merge_import.import_checked(
        args,
        list(zip(args.files, sheets, documents, strict=True)),
        report_import_checks,
        on_applied=lambda store, outcomes: remember_signatures(store, args.files, outcomes),
    )
    for line in warnings:
        print(line)
    return code


SIGNED_OFF = ("validated", "reviewed", "published")


def report_import_checks(factsheet: Factsheet) -> None:
    """The validation summary of an imported factsheet (problems do not block it)."""
    from eccp_desktop.cli.validate_commands import summary
    from eccp_desktop.validation import ERROR, validate
    from eccp_desktop.workflow import status_name

    results = validate(factsheet)
    print("  " + _("validation: {summary}").format(summary=summary(results)))
    errors = sum(1 for r in results if r.severity == ERROR)
    if errors and factsheet.status in SIGNED_OFF:
        # The data is the authority's: imported all the same, but said so.
        print(
            "  "
            + ngettext(
                "warning: the package is marked {status} but validation finds {n} error",
                "warning: the package is marked {status} but validation finds {n} errors",
                errors,
            ).format(status=status_name(factsheet.status), n=errors)
        )


def cmd_export(args: argparse.Namespace) -> int:
    signing = signature_commands.wants_signature(args)
    at = signature_commands.check_signing_options(args)
    out = None if args.out == "-" else Path(args.out)
    if out is not None and out.is_dir():
        fail(_("{path} is a folder; give a file name for the package").format(path=out))
    if out is not None and not out.parent.exists():
        fail(_("{path}: the folder {folder} does not exist").format(path=out, folder=out.parent))
    fs, base = _exported(args)
    code, edition = fs.country, fs.edition
    if signing:
        text = signature_commands.signed_package_text(fs, args, at, base=base)
    else:
        text = dumps(fs, base=base)
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        write_text(text, out)
    except OSError as e:
        fail(_("{path} cannot be written: {reason}").format(path=out, reason=e.strerror or e))
    print(_("{code} {edition} written to {path}").format(code=code, edition=edition, path=out))
    return EXIT_OK


def _exported(args: argparse.Namespace) -> tuple[Factsheet, dict[str, Any] | None]:
    """The factsheet and its ``base``; the store keeps what was exported (editions)."""
    from eccp_desktop.store import NotFoundError
    from eccp_desktop.store.editions import record_export

    with open_store(args) as store:
        try:
            fs, base = record_export(store, *store.resolve(args.country, args.edition))
        except NotFoundError as e:
            fail(str(e))
    if base is None:
        err(_("the store is read-only: the package has no base and will be imported whole"))
        return fs, None
    return fs, base.as_json()
