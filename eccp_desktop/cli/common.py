"""What every command shares: opening the store, who acts, reporting problems."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn

from eccp_desktop.i18n import _
from eccp_desktop.store import StoreError

if TYPE_CHECKING:
    from eccp_desktop.domain.model import Factsheet
    from eccp_desktop.store import Store

EXIT_OK = 0
EXIT_ERRORS = 1  # validate found errors
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """Bad input from outside: one line per problem goes to stderr, exit 2."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(lines))


def fail(*lines: str) -> NoReturn:
    raise BadInput(*lines)


def actor() -> str:
    """Who is acting, for the change history (the same default as the window's)."""
    from eccp_desktop.operations.store_ops import os_user

    return os_user()


def store_target(args: argparse.Namespace) -> tuple[str, bool]:
    """The store to open and whether it is the default one (gets the demo)."""
    from eccp_desktop.operations.store_ops import store_target as target

    try:
        return target(getattr(args, "db", None))
    except StoreError as e:  # a site file that cannot be used
        fail(str(e))


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    from eccp_desktop.operations import store_ops  # SQLAlchemy: only for commands that use it

    try:
        # Reading commands open read-only, except on first use: create the store then.
        store, _target = store_ops.open_store(getattr(args, "db", None), read_only=read_only)
    except StoreError as e:
        fail(*str(e).splitlines())
    return store


def load_factsheet(args: argparse.Namespace) -> Factsheet:
    """The factsheet named by ``args.country`` and ``args.edition`` (default: latest)."""
    from eccp_desktop.store import NotFoundError

    with open_store(args) as store:
        try:
            return store.load(*store.resolve(args.country, args.edition))
        except NotFoundError as e:
            fail(str(e))


def err(line: str) -> None:
    print(line, file=sys.stderr)


def usage_error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    parser.print_usage(sys.stderr)
    fail(_("error: {message}").format(message=message))
