"""The one path from the window (and the command line) to the store, Qt-free.

Every operation returns an outcome that says what changed (``Done``) or why
nothing did (``Refused``, ``Conflict``, ``Failed``); callers refresh from
the report and never catch store exceptions themselves. What the user may
do is computed in one place (``permissions``) and checked here again.
"""

from eccp_desktop.operations.permissions import Permissions, permissions_for
from eccp_desktop.operations.report import Changes, Conflict, Done, Failed, Outcome, Refused

__all__ = [
    "Changes",
    "Conflict",
    "Done",
    "Failed",
    "Outcome",
    "Permissions",
    "Refused",
    "permissions_for",
]
