"""The window's own icons: every action and severity shows one, at every size rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from eccp_desktop.ui import icons

pytestmark = pytest.mark.gui
SIZES = [16, 24, 32, 48]  # packaging/make_icons.py ACTION_SIZES


def _sizes(icon: object) -> list[int]:
    return sorted(s.width() for s in icon.availableSizes())  # type: ignore[attr-defined]


def test_each_named_icon_comes_in_every_size(qapp: object) -> None:
    for name in icons.NAMES:
        assert _sizes(icons.icon(name)) == SIZES, name
        assert not icons.icon(name).pixmap(24, 24).isNull(), name


def test_a_name_without_an_icon_is_refused(qapp: object) -> None:
    with pytest.raises(KeyError, match="no icon named 'gear'"):
        icons.icon("gear")


def test_a_missing_icons_folder_gives_empty_icons_not_a_crash(qapp: object, tmp_path: Path) -> None:
    assert icons.icon_from(tmp_path / "nowhere", "undo").isNull()


def test_the_toolbar_and_the_problem_filters_show_the_windows_icons(open_window, pl_store) -> None:  # type: ignore[no-untyped-def]
    main_window = open_window(pl_store)
    bar = main_window.actions_.toolbar
    # the toolbar's buttons; not its separators, nor the content language chooser
    buttons = [a for a in bar.actions() if not a.isSeparator() and a.text()]
    assert len(buttons) == 6
    for action in buttons:
        assert _sizes(action.icon()) == SIZES, action.text()
    for severity, button in main_window.problems_panel.buttons.items():
        assert button.icon().cacheKey() == icons.icon(severity).cacheKey(), severity
