"""Menus, toolbar and shortcuts of the main window."""

from __future__ import annotations

from typing import Any

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.i18n import _, current_language
from eccp_desktop.ui import settings as S
from eccp_desktop.ui.icons import icon as named_icon
from eccp_desktop.ui.qt import QAction, QKeySequence, QToolBar, is_valid

# The window is typed loosely here: naming MainWindow would import the module
# that builds these actions (an import circle, even under TYPE_CHECKING).
MainWindow = Any


class Actions:
    def __init__(self, w: MainWindow) -> None:
        self.w = w
        K = QKeySequence.StandardKey

        def act(icon: str | None = None, keys: Any = None, slot: Any = None) -> QAction:
            a = QAction(w)
            if icon is not None:
                a.setIcon(named_icon(icon))
            if keys is not None:
                if isinstance(keys, list):
                    a.setShortcuts(keys)
                elif isinstance(keys, QKeySequence):
                    a.setShortcut(keys)
                else:
                    a.setShortcuts(QKeySequence.keyBindings(keys))
            if slot is not None:
                a.triggered.connect(slot)
            return a

        self.import_ = act("import", K.Open, self._import)
        self.new_factsheet = act("new", None, self._new_factsheet)
        self.export = act("export", K.SaveAs, self._export)
        self.import_comments = act(None, None, self._import_comments)
        self.pdf_export = act("pdf", None, self._pdf_export)
        self.pdf_preview = act("preview", QKeySequence("Ctrl+P"), self._preview)
        self.quit = act(None, K.Quit, w.close)
        self.undo = act("undo", K.Undo)
        self.redo = act("redo", [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.add_row = act(None, QKeySequence("Ctrl+N"), lambda: self._table("add_row"))
        self.delete_rows = act(
            None, QKeySequence("Ctrl+Delete"), lambda: self._table("delete_selected")
        )
        self.copy = act(None, K.Copy, lambda: self._clip("copy_selection", "copy"))
        self.paste = act(None, K.Paste, lambda: self._clip("paste", "paste"))
        self.find = act(None, K.Find, lambda: w.navigator.filter.setFocus())
        self.next_problem = act(None, QKeySequence("F8"), self._next_problem)
        self.validate = act("validate", QKeySequence("F5"), self._validate)
        self.submit = act(None, None, lambda: self._record("transition", "submitted"))
        self.sign_off = act("sign-off", None, lambda: self._record("open_sign_off"))
        self.reopen = act(None, None, lambda: self._record("transition", "draft"))
        self.mark_reviewed = act(None, None, lambda: self._record("open_review"))
        self.next_edition = act(None, None, self._next_edition)
        self.what_changed = act(None, QKeySequence("Ctrl+Shift+D"), self._what_changed)
        self.comment = act(None, QKeySequence("Ctrl+Alt+M"), self._comment)
        self.reviewer = act(None, None, None)
        self.reviewer.setCheckable(True)
        self.reviewer.setChecked(S.flag(w.settings, S.REVIEWER))
        self.reviewer.toggled.connect(w.set_reviewer_mode)
        self.identity = act(None, None, self._identity)
        self.about = act(None, None, self._about)
        self.undo.triggered.connect(lambda: w.doc and w.doc.undo_stack.undo())
        self.redo.triggered.connect(lambda: w.doc and w.doc.undo_stack.redo())
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)

        self._languages: dict[str, QAction] = {}
        bar = w.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new_factsheet, self.import_, self.export])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_comments)
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.pdf_export, self.pdf_preview])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.copy, self.paste])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([self.add_row, self.delete_rows, self.find])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.comment)
        self.sheet_menu = bar.addMenu("")
        self.sheet_menu.addActions([self.validate, self.next_problem])
        self.sheet_menu.addSeparator()
        self.sheet_menu.addActions([self.submit, self.sign_off, self.mark_reviewed, self.reopen])
        self.sheet_menu.addSeparator()
        self.sheet_menu.addActions([self.next_edition, self.what_changed])
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        # its 24 entries are made as it first opens: the window paints sooner
        self.language_menu.aboutToShow.connect(self._fill_language_menu)
        self.settings_menu.addAction(self.reviewer)
        self.settings_menu.addAction(self.identity)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(w.nav_dock.toggleViewAction())
        self.view_menu.addAction(w.problems_dock.toggleViewAction())
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about)

        self.toolbar = QToolBar(w)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.addActions([self.undo, self.redo])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.import_, self.export, self.pdf_preview])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.sign_off)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(w.content_combo)
        w.addToolBar(self.toolbar)

    def bind_document(self, doc: Any) -> None:
        stack = doc.undo_stack
        # bound to the window (a QObject): disconnected when it goes, unlike a lambda
        stack.canUndoChanged.connect(self.w.undo_state_changed)
        stack.canRedoChanged.connect(self.w.undo_state_changed)

    def update(self, perms: Any, doc: Any) -> None:
        """Enable exactly what the state allows (menus, toolbar and shortcuts share these)."""
        if not is_valid(self.undo):
            return  # the window is being destroyed
        stack = doc.undo_stack if doc is not None and is_valid(doc.undo_stack) else None
        # comments are undo steps too; the operation refuses the rest again
        can_step = perms.edit or perms.comment
        self.undo.setEnabled(stack is not None and stack.canUndo() and can_step)
        self.redo.setEnabled(stack is not None and stack.canRedo() and can_step)
        for a in (self.add_row, self.delete_rows):
            a.setEnabled(perms.edit)
        self.submit.setEnabled(perms.submit)
        self.sign_off.setEnabled(perms.sign_off)
        self.reopen.setEnabled(perms.reopen)
        self.mark_reviewed.setEnabled(perms.review)
        self.comment.setEnabled(perms.comment)
        self.import_.setEnabled(perms.import_ or (doc is None and perms.import_))
        # a new factsheet comes in as an import does: allowed where importing is
        self.new_factsheet.setEnabled(perms.import_)
        # experts' remarks are comments: reviewers import them too; any factsheet of the
        # store, open or not (a read-only store allows neither)
        self.import_comments.setEnabled(perms.comment or perms.import_)
        for a in (self.export, self.pdf_export, self.pdf_preview):
            a.setEnabled(perms.export)
        # a new edition is a new factsheet: allowed where importing is
        self.next_edition.setEnabled(doc is not None and perms.import_)
        self.what_changed.setEnabled(doc is not None)

    def retranslate(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.sheet_menu.setTitle(_("F&actsheet"))
        self.settings_menu.setTitle(_("&Settings"))
        self.view_menu.setTitle(_("&View"))
        self.help_menu.setTitle(_("&Help"))
        self.language_menu.setTitle(_("Interface &language"))
        self.new_factsheet.setText(_("&New factsheet…"))
        self.import_.setText(_("&Import packages…"))
        self.export.setText(_("&Export package…"))
        self.import_comments.setText(_("Import co&mments from PDF…"))
        self.pdf_export.setText(_("Export &PDFs…"))
        self.pdf_preview.setText(_("P&review PDF"))
        self.quit.setText(_("&Quit"))
        self.undo.setText(_("&Undo"))
        self.redo.setText(_("&Redo"))
        self.add_row.setText(_("&Add row"))
        self.delete_rows.setText(_("&Delete rows"))
        self.find.setText(_("&Find factsheet"))
        self.copy.setText(_("&Copy"))
        self.paste.setText(_("&Paste"))
        self.validate.setText(_("&Validate again"))
        self.next_problem.setText(_("&Next problem"))
        self.submit.setText(_("&Submit"))
        self.sign_off.setText(_("Sign &off as validated…"))
        self.reopen.setText(_("&Reopen"))
        self.mark_reviewed.setText(_("&Mark as reviewed…"))
        self.next_edition.setText(_("Start ne&xt edition…"))
        self.what_changed.setText(_("&What changed…"))
        self.comment.setText(_("Review comment &on this field…"))
        self.reviewer.setText(_("&Reviewer mode (comments only)"))
        self.identity.setText(_("Your &name and organisation…"))
        self.about.setText(_("&About"))
        self.toolbar.setWindowTitle(_("Main toolbar"))
        self._name_languages()

    @property
    def languages(self) -> dict[str, QAction]:
        """The interface language menu's entries, by language code."""
        self._fill_language_menu()
        return self._languages

    def _fill_language_menu(self) -> None:
        if self._languages:
            return
        for lang in EU_LANGUAGES:
            a = QAction(lang, self.w)
            a.setCheckable(True)
            a.triggered.connect(lambda _c=False, lg=lang: self._language(lg))
            self.language_menu.addAction(a)
            self._languages[lang] = a
        self._name_languages()

    def _name_languages(self) -> None:
        if not self._languages:
            return
        from eccp_desktop.i18n.formatting import own_language_label

        for lang, a in self._languages.items():
            # each in its own name: "English", not Qt's "American English" for en
            a.setText(own_language_label(lang))
            a.setChecked(lang == current_language())

    # -- slots -----------------------------------------------------------------
    def _language(self, lang: str) -> None:
        self.w.set_ui_language(lang)

    def _clip(self, table_method: str, widget_method: str) -> None:
        """Copy or paste: cells of the focused table, else the focused field's own."""
        from eccp_desktop.ui.table_page import TablePage

        focus = self.w.focusWidget()
        if focus is None:
            return
        for page in self.w.findChildren(TablePage):
            if page.view is focus or page.view.isAncestorOf(focus):
                getattr(page, table_method)()
                return
        own = getattr(focus, widget_method, None)
        if callable(own):
            own()

    def _table(self, method: str) -> None:
        if self.w.editor is None:
            return
        for t in getattr(self.w.editor.current_page(), "tables", []):
            if t.isAncestorOf(self.w.focusWidget()) or t is self.w.editor.current_page().tables[-1]:
                getattr(t, method)()
                return

    def _record(self, method: str, *args: Any) -> None:
        if self.w.editor is None:
            return
        from eccp_desktop.ui.record_page import RecordPage

        for i, page in enumerate(self.w.editor.pages):
            if isinstance(page, RecordPage):
                self.w.editor.show_page(i)
                getattr(page, method)(*args)

    def _comment(self) -> None:
        """Comment on the focused field or cell: remember where, then ask for the text."""
        if self.w.editor is None:
            return
        from eccp_desktop.ui.record_page import RecordPage

        path = self.w.editor.focused_path()
        for i, page in enumerate(self.w.editor.pages):
            if isinstance(page, RecordPage):
                page.set_target(path)
                self.w.editor.show_page(i)
                page.comment_text.setFocus()

    def _validate(self) -> None:
        if self.w.doc:
            self.w.doc.validate_now()

    def _next_problem(self) -> None:
        view = self.w.problems
        from eccp_desktop.ui.problems import PathRole

        item = view.next_item()  # errors first, then warnings
        if item is None:
            return
        view.setCurrentItem(item)
        self.w.jump_to(item.data(0, PathRole))

    def _next_edition(self) -> None:
        from eccp_desktop.ui.editions_dialogs import start_next_edition

        start_next_edition(self.w)

    def _what_changed(self) -> None:
        from eccp_desktop.ui.editions_dialogs import show_what_changed

        show_what_changed(self.w)

    def _new_factsheet(self) -> None:
        from eccp_desktop.ui.start_page import new_factsheet

        new_factsheet(self.w)

    def _import(self) -> None:
        from eccp_desktop.ui.exchange_dialogs import choose_and_import

        choose_and_import(self.w)

    def _import_comments(self) -> None:
        from eccp_desktop.ui.comments_dialogs import choose_and_import_comments

        choose_and_import_comments(self.w)

    def _export(self) -> None:
        from eccp_desktop.ui.exchange_dialogs import export_package

        export_package(self.w)

    def _pdf_export(self) -> None:
        from eccp_desktop.ui.pdf_dialogs import PdfExportDialog

        if self.w.doc:
            PdfExportDialog(self.w, self.w.doc.factsheet, self.w.doc.session.version).open()

    def _preview(self) -> None:
        from eccp_desktop.ui.pdf_dialogs import PdfPreview

        if self.w.doc:
            PdfPreview(self.w, self.w.doc.factsheet, self.w.content_lang).show()

    def _identity(self) -> None:
        from eccp_desktop.ui.identity import IdentityDialog

        IdentityDialog(self.w).open()

    def _about(self) -> None:
        from eccp_desktop import __version__
        from eccp_desktop.ui.qt import QMessageBox

        QMessageBox.about(
            self.w,
            _("About"),
            _("ECCP Factsheet Desktop {version}").format(version=__version__),
        )


def build_actions(w: MainWindow) -> Actions:
    return Actions(w)
