"""``python -m eccp_desktop`` and the ``eccp-desktop`` console script."""

from __future__ import annotations

import sys


def _window_only(argv: list[str]) -> str | bool | None:
    """The --db value when the arguments only open the window, else False."""
    if not argv:
        return None
    if len(argv) == 2 and argv[0] == "--db":
        return argv[1]
    if len(argv) == 1 and argv[0].startswith("--db="):
        return argv[0][5:]
    return False


def main() -> int:
    from eccp_desktop.gcpause import pause_for_start_up, resume_after_start_up

    # Imports build long-lived objects only (modules, classes): see gcpause.
    pause_for_start_up()
    db = _window_only(sys.argv[1:])
    if not isinstance(db, bool):
        # Fast path: paint the window before the store's imports (start-up time).
        try:
            from eccp_desktop.ui.launch import launch, window_args
        except ImportError:
            pass  # no window in this build: the command line
        else:
            return int(launch(window_args(db)))  # resumes once the first factsheet is shown
    from eccp_desktop.cli.app import main as cli_main

    resume_after_start_up()
    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
