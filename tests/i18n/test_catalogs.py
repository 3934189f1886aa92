"""The shipped catalogs are complete and safe to format."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.paths import translations_dir

# Every official EU language but English (the source strings) has a complete catalog.
COMPLETE = tuple(lang for lang in EU_LANGUAGES if lang != "en")


def _fields(text: str) -> set[str]:
    return {
        f"{name}!{conv}" for _, name, _, conv in string.Formatter().parse(text) if name is not None
    }


def _catalog(lang: str) -> list[tuple[object, object]]:
    path = translations_dir() / lang / "LC_MESSAGES" / "eccp_desktop.po"
    with path.open("rb") as f:
        return [(m.id, m.string) for m in read_po(f) if m.id]


def _pairs(msgid: object, msgstr: object) -> list[tuple[str, str]]:
    ids = list(msgid) if isinstance(msgid, tuple) else [msgid]
    strs = list(msgstr) if isinstance(msgstr, tuple) else [msgstr]
    return [(ids[min(i, len(ids) - 1)], s) for i, s in enumerate(strs)]  # type: ignore[misc]


@pytest.mark.parametrize("lang", COMPLETE)
def test_catalog_is_complete(lang: str) -> None:
    missing = [mid for mid, mstr in _catalog(lang) if not all(s for _, s in _pairs(mid, mstr))]
    assert missing == [], f"{lang}: {len(missing)} untranslated"


@pytest.mark.parametrize(
    "lang", sorted(p.name for p in translations_dir().iterdir() if (p / "LC_MESSAGES").is_dir())
)
def test_translations_keep_the_placeholders(lang: str) -> None:
    """Each form against the msgid it stands for: a plural form that serves counts
    of 2 or more (Croatian's first serves 1, 21, 31…; Hungarian's only one every
    count) against the plural msgid. A first form copied from the singular
    ("Choose what to keep:", no {n}) lost the count for 21 conflicts, and
    msgfmt --check refused five catalogs."""
    import gettext

    path = translations_dir() / lang / "LC_MESSAGES" / "eccp_desktop.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    form_of = gettext.c2py(catalog.plural_expr)
    serves_many = {form_of(n) for n in range(2, 1000)}
    wrong = [
        (source, text)
        for m in catalog
        if m.id
        for i, (source, text) in enumerate(_pairs(m.id, m.string))
        if text
        and _fields(text)
        != _fields(m.id[1] if isinstance(m.id, tuple) and i in serves_many else source)
    ]
    assert wrong == []


def test_template_lists_what_the_catalogs_list() -> None:
    with (translations_dir() / "eccp_desktop.pot").open("rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    for lang in COMPLETE:
        assert {mid for mid, _ in _catalog(lang)} == template, lang


def test_no_stray_files_in_translations() -> None:
    assert all(p.suffix in (".pot", "") or p.is_dir() for p in Path(translations_dir()).iterdir())


def test_template_is_up_to_date_with_the_code() -> None:
    """Every marked string is in the .pot (`make catalogs` after adding strings)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    from tests.conftest import ROOT

    keywords = {**DEFAULT_KEYWORDS, "N_": None, "_": None, "ngettext": (1, 2)}
    in_code = {
        msgid
        for _file, _line, msgid, _comments, _ctx in extract_from_dir(
            str(ROOT / "eccp_desktop"), keywords=keywords
        )
    }
    with (translations_dir() / "eccp_desktop.pot").open("rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    assert in_code - template == set(), "run `make catalogs` and translate the new strings"


def test_labels_passed_by_value_are_marked_for_extraction() -> None:
    """``ctx.label("…")`` translates at run time, but only ``N_("…")`` is extracted."""
    import re

    from tests.conftest import ROOT

    unmarked = [
        f"{py.relative_to(ROOT)}:{n}"
        for py in (ROOT / "eccp_desktop").rglob("*.py")
        for n, line in enumerate(py.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bctx\.label\(\s*[\"']", line)
    ]
    assert unmarked == []


def _glitches(msgid: str, text: str, others: set[str]) -> list[str]:
    """What a translation tool leaves behind when it merges two suggestions."""
    found = []
    if "|" in text and "|" not in msgid:
        found.append("a pipe")
    digits = set(re.findall(r"\d+", text)) - set(re.findall(r"\d+", msgid))
    if digits:
        found.append("stray digits " + ", ".join(sorted(digits)))
    plain = text.replace("&", "")
    if re.search(r"\b(\w{4,})\1\b", plain):
        found.append("a word glued to itself")
    for other in others:  # two whole translations of the catalog run together
        if other and plain.startswith(other) and plain[len(other) :] in others:
            found.append(f"{other!r} + {plain[len(other) :]!r}")
    return found


@pytest.mark.parametrize("lang", COMPLETE)
def test_no_translation_is_two_run_together_or_carries_tool_debris(lang: str) -> None:
    pairs = [(s, t) for mid, mstr in _catalog(lang) for s, t in _pairs(mid, mstr) if t]
    others = {t.replace("&", "") for _s, t in pairs}
    wrong = {(source, text): g for source, text in pairs if (g := _glitches(source, text, others))}
    assert wrong == {}


def test_the_glitch_check_catches_the_swedish_menu_title() -> None:
    assert _glitches("F&actsheet", "130|F&aktabladFaktablad", set()) == [
        "a pipe",
        "stray digits 130",
        "a word glued to itself",
    ]
    assert _glitches("Policies", "PolitikerProgram", {"Politiker", "Program"}) == [
        "'Politiker' + 'Program'"
    ]
    assert _glitches("{count} of {total}", "{count} von {total}", set()) == []
