"""Finding where an SQLite store is damaged, in words a user can act on.

SQLite's quick check looks at the file's structure, not at the values: a
flipped byte inside a row leaves a text that is not UTF-8, a JSON column that
is not JSON, a number where text belongs (SQLite keeps whatever it is given).
Those used to surface as tracebacks far from the store. Here they are found
and named: "the store is damaged at cluster/row 12/name".

- ``type_problem`` runs one SQL query per table (in C, milliseconds) for values
  of the wrong storage class or invalid JSON; ``opening.inspect`` calls it, so
  such a store is refused before anything is written.
- ``undecodable_place`` reads every text as bytes to find the one that is not
  UTF-8; it runs only after a read has failed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Table, Text

from eccp_desktop.exchange.schema_checks import MAX_AMOUNT, MAX_INTEGER
from eccp_desktop.i18n import _

# What a read of a damaged store can raise besides StoreError: the driver's
# errors, failed conversions (dates, JSON, UTF-8), and mapping surprises.
READ_FAILURES: tuple[type[Exception], ...] = (
    ValueError,  # includes JSONDecodeError and UnicodeDecodeError
    TypeError,
    KeyError,
    IndexError,
    OverflowError,
    AttributeError,
)


def _tables() -> list[Table]:
    from eccp_desktop.store.schema import metadata

    return list(metadata.sorted_tables)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _bad_value_condition(column: str, kind: object) -> str | None:
    """SQL that is true when ``column`` holds a value its type cannot be read as."""
    c = _quote(column)
    if isinstance(kind, Boolean):
        return f"({c} IS NOT NULL AND {c} NOT IN (0, 1))"
    # Numbers beyond what a package may carry (schema_checks) cannot be exported.
    if isinstance(kind, Integer):
        return f"(typeof({c}) NOT IN ('integer', 'null') OR abs({c}) > {MAX_INTEGER})"
    if isinstance(kind, Float):
        return f"(typeof({c}) NOT IN ('integer', 'real', 'null') OR abs({c}) > {MAX_AMOUNT})"
    if isinstance(kind, JSON):
        # A column declared JSON has NUMERIC affinity: "80" is kept as 80.
        return (
            f"(typeof({c}) NOT IN ('text', 'integer', 'real', 'null')"
            f" OR (typeof({c}) = 'text' AND NOT json_valid({c})))"
        )
    if isinstance(kind, Date | DateTime):
        return f"typeof({c}) NOT IN ('text', 'null')"
    if isinstance(kind, String | Text):
        return f"typeof({c}) NOT IN ('text', 'null')"
    kind_impl = getattr(kind, "impl", None)  # TypeDecorator (UTC instants)
    if kind_impl is not None:
        return _bad_value_condition(column, kind_impl)
    return None


def type_problem(con: sqlite3.Connection) -> str | None:
    """The first value of the wrong kind, as ``table/row N/column``, or None.

    One scan per table (all its columns' conditions at once), in SQLite's C.
    """
    present = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    present = {p.decode("utf-8", "replace") if isinstance(p, bytes) else p for p in present}
    for table in _tables():
        if table.name not in present:
            continue  # an older schema: the migration adds it
        columns = {r[1] for r in con.execute(f"PRAGMA table_info({_quote(table.name)})")}
        columns = {c.decode("utf-8", "replace") if isinstance(c, bytes) else c for c in columns}
        conditions: list[tuple[str, str]] = []
        for column in table.columns:
            if column.name not in columns:
                continue
            cond = _bad_value_condition(column.name, column.type)
            if cond is None:
                continue
            if not column.nullable:
                cond = f"({cond} OR {_quote(column.name)} IS NULL)"
            conditions.append((column.name, cond))
        if not conditions:
            continue
        flags = ", ".join(f"({c}) AS f{i}" for i, (_n, c) in enumerate(conditions))
        where = " OR ".join(f"({c})" for _n, c in conditions)
        row = con.execute(
            f"SELECT rowid, {flags} FROM {_quote(table.name)} WHERE {where} LIMIT 1"
        ).fetchone()
        if row is not None:
            name = next(n for (n, _c), flag in zip(conditions, row[1:], strict=True) if flag)
            return _place(table.name, row[0], name)
    return None


def _place(table: str, rowid: object, column: str) -> str:
    return _("{table}/row {row}/{column}").format(table=table, row=rowid, column=column)


def _text_columns(table: Table) -> Iterator[str]:
    for column in table.columns:
        kind = getattr(column.type, "impl", column.type)
        if isinstance(kind, String | Text | JSON | Date | DateTime):
            yield column.name


def undecodable_place(con: sqlite3.Connection) -> str | None:
    """The first text that is not UTF-8 or JSON column that is not JSON, or None."""
    old = con.text_factory
    con.text_factory = bytes
    try:
        for table in _tables():
            names = list(_text_columns(table))
            if not names:
                continue
            json_columns = {c.name for c in table.columns if isinstance(c.type, JSON)}
            select = ", ".join(_quote(n) for n in names)
            try:
                rows = con.execute(f"SELECT rowid, {select} FROM {_quote(table.name)}")
            except sqlite3.DatabaseError:
                continue
            for rowid, *values in rows:
                for name, value in zip(names, values, strict=True):
                    if not isinstance(value, bytes):
                        continue
                    try:
                        text = value.decode("utf-8")
                        if name in json_columns:
                            json.loads(text)
                    except ValueError:
                        return _place(table.name, rowid, name)
    finally:
        con.text_factory = old
    return None
