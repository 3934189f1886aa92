"""Start-up of the window, side by side with a bare PySide6 window (the floor).

Three figures, each the median of several whole-process runs in the same
session: the floor (a QMainWindow with a menu bar, a tree and a table,
exiting after its first paint); the application until its main window has
painted (``ECCP_EXIT_AFTER_PAINT``); and until the first demo factsheet is
shown and editable (``ECCP_EXIT_AFTER_SHOW``). Targets: <= 1.5x and <= 3.5x.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("ECCP_BENCH_RUNS", "7"))

FLOOR = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QMainWindow, QSplitter, QTableWidget,
                               QTreeWidget, QTreeWidgetItem)
app = QApplication(sys.argv[:1])
w = QMainWindow()
m = w.menuBar().addMenu("&File"); m.addAction("&Quit", w.close)
split = QSplitter(); tree = QTreeWidget(); table = QTableWidget(20, 6)
QTreeWidgetItem(tree, ["item"]); split.addWidget(tree); split.addWidget(table)
w.setCentralWidget(split); w.resize(1280, 800)
class Painted(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
p = Painted(); w.installEventFilter(p); w.show(); app.exec()
"""


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{run.stderr}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["XDG_DATA_HOME"] = f"{home}/data"
        env["XDG_CONFIG_HOME"] = f"{home}/config"
        env.pop("ECCP_DB", None)
        app = [sys.executable, "-m", "eccp_desktop"]
        # first use seeds the demo store: not part of the figures
        _time(app, dict(env, ECCP_EXIT_AFTER_SHOW="1"))
        floor, painted, shown = [], [], []
        for _ in range(RUNS):  # interleaved, so drift hits all three alike
            floor.append(_time([sys.executable, "-c", FLOOR], env))
            painted.append(_time(app, dict(env, ECCP_EXIT_AFTER_PAINT="1")))
            shown.append(_time(app, dict(env, ECCP_EXIT_AFTER_SHOW="1")))
    f, p, s = (statistics.median(x) for x in (floor, painted, shown))
    print(f"floor (bare PySide6 window: menu bar, tree, table)  {f:6.3f} s")
    print(
        f"main window painted                                 {p:6.3f} s  {p / f:4.2f}x floor (target <= 1.5x)"
    )
    print(
        f"demo factsheet shown and editable                   {s:6.3f} s  {s / f:4.2f}x floor (target <= 3.5x)"
    )
    print(f"(median of {RUNS} whole-process runs each, interleaved)")
    typing()


def typing() -> None:
    """Typing into a section text: each keystroke is saved to the store at once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtTest import QTest  # noqa: TID251 (a bench drives the GUI)

    from eccp_desktop.editing import EditingSession
    from eccp_desktop.exchange import read_package
    from eccp_desktop.paths import demo_packages
    from eccp_desktop.store import Store
    from eccp_desktop.ui.app import create_app
    from eccp_desktop.ui.document import Document
    from eccp_desktop.ui.text_field import LocalizedTextEdit

    app = create_app()
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.sqlite3") as store:
        store.import_factsheets([read_package(p) for p in demo_packages()], actor="bench")
        doc = Document(EditingSession(store, "PL", 2023, actor="bench"))
        doc.validate_now()
        field = LocalizedTextEdit(doc, "/sections/annex")
        field.show()
        keys = "abcdefghij" * 20
        start = time.perf_counter()
        for ch in keys:
            QTest.keyClick(field.editor, ch)
        per_key = (time.perf_counter() - start) / len(keys)
        start = time.perf_counter()
        doc.validate_now()
        whole = time.perf_counter() - start
        field.close()
        app.processEvents()
    print(f"typing: per keystroke, saved to the store         {per_key * 1000:6.1f} ms")
    print(f"full revalidation of the PL factsheet             {whole * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
