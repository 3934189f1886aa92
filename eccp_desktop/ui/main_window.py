"""The main window: navigator, editor, Problems dock, menus, status bar.

It paints before the store is opened (start-up speed): ``open_store`` runs
right after the first paint and imports the heavy modules then.
"""

from __future__ import annotations

from typing import Any

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n import N_, _, current_language, ngettext
from eccp_desktop.ui import settings as S
from eccp_desktop.ui.actions import build_actions
from eccp_desktop.ui.frames import after_next_frame
from eccp_desktop.ui.language import apply_language
from eccp_desktop.ui.navigator import Navigator, Row
from eccp_desktop.ui.problems import ProblemsPanel, ProblemsView
from eccp_desktop.ui.qt import (
    QComboBox,
    QDockWidget,
    QEvent,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSettings,
    Qt,
    QTimer,
    QWidget,
    Signal,
    is_valid,
)


class MainWindow(QMainWindow):
    factsheet_opened = Signal(str, int)

    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.setObjectName("MainWindow")
        self.store: Any = None
        self.lock: Any = None
        self._ids: dict[tuple[str, int], int] = {}  # (country, edition) -> row id
        self.locked_out = False
        self.offline = False  # the server store cannot be reached: read-only until back
        self._live: Any = None
        self.merge_dialog: Any = None
        self.doc: Any = None
        self.notice: Any = None
        self.editor: Any = None
        self.start_page: Any = None  # an empty store's: how to import or start one
        self.content_lang = "en"
        self.setAcceptDrops(True)

        self.navigator = Navigator(self)
        self.nav_dock = QDockWidget(self)
        self.nav_dock.setObjectName("navigatorDock")
        self.nav_dock.setWidget(self.navigator)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.nav_dock)
        self.problems = ProblemsView(self)
        self.problems.setMinimumHeight(170)
        self.problems_dock = QDockWidget(self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_panel = ProblemsPanel(self.problems, self)
        self.problems_panel.filtered.connect(self._show_counts)
        self.problems_dock.setWidget(self.problems_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A store's one-line refusal can be long (a site file's path, a server's
        # URL): wrapped, it never widens the window past the screen.
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.setCentralWidget(self.placeholder)

        self.store_label = QLabel(self)
        self.saved_label = QLabel(self)
        self.counts_label = QLabel(self)
        for w in (self.store_label, self.saved_label):
            self.statusBar().addWidget(w)
        # said while the server is away; permanent: no passing message hides it
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionLost")
        self.connection_label.hide()
        self.statusBar().addPermanentWidget(self.connection_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        # the busy indicator of work running off the GUI thread (import, reads)
        self.busy_label = QLabel(self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # no steps known: it moves while the work runs
        self.busy_bar.setMaximumWidth(120)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.busy_label.hide()
        self.busy_bar.hide()
        self._busy: dict[int, str] = {}
        self._busy_next = 0
        self.failure_box: Any = None
        self.content_combo = QComboBox(self)
        self.content_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.content_combo.activated.connect(self._content_language_chosen)

        self.actions_ = build_actions(self)
        self.navigator.opened.connect(self.open_factsheet)
        self.problems.jump.connect(self.jump_to)
        self.retranslate()
        self.resize(1280, 800)
        self._restore_layout()

    def _restore_layout(self) -> None:
        geometry = self.settings.value(S.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value(S.STATE)
        if state is not None:
            self.restoreState(state)
        else:  # first start: room for the navigator and the problems
            self.resizeDocks([self.nav_dock], [490], Qt.Orientation.Horizontal)
            self.resizeDocks([self.problems_dock], [230], Qt.Orientation.Vertical)

    # -- store -----------------------------------------------------------------
    def open_store(self, db: str | None = None) -> bool:
        """Open the store named by ``db`` (a path or URL; None: the rule of store_choice)."""
        from pathlib import Path

        from eccp_desktop.operations.store_ops import open_store
        from eccp_desktop.store import Store, StoreError
        from eccp_desktop.ui import store_lock

        try:
            # None: ECCP_DB, this window's own setting, the site file, the default.
            store, target = open_store(
                None if db is None else str(db), settings_file=Path(self.settings.fileName())
            )
        except StoreError as e:
            self.placeholder.setText(str(e))
            return False
        got, self.lock = store_lock.acquire(store.location.path)
        if not got and not store.read_only:
            store.close()
            self.locked_out = True
            try:
                store = Store.open(target, read_only=True)
            except StoreError as e:
                self.placeholder.setText(str(e))
                return False
        self.store = store
        self.store_label.setText(store.location.display)
        self.refresh_navigator()
        if not self.navigator.model.rows:
            self.placeholder.setText(self._empty_store_text())
            self._show_start_page()
        if self.locked_out:
            self.show_banner(
                _("This store is open in another window: you have a read-only view here.")
            )
        if self.locked_out or store.location.path is None:  # others write: hear them
            self._watch_store()
        self.update_actions()
        return True

    def _empty_store_text(self) -> str:
        return _(
            "This store has no factsheets yet. Import a package with File › Import packages… "
            "or drop one on this window."
        )

    def _show_start_page(self) -> None:
        from eccp_desktop.ui.start_page import StartPage

        # taken, not replaced: setCentralWidget would delete the placeholder, which
        # still says the store's state (read-only) for the banner
        kept = self.takeCentralWidget()
        if kept is not None:
            kept.setParent(self)  # still the window's (deleted with it), not shown
            kept.hide()
        self.start_page = StartPage(self)
        self.setCentralWidget(self.start_page)
        self.start_page.show()
        # the placeholder left the docks all the room: the page's text needs it back
        self.resizeDocks([self.nav_dock], [420], Qt.Orientation.Horizontal)

    def _watch_store(self) -> None:
        """Follow other clients' saves: a read-only second window, or a shared server store."""
        from eccp_desktop.ui.live import LiveStore

        self._live = LiveStore(self.store, self)
        self._live.heard.connect(self._heard)
        self._live.lost.connect(lambda: self._set_offline(True))
        self._live.back.connect(lambda: self._set_offline(False))

    def _connection_lost(self, _reason: str = "") -> None:
        """A save found the server gone: wait for it (the watcher retries) if others can write."""
        if self._live is not None:
            self._set_offline(True)
            self._live.probe()

    def _set_offline(self, offline: bool) -> None:
        """Read-only while the server is away; when it is back, what waited is saved."""
        if offline == self.offline:
            return
        self.offline = offline
        self.connection_label.setVisible(offline)
        self._say_connection()
        if self.doc is not None:
            self.doc.set_offline(offline)
        if not offline:
            self.statusBar().showMessage(_("The connection to the store is back."), 8000)
            if self.doc is not None:
                self.doc.flush_pending()  # before the resync reloads the factsheet
        self.update_actions()

    def _say_connection(self) -> None:
        self.connection_label.setText(
            "\u26a0 " + _("Connection to the store lost — retrying…") if self.offline else ""
        )

    def _heard(self, heard: Any) -> None:
        """Others changed factsheets: the list, and the open one if it moved under us."""
        if self.store is None or getattr(self, "_closing", False):
            return
        ours = self._ids.get(self.doc.session.ident) if self.doc is not None else None
        mine = self.doc.session.version if self.doc is not None else None
        theirs = [(i, v) for i, v in heard.changed if (i, v) != (ours, mine)]  # not our own save
        if not (theirs or heard.resync):
            return
        self.refresh_navigator()
        if self.doc is not None and (heard.resync or any(i == ours for i, _v in theirs)):
            self.doc.handle(self.doc.ops.reload())

    def refresh_navigator(self) -> None:
        old = {(r.country, r.edition): r for r in self.navigator.model.rows}
        rows = []
        summaries = self.store.list()
        self._ids = {(s.country, s.edition): s.id for s in summaries}  # what notices name
        for s in summaries:
            prev = old.get((s.country, s.edition))
            rows.append(
                Row(
                    s.country,
                    s.edition,
                    s.status,
                    prev.errors if prev else None,
                    prev.warnings if prev else None,
                    prev.comments if prev else None,
                )
            )
        self.navigator.model.set_rows(rows)
        QTimer.singleShot(300, self._count_next)

    def _count_next(self) -> None:
        """Problem counts of the factsheets not open, one at a time, off the GUI thread."""
        from eccp_desktop.ui.runner import run_off_thread

        store = self.store
        if store is None or getattr(self, "_closing", False):
            return  # no new work on a store that is about to close (it crashed SQLite)
        for r in self.navigator.model.rows:
            if r.errors is None:

                def count(country: str = r.country, edition: int = r.edition) -> Any:
                    from eccp_desktop.validation import validate

                    fs = store.load(country, edition)
                    results = validate(fs)
                    errors = sum(1 for x in results if x.severity == "error")
                    warnings = sum(1 for x in results if x.severity == "warning")
                    comments = sum(1 for c in fs.review_comments if not c.resolved)
                    return country, edition, errors, warnings, comments

                run_off_thread(count, self._counted, owner=self)
                return

    def _counted(self, counts: tuple[str, int, int, int, int]) -> None:
        country, edition, errors, warnings, comments = counts
        self.navigator.model.update(
            country, edition, errors=errors, warnings=warnings, comments=comments
        )
        QTimer.singleShot(20, self._count_next)

    def select_first(self) -> None:
        if self.navigator.proxy.rowCount():
            self.navigator.view.setCurrentIndex(self.navigator.proxy.index(0, 0))

    def open_factsheet(self, country: str, edition: int) -> None:
        from eccp_desktop.operations.factsheet import FactsheetOps
        from eccp_desktop.ui.document import Document
        from eccp_desktop.ui.editor import Editor

        if self.doc is not None and self.doc.session.ident == (country, edition):
            return
        reviewer = S.flag(self.settings, S.REVIEWER)
        ops = FactsheetOps(self.store, country, edition, actor=S.actor(self.settings))
        doc = Document(ops, reviewer=reviewer)
        page = self.editor.stack.currentIndex() if self.editor else 0
        self.doc = doc
        self.start_page = None  # deleted with the central widget it was
        self.editor = Editor(doc, self)
        self.editor.show_page(page)
        self.setCentralWidget(self.editor)
        self.editor.show()
        self._fill_content_languages()
        self.editor.set_language(self.content_lang)
        self.actions_.bind_document(doc)
        from eccp_desktop.ui.pages import section_titles

        self.problems.titles = section_titles()
        doc.problems_changed.connect(self._problems_changed)
        doc.saved.connect(self._saved)
        doc.failed.connect(self._failed)
        doc.changed.connect(self._changed)
        doc.conflict.connect(self._conflict)
        doc.permissions_changed.connect(self._permissions_changed)
        doc.notice.connect(lambda text: self.statusBar().showMessage(text, 10000))
        doc.unreachable.connect(self._connection_lost)
        doc.merge_needed.connect(self._merge_needed)
        doc.set_offline(self.offline)
        self._permissions_changed()
        self._say_saved(N_("All changes saved"))
        self.setWindowTitle(self._title())
        if self.settings.value(S.STATE) is None:
            self.resizeDocks([self.problems_dock], [230], Qt.Orientation.Vertical)
        # the factsheet first, its problems as soon as it is on screen
        after_next_frame(self, doc.validate_now)
        self.factsheet_opened.emit(country, edition)

    def _title(self) -> str:
        if self.doc is None:
            return _("ECCP Factsheet Desktop")
        from eccp_desktop.i18n.formatting import country_name

        c, e = self.doc.session.ident
        mode = ""
        if self.doc.session.read_only:
            mode = " — " + _("read-only")
        elif self.doc.reviewer:
            mode = " — " + _("reviewer mode")
        return f"{country_name(c, current_language())} {e}{mode} — ECCP Factsheet Desktop"

    # -- reactions -------------------------------------------------------------
    def _problems_changed(self) -> None:
        self.problems_panel.show_results(self.doc.results, self.doc.factsheet)
        errors, warnings = self.doc.counts()
        c, e = self.doc.session.ident
        comments = sum(1 for x in self.doc.factsheet.review_comments if not x.resolved)
        self.navigator.model.update(c, e, errors=errors, warnings=warnings, comments=comments)

    def _show_counts(self) -> None:
        """The counts the Problems dock lists (as judged for sign-off when switched so)."""
        counts = self.problems_panel.counts()
        errors, warnings = counts["error"], counts["warning"]
        text = (
            ngettext("{n} error", "{n} errors", errors).format(n=errors)
            + ", "
            + ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings)
        )
        if self.problems_panel.judged.isChecked():
            text = _("At sign-off: {counts}").format(counts=text)
        self.counts_label.setText(text)

    def _saved(self, version: int) -> None:
        self._say_saved(N_("Saved (version {version})"), version=version)

    def _say_saved(self, message: str, **values: Any) -> None:
        """The save state in the status bar, kept untranslated so a language switch redoes it."""
        self._saved_message = (message, values)
        self.saved_label.setText(_(message).format(**values))

    def _failed(self, message: str) -> None:
        self.saved_label.setText("\u2716 " + message)
        self.statusBar().showMessage(message, 8000)

    def _conflict(self, message: str) -> None:
        if self.editor is not None:
            self.editor.banner.show_message(
                message, "warning", [(_("OK"), self._permissions_changed)]
            )

    def _merge_needed(self, conflict: Any) -> None:
        """Someone saved the same field meanwhile: the merge view lets the user choose."""
        from eccp_desktop.ui.merge_view import resolve_edit_conflict

        if self.merge_dialog is not None and is_valid(self.merge_dialog):
            self.merge_dialog.close()  # the newer conflict includes what is still to choose
        resolve_edit_conflict(self, conflict)

    def _permissions_changed(self) -> None:
        """Editable or not follows the state: pages, actions and the banner at once."""
        self.update_actions()
        if self.doc is None or self.editor is None:
            return
        perms = self.doc.permissions
        self.editor.set_editable(perms.edit)
        if perms.edit:
            self.editor.banner.clear()
        else:
            actions = [(_("&Reopen"), self.reopen)] if perms.reopen else []
            if perms.review:  # the reviewer's next step, where they are told they cannot edit
                actions.append((_("&Mark as reviewed…"), self.actions_.mark_reviewed.trigger))
            self.editor.banner.show_message(perms.why_not_edit, "info", actions)
        self.setWindowTitle(self._title())

    def reopen(self) -> None:
        if self.doc is not None:
            self.doc.transition("draft")

    def undo_state_changed(self, _can: bool) -> None:
        self.update_actions()

    def update_actions(self) -> None:
        from eccp_desktop.operations.permissions import permissions_for

        if self.doc is not None:
            perms = self.doc.permissions
        else:
            read_only = self.store is None or self.store.read_only
            perms = permissions_for(None, read_only=read_only, offline=self.offline)
        self.actions_.update(perms, self.doc)
        if self._busy:  # one import (or new edition) at a time: its write may still run
            self.actions_.import_.setEnabled(False)
            self.actions_.next_edition.setEnabled(False)
            self.actions_.new_factsheet.setEnabled(False)
        if self.start_page is not None and is_valid(self.start_page):
            self.start_page.follow_actions()

    # -- work off the GUI thread -------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._busy)

    def busy_begin(self, text: str) -> int:
        """Show that ``text`` is being done; the token ends it (``busy_end``)."""
        self._busy_next += 1
        self._busy[self._busy_next] = text
        self._show_busy()
        return self._busy_next

    def busy_end(self, token: int) -> None:
        self._busy.pop(token, None)
        self._show_busy()

    def _show_busy(self) -> None:
        texts = list(self._busy.values())
        self.busy_label.setText(texts[-1] if texts else "")
        self.busy_label.setVisible(bool(texts))
        self.busy_bar.setVisible(bool(texts))
        self.update_actions()

    def operation_failed(self, what: Any) -> None:
        """The one handler of a refused or failed window operation: say what and why.

        ``what`` is an outcome (``Refused``/``Conflict``/``Failed``) or the text
        of an exception raised by the work. Nothing was written in either case.
        """
        from eccp_desktop.operations import Conflict
        from eccp_desktop.ui.qt import QMessageBox

        if isinstance(what, str):
            reason, problems = what, []
        else:
            reason, problems = what.reason, list(getattr(what, "problems", []) or [])
        if isinstance(what, Conflict) and self.doc is not None:
            self.doc.handle(what)  # reload, drop the undo steps, the banner says who
        text = "\n".join([reason, *[str(p) for p in problems]])
        self.statusBar().showMessage("\u2716 " + "; ".join(text.splitlines()), 10000)
        if self.failure_box is not None and is_valid(self.failure_box):
            self.failure_box.close()
        # a message that stays until read, without blocking the window (no modal loop)
        self.failure_box = QMessageBox(
            QMessageBox.Icon.Warning, _("Not done"), "\u2716 " + text, parent=self
        )
        self.failure_box.setWindowModality(Qt.WindowModality.NonModal)
        self.failure_box.open()

    def _changed(self, path: str) -> None:
        if path in ("/status", "/", "/validation"):
            self._permissions_changed()
        if path in ("/status", "/"):
            c, e = self.doc.session.ident
            self.navigator.model.update(c, e, status=self.doc.factsheet.status)
        if path in ("/languages", "/", "/status"):
            self._fill_content_languages()

    def jump_to(self, path: str) -> bool:
        """Show the page of ``path`` and focus its widget or cell (Problems dock)."""
        if self.editor is None:
            return False
        last = path.rstrip("/").rsplit("/", 1)[-1]
        langs = self.doc.factsheet.languages
        if last in langs and last != self.content_lang and not path.startswith("/languages"):
            self.content_lang = last
            self.content_combo.setCurrentIndex(max(0, self.content_combo.findData(last)))
            self.editor.set_language(last)
        return bool(self.editor.focus_path(path))

    def show_banner(self, text: str) -> None:
        """Tell the user once (a non-blocking message) and keep saying it (status bar)."""
        from eccp_desktop.ui.qt import QMessageBox

        self.placeholder.setText(text)
        self.store_label.setText(f"\U0001f512 {self.store.location.display} ({_('read-only')})")
        self.store_label.setToolTip(text)
        self.notice = QMessageBox(QMessageBox.Icon.Information, _("Read-only"), text, parent=self)
        self.notice.setWindowModality(Qt.WindowModality.NonModal)
        self.notice.open()

    # -- languages -------------------------------------------------------------
    def _fill_content_languages(self) -> None:
        from eccp_desktop.i18n.formatting import language_name

        langs = list(self.doc.factsheet.languages) if self.doc else ["en"]
        if "en" not in langs:
            langs.insert(0, "en")
        self.content_combo.clear()
        for lang in langs:
            self.content_combo.addItem(
                f"{language_name(lang, current_language(), label=True)} ({lang})", lang
            )
        if self.content_lang not in langs:
            self.content_lang = "en"
        self.content_combo.setCurrentIndex(langs.index(self.content_lang))

    def _content_language_chosen(self, _i: int) -> None:
        self.content_lang = self.content_combo.currentData() or "en"
        if self.editor:
            self.editor.set_language(self.content_lang)

    def set_ui_language(self, lang: str) -> None:
        if lang not in EU_LANGUAGES:
            return
        self.settings.setValue(S.LANGUAGE, lang)
        apply_language(lang)
        self.retranslate()
        if self.doc is not None:  # messages are in the UI language: run them again
            self.doc.validate_now()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.nav_dock.setWindowTitle(_("Factsheets"))
        self.problems_dock.setWindowTitle(_("Problems"))
        if self.store is None:
            self.placeholder.setText(_("Opening the store…"))
        self.content_combo.setToolTip(_("Language of the texts being edited"))
        self.content_combo.setAccessibleName(_("Content language"))
        self._say_connection()
        self.navigator.retranslate()
        self.problems.retranslate()
        self.problems_panel.retranslate()
        saved = getattr(self, "_saved_message", None)
        if saved is not None and not self.saved_label.text().startswith("\u2716"):
            self._say_saved(saved[0], **saved[1])
        self.actions_.retranslate()
        if self.start_page is not None and is_valid(self.start_page):
            self.start_page.retranslate()  # it names the menus: after them
        if self.editor:
            self.editor.retranslate()
            self._fill_content_languages()
            if self.editor.banner.kind == "info":  # why the factsheet is locked, said anew
                self._permissions_changed()
        self.setWindowTitle(self._title())

    # -- reviewer mode ---------------------------------------------------------
    def set_reviewer_mode(self, on: bool) -> None:
        self.settings.setValue(S.REVIEWER, on)
        if self.doc:
            self.doc.reviewer = on  # permissions_changed: pages, actions, banner
            self.doc.changed.emit("/")

    # -- drag and drop, closing --------------------------------------------------
    def dragEnterEvent(self, event: Any) -> None:
        names = [u.toLocalFile().casefold() for u in event.mimeData().urls()]
        if any(n.endswith((".json", ".pdf")) for n in names):
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        """Packages are imported (with their preview); PDFs bring their comments back."""
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.toLocalFile()]
        pdfs = [f for f in files if f.casefold().endswith(".pdf")]
        packages = [f for f in files if f not in pdfs]
        if packages:
            from eccp_desktop.ui.exchange_dialogs import import_files

            import_files(self, packages)
        if pdfs:
            from eccp_desktop.ui.comments_dialogs import import_comments

            import_comments(self, pdfs)

    def closeEvent(self, event: Any) -> None:
        self.settings.setValue(S.GEOMETRY, self.saveGeometry())
        self.settings.setValue(S.STATE, self.saveState())
        self.settings.sync()
        if self.focusWidget() is not None:
            self.focusWidget().clearFocus()  # an open cell editor commits now
        from eccp_desktop.ui.runner import wait_for_all

        self._closing = True  # timers queued before now start no more store work
        if self._live is not None:
            self._live.close()
        for dialog in self.findChildren(QWidget):
            stop = getattr(dialog, "stop_work", None)
            if callable(stop):
                stop()  # a running PDF export finishes before the window goes
        wait_for_all()
        if self.lock is not None:
            self.lock.unlock()
        super().closeEvent(event)

    def central(self) -> QWidget | None:
        return self.centralWidget()
