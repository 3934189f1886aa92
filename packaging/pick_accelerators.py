"""Re-pick clashing menu accelerators in the catalogs.

    .venv/bin/python packaging/pick_accelerators.py [--check]

Opens the main window offscreen on the demo packages, walks the menu bar and
every menu (submenus too) in each of the 24 languages and, where two entries
of one menu share an accelerator ("&Datei", "&Drucken"), moves the later one
to a free letter of its own translation, preferring the start of a word. A
message shared by several menus gets a letter free in all of them. Only the
msgstr lines of translations/*/LC_MESSAGES/eccp_desktop.po change; English
clashes live in the source and are only reported. tests/ui/test_accelerators.py
checks the same thing; this is the fixer to run when new menu entries land.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def accelerator(text: str) -> str | None:
    """The letter after a single '&' ("&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].casefold()
            i += 1
        i += 1
    return None


def with_accelerator(text: str, index: int) -> str:
    """``text`` without its accelerator, then '&' before the character at ``index``
    (an index into the text without its accelerator)."""
    plain = re.sub(r"&(?!&)", "", text.replace("&&", "\0")).replace("\0", "&&")
    return plain[:index] + "&" + plain[index:]


def candidates(text: str) -> list[int]:
    """Indexes of letters and digits in the text without its accelerator: letters
    without diacritics first (easier to type on every layout), word starts before
    the rest, then reading order."""
    plain = re.sub(r"&(?!&)", "", text.replace("&&", "\0")).replace("\0", "&&")

    def rank(i: int) -> tuple[bool, bool, int]:
        marked = len(unicodedata.normalize("NFD", plain[i])) > 1
        word_start = i == 0 or not plain[i - 1].isalnum()
        return (marked, not word_start, i)

    return sorted((i for i, ch in enumerate(plain) if ch.isalnum()), key=rank)


def menus_of(window) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The titles of the menu bar and of every menu below it, as shown."""
    from eccp_desktop.ui.qt import QMenu

    found: list[list[str]] = []

    def walk(actions) -> None:  # type: ignore[no-untyped-def]
        found.append([a.text() for a in actions if a.text() and not a.isSeparator()])
        for a in actions:
            if isinstance(a.menu(), QMenu):
                walk(a.menu().actions())

    walk(window.menuBar().actions())
    return found


def plan(menus: list[list[str]]) -> tuple[dict[str, str], list[str]]:
    """New texts for clashing titles (old text → new text), and what cannot be fixed."""
    current = {t: t for menu in menus for t in menu}
    where: dict[str, list[int]] = defaultdict(list)
    for n, menu in enumerate(menus):
        for t in dict.fromkeys(menu):
            where[t].append(n)
    unfixable: list[str] = []
    for _round in range(5):
        moved = False
        for menu in menus:
            seen: dict[str, str] = {}
            for title in menu:
                key = accelerator(current[title])
                if key is None:
                    continue
                if key not in seen or seen[key] == title:
                    seen[key] = title
                    continue
                used = {
                    accelerator(current[other])
                    for n in where[title]
                    for other in menus[n]
                    if other != title
                }
                text = current[title]
                plain_index = next(
                    (i for i in candidates(text) if _char(text, i).casefold() not in used), None
                )
                if plain_index is None:
                    unfixable.append(f"{text!r} (no free letter in its menus)")
                    continue
                current[title] = with_accelerator(text, plain_index)
                seen[accelerator(current[title]) or ""] = title
                moved = True
        if not moved:
            break
    return {old: new for old, new in current.items() if old != new}, unfixable


def _char(text: str, plain_index: int) -> str:
    plain = re.sub(r"&(?!&)", "", text.replace("&&", "\0")).replace("\0", "&&")
    return plain[plain_index]


def po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def rewrite_po(po: Path, changes: dict[str, str]) -> list[str]:
    """Replace msgstr values in place (one-line entries); what was not found."""
    source = po.read_text(encoding="utf-8")
    missing = []
    for old, new in changes.items():
        pattern = re.compile(r'^msgstr "' + re.escape(po_escape(old)) + r'"$', re.MULTILINE)
        source, count = pattern.subn(lambda _m, new=new: f'msgstr "{po_escape(new)}"', source)
        if count == 0:
            missing.append(old)
    po.write_text(source, encoding="utf-8")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report, change nothing")
    args = parser.parse_args()

    from eccp_desktop.domain.codes import EU_LANGUAGES
    from eccp_desktop.exchange import read_package
    from eccp_desktop.paths import demo_packages
    from eccp_desktop.store import Store
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QApplication, QSettings, QThreadPool

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="eccp-accel-"))
    db = work / "store.sqlite3"
    with Store.open(db) as store:
        store.import_factsheets([read_package(p) for p in demo_packages()], actor="demo")
    window = MainWindow(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.show()
    window.open_store(str(db))
    status = 0
    for lang in EU_LANGUAGES:
        window.set_ui_language(lang)
        app.processEvents()
        changes, unfixable = plan(menus_of(window))
        for text in unfixable:
            print(f"{lang}: cannot fix {text}")
            status = 1
        if not changes:
            continue
        if lang == "en" or args.check:
            for old, new in changes.items():
                print(f"{lang}: {old!r} clashes (would be {new!r})")
            status = 1
            continue
        po = ROOT / "translations" / lang / "LC_MESSAGES" / "eccp_desktop.po"
        for old in rewrite_po(po, changes):
            print(f"{lang}: {old!r} not found as a one-line msgstr in {po}")
            status = 1
        for old, new in changes.items():
            print(f"{lang}: {old!r} → {new!r}")
    window.set_ui_language("en")
    QThreadPool.globalInstance().waitForDone(30000)
    window.close()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
