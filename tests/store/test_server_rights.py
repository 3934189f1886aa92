"""Rights enforced by the PostgreSQL server (#15): RLS keyed on the login, as the app sees it.

Each test gets a fresh database with the demo factsheets, the rights
installed by ``admin init-postgres`` and logins of its own (officers of PL
and HR, a reviewer, the central team, one without a role). The cluster runs
with trust authentication, so a login connects by name alone.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from eccp_desktop.cli.app import main
from eccp_desktop.domain.model import ReviewComment, SupportRow, ValidationRecord
from eccp_desktop.editing import InsertItem, SetValue
from eccp_desktop.exchange import read_package
from eccp_desktop.operations import Done, Refused
from eccp_desktop.operations.factsheet import FactsheetOps
from eccp_desktop.operations.store_ops import plan_import, run_import
from eccp_desktop.store import RightsError, Store, StoreError, schema, server_rights
from tests.pdf.factories import rich, with_clusters
from tests.pg_server import SERVER, drop_database, fresh_database, needs_server

pytestmark = needs_server


@dataclass
class Shared:
    url: str  # the admin's (superuser) URL of the test database
    logins: dict[str, str]  # "pl", "hr", "reviewer", "central", "none" -> login name

    def as_(self, who: str) -> str:
        return make_url(self.url).set(username=self.logins[who]).render_as_string(False)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shared(demo_files: list[Path], capsys: pytest.CaptureFixture[str]) -> Iterator[Shared]:
    url = fresh_database()
    tag = uuid.uuid4().hex[:8]
    logins = {w: f"t_{w}_{tag}" for w in ("pl", "hr", "reviewer", "central", "none")}
    with Store.open(url) as store:
        store.import_factsheets([read_package(p) for p in demo_files], actor="demo")
    code, out, err = _cli(capsys, "admin", "init-postgres", url)
    assert (code, err) == (0, ""), err
    assert "row-level security on" in out
    for who, args in {
        "pl": ["--role", "officer", "--country", "PL"],
        "hr": ["--role", "officer", "--country", "hr"],
        "reviewer": ["--role", "reviewer"],
        "central": ["--role", "central"],
    }.items():
        assert _cli(capsys, "--db", url, "admin", "grant", logins[who], *args)[0] == 0
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{logins["none"]}" LOGIN'))
    admin.dispose()
    yield Shared(url, logins)
    drop_database(url)
    server = create_engine(SERVER or "", isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        for name in logins.values():
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
    server.dispose()


def test_every_table_is_under_forced_row_level_security(shared: Shared) -> None:
    engine = create_engine(shared.url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class"
                " WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
            )
        ).all()
    engine.dispose()
    state = {name: (on, forced) for name, on, forced in rows}
    for table in server_rights.protected_tables():
        assert state[table] == (True, True), table
    # Only the schema revision and the mapping (no grants: functions only) are without.
    assert {n for n, (on, _) in state.items() if not on} == {"alembic_version", "eccp_access"}


def test_an_officer_of_pl_cannot_update_hr_at_the_server(shared: Shared) -> None:
    """Straight SQL, past the app: the server hides HR from the update and refuses inserts."""
    engine = create_engine(shared.as_("pl"))
    with engine.begin() as conn:
        assert conn.scalar(text("SELECT count(*) FROM factsheet")) == 7  # reads all
        hr = conn.execute(text("UPDATE factsheet SET status = 'draft' WHERE country = 'HR'"))
        assert hr.rowcount == 0
        gone = conn.execute(
            text(
                "DELETE FROM source WHERE factsheet_id ="
                " (SELECT id FROM factsheet WHERE country = 'HR')"
            )
        )
        assert gone.rowcount == 0
        pl = conn.execute(text("UPDATE factsheet SET status = 'draft' WHERE country = 'PL'"))
        assert pl.rowcount == 1
    with pytest.raises(DBAPIError, match="row-level security"), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO source (factsheet_id, position, title)"
                " SELECT id, 99, 'mine now' FROM factsheet WHERE country = 'HR'"
            )
        )
    with pytest.raises(DBAPIError, match="may not write the HR"), engine.begin() as conn:
        conn.execute(text("UPDATE factsheet SET country = 'HR' WHERE country = 'PL'"))
    engine.dispose()
    with Store.open(shared.url) as admin:
        assert all(s.title != "mine now" for s in admin.load("HR", 2023).sources)
        assert len(admin.load("HR", 2023).sources) == 1  # nothing deleted


def test_an_officer_edits_their_country_and_is_refused_the_others(shared: Shared) -> None:
    with Store.open(shared.as_("pl")) as store:
        assert (store.rights.role, store.rights.country) == ("officer", "PL")
        mine = FactsheetOps(store, "PL", 2023, actor="anna")
        assert mine.permissions.edit
        assert isinstance(mine.edit(SetValue("/sources/0/title", "Mine")), Done)
        theirs = FactsheetOps(store, "HR", 2023, actor="anna")
        perms = theirs.permissions
        assert not perms.edit and not perms.comment and not perms.transitions
        assert "PL" in perms.why_not_edit and "HR" in perms.why_not_edit
        before = store.load("HR", 2023)
        outcome = theirs.edit(SetValue("/sources/0/title", "Theirs"))
        assert isinstance(outcome, Refused)  # never a Conflict, never a traceback
        with pytest.raises(RightsError, match="only PL"):
            store.save(
                _changed(before), base_version=store.load_versioned("HR", 2023)[1], actor="anna"
            )
    with Store.open(shared.url) as admin:
        assert admin.load("PL", 2023).sources[0].title == "Mine"
        assert admin.load("HR", 2023) == before
        assert [h.actor for h in admin.history("HR", 2023)] == ["demo"]


def _changed(fs: object) -> object:
    import copy

    other = copy.deepcopy(fs)
    other.sources[0].title = "Theirs"  # type: ignore[attr-defined]
    return other


def test_the_server_refuses_even_when_the_app_does_not_check(
    shared: Shared, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An app without the pre-check (an old or altered copy) is stopped by RLS all the same."""
    monkeypatch.setattr(Store, "_check_rights", lambda *a, **k: None)
    with Store.open(shared.as_("pl")) as store:
        fs, version = store.load_versioned("HR", 2023)
        fs.sources[0].title = "Mallory's"
        with pytest.raises(RightsError):
            store.save(fs, base_version=version, actor="mallory")
        fs, version = store.load_versioned("HR", 2023)
        fs.reference_date = fs.reference_date.replace(day=1)  # a scalar field of the factsheet row
        with pytest.raises(RightsError):
            store.save(fs, base_version=version, actor="mallory")
        hr = read_package(Path(__file__).parents[2] / "resources" / "demo" / "hr-2023.eccp.json")
        with pytest.raises(RightsError):
            store.import_factsheets([hr], actor="mallory")
    with Store.open(shared.url) as admin:
        assert [h.actor for h in admin.history("HR", 2023)] == ["demo"]


