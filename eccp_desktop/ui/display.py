"""Is there a display for a window? Answered before Qt is imported."""

from __future__ import annotations

import os
import sys

# Platforms that need no display server.
_HEADLESS_OK = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform in _HEADLESS_OK:
        return True
    if platform.startswith("wayland"):
        return bool(os.environ.get("WAYLAND_DISPLAY"))
    if platform == "xcb":
        return bool(os.environ.get("DISPLAY"))
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


# Start-up switches (installer smoke test, start-up bench); here, not in
# ``launch``, so that ``app`` reads them without importing its own launcher.
def exit_after_show() -> bool:
    return os.environ.get("ECCP_EXIT_AFTER_SHOW") == "1"


def exit_after_paint() -> bool:
    return os.environ.get("ECCP_EXIT_AFTER_PAINT") == "1"
