"""The status workflow: draft -> submitted -> validated -> reviewed -> published.

Reopening goes back to ``draft`` from any later status. A factsheet cannot
become ``validated`` (nor go on to ``reviewed`` or ``published``) while any
validation error stands; the sign-off records who, for which organisation
and when. ``reviewed`` (the expert reviewer's step) is refused while a review
comment is open too, and needs the reviewer's name: the history records who
marked it (the sign-off record stays the national authority's).
Transitions change the factsheet in place; ``Store.save`` then records
``/status`` and ``/validation`` in the history (action "status").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Final

from eccp_desktop.domain.codes import STATUSES
from eccp_desktop.domain.model import Factsheet, ValidationRecord
from eccp_desktop.i18n import N_, _, ngettext

# The rules are imported where a judgement is made, not with this module:
# opening a factsheet needs only ``allowed_targets`` (its permissions), and
# the window validates once the factsheet is on screen (start-up, issue 16).
if TYPE_CHECKING:
    from eccp_desktop.validation import Result

DRAFT: Final = "draft"
REVIEWED: Final = "reviewed"
_FORWARD: Final[dict[str, str]] = {
    "draft": "submitted",
    "submitted": "validated",
    "validated": "reviewed",
    "reviewed": "published",
}
# Statuses a factsheet with errors cannot reach.
ERROR_FREE: Final = ("validated", "reviewed", "published")

_STATUS_NAMES: Final = {
    "draft": N_("draft"),
    "submitted": N_("submitted"),
    "validated": N_("validated"),
    "reviewed": N_("reviewed"),
    "published": N_("published"),
}


class TransitionRefused(Exception):
    """The transition is not allowed; ``problems`` lists the errors that block it."""

    def __init__(self, message: str, problems: list[Result] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])


def status_name(status: str) -> str:
    return _(_STATUS_NAMES[status]) if status in _STATUS_NAMES else status


def allowed_targets(status: str) -> tuple[str, ...]:
    """The statuses a factsheet in ``status`` may go to, forward first."""
    targets = [_FORWARD[status]] if status in _FORWARD else []
    if status != DRAFT and status in STATUSES:
        targets.append(DRAFT)
    return tuple(targets)


def blocking_problems(factsheet: Factsheet, target: str) -> list[Result]:
    """The errors (and for ``reviewed`` the open comments) that keep ``factsheet`` from ``target``.

    Judged as if the factsheet already had that status, so values required
    from then on count as errors.
    """
    if target not in ERROR_FREE:
        return []
    from eccp_desktop.validation import ERROR, validate

    trial = dataclasses.replace(factsheet, status=target)
    errors = [r for r in validate(trial) if r.severity == ERROR]
    return errors + open_comments(factsheet) if target == REVIEWED else errors


OPEN_COMMENT_RULE: Final = "review.comment_open"


def open_comments(factsheet: Factsheet) -> list[Result]:
    """Each open review comment as a blocking finding about the place it is on.

    The path is the commented field's (not ``/review_comments/i``), so a
    double-click on it goes to what the reviewer asked about.
    """
    from eccp_desktop.validation import ERROR, Result

    return [
        Result(
            OPEN_COMMENT_RULE,
            ERROR,
            _("Open review comment by {author}: {text}").format(
                author=c.author or "?", text=c.text
            ),
            c.path,
        )
        for c in factsheet.review_comments
        if not c.resolved
    ]


def refusal_message(target: str, problems: list[Result]) -> str:
    """ "cannot become reviewed while 2 errors and 1 open review comment stand"."""
    comments = sum(1 for r in problems if r.rule == OPEN_COMMENT_RULE)
    errors = len(problems) - comments
    if not comments:
        return ngettext(
            "The factsheet cannot become {target} while {count} error stands",
            "The factsheet cannot become {target} while {count} errors stand",
            errors,
        ).format(target=status_name(target), count=errors)
    if not errors:
        return ngettext(
            "The factsheet cannot become {target} while {count} review comment is open",
            "The factsheet cannot become {target} while {count} review comments are open",
            comments,
        ).format(target=status_name(target), count=comments)
    open_part = ngettext("{n} open review comment", "{n} open review comments", comments).format(
        n=comments
    )
    error_part = ngettext("{n} error", "{n} errors", errors).format(n=errors)
    return _("The factsheet cannot become {target} while {errors} and {comments} stand").format(
        target=status_name(target), errors=error_part, comments=open_part
    )


def check_step(current: str, target_status: str) -> None:
    """Raise TransitionRefused unless the workflow goes from ``current`` to ``target_status``."""
    if target_status not in STATUSES:
        raise TransitionRefused(
            _("“{status}” is not a status; expected one of: {statuses}").format(
                status=target_status, statuses=", ".join(STATUSES)
            )
        )
    if target_status not in allowed_targets(current):
        allowed = ", ".join(status_name(s) for s in allowed_targets(current))
        raise TransitionRefused(
            _("A {current} factsheet cannot become {target}; it can become: {allowed}").format(
                current=status_name(current), target=status_name(target_status), allowed=allowed
            )
        )


def transition(
    factsheet: Factsheet,
    target_status: str,
    *,
    by: str | None = None,
    organisation: str | None = None,
    on: dt.date | None = None,
) -> None:
    """Move ``factsheet`` to ``target_status`` or raise TransitionRefused."""
    check_step(factsheet.status, target_status)
    record: ValidationRecord | None = factsheet.validation
    if target_status == "validated":
        by, organisation = (by or "").strip(), (organisation or "").strip()
        if not by:
            raise TransitionRefused(_("The sign-off needs the name of the person who signs off"))
        if not organisation:
            raise TransitionRefused(_("The sign-off needs the organisation signing off"))
        record = ValidationRecord(by=by, organisation=organisation, on=on or dt.date.today())
    if target_status == REVIEWED and not (by or "").strip():
        raise TransitionRefused(_("Marking as reviewed needs the reviewer's name"))
    problems = blocking_problems(dataclasses.replace(factsheet, validation=record), target_status)
    if problems:
        raise TransitionRefused(refusal_message(target_status, problems), problems)
    if target_status == DRAFT:
        record = None  # reopened: the sign-off no longer holds (the history keeps it)
    factsheet.status = target_status
    factsheet.validation = record


@dataclasses.dataclass(frozen=True, slots=True)
class Judgement:
    """The factsheet judged as it would be at ``target``, split as the window shows it.

    ``standing`` are errors now as well; ``raised`` are today's warnings (or
    notes) that become errors at ``target`` (e.g. a missing required value);
    together they are exactly what blocks the transition, so every count of
    "errors that block the sign-off" is ``len(blocking)``. ``warnings`` stay
    warnings at ``target`` and do not block it.
    """

    target: str
    standing: tuple[Result, ...]
    raised: tuple[Result, ...]
    warnings: tuple[Result, ...]

    @property
    def blocking(self) -> tuple[Result, ...]:
        return self.standing + self.raised

    @property
    def results(self) -> tuple[Result, ...]:
        """Everything found at ``target``, errors first (the Problems dock's sign-off view)."""
        return self.blocking + self.warnings


# Stands in for the sign-off record the dialog is about to ask for, so its
# absence is not counted among what blocks the sign-off.
_PENDING_RECORD: Final = ValidationRecord(by="-", organisation="-", on=dt.date(2000, 1, 1))


def judge(factsheet: Factsheet, target: str = "validated") -> Judgement:
    """What stands between ``factsheet`` and ``target`` (see ``Judgement``)."""
    from eccp_desktop.validation import ERROR, WARNING, validate

    now = {(r.rule, r.path) for r in validate(factsheet) if r.severity == ERROR}
    record = factsheet.validation or _PENDING_RECORD
    trial = dataclasses.replace(factsheet, status=target, validation=record)
    found = validate(trial)
    errors = [r for r in found if r.severity == ERROR]
    standing = tuple(r for r in errors if (r.rule, r.path) in now)
    raised = tuple(r for r in errors if (r.rule, r.path) not in now)
    warnings = tuple(r for r in found if r.severity == WARNING)
    return Judgement(target, standing, raised, warnings)