def test_a_reviewer_comments_but_cannot_edit(shared: Shared) -> None:
    with Store.open(shared.as_("reviewer")) as store:
        ops = FactsheetOps(store, "HR", 2023, actor="rita")
        perms = ops.permissions
        assert perms.comment and not perms.edit and not perms.transitions
        assert "reviewer" in perms.why_not_edit
        n = len(ops.factsheet.review_comments)
        comment = ReviewComment(path="/sources/0/title", author="rita", text="Source?")
        assert isinstance(ops.comment(InsertItem("/review_comments", n, comment)), Done)
        resolve = SetValue(f"/review_comments/{n}/resolved", True)
        assert isinstance(ops.comment(resolve), Done)
        assert isinstance(ops.edit(SetValue("/sources/0/title", "Rita's")), Refused)
        assert isinstance(ops.transition("submitted"), Refused)
    engine = create_engine(shared.as_("reviewer"))
    with pytest.raises(DBAPIError, match="may only add and resolve review comments"):
        with engine.begin() as conn:
            conn.execute(text("UPDATE factsheet SET status = 'published' WHERE country = 'HR'"))
    with engine.begin() as conn:
        assert conn.execute(text("UPDATE source SET title = 'x'")).rowcount == 0
    engine.dispose()
    with Store.open(shared.url) as admin:
        hr = admin.load("HR", 2023)
        assert hr.review_comments[-1].text == "Source?" and hr.review_comments[-1].resolved
        assert hr.status != "published"
        assert hr.sources[0].title != "Rita's"


def test_the_central_team_writes_every_country(shared: Shared, demo_files: list[Path]) -> None:
    with Store.open(shared.as_("central")) as store:
        assert store.rights.unrestricted
        for country in ("PL", "HR"):
            ops = FactsheetOps(store, country, 2023, actor="central")
            assert isinstance(ops.edit(SetValue("/sources/0/title", "Central")), Done)
        plan = plan_import(store, demo_files[:2], "en")
        assert isinstance(run_import(store, plan, actor="central"), Done)
        store.delete("DK", 2023)
    with Store.open(shared.url) as admin:
        assert admin.load("HR", 2023).sources[0].title == "Central"
        assert "DK" not in {s.country for s in admin.list()}


