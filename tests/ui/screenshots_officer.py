"""Screenshots of what officers type and judge: ``python -m tests.ui.screenshots_officer [DIR]``.

Not a test: writes docs/date-refused-{en,bg}.png (a date refused at the
field), docs/problems-judged-{en,bg}.png (the Problems dock judged for
sign-off, filtered to errors) and docs/sign-off-{en,bg}.png (the sign-off
dialog listing what blocks it), at 1280x800.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ECCP_LANG", "en")


def main(out: Path) -> None:
    from PySide6.QtTest import QTest

    from eccp_desktop.exchange import read_package
    from eccp_desktop.paths import demo_packages
    from eccp_desktop.store import Store
    from eccp_desktop.ui.app import create_app
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.pages import ClustersPage
    from eccp_desktop.ui.qt import QApplication, QSettings, Qt
    from eccp_desktop.ui.record_page import SignOffDialog
    from tests.ui.conftest import kkk_cluster

    app = create_app()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "shots.sqlite3"
    with Store.open(db) as s:
        s.import_factsheets([read_package(p) for p in demo_packages()], actor="demo")
        fs, v = s.load_versioned("PL", 2023)
        fs.clusters.append(kkk_cluster())
        fs.clusters[-1].members = 30  # below the key national minimum: an error today
        s.save(fs, base_version=v, actor="demo")

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    for lang in ("en", "bg"):
        w = MainWindow(QSettings(str(tmp / f"{lang}.ini"), QSettings.Format.IniFormat))
        w.resize(1280, 800)
        w.show()
        w.open_store(str(db))
        w.navigator.select("PL", 2023)
        if lang != "en":
            w.set_ui_language(lang)
        w.doc.validate_now()
        settle()
        i = next(i for i, p in enumerate(w.editor.pages) if isinstance(p, ClustersPage))
        w.editor.show_page(i)
        table = w.editor.pages[i].tables[0]
        row = table.model.rowCount() - 1
        table.focus_cell(row, table.model.column_of("founded"), edit=True)
        settle()
        editor = QApplication.focusWidget()
        editor.selectAll()
        QTest.keyClicks(editor, "15.06.98" if lang == "bg" else "31.12.2023")
        QTest.keyClick(editor, Qt.Key.Key_Return)
        settle()
        w.grab().save(str(out / f"date-refused-{lang}.png"))
        QTest.keyClick(editor, Qt.Key.Key_Escape)
        settle()

        panel = w.problems_panel
        panel.judged.setChecked(True)
        panel.buttons["warning"].setChecked(False)
        panel.buttons["info"].setChecked(False)
        w.resizeDocks([w.problems_dock], [300], Qt.Orientation.Vertical)
        settle()
        w.grab().save(str(out / f"problems-judged-{lang}.png"))
        panel.judged.setChecked(False)
        panel.buttons["warning"].setChecked(True)
        panel.buttons["info"].setChecked(True)

        w.actions_.sign_off.trigger()
        settle()
        dialog = next(d for d in w.findChildren(SignOffDialog) if d.isVisible())
        settle()
        dialog.grab().save(str(out / f"sign-off-{lang}.png"))
        dialog.reject()
        w.close()
        w.store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
