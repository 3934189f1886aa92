"""The layers do not leak: Qt lives in eccp_desktop.ui only."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "eccp_desktop"


def test_no_qt_import_outside_the_gui_package() -> None:
    offenders = []
    for py in PACKAGE.rglob("*.py"):
        rel = py.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{rel}: {n}" for n in names if n.split(".")[0] in ("PySide6", "shiboken6")
            ]
    assert offenders == []


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds once it has run ``code``."""
    code += "\nimport sys; print(*sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_the_command_line_runs_without_loading_qt() -> None:
    loaded = _modules_after(
        "from eccp_desktop.cli.app import build_parser; build_parser()\n"
        "import eccp_desktop.store, eccp_desktop.exchange"
    )
    assert not [m for m in loaded if m.startswith("PySide6")]


def test_a_command_starts_without_the_rules_it_does_not_use() -> None:
    # every command imports the parser's modules; the rules and the state of play
    # load only in the commands that use them (~47 M instructions of ~530 M)
    loaded = _modules_after("import eccp_desktop.cli.app")
    assert not {"eccp_desktop.validation", "eccp_desktop.stateofplay"} & loaded


def _imports_of(py: Path) -> set[str]:
    """Every eccp_desktop module ``py`` imports, at the top or in a function.

    Imports under ``if TYPE_CHECKING:`` count too: a circle there is still a
    circle in the design.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("eccp_desktop"):
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("eccp_desktop"))
    return found


def test_no_import_circles_inside_the_gui_package() -> None:
    modules = {
        "eccp_desktop.ui." + py.stem: py
        for py in (PACKAGE / "ui").glob("*.py")
        if py.stem not in ("__init__", "__main__")
    }
    graph = {
        m: {i for i in _imports_of(py) if i in modules and i != m} for m, py in modules.items()
    }
    circles = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph[node]):
            if nxt in trail:
                circles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif len(trail) < len(graph):
                visit(nxt, [*trail, nxt])

    for start in sorted(graph):
        visit(start, [start])
    assert not circles, sorted(set(circles))[:5]


# What the window's start must not wait for: loaded on first use only.
# (jsonschema is needed at the first show: the store checks what it loads.)
NOT_AT_START = (
    *("reportlab", "pikepdf", "pyhanko", "pypdf", "pypdfium2"),
    *("eccp_desktop.pdf.render", "eccp_desktop.annotations", "eccp_desktop.editions"),
    "eccp_desktop.trust",
)
NOT_BEFORE_PAINT = (*NOT_AT_START, "sqlalchemy", "jsonschema", "babel", "eccp_desktop.store")
_LOADED = """
import atexit, os, runpy, sys
def report():
    with open(os.environ["ECCP_TEST_MODULES"], "w") as f:
        f.write("\\n".join(sorted(sys.modules)))
atexit.register(report)
from PySide6.QtWidgets import QApplication
_exit = QApplication.exit
def exit_validated(code=0):
    # what the window does right after the factsheet is on screen: validate it
    for w in QApplication.topLevelWidgets():
        if getattr(w, "doc", None) is not None:
            w.doc.validate_now()
    _exit(code)
