"""Experts' PDF annotations into review comments: read (the preview), then import.

The window (*File › Import comments from PDF…*, a PDF dropped on it) and
``comments import FILE.pdf`` both go through these two steps: the same
refusals (not a PDF, not this store's export, no annotations, a read-only
store), the same all-or-nothing write. Qt-free; ``read_pdf_comments`` is
fine off the GUI thread (it only reads).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from eccp_desktop.i18n import _
from eccp_desktop.operations.permissions import permissions_for
from eccp_desktop.operations.report import ROOT, Changes, Conflict, Done, Failed, Outcome, Refused
from eccp_desktop.store.errors import ConflictError, NotFoundError, StoreError

if TYPE_CHECKING:
    from eccp_desktop.annotations import ImportOutcome, ImportPlan
    from eccp_desktop.store import Store


def read_pdf_comments(
    store: Store, file: str | os.PathLike[str], data: bytes | None = None
) -> Outcome:
    """Read an annotated PDF: ``Done.value`` is the ``ImportPlan``; Refused says why not.

    ``data``: the file's bytes when the caller has read them already.
    """
    from eccp_desktop.annotations import AnnotationError, plan_import

    path = Path(file)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as e:
            return Refused(
                _("{path} cannot be read: {reason}").format(path=path, reason=e.strerror or e)
            )
    try:
        plan = plan_import(store, data, str(path))
    except AnnotationError as e:
        return Refused(str(e))
    except StoreError as e:
        return Failed(str(e))
    return Done(value=plan)


def import_pdf_comments(
    store: Store, plan: ImportPlan, *, actor: str, reviewer: bool = False
) -> Outcome:
    """Write the plan's new comments and state changes in one save (all or nothing).

    Commenting is what reviewers do, so reviewer mode and a signed-off
    factsheet allow it; a read-only store refuses. ``Done.value`` is the
    ``ImportOutcome``.
    """
    from eccp_desktop.annotations import apply_import

    record = plan.record
    try:
        status = store.load(record.country, record.edition).status
    except NotFoundError:
        return Refused(
            _("The {code} {edition} factsheet is no longer in the store: nothing was imported.")
            .format(code=record.country, edition=record.edition)
        )  # fmt: skip
    except StoreError as e:
        return Failed(str(e))
    perms = permissions_for(status, reviewer=reviewer, read_only=store.read_only)
    if not perms.comment:
        return Refused(_("The store is read-only: no comments can be imported."))
    try:
        outcome = apply_import(store, plan, actor=actor)
    except ConflictError:
        # saved elsewhere between load and save: nothing written; reading again retries
        return Conflict(
            _(
                "The {code} {edition} factsheet was changed elsewhere while the comments were imported: nothing was written; import the PDF again."
            ).format(code=record.country, edition=record.edition),
            changes=Changes((ROOT,), history=True),
        )
    except StoreError as e:
        return Failed(str(e))
    changed = outcome.added > 0 or outcome.resolved > 0
    return Done(Changes(("/review_comments",) if changed else (), history=changed), value=outcome)


def summary(outcome: ImportOutcome) -> str:
    """ "3 comments added to PL 2023 (1 reply, 1 resolved, 0 already imported)"."""
    from eccp_desktop.i18n import ngettext

    fs = f"{outcome.country} {outcome.edition}"
    head = ngettext(
        "{n} comment added to {fs}", "{n} comments added to {fs}", outcome.added
    ).format(n=outcome.added, fs=fs)
    details = [
        ngettext("{n} reply", "{n} replies", outcome.replies).format(n=outcome.replies),
        ngettext("{n} resolved", "{n} resolved", outcome.resolved).format(n=outcome.resolved),
        ngettext("{n} already imported", "{n} already imported", outcome.duplicates).format(
            n=outcome.duplicates
        ),
    ]
    return f"{head} ({', '.join(details)})"
