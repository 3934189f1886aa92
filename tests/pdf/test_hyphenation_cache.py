"""Parsed hyphenation dictionaries kept in the user's cache: the same breaks, parsed once."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from pathlib import Path

import pyphen
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eccp_desktop.pdf import hyphenation

WORDS = ["Zusammenarbeit", "Wettbewerbsfähigkeit", "Innovationsökosystem", "Kooperation"]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No dictionary parsed yet in this process (pyphen's and our per-process caches)."""
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation._pyphen.cache_clear()
    yield
    hyphenation._pyphen.cache_clear()


def _reference(word: str, lang: str) -> list[int]:
    """pyphen itself, parsing the dictionary text (no cache of ours)."""
    hd = pyphen.HyphDict(pyphen.LANGUAGES[lang])
    low, high = hyphenation.MIN_PART, len(word) - hyphenation.MIN_PART
    return [p for p in hd.positions(word) if low <= p <= high]


def _copies() -> list[Path]:
    folder = hyphenation.cache_dir() / "hyphenation"
    return sorted(folder.glob("*.marshal")) if folder.is_dir() else []


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: object, path: object) -> None:
        raise AssertionError(f"parsed {path} although a copy is cached")

    monkeypatch.setattr(pyphen.HyphDict, "__init__", refuse)


def test_the_first_use_writes_a_copy_the_next_process_reads(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = [_reference(w, "de") for w in WORDS]
    assert [hyphenation.points(w, "de") for w in WORDS] == expected
    (copy,) = _copies()
    assert "hyph_de" in copy.name and pyphen.__version__ in copy.name
    # as a new process: nothing parsed in memory, the copy on disk
    monkeypatch.setattr(pyphen, "hdcache", {})
    hyphenation._pyphen.cache_clear()
    _no_parsing(monkeypatch)
    assert [hyphenation.points(w, "de") for w in WORDS] == expected


def test_the_copy_holds_each_distinct_value_once(fresh: None) -> None:
    # what makes it load fast: marshal writes a shared object once and refers back to it
    hyphenation.points("Kooperation", "de")
    (copy,) = _copies()
    patterns = marshal.loads(copy.read_bytes())["patterns"]
    assert len({id(v) for v in patterns.values()}) < len(patterns) / 10
    assert patterns == pyphen.HyphDict(pyphen.LANGUAGES["de"]).patterns


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(word=st.text(alphabet="abcdeghiklmnoprstuwyzóąćęłńśźż", min_size=4, max_size=24))
def test_a_cached_dictionary_breaks_words_as_pyphen_does(fresh: None, word: str) -> None:
    hyphenation.points("rozwój", "pl")  # the copy exists from here on
    pyphen.hdcache.clear()
    hyphenation._pyphen.cache_clear()
    assert hyphenation.points(word, "pl") == _reference(word, "pl")


def test_a_damaged_copy_is_parsed_anew_and_rewritten(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    hyphenation.points("Kooperation", "de")
    (copy,) = _copies()
    for damage in (
        marshal.dumps({"maxlen": 3, "patterns": {"ab": "x"}}),  # the wrong shape
        copy.read_bytes()[:500],  # cut short
        b"\x00garbage",
    ):
        copy.write_bytes(damage)
        monkeypatch.setattr(pyphen, "hdcache", {})
        hyphenation._pyphen.cache_clear()
        expected = [_reference(w, "de") for w in WORDS]
        assert [hyphenation.points(w, "de") for w in WORDS] == expected
        data = marshal.loads(copy.read_bytes())  # rewritten whole
        assert data["maxlen"] > 3 and len(data["patterns"]) > 1000


def test_a_copy_made_by_an_older_version_is_replaced(fresh: None) -> None:
    hyphenation.points("Kooperation", "de")
    (copy,) = _copies()
    older = copy.with_name(copy.name.replace(pyphen.__version__, "0.0.1"))
    copy.rename(older)
    pyphen.hdcache.clear()  # as a new process with a newer pyphen
    hyphenation._pyphen.cache_clear()
    assert hyphenation.points("Kooperation", "de") == _reference("Kooperation", "de")
    assert _copies() == [copy]


def test_an_unwritable_cache_folder_only_costs_time(
    fresh: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setattr(hyphenation, "cache_dir", lambda: blocker)
    assert hyphenation.points("Kooperation", "de") == _reference("Kooperation", "de")


def test_nonstandard_hyphenation_is_left_to_pyphen(fresh: None) -> None:
    # Hungarian patterns carry replacements (ssz -> sz-sz) JSON would lose
    word = "asszonnyal"
    dic = hyphenation._pyphen("hu")
    assert dic is not None
    assert dic.inserted(word) == pyphen.Pyphen(
        filename=pyphen.LANGUAGES["hu"], cache=False
    ).inserted(word)
    assert not [c for c in _copies() if "hyph_hu" in c.name]
