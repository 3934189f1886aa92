"""What the screenshot scripts share: the offscreen app, a scratch folder, windows, a demo store.

Not a test. ``screenshots_officer``, ``screenshots_shared`` and
``screenshots_start`` take their pictures with it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ECCP_LANG", "en")


class Shots:
    """The application and a scratch folder for one script's pictures, written to ``out``."""

    def __init__(self, out: Path) -> None:
        from eccp_desktop.ui.app import create_app

        self.app = create_app()
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp())

    def settle(self, rounds: int = 10) -> None:
        """Let the window lay out and paint (events, not time)."""
        for _ in range(rounds):
            self.app.processEvents()

    def demo_store(self, name: str, change: Callable[[Any], None] | None = None) -> Path:
        """A store with the demo packages; ``change(pl_2023)`` is saved into it first."""
        from eccp_desktop.exchange import read_package
        from eccp_desktop.paths import demo_packages
        from eccp_desktop.store import Store

        db = self.tmp / f"{name}.sqlite3"
        with Store.open(db) as s:
            s.import_factsheets([read_package(p) for p in demo_packages()], actor="demo")
            if change is not None:
                fs, v = s.load_versioned("PL", 2023)
                change(fs)
                s.save(fs, base_version=v, actor="demo")
        return db

    def window(self, lang: str, db: Path, size: tuple[int, int] = (1280, 800)) -> Any:
        """A main window on ``db`` in ``lang``, shown at ``size`` (a laptop's screen)."""
        from eccp_desktop.ui.main_window import MainWindow
        from eccp_desktop.ui.qt import QSettings

        w = MainWindow(
            QSettings(str(self.tmp / f"{lang}-{db.stem}.ini"), QSettings.Format.IniFormat)
        )
        w.resize(*size)
        w.show()
        w.open_store(str(db))
        w.set_ui_language(lang)
        return w

    def save(self, widget: Any, name: str) -> None:
        widget.grab().save(str(self.out / name))
