"""Loading decodes each JSON column in one call: the same values as one call per value."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eccp_desktop.store.mapping import _json, _json_column

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(), kids, max_size=4),
    max_leaves=12,
)


@given(st.lists(json_values, max_size=30))
def test_one_call_for_a_column_gives_each_value(values: list[Any]) -> None:
    texts = [json.dumps(v, ensure_ascii=False) for v in values]
    assert _json_column(texts) == [_json(t) for t in texts] == values


def test_values_a_driver_already_decoded_are_kept() -> None:
    # psycopg hands over objects for JSON columns
    assert _json_column([{"en": "x"}, "[]", ["a"]]) == [{"en": "x"}, [], ["a"]]


@pytest.mark.parametrize("texts", [['["a"], ["b"]', '["c"]'], ["1,2", "3", "4"], ["{", "}"]])
def test_a_text_that_is_not_one_json_value_is_not_spread_over_its_neighbours(
    texts: list[str],
) -> None:
    with pytest.raises(ValueError):
        _json_column(texts)  # decoded one by one, the bad one fails loudly
