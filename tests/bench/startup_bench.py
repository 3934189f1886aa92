"""Start-up of the window, side by side with a bare PySide6 window (the floor).

Three figures, each the median of several runs in the same session, timed
from the launch to the moment the window is painted or shown (the process's
tear-down after that is no waiting; the figures to exit are printed too):
the floor (a QMainWindow with a menu bar, a tree and a 200-row table, as
issue 16 defines it, exiting after its first paint); the application until its main window has
painted (``ECCP_EXIT_AFTER_PAINT``); and until the first demo factsheet is
shown and editable (``ECCP_EXIT_AFTER_SHOW``). Targets (issue 16): <= 1.3x and
<= 3.5x (compass 3x); the peak resident memory of the last <= 2x the floor's.
Where valgrind is installed, the instructions each executes to that moment
too: a count the machine's load does not move.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench import targets

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("ECCP_BENCH_RUNS", "15"))  # the VM varies +-20 % run to run

FLOOR = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QMainWindow, QSplitter, QTableWidget,
                               QTreeWidget, QTreeWidgetItem)
app = QApplication(sys.argv[:1])
w = QMainWindow()
m = w.menuBar().addMenu("&File"); m.addAction("&Quit", w.close)
split = QSplitter(); tree = QTreeWidget(); table = QTableWidget(200, 6)
QTreeWidgetItem(tree, ["item"]); split.addWidget(tree); split.addWidget(table)
w.setCentralWidget(split); w.resize(1280, 800)
class Painted(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
p = Painted(); w.installEventFilter(p); w.show(); app.exec()
"""
# The floor this bench timed until session 9: its table had 20 rows, not the
# issue's 200 (~3 ms less). Still timed and its ratios printed, to compare
# with the figures of earlier sessions' notes; the targets use the issue's.
FLOOR_20_ROWS = FLOOR.replace("QTableWidget(200, 6)", "QTableWidget(20, 6)")
assert FLOOR_20_ROWS != FLOOR

# How both probes below reach QApplication.exit/quit: as the script itself
# first imports PySide6.QtWidgets, not by importing it first. Imported first,
# Qt would change the application's start: every module its launcher loads
# before Qt (the package, i18n, platformdirs, ...) would then pass through
# PySide's import hook and source scan, which the installed launcher never
# does (ui/qt.py removes both as Qt loads): ~32 M instructions, ~4 ms, on the
# application's side only. The floor imports Qt first anyway.
WHEN_QT_LOADS = """
class _WhenQtLoads:
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            _probe(module.QApplication)
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, _WhenQtLoads())
"""

# Both the floor and the application run under this prologue: at exit the
# child writes its own peak resident memory (VmHWM) to stderr. wait4's
# ru_maxrss cannot be used: on Linux it keeps the high-water mark of the
# forked copy of this (large) bench process, so every child looked >= 138 MB.
HWM_TAG = "ECCP_BENCH_VMHWM_KB"
AT_TAG = "ECCP_BENCH_AT"  # CPU seconds and wall seconds at the moment (see the prologue)
PROLOGUE = (
    f"""
import atexit, sys
AT_TAG = "{AT_TAG}"
def _hwm():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    sys.stderr.write("{HWM_TAG} " + line.split()[1] + "\\n")
    except OSError:
        pass
atexit.register(_hwm)
# The moment the window is painted or shown: both scripts end it with
# QApplication.exit/quit. What the process spends after that (tearing the
# window, the store and the interpreter down; ~115 ms of CPU for the app,
# ~20 ms for the floor) is no time the user waits for.
import os, time
def _probe(_QA):
    _exit, _quit = _QA.exit, _QA.quit
    def _at():
        t0 = float(os.environ.get("ECCP_BENCH_T0", "nan"))
        sys.stderr.write(f"{AT_TAG} {{time.process_time()}} {{time.time() - t0}}\\n")
    def _exit_at(code=0):
        _at()
        _exit(code)
    def _quit_at():
        _at()
        _quit()
    _QA.exit, _QA.quit = staticmethod(_exit_at), staticmethod(_quit_at)
"""
    + WHEN_QT_LOADS
)
RUN_APP = """
import runpy
sys.argv = ["eccp_desktop"]
runpy.run_module("eccp_desktop", run_name="__main__", alter_sys=True)
"""
APP = PROLOGUE + RUN_APP


