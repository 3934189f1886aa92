"""The history scales: one language per text change, typing folded, pages read by index."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.domain.model import Cluster, Factsheet, Policy
from eccp_desktop.editing import EditingSession
from eccp_desktop.store import Store, repository


def _sheet() -> Factsheet:
    texts = {lang: f"{lang} " + "x" * 3000 for lang in EU_LANGUAGES}
    return Factsheet(
        "PL",
        2023,
        languages=list(EU_LANGUAGES),
        sections={"economic_context": dict(texts)},
        policies=[Policy("kkk", title={"en": "Key", "pl": "Klucz"})],
        clusters=[Cluster("Mazovia ICT Cluster", members=60)],
    )


def _history_chars(store: Store) -> int:
    return sum(len(json.dumps(h.old)) + len(json.dumps(h.new)) for h in store.history("PL", 2023))


def test_a_text_change_records_only_its_language(store: Store) -> None:
    store.import_factsheets([_sheet()], actor="t")
    fs, v = store.load_versioned("PL", 2023)
    fs.sections["economic_context"]["pl"] += "!"
    fs.policies[0].title["de"] = "Schlüssel"
    store.save(fs, base_version=v, actor="anna")
    last = store.history("PL", 2023)[-2:]
    assert [(h.path, h.old, h.new) for h in last] == [
        ("/sections/economic_context/pl", "pl " + "x" * 3000, "pl " + "x" * 3000 + "!"),
        ("/policies/0/title/de", None, "Schlüssel"),
    ]
    assert store.load("PL", 2023) == fs  # the item was rewritten in place, correctly


def test_typing_1000_characters_into_a_24_language_section_adds_little_history(
    store: Store,
) -> None:
    store.import_factsheets([_sheet()], actor="t")
    session = EditingSession(store, "PL", 2023, actor="anna")
    before = _history_chars(store)
    text = session.get("/sections/economic_context/de")
    for ch in ("abcdefghij " * 100)[:1000]:
        text += ch
        session.apply(_set("/sections/economic_context/de", text), coalesce=True)
    added = _history_chars(store) - before
    assert added <= 64_000, added
    rows = [h for h in store.history("PL", 2023) if h.actor == "anna"]
    assert len(rows) == 1 and rows[0].new == text and rows[0].old.endswith("x")


def _set(path: str, value: object):  # type: ignore[no-untyped-def]
    from eccp_desktop.editing import SetValue

    return SetValue(path, value)


def test_typing_after_a_pause_or_in_another_field_starts_a_new_row(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.import_factsheets([_sheet()], actor="t")
    session = EditingSession(store, "PL", 2023, actor="anna")
    session.apply(_set("/clusters/0/name", "M"), coalesce=True)
    session.apply(_set("/clusters/0/name", "Ma"), coalesce=True)
    session.apply(_set("/policies/0/key", "k"), coalesce=True)  # another field
    later = dt.datetime.now(dt.UTC) + repository.HISTORY_PAUSE + dt.timedelta(seconds=1)
    monkeypatch.setattr(repository, "_now", lambda: later)
    session.apply(_set("/policies/0/key", "kk"), coalesce=True)  # after a pause
    session.apply(_set("/policies/0/key", "kkk"))  # not typing: its own row
    rows = [(h.path, h.old, h.new) for h in store.history("PL", 2023) if h.actor == "anna"]
    assert rows == [
        ("/clusters/0/name", "Mazovia ICT Cluster", "Ma"),
        ("/policies/0/key", "kkk", "k"),
        ("/policies/0/key", "k", "kk"),
        ("/policies/0/key", "kk", "kkk"),
    ]


def test_history_pages_newest_first(store: Store, store_path: Path) -> None:
    store.import_factsheets([_sheet()], actor="t")
    session = EditingSession(store, "PL", 2023, actor="anna")
    for n in range(25):
        session.set("/clusters/0/members", n)
    page = store.history_page("PL", 2023, limit=10)
    assert [h.new for h in page] == list(range(24, 14, -1))
    older = store.history_page("PL", 2023, before=page[-1].id, limit=10)
    assert [h.new for h in older] == list(range(14, 4, -1))
    assert page[0].at.tzinfo is not None  # UTC, zone kept for the local display
    full = store.history("PL", 2023)
    assert [h.id for h in reversed(full)][:10] == [h.id for h in page]


def test_sqlite_commits_are_durable(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
