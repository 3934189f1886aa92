"""The factsheet store: list, load, save with history, import all-or-nothing.

Every write is one transaction. Saves carry the version they were based on
and are refused as a conflict if someone else saved in between, so the
shared PostgreSQL store of later releases needs no change here.
"""

from __future__ import annotations

import builtins
import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from eccp_desktop.domain.countries import COUNTRIES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.exchange.codec import factsheet_to_dict
from eccp_desktop.exchange.diff import Change, diff
from eccp_desktop.exchange.package import check_changes, check_document
from eccp_desktop.i18n import _
from eccp_desktop.store import creation, damage, faults, mapping, opening, retry, rights
from eccp_desktop.store import engine as engines
from eccp_desktop.store import schema as s
from eccp_desktop.store.errors import (
    ConflictError,
    InvalidFactsheetError,
    NotFoundError,
    StoreError,
    StoreReadOnlyError,
    StoreUnreachableError,
)
from eccp_desktop.store.migrate import check_revision, upgrade

_READ_FAILURES: tuple[type[Exception], ...] = (DBAPIError, *damage.READ_FAILURES)


@dataclass(frozen=True, slots=True)
class Summary:
    """One line of the store's table of contents."""

    country: str
    edition: int
    status: str
    version: int
    updated_at: dt.datetime
    clusters: int
    policies: int
    id: int = 0  # the row's id: what change notifications name


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    at: dt.datetime
    actor: str
    action: str
    path: str
    old: Any
    new: Any
    id: int = 0  # the row's id: pages of the history go on from here


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    country: str
    edition: int
    replaced: bool
    version: int


