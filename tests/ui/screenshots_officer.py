"""Screenshots of what officers type and judge: ``python -m tests.ui.screenshots_officer [DIR]``.

Not a test: writes docs/date-refused-{en,bg}.png (a date refused at the
field), docs/problems-judged-{en,bg}.png (the Problems dock judged for
sign-off, filtered to errors) and docs/sign-off-{en,bg}.png (the sign-off
dialog listing what blocks it), at 1280x800.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def main(out: Path) -> None:
    from PySide6.QtTest import QTest

    from eccp_desktop.ui.pages import ClustersPage
    from eccp_desktop.ui.qt import QApplication, Qt
    from eccp_desktop.ui.record_page import SignOffDialog
    from tests.ui.conftest import kkk_cluster
    from tests.ui.shots import Shots

    shots = Shots(out)

    def below_minimum(fs: Any) -> None:
        fs.clusters.append(kkk_cluster())
        fs.clusters[-1].members = 30  # below the key national minimum: an error today

    db = shots.demo_store("shots", below_minimum)
    settle = shots.settle

    for lang in ("en", "bg"):
        w = shots.window(lang, db)
        w.navigator.select("PL", 2023)
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
