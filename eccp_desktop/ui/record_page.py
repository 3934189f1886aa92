"""Status, sign-off, review comments and the change history of the factsheet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eccp_desktop.i18n import N_, _, current_language
from eccp_desktop.i18n.places import action_label, format_change, place_label
from eccp_desktop.ui.document import Document
from eccp_desktop.ui.page import Page
from eccp_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

STATUS_TITLES = {
    "draft": N_("Draft"),
    "submitted": N_("Submitted"),
    "validated": N_("Validated"),
    "reviewed": N_("Reviewed"),
    "published": N_("Published"),
}


class SignOffDialog(QDialog):
    """Name, organisation, date, and what the sign-off judges (``workflow.judge``).

    Opens listing exactly the errors that block the sign-off (today's and the
    warnings that become errors then), each a double-click from its field; with
    only warnings standing it lists them and OK confirms signing off despite them.
    """

    def __init__(self, page: RecordPage) -> None:
        super().__init__(page)
        from eccp_desktop.i18n.formatting import format_date
        from eccp_desktop.i18n.parsing import date_example

        self.page = page
        self.setWindowTitle(_("Sign off as validated"))
        self.by = QLineEdit(self)
        self.organisation = QLineEdit(self)
        # Typed as everywhere in the window (UI language or ISO), read by i18n.parsing.
        self.on = QLineEdit(self)
        self.on.setText(format_date(dt.date.today(), current_language()))
        self.on.setPlaceholderText(date_example(current_language()))
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(_("What blocks the sign-off"))
        self.problems.setWordWrap(True)
        self.problems.setMinimumSize(620, 220)  # readable without resizing the dialog
        self.problems.itemActivated.connect(self._jump)
        self.problems.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Name:"), self.by)
        form.addRow(_("&Organisation:"), self.organisation)
        form.addRow(_("&Date:"), self.on)
        form.addRow(self.message)
        form.addRow(self.problems)
        form.addRow(self.buttons)
        self.by.setAccessibleName(_("Name"))
        self.organisation.setAccessibleName(_("Organisation"))
        self.on.setAccessibleName(_("Date"))
        self.judge()

    def judge(self) -> None:
        """List what the sign-off judges now: the errors that block it, else the warnings."""
        from eccp_desktop.workflow import judge

        j = judge(self.page.doc.factsheet)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if j.blocking:
            counts = _(
                "Errors that block the sign-off as validated: {n} ({now} now, {raised} that are warnings until then)"
            ).format(n=len(j.blocking), now=len(j.standing), raised=len(j.raised))
            self.message.setText(counts + ". " + _("Double-click one to go to it."))
            self._list(j.blocking, "\u2716")
            ok.setText(_("Sign off"))
        elif j.warnings:
            self.message.setText(
                _(
                    "Warnings that stand: {n}. They do not block the sign-off; OK signs off with them."
                ).format(n=len(j.warnings))
            )
            self._list(j.warnings, "\u26a0")
            ok.setText(_("Sign off despite the warnings"))
        else:
            self.message.setText(_("Nothing blocks the sign-off as validated."))
            self._list((), "")
            ok.setText(_("Sign off"))

    def _list(self, results: Any, mark: str) -> None:
        from eccp_desktop.ui.qt import QListWidgetItem

        self.problems.clear()
        for r in results:
            item = QListWidgetItem(f"{mark} {r.message} ({self._place(r.path)})", self.problems)
            item.setData(Qt.ItemDataRole.UserRole, r.path)
        self.problems.setVisible(bool(results))

    def _place(self, path: str) -> str:
        return place_label(self.page.doc.factsheet, path, current_language())

    def _jump(self, item: Any) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        window = self.page.window()
        self.reject()
        if path and hasattr(window, "jump_to"):
            window.jump_to(path)

    def try_accept(self) -> None:
        from eccp_desktop.i18n.parsing import InputRefused, parse_date

        try:
            on = parse_date(self.on.text(), current_language())
        except InputRefused as refusal:
            self.message.setText("\u2716 " + refusal.message)
            self.on.setFocus()
            return
        refused = self.page.sign_off(
            self.by.text().strip(), self.organisation.text().strip(), on or dt.date.today()
        )
        if refused is None:
            self.accept()
            return
        message, problems = refused
        self.message.setText(message)
        if problems:
            self._list(problems, "\u2716")


def _fit_columns(view: QTreeWidget, caps: dict[int, int]) -> None:
    """Columns as wide as their contents, the long ones (places) capped."""
    for col in range(view.columnCount() - 1):
        view.resizeColumnToContents(col)
        if col in caps:
            view.setColumnWidth(col, min(view.columnWidth(col), caps[col]))


def local_time(at: dt.datetime, lang: str) -> str:
    """A stored UTC time in the computer's zone, with the zone named."""
    from eccp_desktop.i18n.formatting import format_moment

    local = at.astimezone()
    zone = local.tzname() or local.strftime("UTC%z")
    return f"{format_moment(local.replace(tzinfo=None), lang)} {zone}"


