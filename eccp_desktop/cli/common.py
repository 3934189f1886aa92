"""What every command shares: opening the store, who acts, reporting problems."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from eccp_desktop.exchange import PackageError, read_package
from eccp_desktop.i18n import _
from eccp_desktop.paths import default_store_path, demo_packages
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
    """Who is acting, for the change history."""
    name = os.environ.get("ECCP_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def store_target(args: argparse.Namespace) -> tuple[str, bool]:
    """The store to open and whether it is the default one (gets the demo)."""
    explicit = getattr(args, "db", None) or os.environ.get("ECCP_DB")
    if explicit:
        return explicit, False
    return str(default_store_path()), True


def open_store(args: argparse.Namespace, *, read_only: bool = False) -> Store:
    from eccp_desktop.store import Store  # SQLAlchemy: only for commands that use the store

    target, is_default = store_target(args)
    first_use = is_default and not os.path.exists(target)
    try:
        # Reading commands open read-only, except on first use: create the store then.
        store = Store.open(target, read_only=read_only and not first_use)
    except StoreError as e:
        fail(str(e))
    if first_use:
        seed_demo(store)
    return store


def load_factsheet(args: argparse.Namespace) -> Factsheet:
    """The factsheet named by ``args.country`` and ``args.edition`` (default: latest)."""
    from eccp_desktop.store import NotFoundError

    with open_store(args) as store:
        try:
            return store.load(*store.resolve(args.country, args.edition))
        except NotFoundError as e:
            fail(str(e))


def seed_demo(store: Store) -> None:
    """Fill a new store with the demo factsheets, through the import path."""
    try:
        sheets = [read_package(p) for p in demo_packages()]
    except PackageError as e:  # a broken build, not a user error: say so
        fail(*e.lines())
    store.import_factsheets(sheets, actor="demo")


def err(line: str) -> None:
    print(line, file=sys.stderr)


def usage_error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    parser.print_usage(sys.stderr)
    fail(_("error: {message}").format(message=message))
