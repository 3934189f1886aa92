"""Child process of the kill test: a user types and edits cells until killed.

Prints ``done <kind> <value>`` after each completed edit (flushed), so the
parent knows what must be in the store after it kills this process.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtTest import QTest

    from eccp_desktop.ui.app import create_app
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.pages import ClustersPage, SectionsPage
    from eccp_desktop.ui.qt import QSettings, Qt

    db, settings_file = sys.argv[1], sys.argv[2]
    app = create_app()
    w = MainWindow(QSettings(settings_file, QSettings.Format.IniFormat))
    w.show()
    assert w.open_store(db)
    w.navigator.select("PL", 2023)
    sections = next(p for p in w.editor.pages if isinstance(p, SectionsPage))
    clusters = next(p for p in w.editor.pages if isinstance(p, ClustersPage)).tables[0]
    w.editor.show_page(w.editor.pages.index(sections))
    text = sections.editor.editor
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    typed = ""
    for i in range(10_000):
        ch = "abcdefghij"[i % 10]
        QTest.keyClick(text, ch)
        typed += ch
        print(f"done text {typed}", flush=True)
        if i % 7 == 6:
            index = clusters.model.index(0, clusters.model.column_of("members"))
            clusters.model.setData(index, 100 + i, Qt.ItemDataRole.EditRole)
            print(f"done members {100 + i}", flush=True)
        app.processEvents()


if __name__ == "__main__":
    main()
