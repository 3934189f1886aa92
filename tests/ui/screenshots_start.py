"""Screenshots of an empty store: ``python -m tests.ui.screenshots_start [DIR]``.

Not a test: writes docs/start-page-{en,el}.png (the start page of an empty
store, 1280x800) and docs/new-factsheet-{en,el}.png (File › New factsheet…
refusing a year the exchange format cannot carry, at the field).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(out: Path) -> None:
    from eccp_desktop.ui.qt import QApplication
    from eccp_desktop.ui.start_page import new_factsheet
    from tests.ui.shots import Shots

    shots = Shots(out)

    def settle() -> None:
        shots.settle(30)

    for lang, country in (("en", "Poland (PL)"), ("el", "Πολωνία (PL)")):
        w = shots.window(lang, shots.tmp / f"empty-{lang}.sqlite3")
        assert w.store is not None
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
