"""Screenshots of the window on a shared store: ``python -m tests.ui.screenshots_shared [DIR]``.

Not a test. Writes offline-{en,bg}.png (the server went away while typing:
read-only, the banner, the status bar, the unsaved text kept in its field)
and merge-view-{en,bg}.png (an edit of a field a colleague changed meanwhile).
The server's absence is played by a save that raises what a lost connection
raises; the colleague is a second client of the same store file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def main(out: Path) -> None:
    from PySide6.QtTest import QTest

    from eccp_desktop.store import Store
    from eccp_desktop.store.errors import StoreUnreachableError
    from eccp_desktop.ui.language import apply_language
    from eccp_desktop.ui.pages import SectionsPage
    from tests.ui.shots import Shots

    shots = Shots(out)
    settle = shots.settle

    def window(lang: str, db: Path) -> tuple[Any, Any]:
        w = shots.window(lang, db)
        w.navigator.select("PL", 2023)
        i = next(i for i, p in enumerate(w.editor.pages) if isinstance(p, SectionsPage))
        w.editor.show_page(i)
        text = w.editor.pages[i].editor.editor
        text.setFocus()
        text.moveCursor(text.textCursor().MoveOperation.End)
        settle()
        return w, text

    for lang in ("en", "bg"):
        w, text = window(lang, shots.demo_store(f"offline-{lang}"))
        w._watch_store()
        QTest.keyClicks(text, " The 2024 call")

        def away(*_a: object, **_k: object) -> None:
            raise StoreUnreachableError("the store db.example cannot be reached")

        w.store.save = away  # type: ignore[method-assign]
        QTest.keyClicks(text, " opens")
        w._live.close()  # keep it away for the picture
        settle()
        w.grab().save(str(out / f"offline-{lang}.png"))
        w.close()

        db = shots.demo_store(f"merge-{lang}")
        w, text = window(lang, db)
        with Store.open(db) as other:
            fs, v = other.load_versioned("PL", 2023)
            fs.sections["economic_context"]["en"] = "Poland's economy grew by 0.2% in 2023."
            other.save(fs, base_version=v, actor="Bartek Nowak")
        text.insertPlainText(" Exports rose.")  # one change, as pasted
        settle()
        QTest.qWait(100)
        dialog = w.merge_dialog
        dialog.grab().save(str(out / f"merge-view-{lang}.png"))
        dialog.close()
        w.close()
        apply_language("en")
    print("screenshots in", out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
