"""Rights enforced by the PostgreSQL server: roles, the mapping table, RLS policies.

Independent of Alembic (the schema's migrations): ``install`` runs after the
schema is at head and can run again at any time (after an upgrade adds a
table, say); every statement is idempotent. What it sets up:

- group roles: ``eccp_user`` (the table privileges every person needs),
  ``eccp_central``, ``eccp_reviewer`` and one ``eccp_country_xx`` per
  country with officers (created by ``grant``), each a member of ``eccp_user``;
- ``eccp_access``: the mapping login -> role (officer, reviewer, central) and
  country, keyed on ``session_user`` -- the database login, which the client
  cannot change (``SET ROLE`` changes ``current_user`` only). No login can
  read or write it except through the SECURITY DEFINER functions below;
- ``eccp_rights()`` (what the app asks) and the ``eccp_may_*`` predicates;
- row-level security, ENABLE and FORCE (the owner too), on every table of
  the schema: every login with a role reads all; an officer writes only
  their country's factsheets and their child rows (history, comments, ...);
  a reviewer only adds and resolves review comments (a trigger keeps the
  rest of the factsheet row as it was); the central team writes all. A
  table of the schema that this module cannot classify makes ``install``
  fail, so a new table never goes unprotected.

Records of exports are written like the factsheet they belong to: the base
snapshot of an exported package (the base of a later three-way merge) only
by those who may change the factsheet, a PDF's layout map (which places the
comments read back from it) only by those who may comment on it. Anyone
else exports without them: a package without ``base``, a PDF whose comments
cannot be imported -- as from a read-only store. A base another country's
officer could write would be a forged base for that country's next merge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table, text

from eccp_desktop.domain.countries import COUNTRIES
from eccp_desktop.i18n import _
from eccp_desktop.store import schema as s
from eccp_desktop.store.errors import StoreError
from eccp_desktop.store.rights import CENTRAL, OFFICER, REVIEWER, ROLES

USER_GROUP = "eccp_user"
GROUPS = {CENTRAL: "eccp_central", REVIEWER: "eccp_reviewer"}
LOGIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")

# Tables whose rows belong to a factsheet through another row.
GRANDCHILDREN = {
    "programme": ("policy_id", "eccp_may_write_policy"),
    "tier": ("scheme_id", "eccp_may_write_scheme"),
    "support_row": ("scheme_id", "eccp_may_write_scheme"),
}
HAS_ROLE = "(SELECT eccp_role()) IS NOT NULL"  # a sub-select: evaluated once per statement


def country_group(code: str) -> str:
    return f"eccp_country_{code.lower()}"


def _functions(schema: str) -> list[str]:
    definer = f"STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp"
    return [
        f"""CREATE OR REPLACE FUNCTION eccp_rights(OUT login text, OUT role text, OUT country text)
        LANGUAGE sql {definer} AS $$
          SELECT session_user::text,
                 COALESCE(a.role, CASE WHEN r.rolsuper OR r.rolbypassrls THEN 'admin' END),
                 a.country::text
          FROM pg_roles r LEFT JOIN eccp_access a ON a.login = r.rolname::text
          WHERE r.rolname = session_user
        $$""",
        f"""CREATE OR REPLACE FUNCTION eccp_role() RETURNS text
        LANGUAGE sql {definer} AS $$ SELECT role FROM eccp_rights() $$""",
        f"""CREATE OR REPLACE FUNCTION eccp_may_write(c text) RETURNS boolean
        LANGUAGE sql {definer} AS $$
          SELECT COALESCE((SELECT r.role IN ('central', 'admin')
                                  OR (r.role = 'officer' AND r.country = c)
                           FROM eccp_rights() r), false)
        $$""",
        f"""CREATE OR REPLACE FUNCTION eccp_may_comment(c text) RETURNS boolean
        LANGUAGE sql {definer} AS $$
          SELECT eccp_may_write(c) OR COALESCE((SELECT r.role = 'reviewer'
                                                       AND (r.country IS NULL OR r.country = c)
                                                FROM eccp_rights() r), false)
        $$""",
        f"""CREATE OR REPLACE FUNCTION eccp_may_write_factsheet(fid integer) RETURNS boolean
        LANGUAGE sql {definer} AS $$
          SELECT COALESCE((SELECT eccp_may_write(f.country) FROM factsheet f WHERE f.id = fid), false)
        $$""",
        f"""CREATE OR REPLACE FUNCTION eccp_may_comment_factsheet(fid integer) RETURNS boolean
        LANGUAGE sql {definer} AS $$
          SELECT COALESCE((SELECT eccp_may_comment(f.country) FROM factsheet f WHERE f.id = fid), false)
        $$""",
        f"""CREATE OR REPLACE FUNCTION eccp_may_write_policy(pid integer) RETURNS boolean
        LANGUAGE sql {definer} AS $$
          SELECT COALESCE((SELECT eccp_may_write_factsheet(p.factsheet_id) FROM policy p WHERE p.id = pid), false)
        $$""",
        f"""CREATE OR REPLACE FUNCTION eccp_may_write_scheme(sid integer) RETURNS boolean
        LANGUAGE sql {definer} AS $$
          SELECT COALESCE((SELECT eccp_may_write_factsheet(t.factsheet_id) FROM tier_scheme t WHERE t.id = sid), false)
        $$""",
        # A reviewer may move the version on (their comment is a save), nothing else.
        f"""CREATE OR REPLACE FUNCTION eccp_factsheet_guard() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
        BEGIN
          IF eccp_may_write(OLD.country) THEN
            IF eccp_may_write(NEW.country) THEN
              RETURN NEW;
            END IF;
            RAISE EXCEPTION 'eccp: the login % may not write the % factsheets', session_user, NEW.country
              USING ERRCODE = '42501';
          END IF;
          IF (to_jsonb(NEW) - 'version' - 'updated_at') = (to_jsonb(OLD) - 'version' - 'updated_at') THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION 'eccp: the login % may only add and resolve review comments on the % factsheets', session_user, OLD.country
            USING ERRCODE = '42501';
        END $$""",
    ]


def _policies(table: Table) -> list[str]:
    """The RLS policies of one table of the schema (ValueError: not classified)."""
    name = table.name
    cols = set(table.columns.keys())
    read = f"CREATE POLICY eccp_read ON {name} FOR SELECT USING ({HAS_ROLE})"
    if name == "factsheet":
        return [
            read,
            f"CREATE POLICY eccp_insert ON {name} FOR INSERT WITH CHECK (eccp_may_write(country))",
            f"CREATE POLICY eccp_update ON {name} FOR UPDATE USING (eccp_may_comment(country))"
            " WITH CHECK (eccp_may_comment(country))",
            f"CREATE POLICY eccp_delete ON {name} FOR DELETE USING (eccp_may_write(country))",
        ]
    if name == "country":
        return [
            read,
            f"CREATE POLICY eccp_insert ON {name} FOR INSERT WITH CHECK ("
            "(SELECT eccp_role()) IN ('central', 'admin') OR eccp_may_write(code))",
        ]
    if name == "pdf_export":  # a PDF's layout map: kept by those who may comment on it
        rule = "eccp_may_comment(country)"
        return [read, f"CREATE POLICY eccp_write ON {name} USING ({rule}) WITH CHECK ({rule})"]
    if name in GRANDCHILDREN:
        col, fn = GRANDCHILDREN[name]
        return [read, f"CREATE POLICY eccp_write ON {name} USING ({fn}({col})) WITH CHECK ({fn}({col}))"]  # fmt: skip
    if "factsheet_id" not in cols:
        raise ValueError(f"no row-level security rule for table {name!r}")
    write = "eccp_may_write_factsheet(factsheet_id)"
    if name == "review_comment":
        write = "eccp_may_comment_factsheet(factsheet_id)"
    out = [read, f"CREATE POLICY eccp_write ON {name} USING ({write}) WITH CHECK ({write})"]
    if name == "change":  # a commenter's save records (and folds) its comment rows
        comment = "path LIKE '/review_comments%' AND eccp_may_comment_factsheet(factsheet_id)"
        out += [
            f"CREATE POLICY eccp_comment_insert ON {name} FOR INSERT WITH CHECK ({comment})",
            f"CREATE POLICY eccp_comment_update ON {name} FOR UPDATE USING ({comment})"
            f" WITH CHECK ({comment})",
        ]
    return out


def _create_role(name: str) -> str:
    # Roles are cluster-wide: another database (or a concurrent install) may have it.
    return f"""DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN
        CREATE ROLE {name} NOLOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$"""


def statements(schema: str) -> list[str]:
    """Every statement of the installation, in order (idempotent as a whole)."""
    out = [_create_role(USER_GROUP)]
    for group in GROUPS.values():
        out += [_create_role(group), f"GRANT {USER_GROUP} TO {group}"]
    out += [
        """CREATE TABLE IF NOT EXISTS eccp_access (
          login text PRIMARY KEY,
          role text NOT NULL CHECK (role IN ('officer', 'reviewer', 'central')),
          country char(2) CHECK (country ~ '^[A-Z]{2}$'),
          granted_at timestamptz NOT NULL DEFAULT now(),
          granted_by text NOT NULL DEFAULT session_user,
          CHECK (role <> 'officer' OR country IS NOT NULL),
          CHECK (role <> 'central' OR country IS NULL)
        )""",
        "REVOKE ALL ON eccp_access FROM PUBLIC",
        *_functions(schema),
        "CREATE OR REPLACE TRIGGER eccp_factsheet_guard BEFORE UPDATE ON factsheet"
        " FOR EACH ROW EXECUTE FUNCTION eccp_factsheet_guard()",
        f"GRANT USAGE ON SCHEMA {schema} TO {USER_GROUP}",
        f"GRANT SELECT ON alembic_version TO {USER_GROUP}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {USER_GROUP}",
    ]
    for table in s.metadata.sorted_tables:
        name = table.name
        out += [
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {USER_GROUP}",
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY",
        ]
        for policy in ("eccp_read", "eccp_insert", "eccp_update", "eccp_delete", "eccp_all"):
            out.append(f"DROP POLICY IF EXISTS {policy} ON {name}")
        for policy in ("eccp_write", "eccp_comment_insert", "eccp_comment_update", "eccp_export"):
            out.append(f"DROP POLICY IF EXISTS {policy} ON {name}")
        out += _policies(table)
    return out


def protected_tables() -> list[str]:
    """The tables under row-level security: every table of the schema."""
    return [t.name for t in s.metadata.sorted_tables]


def install(engine: Engine) -> None:
    """Install (or bring up to date) the roles, the mapping table and the policies."""
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('eccp-desktop-rights'))"))
        schema = conn.scalar(text("SELECT current_schema()"))
        for statement in statements(str(schema)):
            conn.execute(text(statement))


# -- grants ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Grant:
    login: str
    role: str
    country: str | None
    login_exists: bool = True


def check_grant(login: str, role: str, country: str | None) -> tuple[str, str | None]:
    """The role and the country to keep, or StoreError saying what is wrong."""
    if not LOGIN.match(login):
        raise StoreError(
            _(
                "{login!r} is not a login name this command takes (letters, digits, _ . @ -; at most 63)"
            ).format(login=login)
        )
    if role not in ROLES:
        raise StoreError(
            _("unknown role {role!r}: one of {roles}").format(role=role, roles=", ".join(ROLES))
        )
    code = country.upper() if country else None
    if code is not None and code not in COUNTRIES:
        raise StoreError(_("unknown country code {code!r}").format(code=country))
    if role == OFFICER and code is None:
        raise StoreError(_("an officer needs --country (the country whose factsheets they write)"))
    if role == CENTRAL and code is not None:
        raise StoreError(_("the central team writes every country: leave out --country"))
    return role, code


def _quote(conn: Connection, name: str) -> str:
    return str(conn.dialect.identifier_preparer.quote_identifier(name))


def _require_installed(conn: Connection) -> None:
    if conn.scalar(text("SELECT to_regclass('eccp_access') IS NOT NULL")) is not True:
        raise StoreError(
            _("this store has no rights set up yet: run eccp-desktop admin init-postgres URL first")
        )


def grant(engine: Engine, login: str, role: str, country: str | None) -> bool:
    """Give ``login`` its one role; returns True if the login role was created now."""
    role, code = check_grant(login, role, country)
    with engine.begin() as conn:
        _require_installed(conn)
        quoted = _quote(conn, login)
        created = not conn.scalar(
            text("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = :n)"), {"n": login}
        )
        if created:
            conn.execute(text(f"CREATE ROLE {quoted} LOGIN"))
        group = country_group(code) if role == OFFICER and code else GROUPS.get(role, "")
        if role == OFFICER and code:
            conn.execute(text(_create_role(group)))
            conn.execute(text(f"GRANT {USER_GROUP} TO {group}"))
        _leave_groups(conn, login, keep=group)
        conn.execute(text(f"GRANT {group} TO {quoted}"))
        conn.execute(
            text(
                "INSERT INTO eccp_access (login, role, country) VALUES (:l, :r, :c)"
                " ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role,"
                " country = EXCLUDED.country, granted_at = now(), granted_by = session_user"
            ),
            {"l": login, "r": role, "c": code},
        )
    return created


def _leave_groups(conn: Connection, login: str, keep: str = "") -> None:
    groups = conn.scalars(
        text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
            " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :n"
            " AND g.rolname LIKE 'eccp\\_%' AND g.rolname <> :keep"
        ),
        {"n": login, "keep": keep},
    ).all()
    for group in groups:
        conn.execute(text(f"REVOKE {_quote(conn, group)} FROM {_quote(conn, login)}"))


def revoke(engine: Engine, login: str) -> bool:
    """Take ``login``'s role away (the login itself stays); False if it had none."""
    with engine.begin() as conn:
        _require_installed(conn)
        gone = conn.execute(text("DELETE FROM eccp_access WHERE login = :l"), {"l": login})
        exists = conn.scalar(
            text("SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = :n)"), {"n": login}
        )
        if exists:
            _leave_groups(conn, login)
    return bool(gone.rowcount)


def grants(engine: Engine) -> list[Grant]:
    with engine.connect() as conn:
        _require_installed(conn)
        rows = conn.execute(
            text(
                "SELECT a.login, a.role, a.country::text,"
                " EXISTS (SELECT FROM pg_roles r WHERE r.rolname = a.login AND r.rolcanlogin)"
                " FROM eccp_access a ORDER BY a.role, a.country NULLS FIRST, a.login"
            )
        ).all()
    return [Grant(*row) for row in rows]
