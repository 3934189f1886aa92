"""``overview``: the state of play across the store as one PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from eccp_desktop.cli.common import EXIT_OK, fail, open_store
from eccp_desktop.cli.pdf_commands import one_language, write_atomically
from eccp_desktop.i18n import _, current_language
from eccp_desktop.pdf import PdfError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("overview", help=_("the state of play across the store, as a PDF"))
    p.add_argument("--lang", metavar="L", help=_("the language of the PDF (en, pl, de, …)"))
    p.add_argument(
        "--edition", type=int, metavar="Y", help=_("one edition (default: each country's latest)")
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(handler=cmd_overview)


def cmd_overview(args: argparse.Namespace) -> int:
    lang = one_language(args.lang or current_language())
    out = Path(args.out)
    if out.is_dir() or not out.parent.is_dir():
        fail(_("{path}: give a PDF file name in an existing folder").format(path=out))
    from eccp_desktop.stateofplay import compute  # only this command needs it

    with open_store(args) as store:
        sheets = store.load_all()
    state = compute(sheets, args.edition)
    if not state.lines:
        fail(_("no factsheets of edition {edition} in the store").format(edition=args.edition))
    from eccp_desktop.pdf.overview import render_overview  # reportlab: only when printing

    try:
        write_atomically(out, render_overview(state, lang))
    except (PdfError, OSError) as e:
        fail(_("{path} cannot be written: {reason}").format(path=out, reason=e))
    print(
        _("state of play of {count} factsheets ({lang}) written to {path}").format(
            count=len(state.lines), lang=lang, path=out
        )
    )
    return EXIT_OK
