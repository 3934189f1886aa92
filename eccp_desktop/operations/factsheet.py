"""Operations on the open factsheet: edit, comment, status, reload.

``FactsheetOps`` wraps the editing session and is the only thing the window
calls to change the factsheet. It checks the permissions again (a shortcut
or a stale menu cannot get past it), turns every store refusal into an
outcome (never an exception out of a Qt override), and on a conflict
reloads what the store holds and says who changed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eccp_desktop.editing import EditingSession, Operation, PathError
from eccp_desktop.editing.operations import Restore
from eccp_desktop.i18n import _
from eccp_desktop.operations.permissions import Permissions, permissions_for
from eccp_desktop.operations.report import (
    ROOT,
    Changes,
    Conflict,
    Done,
    Failed,
    Outcome,
    Refused,
)
from eccp_desktop.store.errors import (
    ConflictError,
    RightsError,
    StoreError,
    StoreUnreachableError,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from eccp_desktop.editions.merge import Side
    from eccp_desktop.operations.rebase import EditMerge
    from eccp_desktop.store import ChangeRecord, Store

COMMENTS = "/review_comments"


REBASE_ROUNDS = 3  # others saving again while we merge: try again, then say so


class FactsheetOps:
    """The open factsheet's operations.

    ``reviewer`` may be switched at any time; ``offline`` is set by the
    window while the server cannot be reached (editing waits for it).
    """

    def __init__(
        self, store: Store, country: str, edition: int, *, actor: str, reviewer: bool = False
    ) -> None:
        self.session = EditingSession(store, country, edition, actor=actor)
        self.reviewer = reviewer
        self.offline = False

    @classmethod
    def for_session(cls, session: EditingSession, *, reviewer: bool = False) -> FactsheetOps:
        """Operations over a session that is already open."""
        ops = cls.__new__(cls)
        ops.session = session
        ops.reviewer = reviewer
        ops.offline = False
        return ops

    # -- state -----------------------------------------------------------------
    @property
    def store(self) -> Store:
        return self.session.store

    @property
    def factsheet(self) -> Any:
        return self.session.factsheet

    @property
    def ident(self) -> tuple[str, int]:
        return self.session.ident

    @property
    def permissions(self) -> Permissions:
        return permissions_for(
            self.factsheet.status,
            reviewer=self.reviewer,
            read_only=self.session.read_only,
            rights=getattr(self.store, "rights", None),
            country=self.factsheet.country,
            offline=self.offline,
        )

    # -- changes ---------------------------------------------------------------
    def edit(self, op: Operation, *, coalesce: bool = False) -> Outcome:
        """Apply and save ``op``; ``Done.value`` is its inverse (the undo step)."""
        if op.path.startswith(COMMENTS):
            return self.comment(op)
        perms = self.permissions
        if not perms.edit:
            return Refused(perms.why_not_edit or _("This factsheet cannot be changed here."))
        return self._apply(op, coalesce=coalesce)

    def comment(self, op: Operation) -> Outcome:
        """Add or resolve a review comment: allowed in reviewer mode and when signed off."""
        if not op.path.startswith(COMMENTS):
            return Refused(_("Only review comments can be changed here."))
        perms = self.permissions
        if not perms.comment:
            return Refused(perms.why_not_edit)
        return self._apply(op)

    def undo_step(self, op: Operation) -> Outcome:
        """Apply an undo or redo step: refused like any edit when the state forbids it."""
        return self.edit(op)

    def transition(self, target: str, **who: Any) -> Outcome:
        """Change the workflow status; not an undo step (undo never crosses a sign-off)."""
        from eccp_desktop.workflow import TransitionRefused, transition

        perms = self.permissions
        if not perms.may_become(target):
            return Refused(self._why_not(target, perms))

        def change(fs: Any) -> None:
            # Signing off a draft submits it first, in the same step (all or nothing).
            if target == "validated" and fs.status == "draft":
                transition(fs, "submitted")
            transition(fs, target, **who)

        try:
            outcome = self._run(lambda: self.session.mutate(change))
        except TransitionRefused as e:
            return Refused(e.message, e.problems)
        if isinstance(outcome, Done):
            changes = Changes(
                ("/status", "/validation"), status=True, history=True, version=self.session.version
            )
            return Done(changes)
        return outcome

    def _why_not(self, target: str, perms: Permissions) -> str:
        """Why the window may not make this step: the state, the role or the workflow."""
        from eccp_desktop.workflow import TransitionRefused, check_step

        if self.session.read_only:
            return perms.why_not_edit
        try:
            check_step(self.factsheet.status, target)
        except TransitionRefused as e:
            return e.message  # "A draft factsheet cannot become published; it can become: …"
        if not perms.transitions and perms.why_not_edit:
            return perms.why_not_edit  # reviewer mode
        if target == "reviewed" and not self.reviewer:
            return _("Marking as reviewed is the reviewer's step: switch on reviewer mode.")
        return _("The status cannot be changed to this one from here.")

    def reload(self) -> Outcome:
        return self._run(self._reload)

    # -- internals ---------------------------------------------------------------
    def _reload(self) -> None:
        self.session.reload()

    def _apply(self, op: Operation, *, coalesce: bool = False) -> Outcome:
        outcome = self._run(
            lambda: self.session.apply(op, coalesce=coalesce), on_conflict=lambda: self._rebase(op)
        )
        if isinstance(outcome, Done) and not outcome.message:  # saved at once, not merged
            changes = Changes((op.path,), history=True, version=self.session.version)
            return Done(changes, value=outcome.value)
        return outcome

    def _rebase(self, op: Operation) -> Outcome:
        """Someone saved in between: merge ``op`` into what they saved (rebase.py).

        Done when the edit touches what they did not change (``value`` is its
        undo step, or None when the edit could only be saved as a merged
        whole); a Conflict with the merge when they changed the same field.
        """
        from eccp_desktop.operations.rebase import merge_edit

        # the factsheet the edit was made on (the refused save was undone): the
        # base of every round, however often others save while we merge
        base, ours = self.factsheet, self.session.version
        for _round in range(REBASE_ROUNDS):
            try:
                self.session.reload()  # the window shows theirs until the merge is saved
            except StoreError as e:
                return _failed(e)
            perms = self.permissions
            if not (perms.comment if op.path.startswith(COMMENTS) else perms.edit):
                return self._conflict(ours, perms.why_not_edit)  # e.g. they signed it off
            plan = merge_edit(base, op, self.factsheet)
            if not plan.clean:
                return self._conflict(ours, merge=plan)
            who, when = self._last_change()  # theirs, before ours goes on top
            onto = self.session.version
            try:
                if plan.replay is not None:
                    value: Any = self.session.apply(plan.replay)
                else:
                    self.session.apply(Restore(plan.merged(), ROOT))
                    value = None  # the undo steps were made on another factsheet
            except ConflictError:
                continue
            except RightsError as e:
                return Refused(str(e))
            except StoreError as e:
                return _failed(e)
            message = _(
                "Saved together with the changes {who} made at {when}: they changed other fields."
            ).format(who=who or "?", when=when or "?")
            paths = (op.path,) if value is not None else (ROOT,)
            changes = Changes(paths, history=True, version=self.session.version, merged_onto=onto)
            return Done(changes, message, value)
        return self._conflict(self.session.version)

    def settle_merge(self, pending: EditMerge, choices: Mapping[str, Side]) -> Outcome:
        """Save the edit of the merge view with the user's choice for each conflict."""
        from eccp_desktop.operations.rebase import settle

        perms = self.permissions
        if not perms.edit:
            return Refused(perms.why_not_edit or _("This factsheet cannot be changed here."))
        for _round in range(REBASE_ROUNDS):
            plan = settle(pending, self.factsheet, choices)
            if not plan.clean:  # they changed yet another field in the same place
                return self._conflict(self.session.version, merge=plan)
            try:
                self.session.apply(Restore(plan.merged(), ROOT))
            except ConflictError:
                try:
                    self.session.reload()
                except StoreError as e:
                    return _failed(e)
                continue
            except RightsError as e:
                return Refused(str(e))
            except StoreError as e:
                return _failed(e)
            return Done(Changes((ROOT,), history=True, version=self.session.version))
        return self._conflict(self.session.version)

    def _run(
        self, work: Callable[[], Any], on_conflict: Callable[[], Outcome] | None = None
    ) -> Outcome:
        try:
            value = work()
        except ConflictError:
            return on_conflict() if on_conflict is not None else self._reloaded_conflict()
        except RightsError as e:  # the server's rights: refused, not a failure
            return Refused(str(e))
        except StoreError as e:
            return _failed(e)
        except PathError as e:  # a stale widget: the place is gone
            return Failed(
                _("That place no longer exists in the factsheet ({path}).").format(path=e)
            )
        return Done(Changes((ROOT,), version=self.session.version), value=value)

    def _reloaded_conflict(self) -> Outcome:
        """Reload what the store holds and say who saved it in between."""
        ours = self.session.version
        try:
            self.session.reload()
        except StoreError as e:
            return _failed(e)
        return self._conflict(ours)

    def _last_change(self) -> tuple[str, str]:
        """Who saved the stored version, and when (local time), for the messages."""
        try:
            last = _newest(self.store, *self.ident)
        except StoreError:
            return "", ""
        if last is None:
            return "", ""
        return last.actor, last.at.astimezone().strftime("%H:%M")

    def _conflict(self, ours: int, why: str = "", merge: EditMerge | None = None) -> Conflict:
        """The conflict, said: who saved in between; the merge view's sides if any."""
        who, when = self._last_change()
        country, edition = self.ident
        values = {
            "code": country,
            "edition": edition,
            "who": who or "?",
            "when": when or "?",
            "theirs": self.session.version,
            "ours": ours,
        }
        if merge is not None:
            reason = _(
                "The {code} {edition} factsheet was changed elsewhere by {who} at {when} "
                "(version {theirs}, yours {ours}), in the same place as your change: "
                "choose what to keep in the merge view; nothing of your change is saved until then."
            ).format(**values)
        else:
            reason = _(
                "The {code} {edition} factsheet was changed elsewhere by {who} at {when} "
                "(version {theirs}, yours {ours}): nothing of your last change was saved, "
                "and the factsheet now shows the stored version."
            ).format(**values)
        if why:
            reason = f"{reason} {why}"
        return Conflict(reason, changed_by=who, merge=merge)


def _failed(e: StoreError) -> Failed:
    """A store failure as an outcome; a server that went away says so (the window waits)."""
    return Failed(str(e), offline=isinstance(e, StoreUnreachableError))


def _newest(store: Store, country: str, edition: int) -> ChangeRecord | None:
    page = store.history_page(country, edition, limit=1)
    return page[0] if page else None


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