QApplication.exit = staticmethod(exit_validated)
sys.argv = ["eccp_desktop"]
runpy.run_module("eccp_desktop", run_name="__main__", alter_sys=True)
"""


def _loaded_by_the_window(tmp_path: Path, until: str) -> set[str]:
    """The modules of a whole window process that exits once painted, or shown and validated."""
    out = tmp_path / f"modules-{until}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ECCP_TEST_MODULES=str(out))
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    env.pop("ECCP_DB", None)
    env[f"ECCP_EXIT_AFTER_{until}"] = "1"
    subprocess.run([sys.executable, "-c", _LOADED], env=env, check=True, capture_output=True)
    return set(out.read_text().split())


def _among(modules: set[str], roots: tuple[str, ...]) -> list[str]:
    return sorted({r for r in roots for m in modules if m == r or m.startswith(r + ".")})


@pytest.mark.gui
def test_the_window_paints_before_the_store_and_pdf_stacks_load(tmp_path: Path) -> None:
    loaded = _loaded_by_the_window(tmp_path, "PAINT")
    assert "PySide6.QtWidgets" in loaded
    assert _among(loaded, NOT_BEFORE_PAINT) == []


@pytest.mark.gui
def test_the_first_factsheet_is_shown_without_the_pdf_stack(tmp_path: Path) -> None:
    # validating it (printable characters included) reads the font cmaps, not reportlab
    loaded = _loaded_by_the_window(tmp_path, "SHOW")
    assert "eccp_desktop.validation" in loaded  # the check below is about a real first show
    assert _among(loaded, NOT_AT_START) == []


def _printed(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (import state is process-wide)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return out.stdout.strip()


def test_libraries_imported_after_qt_are_not_read_as_source() -> None:
    # PySide's import hook read each module's source into linecache (~18 MB, ui/qt.py)
    code = (
        "import linecache, sys; import eccp_desktop.ui.qt; import sqlalchemy, jsonschema;"
        "print(sorted(f for f in linecache.cache if '/sqlalchemy/' in f or '/jsonschema/' in f)[:3])"
    )
    assert _printed(code) == "[]"


def test_no_module_selects_a_pyside_feature() -> None:
    """ui/qt.py gives ``__import__`` back once Qt is loaded: ``__feature__`` would need it."""
    offenders = [
        str(py.relative_to(PACKAGE))
        for py in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module == "__feature__"
    ]
    assert offenders == []


def test_imports_after_qt_skip_pyside_feature_hook() -> None:
    code = (
        "import builtins, eccp_desktop.ui.qt;"
        "print(builtins.__import__ is getattr(builtins, '__feature_import__', None))"
    )
    assert _printed(code) == "False"


# -- the window reaches the store only through the operations layer (issue #9) ----------

UI = PACKAGE / "ui"
# Store methods that change it (and its internals): only operations/ may call them.
STORE_WRITES = frozenset(
    {"save", "import_factsheets", "delete", "_transaction", "_replace", "_writable",
     "_check_rights", "_record", "engine"}
)  # fmt: skip
STORE_READS = frozenset(
    {"list", "load", "load_versioned", "load_all", "editions", "history", "history_page",
     "resolve"}
)  # fmt: skip
# Direct reads the window still makes, each with why it is not an operation (yet).
ALLOWED_READS = {
    # off the GUI thread (run_off_thread), the result handed to a slot; read-only
    ("main_window.py", "load"): "problem counts of the factsheets not open, off-thread",
    ("record_page.py", "history_page"): "the history, one page at a time, off-thread",
    ("comments_dialogs.py", "load"): "the factsheet a PDF's comments are about, off-thread",
    # a few indexed rows on the GUI thread (refresh_navigator, or when a dialog opens)
    ("main_window.py", "list"): "the navigator's rows: one summary row per factsheet",
    ("editions_dialogs.py", "editions"): "the editions of one country, to fill a list",
    ("editions_dialogs.py", "load"): "the edition the user picked to compare with",
}
# Names the window may import from the store package: types and a constant, no calls.
ALLOWED_STORE_IMPORTS = {
    "eccp_desktop.store.Store": "open and close: the window owns its store's lifetime",
    "eccp_desktop.store.StoreError": "the one error type a failed open is shown from",
    "eccp_desktop.store.repository.HISTORY_PAGE": "a page size, to offer older changes",
    # ui/live.py is the Qt half of the store's change notices; the other half is there
    "eccp_desktop.store.notifications.watcher_for": "the notice source that suits the store",
    "eccp_desktop.store.notifications.PollWatcher": "polling while the server is away",
    "eccp_desktop.store.notifications.Heard": "what a watcher learnt (a type)",
    "eccp_desktop.store.notifications.Watcher": "the watcher interface (a type)",
}


def _store_calls(source: str) -> tuple[list[str], list[str]]:
    """(writes, reads) of ``x.store.m(...)`` / ``store.m(...)`` calls in ``source``."""
    writes: list[str] = []
    reads: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if not name.endswith("store"):
            continue
        if node.attr in STORE_WRITES:
            writes.append(node.attr)
        elif node.attr in STORE_READS:
            reads.append(node.attr)
    return writes, reads


def _store_imports(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "eccp_desktop.store"
        ):
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("eccp_desktop.store"))
    return found


def test_the_checker_sees_direct_store_calls() -> None:
    code = "def f(self):\n    self.store.save(fs)\n    rows = window.store.list()\n"
    assert _store_calls(code) == (["save"], ["list"])
    assert _store_imports("from eccp_desktop.store.editions import start_edition") == {
        "eccp_desktop.store.editions.start_edition"
    }


def test_the_window_writes_through_operations_only() -> None:
    writes, reads, imports = [], [], []
    seen: set[tuple[str, str]] = set()
    for py in sorted(UI.rglob("*.py")):
        source = py.read_text(encoding="utf-8")
        w, r = _store_calls(source)
        seen.update((py.name, m) for m in r)
        writes += [f"{py.name}: store.{m}" for m in w]
        reads += [f"{py.name}: store.{m}" for m in r if (py.name, m) not in ALLOWED_READS]
        imports += [
            f"{py.name}: {n}" for n in _store_imports(source) - ALLOWED_STORE_IMPORTS.keys()
        ]
    assert writes == [], "the window changes the store only through eccp_desktop.operations"
    assert reads == [], "a new read: make it an operation, or allow it here with the reason"
    assert imports == [], "the window imports store internals"
    assert ALLOWED_READS.keys() <= seen, "an allowed read is gone: take it off the list"
