"""Runtime hook: a windowed executable whose command line still works.

On Windows the bundle's ``eccp-desktop.exe`` is a GUI-subsystem program (no
console window flashes up for officers), so Python starts with
``sys.stdout``/``sys.stderr`` set to None and the first ``print`` would
fail. When started from a console we attach to it, so ``--version``,
``list`` and error lines appear there; otherwise the streams go to the null
device. Scripts that need to wait for the exit code and pipe the output use
the console twin ``eccp-desktop-cli.exe`` that the spec builds next to it.
Elsewhere (Linux, macOS) the streams already work and this does nothing.
"""

import os
import sys


def _attach_parent_console() -> bool:
    import ctypes

    attach_parent_process = -1
    return bool(ctypes.windll.kernel32.AttachConsole(attach_parent_process))


def _fix_streams() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    attached = sys.platform == "win32" and _attach_parent_console()
    out = "CONOUT$" if attached else os.devnull
    if sys.stdout is None:
        sys.stdout = open(out, "w", encoding="utf-8", errors="replace")
    if sys.stderr is None:
        sys.stderr = open(out, "w", encoding="utf-8", errors="replace")
    if sys.stdin is None:
        sys.stdin = open("CONIN$" if attached else os.devnull, encoding="utf-8")


_fix_streams()
