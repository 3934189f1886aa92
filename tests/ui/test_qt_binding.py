"""The Qt binding itself: defects of a PySide release that would bring the window down.

Each check runs in a child interpreter: a binding that miscounts references
would otherwise damage the test process itself.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui

EMITS = """
import gc, os, sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit

class Source(QObject):
    changed = Signal(str)

source = Source()
source.changed.connect(lambda text: None)
app = QApplication([])
field = QLineEdit()
gc.collect()
before = sys.getrefcount(True), sys.getrefcount(None)
for _ in range(1000):
    source.changed.emit("x")  # returns True
    field.setText("x")  # returns None
gc.collect()
print(before[0] - sys.getrefcount(True), before[1] - sys.getrefcount(None), flush=True)
os._exit(0)  # a drained True would abort the interpreter's own shutdown
"""


def test_calls_into_qt_leave_the_reference_counts_of_true_and_none_alone() -> None:
    # PySide 6.12.0 on Python 3.11 returns True from SignalInstance.emit(),
    # and None from every method returning nothing, without counting the
    # reference: each call takes one away, and after ~3,300 keystrokes typed
    # into a field the window aborted ("none_dealloc: deallocating None").
    # Python 3.12 made None and True immortal, so the project needs 3.12+
    # (pyproject.toml, packaging/find_python.sh). This holds it.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-c", EMITS], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    lost_true, lost_none = (int(n) for n in run.stdout.split())
    assert abs(lost_true) < 10, f"1000 emits took {lost_true} references from True"
    assert abs(lost_none) < 10, f"1000 calls took {lost_none} references from None"
