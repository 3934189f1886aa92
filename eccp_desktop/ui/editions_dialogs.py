"""Editions in the window: the import preview with its merge, the next edition, What changed.

Everything goes through ``operations.editions_ops``; these dialogs only show
what an operation planned and collect the user's choices.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eccp_desktop.i18n import _, current_language, ngettext
from eccp_desktop.ui.merge_view import ConflictTable
from eccp_desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    Qt,
    QVBoxLayout,
)

PathRole = Qt.ItemDataRole.UserRole


def _plan_lines(plan: Any, lang: str) -> list[str]:
    """What importing one file does, in the words of the command line."""
    from eccp_desktop.editions.received import NO_BASE
    from eccp_desktop.editions.report import lines
    from eccp_desktop.exchange.codec import factsheet_to_dict
    from eccp_desktop.i18n.formatting import country_name

    fs = plan.incoming
    name = f"{country_name(fs.country, lang)} {fs.edition}"
    if plan.kind == "new":
        return [_("add {factsheet}").format(factsheet=name)]
    if plan.kind == "replace":
        n = len(plan.differences)
        reason = (
            _("the package has no base") if plan.reason == NO_BASE
            else _("the package's base is unknown to this store")
        )  # fmt: skip
        head = ngettext(
            "replace {factsheet} whole ({reason}): {n} difference",
            "replace {factsheet} whole ({reason}): {n} differences",
            n,
        ).format(factsheet=name, reason=reason, n=n)
    else:
        taken, kept = len(plan.differences), len(plan.kept)
        head = ngettext(
            "merge into {factsheet}: {n} change from the package",
            "merge into {factsheet}: {n} changes from the package",
            taken,
        ).format(factsheet=name, n=taken) + ", " + ngettext(
            "{n} local change kept", "{n} local changes kept", kept
        ).format(n=kept)  # fmt: skip
    here = plan.result.merged if plan.result else factsheet_to_dict(fs)
    return [head] + ["    " + line for line in lines(plan.differences, here, here, lang)]


class ImportMergePreview(QDialog):
    """What the import will do; each merge conflict side by side with a choice."""

    def __init__(
        self,
        parent: Any,
        planned: Any,
        errors: list[str] | None = None,
        notes: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        from eccp_desktop.operations.editions_ops import ReceivedPlan

        lines: list[str] = []
        if isinstance(planned, list):  # plain lines (the preview of a plain import)
            lines, planned = planned, ReceivedPlan(errors=list(errors or []))
        self.planned = planned
        lang = current_language()
        self.setWindowTitle(_("Import packages"))
        self.resize(1100, 600)
        layout = QVBoxLayout(self)
        can = bool(planned.plans or lines) and not planned.errors
        layout.addWidget(
            QLabel(_("What the import will do:") if can else _("Nothing can be imported."), self)
        )
        self.summary = QListWidget(self)
        self.summary.setAccessibleName(_("Import preview"))
        self.summary.addItems(lines)
        for plan in planned.plans:
            self.summary.addItems(_plan_lines(plan, lang))
        self.summary.addItems(notes or [])  # each package's signature state (#12)
        self.summary.addItems(["\u2716 " + e for e in planned.errors])
        self.summary.setWordWrap(True)
        self.listing = self.summary  # the name the import preview's tests use
        layout.addWidget(self.summary)
        self.conflicts = ConflictTable(
            self,
            (_("Place"), _("Base"), _("Here (this store)"), _("Incoming (package)")),
            (_("Keep mine"), _("Take incoming")),
            (_("Keep all mine"), _("Take all incoming")),
        )
        for plan in planned.plans:
            if plan.result and plan.result.conflicts:
                prefix = f"{plan.incoming.country} {plan.incoming.edition}: "
                self.conflicts.add(plan.source, prefix, plan.result.conflicts, plan.result.merged)
        self.combos = self.conflicts.combos
        self.all_incoming, self.all_mine = self.conflicts.all_incoming, self.conflicts.all_mine
        if self.combos:
            n = len(self.combos)
            layout.addWidget(
                QLabel(
                    ngettext(
                        "{n} conflict: the store and the package changed the same field differently. Choose for each:",
                        "{n} conflicts: the store and the package changed the same fields differently. Choose for each:",
                        n,
                    ).format(n=n),
                    self,
                )
            )
            layout.addWidget(self.conflicts)
        else:
            self.conflicts.hide()
        self.conflicts.changed.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(_("Import"))
        self.ok.setVisible(can)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()
        if not self.combos:  # opens at a size that reads the lines without resizing
            self.resize(max(640, min(1000, self.summary.sizeHintForColumn(0) + 60)), 400)

    def _update(self, *_args: Any) -> None:
        # nothing is written until every conflict has a side
        self.ok.setEnabled(self.conflicts.complete())

    def choices(self) -> dict[str, dict[str, Any]]:
        return self.conflicts.choices()


def import_files(window: Any, files: list[str]) -> None:
    """Preview (merging where the package has a known base), confirm, import; say what happened.

    Reading the files, checking their signatures, planning the merge and the
    write all run off the GUI thread (``StoreOp``): the window stays usable
    and shows that it is busy; only the preview waits for the user.
    """
    from eccp_desktop.operations.editions_ops import read_received
    from eccp_desktop.operations.store_ops import signature_verdict
    from eccp_desktop.ui.runner import StoreOp

    if window.store is None or window.store.read_only:
        window.statusBar().showMessage(_("The store is read-only: nothing can be imported."))
        return
    if window.busy:
        window.statusBar().showMessage(
            _("An import is still running: try again when it is done."), 8000
        )
        return
    store, files = window.store, [str(f) for f in files]

    def read() -> tuple[list[str], Any, str | None]:
        notes: list[str] = []
        for f in files:  # signatures first: an altered package is never imported (#12)
            verdict = signature_verdict(f)
            if verdict is None:
                continue
            if not verdict.intact and verdict.exit_code == 2:
                return notes, None, f"{f}: {verdict.reason}"
            notes.append(f"{Path(f).name}: {verdict.headline()}")
        return notes, read_received(store, files), None

    StoreOp(window, read).busy(_("Reading the packages…")).success(
        lambda result: _confirm_import(window, store, files, *result)
    ).run_in_background()


def _confirm_import(
    window: Any, store: Any, files: list[str], notes: list[str], planned: Any, altered: str | None
) -> None:
    """Back on the GUI thread: show the preview; on OK write off the GUI thread."""
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.editions_ops import apply_received, read_received
    from eccp_desktop.operations.signatures import remember_signatures
    from eccp_desktop.ui import settings as S
    from eccp_desktop.ui.runner import StoreOp

    if altered is not None:
        ImportMergePreview(window, [], [altered]).exec()
        return
    dialog = ImportMergePreview(window, planned, notes=notes)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    choices = dialog.choices() if planned.open_conflicts else None
    actor = S.actor(window.settings)
    final: list[Any] = [planned]

    def write() -> Any:
        if choices is not None:  # the merge again, now with a side for every conflict
            final[0] = read_received(store, files, choices=choices)
        outcome = apply_received(store, final[0], actor=actor)
        if isinstance(outcome, Done):
            remember_signatures(store, files, outcome.value)  # for the Validation page
        return outcome

    StoreOp(window, write).busy(_("Importing…")).success(
        lambda _outcome: _imported(window, final[0])
    ).run_in_background()


def _imported(window: Any, planned: Any) -> None:
    names = ", ".join(f"{p.incoming.country} {p.incoming.edition}" for p in planned.plans)
    window.statusBar().showMessage(_("Imported: {what}").format(what=names), 8000)
    idents = {p.incoming.ident for p in planned.plans}
    if window.doc is not None and window.doc.session.ident in idents:
        window.doc.undo_stack.clear()  # its steps were about the factsheet now replaced
        window.doc.handle(window.doc.ops.reload())
        window._permissions_changed()
    window.refresh_navigator()
    if window.doc is None:
        window.select_first()


class NextEditionDialog(QDialog):
    def __init__(self, parent: Any, country: str, latest: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Start next edition"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                _(
                    "Copy the {code} {latest} factsheet into a new edition: a draft with reference date 31 December, without the sign-off, with the open review comments."
                ).format(code=country, latest=latest),
                self,
            )
        )
        self.year = QSpinBox(self)
        self.year.setRange(latest + 1, 2100)
        self.year.setValue(latest + 1)
        self.year.setAccessibleName(_("Year of the new edition"))
        layout.addWidget(self.year)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def start_next_edition(window: Any) -> None:
    from eccp_desktop.operations import Done
    from eccp_desktop.operations.editions_ops import start_edition
    from eccp_desktop.ui import settings as S

    if window.doc is None or window.store is None:
        return
    country, _edition = window.doc.session.ident
    latest = window.store.editions(country)[-1]
    dialog = NextEditionDialog(window, country, latest)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    year = dialog.year.value()
    outcome = start_edition(
        window.store, country, year, source=latest, actor=S.actor(window.settings)
    )
    if not isinstance(outcome, Done):
        window.operation_failed(outcome)  # said until read, like every refused operation
        return
    window.refresh_navigator()
    window.open_factsheet(country, year)
    window.statusBar().showMessage(
        _("{code} {year} started from {source}").format(code=country, year=year, source=latest),
        8000,
    )


class WhatChanged(QDialog):
    """What changed in the open factsheet against an earlier edition or a package file."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_("What changed"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Against:"), self))
        self.against = QComboBox(self)
        self.against.setAccessibleName(_("Compare against"))
        country, edition = window.doc.session.ident
        for e in reversed([e for e in window.store.editions(country) if e != edition]):
            self.against.addItem(_("the {year} edition").format(year=e), e)
        self.against.addItem(_("a package file…"), None)
        row.addWidget(self.against, 1)
        layout.addLayout(row)
        self.heading = QLabel(self)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Changes"))
        self.list.itemActivated.connect(self._jump)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.against.activated.connect(self._chosen)
        if self.against.count() > 1:
            self.show_against_edition(int(self.against.itemData(0)))
        else:
            self.heading.setText(_("No other edition: compare against a package file."))

    def _chosen(self, index: int) -> None:
        year = self.against.itemData(index)
        if year is not None:
            self.show_against_edition(int(year))
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Compare with a package"), "", _("Factsheet packages (*.eccp.json *.json)")
        )
        if path:
            self.show_against_file(path)

    def show_against_edition(self, year: int) -> None:
        country, _edition = self.window_.doc.session.ident
        self._show(self.window_.store.load(country, year), f"{country} {year}")

    def show_against_file(self, path: str) -> None:
        from eccp_desktop.exchange import PackageError, read_package

        try:
            other = read_package(path)
        except PackageError as e:
            self.heading.setText("\u2716 " + "; ".join(e.lines()))
            self.list.clear()
            return
        if other.country != self.window_.doc.factsheet.country:
            self.heading.setText(
                "\u2716 "
                + _("{file} holds the {found} factsheet, not {code}'s").format(
                    file=path, found=other.country, code=self.window_.doc.factsheet.country
                )
            )
            self.list.clear()
            return
        self._show(other, path)

    def _show(self, other: Any, name: str) -> None:
        from eccp_desktop.editions.compare import compare
        from eccp_desktop.editions.report import describe, kind_label, place_of
        from eccp_desktop.exchange.codec import factsheet_to_dict

        lang = current_language()
        current = self.window_.doc.factsheet
        old, new = factsheet_to_dict(other), factsheet_to_dict(current)
        differences = compare(old, new)
        self.heading.setText(
            ngettext(
                "{old} \u2192 {new}: {n} difference", "{old} \u2192 {new}: {n} differences",
                len(differences),
            ).format(old=name, new=f"{current.country} {current.edition}", n=len(differences))
        )  # fmt: skip
        self.list.clear()
        for d in differences:
            text = (
                f"{kind_label(d.change)}: {place_of(d, old, new, lang)}: "
                f"{describe(d, old, new, lang)}"
            )
            item = QListWidgetItem(text, self.list)
            # a removed item is not in the open factsheet: jump to its list instead
            path = d.path.rsplit("/", 1)[0] if d.change == "removed" else d.path
            item.setData(PathRole, path)
            item.setToolTip(d.path)

    def _jump(self, item: QListWidgetItem) -> None:
        self.window_.jump_to(str(item.data(PathRole)))


def show_what_changed(window: Any) -> None:
    if window.doc is None or window.store is None:
        return
    dialog = WhatChanged(window)
    window.what_changed = dialog  # kept for tests and so it is not collected
    dialog.show()
