"""The shortcuts of whole-store validation give exactly what the plain way gives.

Loading a store pauses the cyclic collector and the printable check skips
texts quickly; the results must be the ones of the factsheets as read from
their packages (the exchange reader shares no code with the store's loader).
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Any

import pytest
from babel import dates as babel_dates
from hypothesis import given, settings
from hypothesis import strategies as st

from eccp_desktop.domain.model import Cluster, Programme
from eccp_desktop.exchange import read_package
from eccp_desktop.gcpause import gc_paused
from eccp_desktop.i18n.formatting import _date_locale, format_date
from eccp_desktop.paths import demo_packages
from eccp_desktop.store import Store
from eccp_desktop.validation import printable, validate
from tests.bench.synthetic import synthetic_factsheet

# Texts near both limits and in scripts the PDF fonts lack (Hebrew, CJK, emoji).
_texts = st.text(st.sampled_from("aZ 1.ąßΩЖשל中😀\t\n\x00\u200b"), max_size=12) | st.builds(
    lambda n, c: c * n, st.integers(0, 40), st.sampled_from("aą中")
)
_atoms = st.none() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.dates()
_leaves = _texts | _atoms
_values: st.SearchStrategy[Any] = st.recursive(
    _leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["en", "pl", "he"]), inner, max_size=3)
        | st.builds(Cluster, name=_texts, region=st.none() | _texts, ecosystems=st.lists(_texts))
        | st.builds(Programme, title=st.dictionaries(st.sampled_from(["en", "pl"]), _texts))
    ),
    max_leaves=12,
)


def _plainly_suspect(value: Any, limit: int) -> bool:
    """The definition, as ``_check`` reads it: some text is too long, or a non-ASCII
    one holds what the PDF's search finds (ASCII prints or is dropped)."""
    search = printable._search()
    return any(
        len(text) > limit or (not text.isascii() and bool(search(text)))
        for _where, text in printable._strings(value, "")
    )


@settings(max_examples=300, deadline=None)
@given(_values, st.sampled_from([0, 3, 20]))
def test_the_quick_pass_flags_exactly_what_the_plain_definition_flags(
    value: Any, limit: int
) -> None:
    assert printable._suspect(value, limit) == _plainly_suspect(value, limit)


def _results(sheets: list[Any]) -> dict[tuple[str, int], list[Any]]:
    return {(fs.country, fs.edition): validate(fs, lang="de") for fs in sheets}


@pytest.mark.parametrize("source", ["demo", "synthetic"])
def test_a_whole_store_validates_as_the_factsheets_it_was_built_from(
    tmp_path: Path, source: str
) -> None:
    if source == "demo":
        sheets = [read_package(p) for p in demo_packages()]
    else:  # a few rules broken on purpose, texts in the national languages
        sheets = [synthetic_factsheet(c, clusters=120, policies=6) for c in ("PL", "GR", "NO")]
        sheets[0].clusters[3].name = "שלום " + "x" * 300  # both printable warnings
        sheets[1].policies[0].description = {"en": "中文" * 3000}
    expected = _results(sheets)
    assert sum(map(len, expected.values())) > 20  # something to compare
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.import_factsheets(sheets, actor="test")
        loaded = store.load_all()
    assert _results(loaded) == expected


def test_gc_paused_restores_the_collector_and_leaves_a_disabled_one_alone() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested: the inner block does not turn it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), gc_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("lang", ["en", "de", "pl", "el", "ga"])
def test_cached_dates_are_babels(lang: str) -> None:
    for day in (dt.date(2023, 12, 31), dt.date(1999, 2, 1)):
        for form in ("medium", "long", "short"):
            want = babel_dates.format_date(day, format=form, locale=_date_locale(lang))
            assert format_date(day, lang, form) == want
            assert format_date(day, lang, form) == want  # again, from the cache
