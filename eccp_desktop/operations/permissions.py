"""What the user may do, computed from state in one place (Picard's ``_update_actions``).

The window enables its actions, shortcuts and context menus from this, and
the operations refuse the same things again, so a shortcut or a stale menu
can never do what the state forbids.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eccp_desktop.i18n import _
from eccp_desktop.i18n.labels import SIGNED_OFF
from eccp_desktop.i18n.labels import STATUSES as STATUS_NAMES
from eccp_desktop.workflow import allowed_targets

if TYPE_CHECKING:
    from eccp_desktop.store.rights import Rights


@dataclass(frozen=True, slots=True)
class Permissions:
    edit: bool  # values, add, delete, move, paste
    comment: bool  # add and resolve review comments
    submit: bool
    sign_off: bool
    reopen: bool
    import_: bool
    export: bool  # packages and PDFs: reading only
    why_not_edit: str = ""  # the banner's words when ``edit`` is False
    review: bool = False  # mark a validated factsheet as reviewed (the reviewer's step)
    publish: bool = False  # a reviewed factsheet goes out (the central team's step)

    @property
    def transitions(self) -> bool:
        return self.submit or self.sign_off or self.reopen or self.review or self.publish

    def may_become(self, target: str) -> bool:
        """Whether the window (or the command line) may move the factsheet to ``target``."""
        return {
            "submitted": self.submit,
            "validated": self.sign_off,
            "reviewed": self.review,
            "published": self.publish,
            "draft": self.reopen,
        }.get(target, False)


def offline_reason() -> str:
    """Why nothing can be changed while the server is away (banner and refusals)."""
    return _(
        "The connection to the store is lost — retrying. Editing resumes when it is back; "
        "everything saved so far is on the server."
    )


NOTHING = Permissions(False, False, False, False, False, False, False)


def permissions_for(
    status: str | None,
    *,
    reviewer: bool = False,
    read_only: bool = False,
    rights: Rights | None = None,
    country: str | None = None,
    offline: bool = False,
) -> Permissions:
    """``status`` of the open factsheet (None: none open); reviewer mode; read-only store.

    ``rights``: what the server lets the login do (a shared PostgreSQL store),
    ``country`` the open factsheet's: what the server would refuse is off too.
    ``offline``: the server cannot be reached now: nothing can be written
    until it is back; what is shown can still be read and exported.
    """
    if offline:
        return Permissions(
            False, False, False, False, False, False, status is not None,
            why_not_edit=offline_reason(),
        )  # fmt: skip
    limited = rights is not None and not rights.unrestricted
    if limited and not read_only:
        assert rights is not None
        if rights.role is None:
            return Permissions(
                False, False, False, False, False, False, status is not None,
                why_not_edit=rights.why_not_write(country or ""),
            )  # fmt: skip
        if status is None:
            return Permissions(False, False, False, False, False, rights.may_import, False)
        if country is not None and not rights.may_write(country):
            return Permissions(
                False, rights.may_comment(country), False, False, False, rights.may_import, True,
                why_not_edit=rights.why_not_write(country),
            )  # fmt: skip
    if read_only:
        why = _(
            "This store is open in another window or cannot be written: you have a read-only view here."
        )
        return Permissions(
            False, False, False, False, False, False, status is not None, why_not_edit=why
        )
    if status is None:
        return Permissions(False, False, False, False, False, True, False)
    if reviewer:
        return Permissions(
            edit=False,
            comment=True,
            submit=False,
            sign_off=False,
            reopen=False,
            import_=False,
            export=True,
            why_not_edit=_("Reviewer mode: you can add and resolve review comments only."),
            # marking reviewed is the reviewer's one workflow step
            review=status == "validated",
        )
    targets = allowed_targets(status)
    locked = status in SIGNED_OFF
    return Permissions(
        edit=not locked,
        comment=True,
        submit="submitted" in targets,
        sign_off=status in ("draft", "submitted"),
        reopen="draft" in targets,
        import_=True,
        export=True,
        why_not_edit=_("This factsheet is signed off ({status}): reopen it to change it.").format(
            status=_(STATUS_NAMES.get(status, status))
        )
        if locked
        else "",
        publish="published" in targets,
    )
