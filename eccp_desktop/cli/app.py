"""The command line: one parser, one module per group of commands.

Without a command the window opens (same binary). Exit codes are the
design's contract: 0 success, 1 ``validate`` found errors, 2 bad input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from eccp_desktop import __version__
from eccp_desktop.cli import (
    admin_commands,
    argparse_words,
    comments_commands,
    edition_commands,
    factsheet_commands,
    overview_commands,
    pdf_commands,
    signature_commands,
    store_commands,
    validate_commands,
)
from eccp_desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, BadInput, err
from eccp_desktop.i18n import _, current_language
from eccp_desktop.store.errors import StoreError

# Each module adds its sub-commands with ``register(subparsers)``.
COMMAND_MODULES = [
    store_commands,
    factsheet_commands,
    validate_commands,
    pdf_commands,
    overview_commands,
    signature_commands,
    edition_commands,
    comments_commands,
    admin_commands,
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own errors are bad input too: one line, exit 2.
        self.print_usage(sys.stderr)
        raise BadInput(_("error: {message}").format(message=message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="eccp-desktop",
        description=_("Edit, validate and publish ECCP Cluster Policy Factsheets."),
    )
    parser.add_argument("--version", action="version", version=f"eccp-desktop {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=_("the store: an SQLite file or an SQLAlchemy URL (also ECCP_DB)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argparse_words.install(current_language())  # before the parser builds its help groups
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return open_window(args)
        code = int(args.handler(args))  # handlers return the exit code
        sys.stdout.flush()  # a closed pipe shows here, inside the guard
        return code
    except BadInput as e:
        for line in e.lines:
            err(line)
        return EXIT_BAD_INPUT
    except StoreError as e:
        # Whatever command met it: an unusable store is bad input, one line.
        err(str(e))
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # `eccp-desktop list | head -1`: the reader has what it wanted. Python
        # would report the pipe again when it flushes stdout at exit: point
        # stdout at /dev/null first (the documented recipe).
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        err(_("interrupted"))
        return 130


def open_window(args: argparse.Namespace) -> int:
    try:
        from eccp_desktop.ui.launch import launch  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from eccp_desktop.cli.store_commands import cmd_list

        err(_("the window is not available in this build; the factsheets in the store:"))
        return cmd_list(args)
    return int(launch(args))  # Qt is imported only when a window is wanted
