"""*File › Import comments from PDF…* (or a PDF dropped on the window), with a preview.

The PDF is read off the GUI thread (``operations.comments_ops``, through
``runner.run_off_thread``); the preview lists every remark as a user reads
it (who, what kind, the place in the editor's words, the marked text, the
note) and nothing is written until *Import*, all at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eccp_desktop.i18n import _, current_language, ngettext
from eccp_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

PathRole = Qt.ItemDataRole.UserRole
# column caps (px) so one long note does not push the window off the screen
_CAPS = {0: 170, 1: 150, 2: 360, 3: 260}


def kind_label(kind: str) -> str:
    from eccp_desktop.i18n.labels import ANNOTATION_KINDS

    source = ANNOTATION_KINDS.get(kind)
    return _(source) if source else kind


def marks_of(planned: Any) -> list[str]:
    """What the user must know about one remark's placement, in words (never colour alone)."""
    from eccp_desktop.annotations import LOW

    c = planned.comment
    marks: list[str] = []
    if planned.duplicate:
        marks.append(_("already imported"))
    if c.placed_by_page:
        marks.append(_("placed by page"))
    if planned.confidence == LOW:
        marks.append(_("low confidence"))
    if c.resolved:
        marks.append(_("resolved"))
    return marks


class CommentsPreview(QDialog):
    """What importing one annotated PDF adds; or, for a PDF that cannot be, why not."""

    def __init__(self, parent: Any, file: str, plan: Any = None, refused: str = "") -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Import comments from PDF"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        self.note = QLabel(self)  # rewritten files: how the placements were checked
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.remarks = QTreeWidget(self)
        self.remarks.setAccessibleName(_("Comments in the PDF"))
        self.remarks.setHeaderLabels(
            [_("Author"), _("Kind"), _("Place"), _("Marked text"), _("Note"), _("Marks")]
        )
        # One line a row, a long place shortened in its middle so that its end, the
        # field the remark is about, stays ("Policies › Develop…2027 › Budget");
        # the whole text is in each cell's tooltip. (Wrapped rows do not grow in
        # a tree view: the end was cut off.)
        self.remarks.setWordWrap(False)
        self.remarks.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.remarks.setUniformRowHeights(False)
        self.remarks.itemActivated.connect(self._jump)
        layout.addWidget(self.remarks, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if plan is None:
            self.heading.setText("\u2716 " + (refused or _("Nothing can be imported.")))
            self.heading.setAccessibleName(_("Why nothing can be imported"))
            self.remarks.hide()
            self.ok.hide()
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Close"))
            self.resize(640, 160)
            return
        self._fill(file, plan)

    def _fill(self, file: str, plan: Any) -> None:
        from eccp_desktop.i18n.formatting import country_name, language_name
        from eccp_desktop.i18n.places import place_label

        lang = current_language()
        record = plan.record
        new, seen = len(plan.new), len(plan.comments) - len(plan.new)
        what = _("{file}: the {country} {edition} factsheet in {language}").format(
            file=Path(file).name,
            country=country_name(record.country, lang),
            edition=record.edition,
            language=language_name(record.lang, lang),
        )
        counts = ngettext("{n} new comment", "{n} new comments", new).format(n=new)
        if seen:
            counts += ", " + ngettext(
                "{n} already imported (greyed)", "{n} already imported (greyed)", seen
            ).format(n=seen)
        earlier = len([k for k in plan.resolve if k not in {c.comment.key for c in plan.new}])
        if earlier:
            counts += ", " + ngettext(
                "{n} earlier comment resolved", "{n} earlier comments resolved", earlier
            ).format(n=earlier)
        self.heading.setText(f"{what}\n{counts}")
        if not plan.exact:
            self.note.setText(
                "\u26a0 "
                + _(
                    "The reader rewrote this file (it no longer starts with the exported bytes): each place was checked against the text printed there; those that do not match are marked “low confidence”."
                )
            )
            self.note.show()
        fs = self._factsheet()
        items: dict[str | None, QTreeWidgetItem] = {}
        for planned in plan.comments:
            c = planned.comment
            row = [
                c.author or "?",
                kind_label(planned.annotation.kind),
                place_label(fs, c.path, lang),
                c.quote or "",
                c.text,
                "; ".join(marks_of(planned)),
            ]
            parent = items.get(c.reply_to) if c.reply_to else None
            item = QTreeWidgetItem(row) if parent is None else QTreeWidgetItem(parent, row)
            if parent is None:
                self.remarks.addTopLevelItem(item)
            item.setData(0, PathRole, c.path)
            item.setToolTip(2, c.path)
            for column in (3, 4):
                item.setToolTip(column, row[column])
            if planned.duplicate:  # greyed, and said in words in the last column
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            items[c.key] = item
        self.remarks.expandAll()
        self.ok.setEnabled(bool(plan.new or plan.resolve))
        if not self.ok.isEnabled():
            self.ok.setToolTip(_("Everything in this file was imported before."))
        self._size_columns()

    def _factsheet(self) -> Any:
        """The factsheet the PDF is of, for the places' names (None: numbered places)."""
        store = getattr(self.parent(), "store", None)
        record = self.plan.record
        try:
            return store.load(record.country, record.edition) if store is not None else None
        except Exception:  # a name is a nicety here: numbered places still read
            return None

    def _size_columns(self) -> None:
        """Opens at a size that reads the rows without resizing (within the screen)."""
        header = self.remarks.header()
        header.setStretchLastSection(True)
        width = 0
        for column in range(self.remarks.columnCount() - 1):
            self.remarks.resizeColumnToContents(column)
            fitted = min(self.remarks.columnWidth(column), _CAPS.get(column, 300))
            self.remarks.setColumnWidth(column, fitted)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            width += fitted
        rows = min(18, max(4, self.remarks.topLevelItemCount()))
        screen = self.screen().availableGeometry() if self.screen() else None
        w = width + 240
        h = 190 + rows * 34
        if screen is not None:
            w, h = min(w, screen.width() - 40), min(h, screen.height() - 80)
        self.resize(max(760, w), max(360, h))

    def _jump(self, item: QTreeWidgetItem) -> None:
        """Enter or a double-click: show the field in the editor (the dialog stays)."""
        window: Any = self.parent()  # the main window (jump_to)
        path = item.data(0, PathRole)
        record = self.plan.record
        doc = getattr(window, "doc", None)
        if path and doc is not None and doc.session.ident == (record.country, record.edition):
            window.jump_to(path)


def choose_and_import_comments(window: Any) -> None:
    path, _filter = QFileDialog.getOpenFileName(
        window, _("Import comments from PDF"), "", _("PDF files (*.pdf)")
    )
    if path:
        import_comments(window, [path])


def import_comments(window: Any, files: list[str]) -> None:
    """Read each PDF off the GUI thread, preview it, import what the user confirms."""
    from eccp_desktop.ui.runner import run_off_thread

    if not files:
        return
    store = window.store
    if store is None or store.read_only:
        window.statusBar().showMessage(
            "\u2716 " + _("The store is read-only: no comments can be imported."), 10000
        )
        return
    file, rest = files[0], files[1:]
    from eccp_desktop.operations.comments_ops import read_pdf_comments

    window.statusBar().showMessage(_("Reading the comments in {file}…").format(file=file))
    window.setCursor(Qt.CursorShape.BusyCursor)

    def read() -> Any:
        return read_pdf_comments(store, file)

    def done(outcome: Any) -> None:
        window.unsetCursor()
        window.statusBar().clearMessage()
        preview_and_import(window, file, outcome)
        import_comments(window, rest)  # the next dropped PDF, once this one is settled

    def failed(message: str) -> None:
        window.unsetCursor()
        window.statusBar().clearMessage()
        CommentsPreview(window, file, refused=f"{file}: {message}").exec()

    run_off_thread(read, done, failed, owner=window)


def preview_and_import(window: Any, file: str, read: Any) -> None:
    """Show the preview of one read PDF; on *Import*, write it through the operations."""
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.comments_ops import import_pdf_comments, summary
    from eccp_desktop.ui import settings as S

    if not isinstance(read, Done):
        CommentsPreview(window, file, refused=read.reason).exec()
        return
    plan = read.value
    if CommentsPreview(window, file, plan).exec() != QDialog.DialogCode.Accepted:
        return
    outcome = import_pdf_comments(
        window.store,
        plan,
        actor=S.actor(window.settings),
        reviewer=S.flag(window.settings, S.REVIEWER),
    )
    if not isinstance(outcome, Done):
        window.operation_failed(outcome)  # said until read, like every refused operation
        return
    record = plan.record
    doc = window.doc
    if doc is not None and doc.session.ident == (record.country, record.edition):
        # the comments were appended (and states set) in the store: show them beside
        # their fields. The undo steps stay valid: they never point past the old end.
        doc.handle(doc.ops.reload())
    window.statusBar().showMessage(summary(outcome.value), 10000)
