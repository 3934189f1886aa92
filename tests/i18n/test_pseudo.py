"""The stretching pseudo-locale keeps what code reads and is half as long again."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eccp_desktop.i18n import _, current_language, ngettext, set_language
from eccp_desktop.i18n.pseudo import PSEUDO, stretch


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.", min_size=1, max_size=60))
def test_half_as_long_again(text: str) -> None:
    assert len(stretch(text)) == len(text) + round(len(text) * 0.5)


def test_placeholders_and_accelerators_survive() -> None:
    out = stretch("&Sign off {count} errors for %(name)s")
    assert out.startswith("&")
    assert "{count}" in out and "%(name)s" in out
    assert out.format(count=3) != out
    assert "Sign" not in out  # accented: an untranslated string stands out


def test_selectable_as_the_ui_language() -> None:
    before = current_language()
    set_language(PSEUDO)
    try:
        assert _("Problems") == stretch("Problems")
        assert ngettext("{n} error", "{n} errors", 2) == stretch("{n} errors")
    finally:
        set_language(before)
