"""Opening the window: display check, paint first, then the store and the factsheet.

``ECCP_EXIT_AFTER_SHOW=1`` (installer smoke test): open the first
factsheet, wait until it is shown and editable, print
``window shown: <COUNTRY> <EDITION>`` and exit 0.
``ECCP_EXIT_AFTER_PAINT=1`` (start-up bench): exit once the window painted.
"""

from __future__ import annotations

import argparse
import sys

from eccp_desktop.i18n import _
from eccp_desktop.ui.display import exit_after_paint, exit_after_show, has_display

__all__ = ["exit_after_paint", "exit_after_show", "launch", "main", "window_args"]

NO_DISPLAY = 2


def launch(args: argparse.Namespace) -> int:
    if not has_display():
        print(
            _("No display found: run under xvfb-run, or use the command line: eccp-desktop --help"),
            file=sys.stderr,
        )
        return NO_DISPLAY
    from eccp_desktop.ui.app import run

    return run(args)


def window_args(db: str | None) -> argparse.Namespace:
    """What the command line would give for ``eccp-desktop [--db DB]``."""
    return argparse.Namespace(db=db, command=None)


def main(argv: list[str] | None = None) -> int:
    """``python -m eccp_desktop.ui [--db PATH]``: the window without the CLI parser."""
    parser = argparse.ArgumentParser(prog="eccp-desktop")
    parser.add_argument("--db")
    return launch(parser.parse_args(argv))
