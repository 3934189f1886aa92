"""The layers do not leak: Qt lives in eccp_desktop.ui only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


def test_the_command_line_runs_without_loading_qt() -> None:
    code = (
        "import sys; from eccp_desktop.cli.app import build_parser; build_parser();"
        "import eccp_desktop.store, eccp_desktop.exchange;"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


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
