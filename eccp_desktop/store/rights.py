"""What the current database login may do: asked of the server, never assumed.

On a PostgreSQL store set up by ``eccp-desktop admin init-postgres`` the
server enforces the rights itself (row-level security keyed on
``session_user``, see ``server_rights``); this module only reads them back
(``eccp_rights()``, a SECURITY DEFINER function over the mapping table) so
that the window can disable what would be refused and the command line can
refuse it in one line before the server does. An SQLite file, or a server
store without the rights installed, is unrestricted (``UNRESTRICTED``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from eccp_desktop.i18n import _
from eccp_desktop.store.errors import RightsError

__all__ = ["UNRESTRICTED", "Rights", "RightsError", "read"]

OFFICER = "officer"
REVIEWER = "reviewer"
CENTRAL = "central"
ADMIN = "admin"  # a superuser (or BYPASSRLS) login without a mapping row: the server's admin
ROLES = (OFFICER, REVIEWER, CENTRAL)


@dataclass(frozen=True, slots=True)
class Rights:
    """One login's rights on one store."""

    login: str = ""
    role: str | None = ADMIN  # None: the login has no role in this store
    country: str | None = None  # an officer's country; a reviewer's, if limited to one
    enforced: bool = False  # True: the server enforces these rights (RLS is installed)

    @property
    def unrestricted(self) -> bool:
        return not self.enforced or self.role in (CENTRAL, ADMIN)

    def may_write(self, country: str) -> bool:
        """Change the factsheets of ``country`` (values, status, import, editions)."""
        if self.unrestricted:
            return True
        return self.role == OFFICER and self.country == country.upper()

    def may_comment(self, country: str) -> bool:
        """Add and resolve review comments on the factsheets of ``country``."""
        if self.may_write(country):
            return True
        return self.role == REVIEWER and self.country in (None, country.upper())

    @property
    def may_import(self) -> bool:
        """Import packages at all (each package's country is checked on its own)."""
        return self.unrestricted or self.role == OFFICER

    def describe(self) -> str:
        """ "anna: officer for PL", as the status bar shows it ("" when not enforced)."""
        if not self.enforced:
            return ""
        if self.role is None:
            return _("{login}: no role in this store").format(login=self.login)
        if self.role == OFFICER:
            return _("{login}: officer for {country}").format(
                login=self.login, country=self.country
            )
        if self.role == REVIEWER:
            if self.country:
                return _("{login}: reviewer for {country}").format(
                    login=self.login, country=self.country
                )
            return _("{login}: reviewer").format(login=self.login)
        return _("{login}: central team").format(login=self.login)

    def why_not_write(self, country: str) -> str:
        """The one line that says why ``country``'s factsheets cannot be changed."""
        if self.role is None:
            return no_role_message(self.login)
        if self.role == REVIEWER:
            return _(
                "Your login {login} is a reviewer on this server: you can add and resolve review comments only."
            ).format(login=self.login)
        return _(
            "Your login {login} may change only {mine}'s factsheets on this server, not {country}'s: you have a read-only view of it."
        ).format(login=self.login, mine=self.country, country=country.upper())

    def why_not_comment(self, country: str) -> str:
        if self.role is None:
            return no_role_message(self.login)
        return _(
            "Your login {login} may not comment on {country}'s factsheets on this server."
        ).format(login=self.login, country=country.upper())


UNRESTRICTED = Rights()


def no_role_message(login: str) -> str:
    return _(
        "the login {login} has no role in this store: ask the central team to grant one (eccp-desktop admin grant {login} --role officer --country XX)"
    ).format(login=login)


def installed(conn: Connection) -> bool:
    """Whether the server store has the rights installed (``admin init-postgres``)."""
    if conn.dialect.name != "postgresql":
        return False
    return conn.scalar(text("SELECT to_regprocedure('eccp_rights()') IS NOT NULL")) is True


def read(conn: Connection) -> Rights:
    """The current login's rights (UNRESTRICTED where the server enforces none)."""
    if not installed(conn):
        return UNRESTRICTED
    row = conn.execute(text("SELECT login, role, country FROM eccp_rights()")).one()
    return Rights(login=row.login, role=row.role, country=row.country, enforced=True)
