"""*Mark as reviewed*: the expert reviewer's workflow step, with what blocks it.

Opens listing exactly what the workflow refuses the step for (errors and open
review comments, ``workflow.blocking_problems``), each a double-click from its
field. The reviewer's name and organisation come from the settings (asked here
once when they are not set, never the login name) and are kept there.
"""

from __future__ import annotations

from typing import Any

from eccp_desktop.i18n import _, current_language, ngettext
from eccp_desktop.i18n.places import place_label
from eccp_desktop.ui import settings as S
from eccp_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    Qt,
)
from eccp_desktop.workflow import OPEN_COMMENT_RULE, blocking_problems

OPEN_MARK = "\u25cb"  # as the comments list marks an open comment
ERROR_MARK = "\u2716"


class ReviewDialog(QDialog):
    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        settings = page.window().settings
        self.setWindowTitle(_("Mark as reviewed"))
        self.by = QLineEdit(str(settings.value(S.ACTOR_NAME, "") or ""), self)
        self.organisation = QLineEdit(str(settings.value(S.ACTOR_ORGANISATION, "") or ""), self)
        self.by.setAccessibleName(_("Name"))
        self.organisation.setAccessibleName(_("Organisation"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(_("What blocks marking as reviewed"))
        self.problems.setWordWrap(True)
        self.problems.setMinimumSize(620, 220)  # readable without resizing the dialog
        self.problems.itemActivated.connect(self._jump)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Mark as reviewed"))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        note = QLabel(_("The change history names you as the reviewer."), self)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(_("&Name:"), self.by)
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(self.message)
        form.addRow(self.problems)
        form.addRow(self.buttons)
        self.show_blockers(blocking_problems(page.doc.factsheet, "reviewed"))

    def show_blockers(self, problems: list[Any], reason: str = "") -> None:
        """List what stands in the way; with nothing, say the step can be made."""
        comments = sum(1 for r in problems if r.rule == OPEN_COMMENT_RULE)
        errors = len(problems) - comments
        if problems:
            counts = ", ".join(
                [
                    ngettext("{n} error", "{n} errors", errors).format(n=errors),
                    ngettext(
                        "{n} open review comment", "{n} open review comments", comments
                    ).format(n=comments),
                ]
            )
            head = reason or _("What blocks marking as reviewed: {counts}").format(counts=counts)
            self.message.setText(f"{ERROR_MARK} {head}. " + _("Double-click one to go to it."))
        else:
            self.message.setText(
                reason or _("Nothing blocks it: no error stands and every comment is resolved.")
            )
        self.problems.clear()
        fs = self.page.doc.factsheet
        lang = current_language()
        for r in problems:
            mark = OPEN_MARK if r.rule == OPEN_COMMENT_RULE else ERROR_MARK
            item = QListWidgetItem(f"{mark} {r.message} ({place_label(fs, r.path, lang)})")
            item.setData(Qt.ItemDataRole.UserRole, r.path)
            self.problems.addItem(item)
        self.problems.setVisible(bool(problems))

    def _jump(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        window = self.page.window()
        self.reject()
        if hasattr(window, "jump_to"):
            window.jump_to(path or "/")

    def try_accept(self) -> None:
        by, organisation = self.by.text().strip(), self.organisation.text().strip()
        if not by or not organisation:
            self.message.setText(
                ERROR_MARK + " " + _("Marking as reviewed needs your name and organisation.")
            )
            (self.organisation if by else self.by).setFocus()
            return
        window = self.page.window()
        # Kept as the settings' identity: asked once, and the history names the reviewer.
        window.settings.setValue(S.ACTOR_NAME, by)
        window.settings.setValue(S.ACTOR_ORGANISATION, organisation)
        window.settings.sync()
        self.page.doc.session.actor = S.actor(window.settings)
        refused = self.page.transition("reviewed", by=by, organisation=organisation)
        if refused is None:
            self.accept()
            return
        message, problems = refused
        self.show_blockers(problems, message)
