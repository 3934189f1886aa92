"""Who the officer is: name and organisation, kept in the settings, shown in the history."""

from __future__ import annotations

from typing import Any

from eccp_desktop.i18n import _
from eccp_desktop.operations.store_ops import os_user
from eccp_desktop.ui import settings as S
from eccp_desktop.ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit


class IdentityDialog(QDialog):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_("Your name and organisation"))
        settings = window.settings
        self.name = QLineEdit(str(settings.value(S.ACTOR_NAME, "") or ""), self)
        self.name.setPlaceholderText(os_user())
        self.organisation = QLineEdit(str(settings.value(S.ACTOR_ORGANISATION, "") or ""), self)
        self.name.setAccessibleName(_("Name"))
        self.organisation.setAccessibleName(_("Organisation"))
        note = QLabel(_("The change history and the sign-off name you with these."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(buttons)

    def accept(self) -> None:
        settings = self.window_.settings
        settings.setValue(S.ACTOR_NAME, self.name.text().strip())
        settings.setValue(S.ACTOR_ORGANISATION, self.organisation.text().strip())
        settings.sync()
        doc = self.window_.doc
        if doc is not None:  # from the next change on
            doc.session.actor = S.actor(settings)
        super().accept()
