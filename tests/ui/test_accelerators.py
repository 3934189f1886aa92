"""Menu accelerators (&File, &Edit…) are unique in every menu in every language."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import pytest

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.ui.qt import QMenu

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from pick_accelerators import accelerator

pytestmark = pytest.mark.gui


def clashes(titles: list[str]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for t in titles:
        key = accelerator(t)
        if key:
            by_key[key].append(t)
    return {k: v for k, v in by_key.items() if len(v) > 1}


def test_the_clash_check_finds_a_clash() -> None:
    assert clashes(["&Affichage", "&Aide", "&Fichier"]) == {"a": ["&Affichage", "&Aide"]}
    assert accelerator("Save && &quit") == "q"


def test_every_menu_in_every_language_has_distinct_accelerators(
    open_window,
    pl_store: Path,  # type: ignore[no-untyped-def]
) -> None:
    w = open_window(pl_store)
    found = {}
    try:
        for lang in EU_LANGUAGES:
            w.set_ui_language(lang)
            bar = w.menuBar()
            levels = {"menu bar": [a.text() for a in bar.actions()]}
            for top in bar.actions():
                menu = top.menu()
                if isinstance(menu, QMenu):
                    levels[top.text()] = [a.text() for a in menu.actions() if a.text()]
            for where, titles in levels.items():
                missing = [t for t in titles if accelerator(t) is None and where == "menu bar"]
                assert not missing, (lang, missing)
                c = clashes(titles)
                if c:
                    found[(lang, where)] = c
    finally:
        w.set_ui_language("en")
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())