@dataclass(frozen=True, slots=True)
class Run:
    wall: float  # seconds, to the process's exit
    cpu: float  # seconds of CPU time (user + system) to exit: steadier on a shared machine
    rss: float  # the child's own peak resident memory (VmHWM), MB
    at_wall: float  # seconds from the launch to the moment painted or shown
    at_cpu: float  # the child's CPU time (user + system) at that moment


def _run(cmd: list[str], env: dict[str, str]) -> Run:
    start = time.perf_counter()
    env = dict(env, ECCP_BENCH_T0=repr(time.time()))
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    if not hasattr(os, "wait4"):  # Windows: the wall clock only
        code = proc.wait()
        cpu = rss = float("nan")
    else:  # the child's own CPU time and peak memory (kB on Linux)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{stderr}")
    rss = at_cpu = at_wall = float("nan")  # no /proc (macOS, Windows): no memory figure
    for line in stderr.splitlines():
        if line.startswith(HWM_TAG):
            rss = int(line.split()[1]) / 1024
        elif line.startswith(AT_TAG):
            at_cpu, at_wall = (float(x) for x in line.split()[1:3])
    return Run(elapsed, cpu, rss, at_wall, at_cpu)


def _median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(r, field) for r in runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["XDG_DATA_HOME"] = f"{home}/data"
        env["XDG_CONFIG_HOME"] = f"{home}/config"
        env.pop("ECCP_DB", None)
        # An installed copy runs from bytecode (pip and PyInstaller compile it);
        # with PYTHONDONTWRITEBYTECODE set (as on some CI machines) every run
        # would compile each module from source, ~0.15 s the user never waits.
        # The seeding run below writes the caches.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        app = [sys.executable, "-c", APP]
        # first use seeds the demo store: not part of the figures
        _run(app, dict(env, ECCP_EXIT_AFTER_SHOW="1"))
        floor: list[Run] = []
        floor_20: list[Run] = []
        painted: list[Run] = []
        shown: list[Run] = []
        for _ in range(RUNS):  # interleaved, so drift hits all three alike
            floor.append(_run([sys.executable, "-c", PROLOGUE + FLOOR], env))
            floor_20.append(_run([sys.executable, "-c", PROLOGUE + FLOOR_20_ROWS], env))
            painted.append(_run(app, dict(env, ECCP_EXIT_AFTER_PAINT="1")))
            shown.append(_run(app, dict(env, ECCP_EXIT_AFTER_SHOW="1")))
        # on the store seeded above
        counted = os.environ.get("ECCP_BENCH_INSTRUCTIONS", "1") != "0"
        counts = instruction_counts(env) if counted else None
    f, p, s = (_median(x, "at_wall") for x in (floor, painted, shown))
    fc, pc, sc = (_median(x, "at_cpu") for x in (floor, painted, shown))
    fw, pw, sw = (_median(x, "wall") for x in (floor, painted, shown))
    fx, px, sx = (_median(x, "cpu") for x in (floor, painted, shown))
    fm, sm = _median(floor, "rss"), _median(shown, "rss")
    f20, fc20 = _median(floor_20, "at_wall"), _median(floor_20, "at_cpu")
    print(
        f"  (median of {RUNS} runs each, interleaved; from the launch to the moment painted or"
        " shown: wall clock, then the process's CPU time)"
    )
    print(
        f"  floor (bare PySide6 window: menu bar, tree, 200-row table) {f:6.3f} s            CPU {fc:6.3f} s"
    )
    print(
        f"  main window painted                                        {p:6.3f} s  {p / f:4.2f}x floor  CPU {pc:6.3f} s  {pc / fc:4.2f}x"
    )
    print(
        f"  demo factsheet shown and editable                          {s:6.3f} s  {s / f:4.2f}x floor  CPU {sc:6.3f} s  {sc / fc:4.2f}x"
    )
    print(
        f"  against the 20-row floor of earlier sessions ({f20:.3f} s, CPU {fc20:.3f} s): painted "
        f"{p / f20:.2f}x (CPU {pc / fc20:.2f}x), shown {s / f20:.2f}x (CPU {sc / fc20:.2f}x)"
    )
    print(
        f"  to the process's exit instead (as measured before session 5): floor {fw:.3f} s, "
        f"painted {pw / fw:.2f}x, shown {sw / fw:.2f}x; CPU floor {fx:.3f} s, painted "
        f"{px / fx:.2f}x, shown {sx / fx:.2f}x"
    )
    print(
        f"  peak resident memory: floor {fm:.0f} MB, window with the demo store {sm:.0f} MB ({sm / fm:.2f}x)"
    )
    targets.record("window painted, wall clock / floor", p / f, 1.3)
    targets.record("window painted, CPU time / floor", pc / fc, 1.3)
    targets.record("demo shown and editable, wall clock / floor", s / f, 3.5, note="compass 3x")
    targets.record("demo shown and editable, CPU time / floor", sc / fc, 3.5, note="compass 3x")
    targets.record("memory of the window with the demo store / floor", sm / fm, 2.0)
    if counted:
        report_instructions(counts)
    if os.environ.get("ECCP_BENCH_TYPING", "1") != "0":
        typing()


