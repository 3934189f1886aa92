"""Mutations of demo packages and store files, each a pure function of a seed.

The families are the ones the external harness of issue #10 used (deep
nesting, wrong types, huge numbers, NaN/Infinity, surrogates, control
characters, bad dates, truncation, byte flips, BOMs, long strings) plus the
key-level ones (missing, unknown, duplicated keys) and scripts the PDF fonts
may not cover. ``mutate_package(seed)`` and ``damage_store(path, seed)`` are
reproducible: the same seed gives the same bytes.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eccp_desktop.paths import demo_packages

Json = Any

_DEMO: list[tuple[str, bytes]] = []


def demo_texts() -> list[tuple[str, bytes]]:
    if not _DEMO:
        _DEMO.extend((p.name, p.read_bytes()) for p in sorted(demo_packages()))
    return _DEMO


# -- walking a JSON value ---------------------------------------------------
def _slots(data: Json) -> list[tuple[Json, Any]]:
    """Every (container, key) whose value can be replaced, found without recursion."""
    found: list[tuple[Json, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for k, v in node.items():
                found.append((node, k))
                stack.append(v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                found.append((node, i))
                stack.append(v)
    return found


def _pick(rng: random.Random, data: Json, want: Callable[[Any], bool]) -> tuple[Json, Any] | None:
    slots = [(c, k) for c, k in _slots(data) if want(c[k])]
    return rng.choice(slots) if slots else None


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_num(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


# -- value-level mutations (on the decoded package) --------------------------
_DEEP = "@@deep:{depth}:{kind}@@"  # replaced in the text: json.dumps would recurse


def deep_nesting(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, lambda v: True)
    if slot is not None:
        depth = rng.choice([65, 200, 1_000, 20_000, 200_000])
        slot[0][slot[1]] = _DEEP.format(depth=depth, kind=rng.choice("[{"))


def _expand_deep(text: str) -> str:
    import re

    def nest(m: re.Match[str]) -> str:
        depth, kind = int(m.group(1)), m.group(2)
        if kind == "[":
            return "[" * depth + "1" + "]" * depth
        return '{"a": ' * depth + "1" + "}" * depth

    return re.sub(r'"@@deep:(\d+):([\[{])@@"', nest, text)


WRONG = [None, True, False, 0, -1, 1.5, "", "x", [], {}, [1], {"en": 1}, 2023.0]


def wrong_type(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, lambda v: True)
    if slot is not None:
        slot[0][slot[1]] = rng.choice(WRONG)


HUGE = [2**31, 2**63, -(2**63), 2**64 + 1, 10**30, 1e308, -1e308, 1e16, 5e-324, 2023.5]


def huge_number(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, _is_num) or _pick(rng, data, lambda v: True)
    if slot is not None:
        slot[0][slot[1]] = rng.choice(HUGE)


SPECIAL_CHARS = [
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "\x00",
    "\x01",
    "\x1f",
    "\x7f",
    "\u202e",  # right-to-left override
    "\u200b",
    "\ufeff",  # BOM inside text
    "\uffff",
    "\U0001f600",  # emoji
    "\u0645\u0631\u062d\u0628\u0627",  # Arabic
    "\u05e9\u05dc\u05d5\u05dd",  # Hebrew
    "\u4e2d\u6587",  # CJK
    "\u0915\u093f",  # Devanagari
    "<b>&amp;</b>",  # markup for the PDF's paragraph parser
    "\n\r\t",
    "%s{0}{x!r}",
]


def special_character(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, _is_str)
    if slot is None:
        return
    s = slot[0][slot[1]]
    at = rng.randint(0, len(s))
    slot[0][slot[1]] = s[:at] + rng.choice(SPECIAL_CHARS) + s[at:]


def special_key(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, lambda v: isinstance(v, dict) and v)
    if slot is None:
        return
    obj = slot[0][slot[1]]
    key = rng.choice(list(obj))
    obj[key + rng.choice(SPECIAL_CHARS)] = obj.pop(key)


BAD_DATES = [
    "yesterday",
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-02-01T10:00:00",
    "2024-02-01T10:00:00Z\n",
    "2024-02-01T25:61:00Z",
    "0000-01-01",
    "9999-12-31T23:59:59-01:00",
    "0001-01-01T00:00:00+01:00",
    "20240201",
    "2024-02-01 10:00:00+00:00",
    "2024-W05-4",
    "",
]
BAD_CODES = ["DK\n", "dk", "XX", "EL", "GR", "D", "DEU", "en\n", "EN", "zz", "", " PL"]


def bad_date_or_code(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, _is_str)
    if slot is not None:
        slot[0][slot[1]] = rng.choice(BAD_DATES + BAD_CODES)


def long_string(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, _is_str)
    if slot is None:
        return
    n = rng.choice([300, 5_000, 50_000, 200_000])
    word = rng.choice(["a", "word ", "x" * 80, "Łódź ", "–", "\u0645"])
    slot[0][slot[1]] = (word * (n // len(word) + 1))[:n]


def key_change(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, lambda v: isinstance(v, dict) and v)
    obj = slot[0][slot[1]] if slot else data
    if not isinstance(obj, dict) or not obj:
        return
    key = rng.choice(list(obj))
    choice = rng.randrange(3)
    if choice == 0:
        del obj[key]
    elif choice == 1:
        obj["unknown_" + key] = obj[key]
    else:
        obj[key.upper()] = obj.pop(key)


def drop_item(rng: random.Random, data: Json) -> None:
    slot = _pick(rng, data, lambda v: isinstance(v, list) and v)
    if slot is not None:
        items = slot[0][slot[1]]
        items.insert(rng.randrange(len(items) + 1), rng.choice(items))  # duplicate an item


VALUE_MUTATIONS: list[Callable[[random.Random, Json], None]] = [
    deep_nesting,
    wrong_type,
    huge_number,
    special_character,
    special_key,
    bad_date_or_code,
    long_string,
    key_change,
    drop_item,
]


# -- text- and byte-level mutations (on the encoded package) -------------------
def non_finite(rng: random.Random, text: str) -> str:
    import re

    numbers = [m.span() for m in re.finditer(r"(?<=: )-?\d+(\.\d+)?", text)]
    if not numbers:
        return text
    a, b = rng.choice(numbers)
    return (
        text[:a]
        + rng.choice(["NaN", "Infinity", "-Infinity", "1e400", "-0", "1" * 5000])
        + text[b:]
    )


def duplicate_key(rng: random.Random, text: str) -> str:
    at = text.find("{", rng.randrange(max(len(text), 1)))
    if at < 0:
        return text
    return text[: at + 1] + '"country": "PL", "country": "DK", ' + text[at + 1 :]


TEXT_MUTATIONS: list[Callable[[random.Random, str], str]] = [non_finite, duplicate_key]


def truncate(rng: random.Random, raw: bytes) -> bytes:
    return raw[: rng.randrange(len(raw))]


def flip_bytes(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.choice([1, 1, 2, 5, 20])):
        i = rng.randrange(len(data))
        data[i] = data[i] ^ (1 << rng.randrange(8)) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(data)


def bom(rng: random.Random, raw: bytes) -> bytes:
    marks = [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"]
    if rng.random() < 0.3:
        return raw.decode("utf-8", "surrogatepass").encode(
            rng.choice(["utf-16", "utf-16-be", "utf-32"]), "surrogatepass"
        )
    if rng.random() < 0.5:
        return rng.choice(marks) + raw
    at = rng.randrange(len(raw))
    return raw[:at] + rng.choice(marks) + raw[at:]


BYTE_MUTATIONS: list[Callable[[random.Random, bytes], bytes]] = [truncate, flip_bytes, bom]


def mutate_package(seed: int) -> tuple[str, bytes, list[str]]:
    """A broken (or sometimes still valid) package: its demo origin, bytes, mutations."""
    rng = random.Random(seed)
    name, raw = rng.choice(demo_texts())
    data = json.loads(raw)
    applied: list[str] = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        kind = rng.random()
        if kind < 0.7:
            m = rng.choice(VALUE_MUTATIONS)
            m(rng, data)
        else:
            m = None
        applied.append(m.__name__ if m else "-")
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))
    text = _expand_deep(text)
    if rng.random() < 0.25:
        t = rng.choice(TEXT_MUTATIONS)
        text = t(rng, text)
        applied.append(t.__name__)
    out = text.encode("utf-8", "surrogatepass")  # a raw surrogate: not UTF-8 at all
    if rng.random() < 0.25:
        b = rng.choice(BYTE_MUTATIONS)
        out = b(rng, out)
        applied.append(b.__name__)
    return name, out, applied


# -- store damage ------------------------------------------------------------
def _sql_damage(rng: random.Random, path: Path) -> str:
    con = sqlite3.connect(path)
    tables = [
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if not r[0].startswith("sqlite_")
    ]
    filled = [t for t in tables if con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
    table = rng.choice(filled)
    cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    col = rng.choice(cols)
    rowid = rng.choice([r[0] for r in con.execute(f'SELECT rowid FROM "{table}"')])
    kind = rng.randrange(7)
    values: list[Any] = [
        b"\xff\xfe not utf-8",  # as a blob
        "{not json",
        "9999",
        2**62,
        1e308,
        None,
        "\ud800".encode("utf-8", "surrogatepass"),
    ]
    value = values[kind]
    sql = f'UPDATE "{table}" SET "{col}" = ? WHERE rowid = ?'
    if kind in (0, 6):
        sql = f'UPDATE "{table}" SET "{col}" = CAST(? AS TEXT) WHERE rowid = ?'
    try:
        con.execute(sql, (value, rowid))
        con.commit()
        what = f"sql {table}.{col} row {rowid} <- {value!r:.30}"
    except sqlite3.DatabaseError as e:  # NOT NULL, foreign key: damage another way
        what = f"sql refused ({e})"
    if rng.random() < 0.2:
        try:
            con.execute("INSERT INTO alembic_version VALUES (?)", (rng.choice(["0001", "x"]),))
            con.commit()
            what += " + alembic row"
        except sqlite3.DatabaseError:
            pass
    con.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return what


def _file_damage(rng: random.Random, path: Path) -> str:
    raw = bytearray(path.read_bytes())
    page = 4096
    kind = rng.randrange(4)
    if kind == 0:
        cut = rng.randrange(len(raw))
        path.write_bytes(bytes(raw[:cut]))
        return f"truncated at {cut}"
    if kind == 1:  # bytes inside one page (b-tree, cell, or content)
        p = rng.randrange(len(raw) // page)
        for _ in range(rng.choice([1, 4, 32])):
            i = p * page + rng.randrange(page)
            raw[i] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(raw))
        return f"bits flipped in page {p + 1}"
    if kind == 2:  # the header
        i = rng.randrange(100)
        raw[i] = rng.randrange(256)
        path.write_bytes(bytes(raw))
        return f"header byte {i}"
    p = rng.randrange(len(raw) // page)
    raw[p * page : (p + 1) * page] = bytes([rng.randrange(256)]) * page
    path.write_bytes(bytes(raw))
    return f"page {p + 1} overwritten"


def damage_store(path: Path, seed: int) -> str:
    """Damage the (checkpointed, closed) store file at ``path``; what was done."""
    rng = random.Random(seed)
    done = []
    if rng.random() < 0.5:
        done.append(_sql_damage(rng, path))
    if rng.random() < 0.6 or not done:
        done.append(_file_damage(rng, path))
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    return "; ".join(done)