def test_an_officer_imports_their_country_only(shared: Shared, demo_files: list[Path]) -> None:
    by_country = {p.name[:2].upper(): p for p in demo_files}
    with Store.open(shared.as_("hr")) as store:
        assert isinstance(run_import(store, plan_import(store, [by_country["HR"]], "en"), actor="h"), Done)  # fmt: skip
        outcome = run_import(store, plan_import(store, [by_country["PL"]], "en"), actor="h")
        assert isinstance(outcome, Refused) and "HR" in outcome.reason


def test_a_login_without_a_role_is_told_so(
    shared: Shared, capsys: pytest.CaptureFixture[str]
) -> None:
    login = shared.logins["none"]
    with pytest.raises(StoreError, match=f"the login {login} has no role in this store"):
        Store.open(shared.as_("none"))
    code, out, err = _cli(capsys, "--db", shared.as_("none"), "list")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "admin grant" in err


def test_the_command_line_refuses_another_countrys_import_in_one_line(
    shared: Shared, capsys: pytest.CaptureFixture[str], demo_files: list[Path]
) -> None:
    pl = next(p for p in demo_files if p.name.startswith("pl"))
    hr = next(p for p in demo_files if p.name.startswith("hr"))
    code, _out, err = _cli(capsys, "--db", shared.as_("hr"), "import", str(pl))
    assert code == 2 and err.count("\n") == 1 and "only HR" in err, err
    code, _out, err = _cli(capsys, "--db", shared.as_("hr"), "import", str(hr))
    assert code == 0, err