# Instructions executed to the moment, counted by valgrind: the same on a busy
# or a quiet machine (the timings above move by +-20 % between runs here). The
# process ends at the moment (os._exit), so tear-down is not counted either.
AT_ONCE = (
    """
import os, sys
def _probe(_QA):
    _QA.exit = staticmethod(lambda code=0: os._exit(code))
    _QA.quit = staticmethod(lambda: os._exit(0))
"""
    + WHEN_QT_LOADS
)
# The floor plus what every PySide6 window that names a Qt enum pays once:
# building Python enums for the whole Qt namespace (Qt.Key alone has ~470
# members) and for QStyle. Shown for reference: the targets stay on the floor.
WITH_ENUMS = FLOOR.replace(
    "app = QApplication(",
    "from PySide6.QtCore import Qt\nfrom PySide6.QtWidgets import QStyle\nQt.AlignmentFlag, QStyle.StandardPixmap\napp = QApplication(",
    1,
)


def _instructions(code: str, env: dict[str, str]) -> int | None:
    """Instructions the child executes (valgrind's callgrind), None if it cannot say."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run(
        [*cmd, sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"failed under valgrind: {code[-200:]}\n{run.stderr[-2000:]}")
    for line in run.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1].replace(",", ""))
    return None


def instruction_counts(env: dict[str, str]) -> tuple[int | None, ...] | None:
    """Floor, floor with the enums, painted, shown, 20-row floor; None without valgrind."""
    import shutil

    if shutil.which("valgrind") is None:
        return None
    app = AT_ONCE + RUN_APP
    return (
        _instructions(AT_ONCE + FLOOR, env),
        _instructions(AT_ONCE + WITH_ENUMS, env),
        _instructions(app, dict(env, ECCP_EXIT_AFTER_PAINT="1")),
        _instructions(app, dict(env, ECCP_EXIT_AFTER_SHOW="1")),
        _instructions(AT_ONCE + FLOOR_20_ROWS, env),
    )


def report_instructions(counts: tuple[int | None, ...] | None) -> None:
    if counts is None:
        print("  instructions: valgrind is not installed (Debian package valgrind); skipped")
        return
    floor, enums, painted, shown, floor_20 = counts
    if not (floor and enums and painted and shown and floor_20):
        print("  instructions: valgrind gave no count; skipped")
        return
    print(
        "  instructions executed to the moment (valgrind; the same on a busy machine; for"
        " reference: the targets are on the wall clock):"
    )
    print(f"    floor                                   {floor / 1e6:7.0f} M")
    print(
        f"    floor naming one Qt enum and QStyle's    {enums / 1e6:7.0f} M  {enums / floor:4.2f}x"
        "  (the enums every PySide6 window builds once; for reference)"
    )
    print(
        f"    main window painted                     {painted / 1e6:7.0f} M  {painted / floor:4.2f}x"
    )
    print(
        f"    demo factsheet shown and editable       {shown / 1e6:7.0f} M  {shown / floor:4.2f}x"
    )
    print(
        f"    against the 20-row floor ({floor_20 / 1e6:.0f} M): painted {painted / floor_20:4.2f}x,"
        f" shown {shown / floor_20:4.2f}x"
    )
    # Not recorded as targets: the are on the wall clock (and its CPU-time
    # twin); an instruction count is a steadier proxy of them, printed above.


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
