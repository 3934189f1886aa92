"""The Qt application: settings, languages, the window, the event loop."""

from __future__ import annotations

import argparse
import sys

from eccp_desktop.gcpause import resume_after_start_up
from eccp_desktop.i18n import current_language
from eccp_desktop.ui import settings as S
from eccp_desktop.ui.display import exit_after_paint, exit_after_show
from eccp_desktop.ui.frames import FirstPaint
from eccp_desktop.ui.icons import app_icon
from eccp_desktop.ui.language import apply_language
from eccp_desktop.ui.qt import QApplication


def create_app() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("ECCP Factsheet Desktop")
    app.setOrganizationName("ECCP")
    # the icon of every window, and the link to eccp-desktop.desktop on Linux desktops
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("eccp-desktop")
    return app  # type: ignore[return-value]


def run(args: argparse.Namespace) -> int:
    app = create_app()
    settings = S.app_settings()
    lang = str(settings.value(S.LANGUAGE, current_language()))
    try:
        apply_language(lang)
    except ValueError:
        apply_language("en")
    from eccp_desktop.ui.main_window import MainWindow

    window = MainWindow(settings)

    def after_paint() -> None:
        try:
            open_first()
        finally:
            resume_after_start_up()

    def open_first() -> None:
        if exit_after_paint():
            app.exit(0)
            return
        if not window.open_store(getattr(args, "db", None)):
            if exit_after_show():
                print(window.placeholder.text(), file=sys.stderr)
                app.exit(2)
            return
        window.select_first()
        if exit_after_show():
            if window.editor is None:
                report_shown()
            else:  # "shown" = the factsheet's editor has painted
                window.editor.index.viewport().installEventFilter(shown_filter)

    def report_shown() -> None:
        editor = window.editor
        if editor is not None and editor.isVisible():
            c, e = window.doc.session.ident
            ready = "editable" if window.doc.editable else "read-only"
            print(f"window shown: {c} {e}", flush=True)
            if ready != "editable":
                print(f"warning: the factsheet is {ready}", file=sys.stderr)
            app.exit(0)
        else:
            print("no factsheet could be shown", file=sys.stderr)
            app.exit(1)

    shown_filter = FirstPaint(report_shown)
    painted = FirstPaint(after_paint)
    window.installEventFilter(painted)
    window.show()
    code = app.exec()
    window.removeEventFilter(painted)
    from eccp_desktop.ui.runner import wait_for_all

    wait_for_all()  # no store read or write is cut off by the exit
    if window.lock is not None:  # the loop can end without the window's close (exit())
        window.lock.unlock()  # a lock file left behind would outlive its process
    if window.store is not None:
        window.store.close()
    return int(code)