def test_grant_revoke_list_and_init_twice(
    shared: Shared, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli(capsys, "admin", "init-postgres", shared.url)[0] == 0  # idempotent
    code, out, _ = _cli(capsys, "--db", shared.url, "admin", "list")
    assert code == 0
    assert f"{shared.logins['pl']}: officer for PL" in out
    assert f"{shared.logins['central']}: central team" in out
    # the officer moves to another country: one role at a time
    code, out, _ = _cli(
        capsys, "--db", shared.url, "admin", "grant", shared.logins["pl"], "--role", "officer",
        "--country", "DK",
    )  # fmt: skip
    assert code == 0 and "officer for DK" in out
    with Store.open(shared.as_("pl")) as store:
        assert store.rights.country == "DK"
    assert _cli(capsys, "--db", shared.url, "admin", "revoke", shared.logins["pl"])[0] == 0
    with pytest.raises(StoreError, match="has no role"):
        Store.open(shared.as_("pl"))
    for bad in (
        ["grant", "x", "--role", "officer"],  # no country
        ["grant", "x", "--role", "central", "--country", "PL"],
        ["grant", "x", "--role", "officer", "--country", "XX"],
        ["grant", "drop table;", "--role", "reviewer"],
    ):
        code, out, err = _cli(capsys, "--db", shared.url, "admin", *bad)
        assert code == 2 and err.count("\n") == 1, (bad, err)


def test_a_grant_while_the_store_is_open_counts_at_the_next_save(
    shared: Shared, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(shared.as_("hr")) as store:
        ops = FactsheetOps(store, "PL", 2023, actor="h")
        assert isinstance(ops.edit(SetValue("/sources/0/title", "Later")), Refused)
        code = _cli(
            capsys, "--db", shared.url, "admin", "grant", shared.logins["hr"], "--role", "central"
        )[0]
        assert code == 0
        # the window's state says "no" until asked again; the store asks at each write
        fs, version = store.load_versioned("PL", 2023)
        fs.sources[0].title = "Later"
        assert store.save(fs, base_version=version, actor="h") == version + 1
        assert store.rights.role == "central"


def test_admin_commands_need_a_postgresql_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = _cli(capsys, "--db", str(tmp_path / "x.sqlite3"), "admin", "list")
    assert code == 2 and "PostgreSQL" in err
    code, _out, err = _cli(capsys, "admin", "init-postgres", str(tmp_path / "x.sqlite3"))
    assert code == 2 and "PostgreSQL" in err and not (tmp_path / "x.sqlite3").exists()


def _targets(conn: Connection, hr: int) -> dict[str, str]:
    """Per table of the schema: the SQL condition that picks HR's rows in it."""
    out: dict[str, str] = {}
    for table in schema.metadata.sorted_tables:
        cols = set(table.columns.keys())
        if "factsheet_id" in cols:
            out[table.name] = f"factsheet_id = {hr}"
        elif table.name in server_rights.GRANDCHILDREN:
            col = server_rights.GRANDCHILDREN[table.name][0]
            parent = "policy" if col == "policy_id" else "tier_scheme"
            out[table.name] = f"{col} IN (SELECT id FROM {parent} WHERE factsheet_id = {hr})"
        elif "country" in cols and table.name != "country":
            out[table.name] = "country = 'HR'"
        elif table.name != "factsheet":
            assert table.name == "country", f"test does not know how {table.name} belongs to HR"
    return out


def test_an_officer_writes_no_row_of_another_countrys_factsheet(shared: Shared) -> None:
    """Every table, straight SQL: no insert, update, delete or move of a row of HR's for PL.

    The weakness of the first version: any login could insert a base
    snapshot (a forged merge base) for another country's factsheet.
    """
    from eccp_desktop.store.editions import record_export
    from eccp_desktop.store.exports import keep_export

    full = with_clusters(rich("HR", "hr", "Klasterska politika", "Strategija"), 2)
    full.tier_schemes[0].support = [
        SupportRow({"en": "Grants"}, {"a": ["regional"], "b": ["national"]})
    ]
    full.validation = ValidationRecord("Ana", "Ministry", dt.date(2023, 12, 1))
    full.review_comments = [ReviewComment(path="/sources/0/title", author="rita", text="?")]
    with Store.open(shared.as_("central")) as central:  # a row of HR's in every table
        central.delete("HR", 2023)
        central.import_factsheets([full], actor="central")
        for country in ("HR", "PL"):
            assert record_export(central, country, 2023)[1] is not None
            keep_export(central, "sha256:" + "0" * 64, 1, _layout(country))
    admin = create_engine(shared.url)
    with admin.connect() as conn:
        hr = conn.scalar(text("SELECT id FROM factsheet WHERE country = 'HR'"))
        pl = conn.scalar(text("SELECT id FROM factsheet WHERE country = 'PL'"))
        targets = _targets(conn, hr)
        theirs = {t: conn.scalar(text(f"SELECT count(*) FROM {t} WHERE {w}")) for t, w in targets.items()}  # fmt: skip
        before = {t: conn.execute(text(f"SELECT * FROM {t} WHERE {w} ORDER BY 1")).all() for t, w in targets.items()}  # fmt: skip
    empty = {t for t, n in theirs.items() if not n}
    assert not empty, f"HR has no rows in {empty}: the test would prove nothing there"
    engine = create_engine(shared.as_("pl"))
    for table, where in targets.items():
        with engine.begin() as conn:
            assert conn.scalar(text(f"SELECT count(*) FROM {table} WHERE {where}")) == theirs[table]
            col = next(iter(c for c in schema.metadata.tables[table].columns.keys() if c != "id"))
            assert conn.execute(text(f"UPDATE {table} SET {col} = {col} WHERE {where}")).rowcount == 0  # fmt: skip
            assert conn.execute(text(f"DELETE FROM {table} WHERE {where}")).rowcount == 0
        # a copy of one of HR's rows, under a new id: refused before any other constraint
        copy = (
            f"INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table},"
            f" to_jsonb(x) || jsonb_build_object('id', 900000, 'export_id', 'forged'))).*"
            f" FROM {table} x WHERE {where} LIMIT 1"
        )
        with pytest.raises(DBAPIError, match="row-level security"), engine.begin() as conn:
            conn.execute(text(copy))
    with pytest.raises(DBAPIError, match="row-level security"), engine.begin() as conn:
        # the weakness itself: a base for HR's current version, made up by PL
        conn.execute(
            text(
                "INSERT INTO base_snapshot (factsheet_id, version, exported, digest, content)"
                " SELECT id, version + 1, now(), 'sha256:forged', '{}' FROM factsheet"
                " WHERE country = 'HR'"
            )
        )
    with pytest.raises(DBAPIError, match="row-level security"), engine.begin() as conn:
        conn.execute(text(f"UPDATE base_snapshot SET factsheet_id = {hr} WHERE factsheet_id = {pl}"))  # fmt: skip
    engine.dispose()
    with admin.connect() as conn:
        after = {t: conn.execute(text(f"SELECT * FROM {t} WHERE {w} ORDER BY 1")).all() for t, w in targets.items()}  # fmt: skip
    admin.dispose()
    assert after == before
    # Through the app: PL exports HR without a base and without a layout map, in one line.
    with Store.open(shared.as_("pl")) as store:
        assert record_export(store, "HR", 2023)[1] is None
        assert record_export(store, "PL", 2023)[1] is not None
        with pytest.raises(RightsError, match="may not comment on HR"):
            keep_export(store, "sha256:" + "1" * 64, 1, _layout("HR"))


def _layout(country: str) -> dict[str, object]:
    return {"export_id": uuid.uuid4().hex, "country": country, "edition": 2023, "lang": "en"}
