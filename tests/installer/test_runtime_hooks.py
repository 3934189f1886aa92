"""The bundle's runtime hooks, run in a plain interpreter."""

from __future__ import annotations

import subprocess
import sys

from tests.installer.conftest import PACKAGING

HOOKS = PACKAGING / "hooks"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_stdio_hook_gives_a_windowed_process_streams_that_accept_output() -> None:
    # A windowed executable starts with sys.stdout and sys.stderr set to None.
    code = (
        "import runpy, sys\n"
        "sys.stdout = sys.stderr = None\n"
        f"runpy.run_path({str(HOOKS / 'rth_stdio.py')!r})\n"
        "print('--version output'); print('a warning', file=sys.stderr)\n"
        "sys.__stdout__.write('ok')\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok"


def test_stdio_hook_leaves_working_streams_alone() -> None:
    code = f"import runpy\nrunpy.run_path({str(HOOKS / 'rth_stdio.py')!r})\nprint('visible')"
    assert _run(code).stdout == "visible\n"


def test_bytecode_hook_stops_pycache_writes() -> None:
    code = (
        f"import runpy, sys\nrunpy.run_path({str(HOOKS / 'rth_bytecode.py')!r})\n"
        "print(sys.dont_write_bytecode)"
    )
    assert _run(code).stdout == "True\n"