class RecordPage(Page):
    keys = ("validation", "status", "review_comments")
    title = N_("Validation and review")
    history_loaded = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.status = QLabel(self)
        self.status.setObjectName("statusLabel")
        self.record = QLabel(self)
        self.record.setWordWrap(True)
        self.signature = QLabel(self)  # ✔/⚠/✖ and words: never colour alone
        self.signature.setObjectName("signatureLabel")
        self.signature.setWordWrap(True)
        self.submit_button = QPushButton(self)
        self.sign_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        self.review_button = QPushButton(self)  # the reviewer's step (reviewer mode)
        self.review_button.clicked.connect(self.open_review)
        self.submit_button.clicked.connect(lambda: self.transition("submitted"))
        self.sign_button.clicked.connect(self.open_sign_off)
        self.reopen_button.clicked.connect(lambda: self.transition("draft"))
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)

        self.workflow_box = QGroupBox(self)
        wf = QVBoxLayout(self.workflow_box)
        wf.addWidget(self.status)
        wf.addWidget(self.record)
        wf.addWidget(self.signature)
        row = QHBoxLayout()
        for b in (self.submit_button, self.sign_button, self.review_button, self.reopen_button):
            row.addWidget(b)
        row.addStretch(1)
        wf.addLayout(row)
        wf.addWidget(self.refusal)

        self.comments_box = QGroupBox(self)
        cl = QVBoxLayout(self.comments_box)
        self.comments = QTreeWidget(self)
        self.comments.setRootIsDecorated(False)
        self.comment_text = QLineEdit(self)
        self.add_comment_button = QPushButton(self)
        self.resolve_button = QPushButton(self)
        self.add_comment_button.clicked.connect(self.add_comment)
        self.comment_text.returnPressed.connect(self.add_comment)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.comments.itemActivated.connect(self._open_comment)  # double-click or Enter
        self.target_label = QLabel(self)
        # A readable place can be long ("Cohesion programmes › 2021PL16RFPR001 › …"):
        # on its own line, wrapped, so it never widens the window.
        self.target_label.setWordWrap(True)
        # the comment's line the whole width (its placeholder is long in Greek,
        # "Σχόλιο για το επιλεγμένο πεδίο…"), the buttons below it
        crow = QHBoxLayout()
        crow.addWidget(self.add_comment_button)
        crow.addWidget(self.resolve_button)
        crow.addStretch(1)
        cl.addWidget(self.comments)
        cl.addWidget(self.target_label)
        cl.addWidget(self.comment_text)
        cl.addLayout(crow)
        self.target_path = (
            ""  # the field or row the next comment is about ("": the whole factsheet)
        )

        self.history_box = QGroupBox(self)
        hl = QVBoxLayout(self.history_box)
        self.history = QTreeWidget(self)
        self.history.setRootIsDecorated(False)
        self.history.setUniformRowHeights(True)
        hl.addWidget(self.history)
        self.more_history = QPushButton(self)
        self.more_history.clicked.connect(self._load_history_page)
        self.more_history.setEnabled(False)
        hl.addWidget(self.more_history, 0, Qt.AlignmentFlag.AlignLeft)
        self._oldest: int | None = None

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.comments_box)
        split.addWidget(self.history_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.workflow_box)
        layout.addWidget(split, 1)
        doc.changed.connect(lambda _p: self.refresh())
        self.retranslate()
        self.refresh()

    # -- workflow --------------------------------------------------------------
    def transition(self, target: str, **who: Any) -> tuple[str, list[Any]] | None:
        """Move the status; None when done, else (message, problems)."""
        from eccp_desktop.operations import Done

        outcome = self.doc.transition(target, **who)
        if isinstance(outcome, Done):
            self.refusal.clear()
            return None
        message = getattr(outcome, "reason", "")
        problems = list(getattr(outcome, "problems", []) or [])
        self.refusal.setText("\u2716 " + message)
        return (message, problems)

    def sign_off(self, by: str, organisation: str, on: dt.date) -> tuple[str, list[Any]] | None:
        return self.transition("validated", by=by, organisation=organisation, on=on)

    def open_sign_off(self) -> SignOffDialog:
        dialog = SignOffDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_review(self) -> Any:
        from eccp_desktop.ui.review_dialog import ReviewDialog

        dialog = ReviewDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- review ----------------------------------------------------------------
    def set_target(self, path: str) -> None:
        self.target_path = "" if path == "/" else path
        place = place_label(self.doc.factsheet, self.target_path, current_language())
        self.target_label.setText(_("Comment on: {place}").format(place=place))
        self.comment_text.setAccessibleDescription(place)

    def add_comment(self) -> None:
        from eccp_desktop.domain.model import ReviewComment
        from eccp_desktop.editing import InsertItem

        text = self.comment_text.text().strip()
        if not text or not self._identity_known():
            return
        comment = ReviewComment(
            path=self.target_path,
            author=self.doc.session.actor,
            role="expert" if self.doc.reviewer else "authority",
            text=text,
            created=dt.datetime.now(dt.UTC).replace(microsecond=0),
        )
        n = len(self.doc.factsheet.review_comments)
        if self.doc.review(InsertItem("/review_comments", n, comment)):
            self.comment_text.clear()

    def _identity_known(self) -> bool:
        """The author of a comment is a person: their name is asked once, never the OS login."""
        from eccp_desktop.ui import settings as S

        window = self.window()
        settings = getattr(window, "settings", None)
        if settings is None or str(settings.value(S.ACTOR_NAME, "") or "").strip():
            return True
        from eccp_desktop.ui.identity import IdentityDialog
        from eccp_desktop.ui.qt import QDialog

        dialog = IdentityDialog(window)
        dialog.setWindowTitle(_("Who writes this comment?"))
        return bool(
            dialog.exec() == QDialog.DialogCode.Accepted
            and str(settings.value(S.ACTOR_NAME, "") or "").strip()
        )

    def _open_comment(self, item: Any) -> None:
        """The field or row a comment is about, shown and focused (as from the Problems dock)."""
        i = int(item.data(0, Qt.ItemDataRole.UserRole))
        comments = self.doc.factsheet.review_comments
        window = self.window()
        if 0 <= i < len(comments) and comments[i].path and hasattr(window, "jump_to"):
            window.jump_to(comments[i].path)

    def resolve_selected(self) -> None:
        from eccp_desktop.editing import SetValue

        item = self.comments.currentItem()
        if item is None:
            return
        i = int(item.data(0, Qt.ItemDataRole.UserRole))
        resolved = self.doc.factsheet.review_comments[i].resolved
        self.doc.review(SetValue(f"/review_comments/{i}/resolved", not resolved))

    # -- view ------------------------------------------------------------------
    def refresh(self) -> None:
        fs = self.doc.factsheet
        self.status.setText(
            _("Status: {status}").format(status=_(STATUS_TITLES.get(fs.status, fs.status)))
        )
        v = fs.validation
        if v and v.by:
            self.record.setText(
                _("Signed off by {name} ({organisation}) on {date}").format(
                    name=v.by, organisation=v.organisation, date=v.on.isoformat() if v.on else "?"
                )
            )
        else:
            self.record.setText(_("Not signed off yet."))
        self.signature.setText(self.signature_state())
        perms = self.doc.permissions
        self.submit_button.setEnabled(perms.submit)
        self.sign_button.setEnabled(perms.sign_off)
        self.reopen_button.setEnabled(perms.reopen)
        self.review_button.setEnabled(perms.review)
        # a reviewer's one step replaces the officer's three (four buttons in a row do not
        # fit 1280 px in the longer catalogs, e.g. Bulgarian)
        self.review_button.setVisible(perms.review)
        for b in (self.submit_button, self.sign_button, self.reopen_button):
            b.setVisible(not perms.review)
        can_review = perms.comment
        self.add_comment_button.setEnabled(can_review)
        self.resolve_button.setEnabled(can_review)
        self.comments.clear()
        for i, c in enumerate(fs.review_comments):
            mark = "\u2714" if c.resolved else "\u25cb"
            place = place_label(fs, c.path, current_language())
            item = QTreeWidgetItem([mark, place, c.author, c.text])
            item.setToolTip(1, c.path)
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            item.setToolTip(0, _("resolved") if c.resolved else _("open"))
            self.comments.addTopLevelItem(item)
        _fit_columns(self.comments, {1: 300, 2: 160})

    def signature_state(self) -> str:
        from eccp_desktop.trust.provenance import state_of, store_key

        s = self.doc.session
        country, edition = s.ident
        state = state_of(store_key(s.store), country, edition, s.version)
        return _("Package signature: {state}").format(state=state.text)

    def refresh_history(self) -> None:
        """The newest page of the history, read off the GUI thread."""
        self.history.clear()
        self._oldest = None
        self._load_history_page()

    def _load_history_page(self) -> None:
        from eccp_desktop.ui.runner import run_off_thread

        store, (country, edition) = self.doc.session.store, self.doc.session.ident
        before = self._oldest
        self.more_history.setEnabled(False)
        run_off_thread(
            lambda: store.history_page(country, edition, before=before),
            self._show_history,
            lambda message: self.history_box.setTitle(f"{_('Change history')} \u2716 {message}"),
            owner=self,
        )

    def _show_history(self, page: list[Any]) -> None:
        from eccp_desktop.store.repository import HISTORY_PAGE

        lang = current_language()
        fs = self.doc.factsheet
        for h in page:
            self.history.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        local_time(h.at, lang),
                        h.actor,
                        action_label(h.action, lang),
                        place_label(fs, h.path, lang),
                        format_change(h.old, h.new, h.path, lang),
                    ]
                )
            )
        if page:
            self._oldest = page[-1].id
        _fit_columns(self.history, {3: 260})
        self.more_history.setEnabled(len(page) == HISTORY_PAGE)
        self.history_loaded.emit()

    def showEvent(self, event: Any) -> None:
        self.refresh_history()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.workflow_box.setTitle(_("Status and sign-off"))
        self.submit_button.setText(_("&Submit"))
        self.sign_button.setText(_("Sign &off as validated…"))
        self.reopen_button.setText(_("&Reopen"))
        self.review_button.setText(_("&Mark as reviewed…"))
        self.comments_box.setTitle(_("Review comments"))
        self.comments.setHeaderLabels(["", _("Place"), _("Author"), _("Comment")])
        self.comment_text.setPlaceholderText(_("A comment on the selected field or row…"))
        self.comment_text.setAccessibleName(_("New review comment"))
        self.add_comment_button.setText(_("Add &comment"))
        self.set_target(self.target_path)
        self.resolve_button.setText(_("Resolve / reopen"))
        self.history_box.setTitle(_("Change history"))
        self.more_history.setText(_("Show &older changes"))
        self.history.setAccessibleName(_("Change history"))
        self.comments.setAccessibleName(_("Review comments"))
        self.history.setHeaderLabels([_("When"), _("Who"), _("Action"), _("Place"), _("Change")])
        self.refresh()

    def focus_path(self, parts: list[str]) -> bool:
        if parts and parts[0] == "review_comments" and len(parts) > 1:
            item = self.comments.topLevelItem(int(parts[1]))
            if item:
                self.comments.setCurrentItem(item)
            self.comments.setFocus()
        else:
            self.sign_button.setFocus()
        return True