# Typing in one field within this pause is one history row (like one undo step).
HISTORY_PAUSE = dt.timedelta(seconds=10)
HISTORY_PAGE = 200
COMMENTS = "/review_comments"  # a save changing only these is a comment (reviewers may)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _reading[**P, R](method: Callable[P, R]) -> Callable[P, R]:
    """A read that meets an undecodable value says where the store is damaged."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except StoreError:
            raise
        except _READ_FAILURES as e:
            store = args[0]
            assert isinstance(store, Store)
            if retry.connection_lost(e):  # the server is away, the store is not damaged
                raise unreachable(store.location.display, e) from None
            raise store.damage_error(e) from None

    return guarded


def unreachable(where: str, e: BaseException, *, writing: bool = False) -> StoreUnreachableError:
    """The error for a connection to ``where`` that failed or was lost (``e``)."""
    reason = (str(getattr(e, "orig", None) or e).strip().splitlines() or [type(e).__name__])[0]
    if writing:
        return StoreUnreachableError(
            _("the store {where} cannot be reached ({reason}): nothing was written").format(
                where=where, reason=reason
            )
        )
    return StoreUnreachableError(
        _("the store {where} cannot be reached ({reason})").format(where=where, reason=reason)
    )


def _utc(at: dt.datetime) -> dt.datetime:
    """SQLite gives the stored UTC time back without its zone."""
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def _action_for(path: str) -> str:
    return "status" if path in ("/status", "/validation") else "edit"


class Store:
    """A factsheet store on one database (SQLite file or server URL)."""

    def __init__(
        self,
        engine: Engine,
        location: engines.Location,
        *,
        read_only: bool,
        access: rights.Rights = rights.UNRESTRICTED,
    ) -> None:
        self.engine = engine
        self.location = location
        self.read_only = read_only
        # What this login may do, as the server said at opening (refreshed at
        # each write): the window disables the rest, writes are checked again.
        self.rights = access
        # factsheet id -> (version, exchange dict) of what is in the database,
        # so that saving one edit does not reload the whole factsheet.
        self._snapshots: dict[int, tuple[int, dict[str, Any]]] = {}

    # -- opening --------------------------------------------------------
    @classmethod
    def open(
        cls,
        path_or_url: str | os.PathLike[str],
        *,
        read_only: bool = False,
        initial: Callable[[Store], None] | None = None,
    ) -> Store:
        """Open (creating and migrating if needed) the store at ``path_or_url``.

        A file without write permission is opened read-only; a damaged file,
        a file that is not SQLite or a store of a newer version raise
        StoreError with the reason. ``initial`` fills a store that this call
        creates (the demo on first use); it is not run on an existing store,
        and of two processes creating one store at once only one runs it.
        """
        location = engines.locate(path_or_url)
        path = location.path
        if path is not None and not read_only and not path.exists():

            def build(private: Path) -> None:
                with cls._open(engines.locate(private), read_only=False) as fresh:
                    if initial is not None:
                        initial(fresh)

            creation.create_new(path, build)
        return cls._open(location, read_only=read_only)

    @classmethod
    def _open(cls, location: engines.Location, *, read_only: bool) -> Store:
        if location.path is not None:
            if location.path.is_dir():
                raise StoreError(
                    _("{path} is a folder, not a store file").format(path=location.path)
                )
            if engines.is_marked_read_only(location.path):
                read_only = True
            # Looked at read-only first: a file that is not ours, damaged or of
            # a newer version is refused before any connection could write.
            check_revision(opening.inspect(location.path), location.display)
        engine = engines.create(location, read_only=read_only)
        access = rights.UNRESTRICTED
        try:
            if location.path is None:
                # Asked before the schema: a login with no role cannot even read it.
                access = _server_rights(engine, location)
            upgrade(engine, location, read_only=read_only)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as e:
            engine.dispose()
            if retry.sqlstate(e) == "42501" and access.enforced:
                raise StoreError(
                    _(
                        "{where} needs its schema created or upgraded, which the login {login} may not do: the administrator runs eccp-desktop admin init-postgres"
                    ).format(where=location.display, login=access.login)
                ) from None
            if location.path is None:
                raise StoreError(faults.describe(e, location.display)) from None
            raise StoreError(
                _("{where} cannot be prepared: {reason}").format(
                    where=location.display, reason=e.orig or e
                )
            ) from None
        return cls(engine, location, read_only=read_only, access=access)

    def damage_error(self, e: Exception) -> StoreError:
        """StoreError naming where the store is damaged, after ``e`` from a read."""
        reason = str(getattr(e, "orig", None) or e)
        place = None
        if self.location.path is not None:
            try:
                con = opening.connect_read_only(self.location.path)
            except Exception:
                pass
            else:
                try:
                    place = damage.undecodable_place(con)
                finally:
                    con.close()
        where = self.location.display
        if place is not None:
            return opening.damaged(where, _("unreadable value at {place}").format(place=place))
        return opening.damaged(where, reason[:200])

    def close(self) -> None:
        self.engine.dispose()

    def ping(self) -> None:
        """Reach the server once (after a lost connection); StoreUnreachableError if not.

        A pooled connection that died with the server fails here first, is
        dropped from the pool, and a fresh one is tried once.
        """
        for attempt in range(2):
            try:
                with self.engine.connect() as conn:
                    conn.execute(select(1))
                return
            except DBAPIError as e:
                if attempt or not retry.connection_lost(e):
                    raise unreachable(self.location.display, e) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading --------------------------------------------------------
    @_reading
    def list(self) -> builtins.list[Summary]:
        f = s.factsheet.c
        clusters = select(func.count()).where(s.cluster.c.factsheet_id == f.id).scalar_subquery()
        policies = select(func.count()).where(s.policy.c.factsheet_id == f.id).scalar_subquery()
        stmt = select(
            f.country, f.edition, f.status, f.version, f.updated_at, clusters, policies, f.id
        ).order_by(f.country, f.edition)
        with self.engine.connect() as conn:
            return [Summary(*row) for row in conn.execute(stmt)]

    @_reading
    def editions(self, country: str) -> builtins.list[int]:
        with self.engine.connect() as conn:
            return list(
                conn.scalars(
                    select(s.factsheet.c.edition)
                    .where(s.factsheet.c.country == country.upper())
                    .order_by(s.factsheet.c.edition)
                )
            )

    def resolve(self, country: str, edition: int | None = None) -> tuple[str, int]:
        """The factsheet meant by a country and optional edition (default: latest)."""
        code = country.upper()
        editions = self.editions(code)
        if not editions:
            raise NotFoundError(_("no factsheet for country {code} in the store").format(code=code))
        if edition is None:
            return code, editions[-1]
        if edition not in editions:
            raise NotFoundError(
                _("no {edition} factsheet for {code} in the store (editions: {found})").format(
                    edition=edition, code=code, found=", ".join(map(str, editions))
                )
            )
        return code, edition

    def load(self, country: str, edition: int) -> Factsheet:
        return self.load_versioned(country, edition)[0]

    @_reading
    def load_versioned(self, country: str, edition: int) -> tuple[Factsheet, int]:
        """The factsheet and the version to pass back to ``save``."""
        with self.engine.connect() as conn:
            row = self._row(conn, country, edition)
            (fs,) = mapping.load_factsheets(conn, [row])
        snapshot = factsheet_to_dict(fs)
        # What the store gives must be a factsheet a package could carry (codes,
        # ranges, texts): otherwise export, validate or pdf would fail later.
        problems = check_document(snapshot)
        if problems:
            raise opening.damaged(
                self.location.display,
                _("the {code} {edition} factsheet at {place}").format(
                    code=fs.country, edition=fs.edition, place=problems[0]
                ),
            )
        self._snapshots[row.id] = (row.version, snapshot)
        return fs, row.version

    @_reading
    def load_all(self) -> builtins.list[Factsheet]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(s.factsheet).order_by(s.factsheet.c.country, s.factsheet.c.edition)
            ).all()
            return mapping.load_factsheets(conn, rows)

    @_reading
    def history(self, country: str, edition: int) -> builtins.list[ChangeRecord]:
        c = s.change.c
        with self.engine.connect() as conn:
            fid = self._row(conn, country, edition).id
            stmt = (
                select(c.at, c.actor, c.action, c.path, c.old, c.new, c.id)
                .where(c.factsheet_id == fid)
                .order_by(c.id)
            )
            return [_record_of(r) for r in conn.execute(stmt)]

    @_reading
    def history_page(
        self, country: str, edition: int, *, before: int | None = None, limit: int = HISTORY_PAGE
    ) -> builtins.list[ChangeRecord]:
        """The newest ``limit`` changes older than row ``before``, newest first.

        Reads one page through the (factsheet, id) index: opening the history
        of a factsheet with 100,000 changes costs the same as with 100.
        """
        c = s.change.c
        with self.engine.connect() as conn:
            fid = self._row(conn, country, edition).id
            stmt = select(c.at, c.actor, c.action, c.path, c.old, c.new, c.id).where(
                c.factsheet_id == fid
            )
            if before is not None:
                stmt = stmt.where(c.id < before)
            stmt = stmt.order_by(c.id.desc()).limit(limit)
            return [_record_of(r) for r in conn.execute(stmt)]

    # -- writing --------------------------------------------------------
    @retry.retried
    def save(
        self, factsheet: Factsheet, *, base_version: int, actor: str, coalesce: bool = False
    ) -> int:
        """Write what changed since ``base_version``; returns the new version.

        Raises ConflictError, writing nothing, if the stored version moved on.
        ``coalesce``: the save continues typing in one field, so it extends the
        last history row of that field (same actor, within HISTORY_PAUSE)
        instead of adding one per keystroke.
        """
        self._writable()
        new = factsheet_to_dict(factsheet)
        with self._transaction() as conn:
            row = self._row(conn, factsheet.country, factsheet.edition, lock=True)
            if row.version != base_version:
                raise ConflictError(
                    _(
                        "the {code} {edition} factsheet was changed elsewhere (version {theirs}, yours {ours}); reload it before saving"
                    ).format(
                        code=row.country, edition=row.edition, theirs=row.version, ours=base_version
                    )
                )
            old = self._snapshot(conn, row)
            changes = diff(old, new)
            if not changes:
                return int(row.version)
            self._check_loadable(factsheet, new, changes)
            self._check_rights(
                conn, row.country, comments_only=all(c.path.startswith(COMMENTS) for c in changes)
            )
            self._write_changes(conn, row.id, factsheet, changes)
            if not (
                coalesce and len(changes) == 1 and self._extend(conn, row.id, actor, changes[0])
            ):
                self._record(conn, row.id, actor, [(_action_for(c.path), c) for c in changes])
            version = row.version + 1
            result = conn.execute(
                update(s.factsheet)
                .where(s.factsheet.c.id == row.id, s.factsheet.c.version == row.version)
                .values(version=version, updated_at=_now())
            )
            if result.rowcount != 1:
                now = conn.scalar(select(s.factsheet.c.version).where(s.factsheet.c.id == row.id))
                if now == row.version:  # not moved on: the server's policy hid the row
                    raise rights.RightsError(self.rights.why_not_write(row.country))
                raise ConflictError(
                    _("the factsheet was changed elsewhere while saving; reload it")
                )
        self._snapshots[row.id] = (version, new)
        return int(version)

    def _check_loadable(self, factsheet: Factsheet, new: dict[str, Any], changes: Any) -> None:
        """Refuse, writing nothing, a change the store would refuse to load (a bad code)."""
        problems = check_changes(new, [c.path for c in changes])
        if problems:
            raise InvalidFactsheetError(
                _("not saved: the {code} {edition} factsheet would be invalid at {place}").format(
                    code=factsheet.country, edition=factsheet.edition, place=problems[0]
                )
            )

    @retry.retried
    def import_factsheets(
        self, factsheets: Sequence[Factsheet], *, actor: str
    ) -> builtins.list[ImportOutcome]:
        """Add or replace factsheets, all in one transaction: all or nothing."""
        self._writable()
        outcomes: builtins.list[ImportOutcome] = []
        with self._transaction() as conn:
            for fs in factsheets:
                self._check_rights(conn, fs.country)
                outcomes.append(self._replace(conn, fs, actor))
        return outcomes

    @retry.retried
    def delete(self, country: str, edition: int) -> None:
        self._writable()
        with self._transaction() as conn:
            row = self._row(conn, country, edition, lock=True)
            self._check_rights(conn, row.country)
            for coll in mapping.COLLECTIONS.values():
                mapping.delete_positions(conn, coll, row.id, None)
            for table in (
                s.section,
                s.assessment,
                s.validation_record,
                s.change,
                s.base_snapshot,
            ):
                conn.execute(delete(table).where(table.c.factsheet_id == row.id))
            conn.execute(delete(s.factsheet).where(s.factsheet.c.id == row.id))
            self._snapshots.pop(row.id, None)

    # -- internals ------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise StoreReadOnlyError(
                _("the store {where} is open read-only: nothing was written").format(
                    where=self.location.display
                )
            )

    def _transaction(self) -> Any:
        return _Transaction(self)

    def _check_rights(self, conn: Connection, country: str, *, comments_only: bool = False) -> None:
        """RightsError, before anything is written, for what the server would refuse.

        The rights are read again in the write's own transaction: a grant or a
        revoke made while the store was open counts at once. The server's
        policies enforce the same; this only makes the refusal a clear one.
        """
        if not self.rights.enforced:
            return
        now = self._current_rights(conn)
        if comments_only and not now.may_comment(country):
            raise rights.RightsError(now.why_not_comment(country))
        if not comments_only and not now.may_write(country):
            raise rights.RightsError(now.why_not_write(country))

    def _current_rights(self, conn: Connection) -> rights.Rights:
        """The login's rights as the server has them now (re-read in ``conn``'s transaction)."""
        if self.rights.enforced:
            self.rights = rights.read(conn)
        return self.rights

    def _row(self, conn: Connection, country: str, edition: int, *, lock: bool = False) -> Any:
        """The factsheet's row; ``lock``: for a write, see ``_locked``."""
        stmt = select(s.factsheet).where(
            s.factsheet.c.country == country.upper(), s.factsheet.c.edition == edition
        )
        row = _locked(conn, stmt) if lock else conn.execute(stmt).one_or_none()
        if row is None:
            raise NotFoundError(
                _("no {edition} factsheet for {code} in the store").format(
                    edition=edition, code=country.upper()
                )
            )
        return row

    def _snapshot(self, conn: Connection, row: Any) -> dict[str, Any]:
        cached = self._snapshots.get(row.id)
        if cached and cached[0] == row.version:
            return cached[1]
        (fs,) = mapping.load_factsheets(conn, [row])
        return factsheet_to_dict(fs)

    def _ensure_country(self, conn: Connection, code: str) -> None:
        if conn.scalar(select(s.country.c.code).where(s.country.c.code == code)) is None:
            c = COUNTRIES[code]
            # "if it is not there yet": two writers may add the same country at once.
            if conn.dialect.name == "postgresql":
                from sqlalchemy.dialects.postgresql import insert as upsert
            else:
                from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
            conn.execute(
                upsert(s.country)
                .values(code=code, eu_group=c.group, languages=list(c.languages))
                .on_conflict_do_nothing(index_elements=["code"])
            )

    def _replace(
        self,
        conn: Connection,
        fs: Factsheet,
        actor: str,
        record: tuple[str, Change] | None = None,
    ) -> ImportOutcome:
        self._ensure_country(conn, fs.country)
        t = s.factsheet
        f = t.c
        existing = _locked(
            conn, select(f.id, f.version).where(f.country == fs.country, f.edition == fs.edition)
        )
        values = {name: getattr(fs, name) for name in mapping.FACTSHEET_FIELDS}
        if existing is None:
            fid = conn.execute(
                insert(t).values(
                    country=fs.country, edition=fs.edition, version=1, updated_at=_now(), **values
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            version = 1
        else:
            fid, version = existing.id, existing.version + 1
            for coll in mapping.COLLECTIONS.values():
                mapping.delete_positions(conn, coll, fid, None)
            conn.execute(
                update(t).where(f.id == fid).values(version=version, updated_at=_now(), **values)
            )
        mapping.write_children(conn, fid, fs)
        entry = record or ("import", Change("", None, f"{fs.country} {fs.edition}"))
        self._record(conn, fid, actor, [entry])
        self._snapshots.pop(fid, None)
        return ImportOutcome(fs.country, fs.edition, existing is not None, version)

    def _write_changes(
        self, conn: Connection, fid: int, fs: Factsheet, changes: Iterable[Change]
    ) -> None:
        """Rewrite only the parts of the factsheet that ``changes`` touch."""
        touched: dict[str, set[int] | None] = {}
        for change in changes:
            parts = change.path.split("/")[1:]
            top = parts[0]
            if top in mapping.COLLECTIONS:
                # Same length and item-level paths: rewrite those items only.
                positions = touched.setdefault(top, set())
                if positions is not None and (
                    len(parts) > 2  # a field (or one language) of an item in place
                    or (len(parts) > 1 and change.old is not None and change.new is not None)
                ):
                    positions.add(int(parts[1]))
                elif len(parts) > 1 and (change.old is None) != (change.new is None):
                    touched[top] = None  # items added or removed: rewrite the list
                else:
                    touched[top] = None
            else:
                touched.setdefault(top, None)
        scalars = {k: getattr(fs, k) for k in mapping.FACTSHEET_FIELDS if k in touched}
        if scalars:
            conn.execute(update(s.factsheet).where(s.factsheet.c.id == fid).values(**scalars))
        if touched.keys() & {"sections", "policy_assessment", "validation"}:
            mapping.write_texts(conn, fid, fs)
        for key, positions in touched.items():
            coll = mapping.COLLECTIONS.get(key)
            if coll is None:
                continue
            items = getattr(fs, key)
            if positions is None:
                mapping.delete_positions(conn, coll, fid, None)
                mapping.insert_items(conn, coll, fid, enumerate(items))
            else:
                ordered = sorted(positions)
                mapping.delete_positions(conn, coll, fid, ordered)
                mapping.insert_items(conn, coll, fid, ((i, items[i]) for i in ordered))

    def _extend(self, conn: Connection, fid: int, actor: str, change: Change) -> bool:
        """Fold ``change`` into the newest history row if it is the same typing."""
        t = s.change
        c = t.c
        last = conn.execute(
            select(c.id, c.at, c.actor, c.action, c.path)
            .where(c.factsheet_id == fid)
            .order_by(c.id.desc())
            .limit(1)
        ).one_or_none()
        at = _now()
        if (
            last is None
            or (last.actor, last.action, last.path) != (actor, "edit", change.path)
            or at - _utc(last.at) > HISTORY_PAUSE
        ):
            return False
        conn.execute(update(t).where(c.id == last.id).values(new=change.new, at=at))
        return True

    def _record(
        self, conn: Connection, fid: int, actor: str, entries: Iterable[tuple[str, Change]]
    ) -> None:
        at = _now()
        rows = [
            {
                "factsheet_id": fid,
                "at": at,
                "actor": actor,
                "action": action,
                "path": c.path,
                "old": c.old,
                "new": c.new,
            }
            for action, c in entries
        ]
        if rows:
            conn.execute(insert(s.change), rows)


def _locked(conn: Connection, stmt: Any) -> Any:
    """The one row of ``stmt``, locked for this write (PostgreSQL ``FOR UPDATE``).

    Every write to a factsheet takes its row's lock before it reads the
    version, so writers of one factsheet queue up here and each reads the
    version the previous one committed. Without it an import (or a merge)
    that read version 5 and an officer's save could both commit "version 6"
    (tests/store/test_write_races.py); it also keeps two writers of one
    factsheet from deadlocking on its parts. SQLite serialises writers
    itself and ignores the clause.
    """
    row = conn.execute(stmt.with_for_update()).one_or_none()
    if row is None:
        # A row the server's policies let this login read but not update is
        # not returned FOR UPDATE: read it plainly, the write is then refused
        # with its reason.
        row = conn.execute(stmt).one_or_none()
    return row


def _server_rights(engine: Engine, location: engines.Location) -> rights.Rights:
    """The login's rights on a server store; StoreError for a login without a role."""
    with engine.connect() as conn:
        access = rights.read(conn)
    if access.enforced and access.role is None:
        raise StoreError(rights.no_role_message(access.login))
    return access


def _record_of(row: Any) -> ChangeRecord:
    at, actor, action, path, old, new, rid = row
    return ChangeRecord(_utc(at), actor, action, path, old, new, rid)


class _Transaction:
    """``engine.begin()`` that turns database refusals into StoreError."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._ctx: Any = None

    def __enter__(self) -> Connection:
        self._ctx = self._store.engine.begin()
        try:
            return self._ctx.__enter__()  # type: ignore[no-any-return]
        except DBAPIError as e:
            if retry.connection_lost(e):  # no connection: nothing was begun
                raise unreachable(self._store.location.display, e, writing=True) from None
            raise

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            self._ctx.__exit__(exc_type, exc, tb)
        except DBAPIError as e:
            if exc is not None and not retry.connection_lost(e):
                raise
            exc = e  # the commit (or the rollback) met a lost connection
        if isinstance(exc, DBAPIError) and retry.connection_lost(exc):
            # Not committed (or cut off while committing: the client finds out
            # by the version when it is back); never "damaged", never a traceback.
            raise unreachable(self._store.location.display, exc, writing=True) from None
        if isinstance(exc, UnicodeDecodeError | json.JSONDecodeError) or (
            isinstance(exc, DBAPIError) and "decode" in str(exc.orig)
        ):
            # Reading what is there before a write met a damaged value.
            raise self._store.damage_error(exc) from None
        if isinstance(exc, DBAPIError) and retry.sqlstate(exc) in retry.RETRYABLE:
            # Aborted by the server because of another writer: run it again.
            code = retry.sqlstate(exc) or ""
            raise retry.Collision(code, str(exc.orig or exc).splitlines()[0]) from None
        if isinstance(exc, DBAPIError) and retry.sqlstate(exc) == "42501":
            # Refused by the server's rights (row-level security, a privilege).
            reason = str(exc.orig or exc).splitlines()[0]
            raise rights.RightsError(
                _("the server refused the change ({reason}): nothing was written").format(
                    reason=reason
                )
            ) from None
        if isinstance(exc, DBAPIError) and (
            retry.sqlstate(exc) == "23505" or "UNIQUE constraint failed" in str(exc.orig)
        ):
            # Another writer added the same factsheet (or country) meanwhile.
            raise ConflictError(
                _(
                    "someone else added the same factsheet at the same time; nothing was written: reload and try again"
                )
            ) from None
        if isinstance(exc, DBAPIError):
            where = self._store.location.display
            reason = str(exc.orig) if exc.orig else str(exc)
            if "readonly" in reason or "read-only" in reason:
                raise StoreReadOnlyError(
                    _(
                        "the store {where} cannot be written (read-only): nothing was written"
                    ).format(where=where)
                ) from None
            raise StoreError(
                _("the store {where} refused the change ({reason}): nothing was written").format(
                    where=where, reason=reason
                )
            ) from None
