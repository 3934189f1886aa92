"""History and typing figures (issue 9).

- history added by typing 1,000 characters into one section of a
  24-language factsheet (3,000 characters per language): target <= 64 KB;
  "before" replays the same keystrokes through the old recording (whole
  localised texts per change, one row per keystroke).
- opening the history of a factsheet with 100,000 changes: the newest page
  read and formatted for the view; target <= 100 ms.
- the cost of one keystroke (save + history) with SQLite synchronous=NORMAL
  (before) and FULL (now, durable against power loss).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.domain.model import Cluster, Factsheet
from eccp_desktop.editing import EditingSession, SetValue
from eccp_desktop.exchange import diff as diff_module
from eccp_desktop.i18n.places import format_change, place_label
from eccp_desktop.store import Store, repository
from eccp_desktop.store import engine as engines
from eccp_desktop.store import schema as s

PATH = "/sections/economic_context/de"
TYPED = ("Cluster policy text " * 60)[:1000]


def _factsheet() -> Factsheet:
    return Factsheet(
        "PL",
        2023,
        languages=list(EU_LANGUAGES),
        sections={"economic_context": {lang: f"{lang} " + "x" * 3000 for lang in EU_LANGUAGES}},
        clusters=[Cluster("Mazovia ICT Cluster", members=60)],
    )


def _legacy_diff(old: Any, new: Any, path: str = "") -> list[diff_module.Change]:
    """The recording before issue 9: a localised text changed as one whole value."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict) and not diff_module._is_texts(old, new):
        out: list[diff_module.Change] = []
        for key in list(old) + [k for k in new if k not in old]:
            out += _legacy_diff(old.get(key), new.get(key), f"{path}/{key}")
        return out
    if (
        isinstance(old, list)
        and isinstance(new, list)
        and any(isinstance(v, dict) for v in old + new)
    ):
        return diff_module._diff_records(old, new, path)  # same for records
    return [diff_module.Change(path, old, new)]


def _history_bytes(store: Store) -> int:
    return sum(len(json.dumps(h.old)) + len(json.dumps(h.new)) for h in store.history("PL", 2023))


def _type(store: Store, *, coalesce: bool) -> list[float]:
    session = EditingSession(store, "PL", 2023, actor="anna")
    text = session.get(PATH)
    times = []
    for ch in TYPED:
        text += ch
        start = time.perf_counter()
        session.apply(SetValue(PATH, text), coalesce=coalesce)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _with_sync(mode: str) -> Any:
    def pragmas(read_only: bool) -> Any:
        def on_connect(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA busy_timeout = 5000")
            if not read_only:
                cur.execute("PRAGMA journal_mode = WAL")
                cur.execute(f"PRAGMA synchronous = {mode}")
            cur.close()

        return on_connect

    return pragmas


def typing(tmp: Path) -> None:
    original_diff, original_pragmas = repository.diff, engines._sqlite_pragmas
    try:
        # before: old recording, one row per keystroke, synchronous=NORMAL
        repository.diff = _legacy_diff  # type: ignore[assignment]
        engines._sqlite_pragmas = _with_sync("NORMAL")
        with Store.open(tmp / "before.sqlite3") as store:
            store.import_factsheets([_factsheet()], actor="t")
            base = _history_bytes(store)
            before_times = _type(store, coalesce=False)
            before = _history_bytes(store) - base
        repository.diff = original_diff
        for mode in ("NORMAL", "FULL"):
            engines._sqlite_pragmas = _with_sync(mode)
            with Store.open(tmp / f"after-{mode}.sqlite3") as store:
                store.import_factsheets([_factsheet()], actor="t")
                base = _history_bytes(store)
                times = _type(store, coalesce=True)
                after = _history_bytes(store) - base
            print(
                f"  typing 1,000 chars, now, synchronous={mode:<6}: history +{after / 1000:8.1f} KB"
                f"  keystroke median {statistics.median(times):6.2f} ms"
                f"  p95 {sorted(times)[int(len(times) * 0.95)]:6.2f} ms"
            )
    finally:
        repository.diff, engines._sqlite_pragmas = original_diff, original_pragmas
    print(
        f"  typing 1,000 chars, before (NORMAL)       : history +{before / 1000:8.1f} KB"
        f"  keystroke median {statistics.median(before_times):6.2f} ms"
        f"  (ratio before/now {before / max(after, 1):,.0f}x; target <= 64 KB)"
    )


def history_view(tmp: Path) -> None:
    with Store.open(tmp / "history.sqlite3") as store:
        fs = _factsheet()
        fs.clusters = [Cluster(f"Cluster {i}", members=50) for i in range(50)]
        store.import_factsheets([fs], actor="t")
        with store.engine.begin() as conn:
            fid = conn.execute(s.factsheet.select()).first().id  # type: ignore[union-attr]
            at = dt.datetime.now(dt.UTC)
            rows = [
                {
                    "factsheet_id": fid,
                    "at": at,
                    "actor": "anna",
                    "action": "edit",
                    "path": f"/clusters/{i % 50}/members",
                    "old": i,
                    "new": i + 1,
                }
                for i in range(100_000)
            ]
            conn.execute(s.change.insert(), rows)
        loaded = store.load("PL", 2023)

        def open_view() -> int:
            page = store.history_page("PL", 2023)
            lines = [
                (place_label(loaded, h.path, "de"), format_change(h.old, h.new, h.path, "de"))
                for h in page
            ]
            return len(lines)

        times = []
        for _ in range(15):
            start = time.perf_counter()
            open_view()
            times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        everything = store.history("PL", 2023)
        full = (time.perf_counter() - start) * 1000
        print(
            f"  history view, 100,000 rows: newest page read and formatted, median "
            f"{statistics.median(times):6.1f} ms (target <= 100 ms); "
            f"reading all {len(everything):,} rows as before: {full:6.0f} ms"
        )


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        typing(Path(tmp))
        history_view(Path(tmp))


if __name__ == "__main__":
    main()
