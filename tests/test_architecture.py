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
