"""``admin``: set up a shared PostgreSQL store and say who may write what.

``admin init-postgres URL`` creates (or upgrades) the schema through Alembic
and installs the server's rights (``store.server_rights``); ``admin grant``,
``admin revoke`` and ``admin list`` keep the mapping login -> role, country.
Run them as the store's owner with CREATEROLE, or as a superuser.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from eccp_desktop.cli.common import EXIT_OK, fail, store_target
from eccp_desktop.i18n import _
from eccp_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy import Engine


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "admin", help=_("set up a shared PostgreSQL store and grant rights (administrators)")
    )
    admin = p.add_subparsers(dest="admin_command", metavar="ACTION", required=True)

    q = admin.add_parser(
        "init-postgres", help=_("create or upgrade the schema and install the server's rights")
    )
    q.add_argument("url", metavar="URL", help=_("the store, postgresql+psycopg://…"))
    q.set_defaults(handler=cmd_init)

    q = admin.add_parser("grant", help=_("give a login its role (creating the login if needed)"))
    q.add_argument("login", metavar="USER")
    q.add_argument("--role", required=True, choices=["officer", "reviewer", "central"])
    q.add_argument(
        "--country", metavar="CC", help=_("an officer's country (a reviewer's, to limit them)")
    )
    q.set_defaults(handler=cmd_grant)

    q = admin.add_parser("revoke", help=_("take a login's role away (the login stays)"))
    q.add_argument("login", metavar="USER")
    q.set_defaults(handler=cmd_revoke)

    q = admin.add_parser("list", help=_("the logins with a role, one a line"))
    q.set_defaults(handler=cmd_list)


def _server_url(raw: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(raw).get_backend_name() if "://" in raw else "sqlite"
    except ArgumentError:
        fail(_("not a database URL: {url}").format(url=raw))
    if backend != "postgresql":
        fail(
            _(
                "admin commands work on a PostgreSQL store only (postgresql+psycopg://…), not {target}"
            ).format(target=raw)
        )
    return raw


def _run[T](url: str, work: Callable[[Engine], T]) -> T:
    """``work`` on an engine for ``url``; server refusals and faults in one line."""
    from sqlalchemy.exc import DBAPIError

    from eccp_desktop.store import engine as engines
    from eccp_desktop.store import faults
    from eccp_desktop.store.retry import sqlstate

    location = engines.locate(url)
    engine = engines.create(location, read_only=False)
    try:
        return work(engine)
    except StoreError as e:
        fail(str(e))
    except DBAPIError as e:
        if sqlstate(e) == "42501":
            fail(
                _(
                    "{where}: the login may not do this ({reason}); run admin commands as the store's owner with CREATEROLE, or as a superuser"
                ).format(where=location.display, reason=str(e.orig or e).splitlines()[0])
            )
        fail(faults.describe(e, location.display))
    finally:
        engine.dispose()


def cmd_init(args: argparse.Namespace) -> int:
    from eccp_desktop.store import Store, server_rights
    from eccp_desktop.store.migrate import SCHEMA_HEAD

    url = _server_url(args.url)
    try:
        store = Store.open(url)
    except StoreError as e:
        fail(*str(e).splitlines())
    with store:
        _run(url, server_rights.install)
        where = store.location.display
    tables = len(server_rights.protected_tables())
    print(
        _(
            "{where}: schema {revision}; roles eccp_user, eccp_central, eccp_reviewer; row-level security on {n} tables"
        ).format(where=where, revision=SCHEMA_HEAD, n=tables)
    )
    print(_("next: eccp-desktop --db URL admin grant USER --role officer --country XX"))
    return EXIT_OK


def cmd_grant(args: argparse.Namespace) -> int:
    from eccp_desktop.store import server_rights

    url = _server_url(store_target(args)[0])
    try:
        role, country = server_rights.check_grant(args.login, args.role, args.country)
    except StoreError as e:
        fail(str(e))
    created = _run(url, lambda e: server_rights.grant(e, args.login, role, country))
    if created:
        print(
            _(
                "created the login {login} without a password: set one with psql's \\password {login}, or let the server authenticate it otherwise"
            ).format(login=args.login)
        )
    print(_line(args.login, role, country))
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from eccp_desktop.store import server_rights

    url = _server_url(store_target(args)[0])
    if _run(url, lambda e: server_rights.revoke(e, args.login)):
        print(_("{login}: no role any more (the login itself was kept)").format(login=args.login))
    else:
        print(_("{login} had no role in this store").format(login=args.login))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from eccp_desktop.store import server_rights

    url = _server_url(store_target(args)[0])
    for g in _run(url, server_rights.grants):
        line = _line(g.login, g.role, g.country)
        if not g.login_exists:
            line += "  " + _("(no such login on the server)")
        print(line)
    return EXIT_OK


def _line(login: str, role: str, country: str | None) -> str:
    names = {"officer": _("officer"), "reviewer": _("reviewer"), "central": _("central team")}
    if country:
        return _("{login}: {role} for {country}").format(
            login=login, role=names[role], country=country
        )
    return _("{login}: {role}").format(login=login, role=names[role])
