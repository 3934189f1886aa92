"""The start-up bench's probe: it must not change the start it times."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.bench import startup_bench as bench

QUITS = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _run(script: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ECCP_BENCH_T0="0")
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )


def test_neither_probe_loads_qt_before_the_script_does() -> None:
    # Loaded first, Qt would send the application's own early imports through
    # PySide's import hook, which the installed launcher never does.
    for probe in (bench.PROLOGUE, bench.AT_ONCE):
        run = _run(probe + "\nprint(sorted(m for m in sys.modules if m.startswith('PySide6')))")
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == "[]"


def test_the_prologue_reports_the_moment_the_script_quits() -> None:
    run = _run(bench.PROLOGUE + QUITS)
    assert run.returncode == 0, run.stderr
    moments = [line.split() for line in run.stderr.splitlines() if line.startswith(bench.AT_TAG)]
    assert len(moments) == 1
    cpu, wall = (float(x) for x in moments[0][1:])
    assert 0 < cpu and 0 < wall


def test_the_instruction_probe_ends_the_process_at_the_moment() -> None:
    run = _run(bench.AT_ONCE + QUITS + "\nprint('after the moment')")
    assert run.returncode == 0, run.stderr
    assert "after the moment" not in run.stdout
