"""Screenshots of an empty store: ``python -m tests.ui.screenshots_start [DIR]``.

Not a test: writes docs/start-page-{en,el}.png (the start page of an empty
store, 1280x800) and docs/new-factsheet-{en,el}.png (File › New factsheet…
refusing a year the exchange format cannot carry, at the field).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ECCP_LANG", "en")


def main(out: Path) -> None:
    from eccp_desktop.ui.app import create_app
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QApplication, QSettings
    from eccp_desktop.ui.start_page import new_factsheet

    app = create_app()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())

    def settle() -> None:
        for _ in range(30):
            app.processEvents()

    for lang, country in (("en", "Poland (PL)"), ("el", "Πολωνία (PL)")):
        w = MainWindow(QSettings(str(tmp / f"{lang}.ini"), QSettings.Format.IniFormat))
        w.set_ui_language(lang)
        w.resize(1280, 800)
        w.show()
        assert w.open_store(str(tmp / f"empty-{lang}.sqlite3"))
        settle()
        w.grab().save(str(out / f"start-page-{lang}.png"))
        dialog = new_factsheet(w)
        dialog.country.setCurrentIndex(dialog.country.findText(country))
        dialog.year.setText("1999")
        dialog.accept()  # refused: the message stands at the year
        settle()
        dialog.grab().save(str(out / f"new-factsheet-{lang}.png"))
        dialog.reject()
        w.close()
        w.store.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
