"""``comments import FILE.pdf [--dry-run]``: experts' PDF annotations become review comments."""

from __future__ import annotations

import argparse
from pathlib import Path

from eccp_desktop.cli.common import EXIT_OK, actor, fail, open_store
from eccp_desktop.i18n import _, ngettext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("comments", help=_("review comments: import experts' PDF annotations"))
    inner = p.add_subparsers(dest="comments_command", metavar="ACTION", required=True)
    imp = inner.add_parser(
        "import", help=_("turn the annotations of an exported PDF into review comments")
    )
    imp.add_argument("file", metavar="FILE.pdf", help=_("an annotated copy of an exported PDF"))
    imp.add_argument(
        "--dry-run", action="store_true", help=_("show what would be added; write nothing")
    )
    imp.set_defaults(handler=cmd_comments_import)


def describe(planned: object) -> str:
    """One preview line: page, kind, the item it lands on, who, the quote and the note."""
    from eccp_desktop.annotations import LOW, PlannedComment

    assert isinstance(planned, PlannedComment)
    a, c = planned.annotation, planned.comment
    line = _("p. {page} {kind} → {path}").format(page=a.page, kind=a.kind, path=c.path)
    if c.author:
        line += f" ({c.author})"
    if c.reply_to:
        line += " " + _("[reply]")
    if c.quote:
        line += f" “{c.quote[:80]}”"
    if c.text:
        line += f": {c.text[:120]}"
    marks = []
    if c.placed_by_page:
        marks.append(_("placed by page"))
    if planned.confidence == LOW:
        marks.append(_("low confidence: the file was rewritten and the text there differs"))
    if c.resolved:
        marks.append(_("resolved"))
    if planned.duplicate:
        marks.append(_("already imported"))
    if marks:
        line += " [" + "; ".join(marks) + "]"
    return line


def cmd_comments_import(args: argparse.Namespace) -> int:
    from eccp_desktop.annotations import ImportOutcome, ImportPlan
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.comments_ops import (
        import_pdf_comments,
        read_pdf_comments,
        summary,
    )

    path = Path(args.file)
    try:
        data = path.read_bytes()  # before the store opens: a missing file creates nothing
    except OSError as e:
        fail(_("{path} cannot be read: {reason}").format(path=path, reason=e.strerror or e))
    with open_store(args, read_only=args.dry_run) as store:
        read = read_pdf_comments(store, path, data)  # the window's operation too
        if not isinstance(read, Done):
            fail(read.reason)
        plan: ImportPlan = read.value
        for planned in plan.comments:
            print(describe(planned))
        if not plan.exact:
            print(
                _(
                    "The file was rewritten by the reader (it no longer starts with the exported bytes): each placement was checked against the text under it."
                )
            )
        new = len(plan.new)
        fs = f"{plan.record.country} {plan.record.edition}"
        if args.dry_run:
            print(
                ngettext(
                    "{n} new comment for {fs} ({lang}); --dry-run: nothing written",
                    "{n} new comments for {fs} ({lang}); --dry-run: nothing written",
                    new,
                ).format(n=new, fs=fs, lang=plan.record.lang)
            )
            return EXIT_OK
        written = import_pdf_comments(store, plan, actor=actor())
        if not isinstance(written, Done):
            fail(written.reason)
        outcome: ImportOutcome = written.value
    print(summary(outcome))
    return EXIT_OK
