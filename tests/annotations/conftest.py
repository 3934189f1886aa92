"""Fixtures: a store with the Polish demo, its PDFs exported (and recorded) once per test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from eccp_desktop.annotations import exports
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.store import Store
from tests.pdf.factories import polish_demo

Exporter = Callable[..., tuple[bytes, dict[str, Any]]]


@pytest.fixture
def pl_store(store: Store) -> Store:
    store.import_factsheets([polish_demo()], actor="demo")
    return store


@pytest.fixture
def export(pl_store: Store) -> Exporter:
    """Render a factsheet of the store in a language, keep its map: (pdf, layout map)."""

    def run(
        country: str = "PL", lang: str = "pl", fs: Factsheet | None = None
    ) -> tuple[bytes, dict[str, Any]]:
        sheet = fs or pl_store.load(*pl_store.resolve(country))
        rendered = exports.render(sheet, lang)
        assert exports.keep(pl_store, rendered) is None
        return rendered.pdf, rendered.layout.to_json()

    return run


def entry(layout: dict[str, Any], path: str, nth: int = 0) -> list[Any]:
    """The layout-map entry printing ``path`` (the nth piece when it spans pages)."""
    found = [e for e in layout["items"] if e[5] == path]
    assert found, f"{path} is not in the layout map"
    return list(found[nth])
