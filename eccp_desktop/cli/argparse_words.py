"""argparse's own words ("usage:", "options", its error messages) in the user's language.

argparse translates through the standard ``gettext`` module's global domain,
which the application does not use; its module-level ``_`` is pointed at our
catalog instead. The strings are argparse's own (Python 3.11-3.13), marked
here so that they are extracted into our catalogs.
"""

from __future__ import annotations

import argparse

from eccp_desktop.i18n import N_, translator

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


def install(lang: str) -> None:
    """Let argparse speak ``lang`` from now on (its messages are built when shown)."""
    t = translator(lang)
    argparse._ = t.gettext  # type: ignore[attr-defined]
    argparse.ngettext = t.ngettext  # type: ignore[attr-defined]
