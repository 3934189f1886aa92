"""Take the README screenshots offscreen: ``python -m tests.ui.screenshots [DIR]``.

Not a test: it writes docs/main-window.png (light), docs/main-window-de.png
(German UI), docs/factsheet-el.png (a Greek factsheet) and
docs/pdf-preview.png, docs/comments-import.png (the preview of comments
imported from an annotated PDF), and with readable places (English and German):
docs/problems-dock.png / problems-de.png (the Problems dock in use),
history-{en,de}.png, comment-{en,de}.png and places-record-{en,de}.png.
``--places`` takes only those, ``--comments`` only the import preview.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ECCP_LANG", "en")


def greek_factsheet():  # type: ignore[no-untyped-def]
    from eccp_desktop.domain.model import Cluster, Factsheet, Policy, Programme, Source

    return Factsheet(
        country="GR",
        edition=2023,
        languages=["en", "el"],
        sections={
            "economic_context": {
                "en": "Greece's economy grew by 5.6% in 2022, driven by tourism and shipping.",
                "el": "Η ελληνική οικονομία αναπτύχθηκε κατά 5,6% το 2022, με κινητήριες "
                "δυνάμεις τον τουρισμό και τη ναυτιλία. Οι συστάδες επιχειρήσεων "
                "(clusters) στηρίζονται από το Εθνικό Σχέδιο Ανάκαμψης.",
            },
            "policy_overview": {"en": "Cluster policy is part of the national strategy."},
        },
        policies=[
            Policy(
                key="innovation_clusters",
                title={
                    "en": "Innovation clusters action",
                    "el": "Δράση Καινοτομικών Συστάδων",
                },
                type="national_cluster",
                authority="Γενική Γραμματεία Έρευνας και Καινοτομίας",
                start_year=2019,
                end_year=2025,
                budget_eur=30_000_000,
                priorities=["digital", "innovation"],
                programmes=[
                    Programme(title={"el": "Ερευνώ – Δημιουργώ – Καινοτομώ"}, start_year=2021)
                ],
            )
        ],
        clusters=[
            Cluster(
                name="Corallia — Ελληνικό Σύμπλεγμα Μικροηλεκτρονικής",
                region="EL30",
                founded=dt.date(2006, 3, 1),
                members=95,
                sme_members=70,
                ecosystems=["electronics", "digital"],
            ),
            Cluster(name="Θεσσαλικό Σύμπλεγμα Τροφίμων", region="EL61", members=34, sme_members=40),
        ],
        sources=[Source(title="Ευρωπαϊκό Εξάμηνο 2023", accessed=dt.date(2023, 11, 2))],
    )


def main(out: Path, *, only_places: bool = False, only_comments: bool = False) -> None:
    from eccp_desktop.exchange import read_package
    from eccp_desktop.paths import demo_packages
    from eccp_desktop.store import Store
    from eccp_desktop.ui.app import create_app
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.pages import ClustersPage, PoliciesPage, SectionsPage
    from eccp_desktop.ui.qt import QSettings

    app = create_app()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "shots.sqlite3"
    with Store.open(db) as s:
        s.import_factsheets([read_package(p) for p in demo_packages()], actor="demo")
        s.import_factsheets([greek_factsheet()], actor="demo")
        fs, v = s.load_versioned("PL", 2023)
        from tests.ui.conftest import kkk_cluster

        fs.clusters.append(kkk_cluster())
        c2 = kkk_cluster()
        c2.name, c2.region, c2.members, c2.founded = (
            "Silesian Aviation Cluster",
            "PL22",
            38,
            dt.date(2007, 1, 1),
        )
        fs.clusters.append(c2)
        s.save(fs, base_version=v, actor="demo")

    def window(lang: str = "en") -> MainWindow:
        w = MainWindow(QSettings(str(tmp / f"{lang}.ini"), QSettings.Format.IniFormat))
        w.resize(1440, 900)
        w.show()
        w.open_store(str(db))
        if lang != "en":
            w.set_ui_language(lang)
        return w

    def settle(w: MainWindow) -> None:
        for _ in range(5):
            app.processEvents()
        w.doc.validate_now()
        for _ in range(5):
            app.processEvents()

    def page(w: MainWindow, cls: type) -> object:
        i = next(i for i, p in enumerate(w.editor.pages) if isinstance(p, cls))
        w.editor.show_page(i)
        return w.editor.pages[i]

    if only_places:
        places(out, window, settle, page)
        print("screenshots in", out)
        return
    if only_comments:
        comments_shot(out, window, settle, app)
        print("screenshots in", out)
        return

    w = window()
    w.navigator.select("PL", 2023)
    page(w, PoliciesPage)
    settle(w)
    w.grab().save(str(out / "main-window.png"))

    w.close()

    de = window("de")
    de.navigator.select("PL", 2023)
    page(de, ClustersPage)
    settle(de)
    de.grab().save(str(out / "main-window-de.png"))
    de.close()
    from eccp_desktop.ui.language import apply_language

    apply_language("en")

    el = window()
    el.navigator.select("GR", 2023)
    el.content_lang = "el"
    el._fill_content_languages()
    el.editor.set_language("el")
    sections = page(el, SectionsPage)
    sections.editor.select_language("el")
    settle(el)
    el.grab().save(str(out / "factsheet-el.png"))
    el.close()

    from eccp_desktop.ui.pdf_dialogs import PdfPreview

    with Store.open(db) as s:
        preview = PdfPreview(None, s.load("PL", 2023), "pl")
    preview.show()
    import time

    deadline = time.monotonic() + 60  # it renders off the GUI thread
    while preview.document.pageCount() == 0 and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
    preview.grab().save(str(out / "pdf-preview.png"))
    preview.close()
    comments_shot(out, window, settle, app)
    places(out, window, settle, page)
    print("screenshots in", out)


def comments_shot(out: Path, window, settle, app) -> None:  # type: ignore[no-untyped-def]
    """docs/comments-import.png: the preview of an expert's annotated Polish PDF."""
    from eccp_desktop.annotations import exports, plan_import
    from eccp_desktop.ui.comments_dialogs import CommentsPreview
    from tests.annotations.annotate import Note, centre_box, with_pypdf

    w = window()
    w.navigator.select("PL", 2023)
    settle(w)
    rendered = exports.render(w.store.load("PL", 2023), "pl")
    assert exports.keep(w.store, rendered) is None
    at = {e[5]: list(e) for e in reversed(rendered.layout.items)}  # each path's first piece

    def on(kind: str, path: str, text: str, **kw) -> Note:  # type: ignore[no-untyped-def]
        box = centre_box(at[path])
        quads = [box] if kind in ("Highlight", "StrikeOut", "Underline") else []
        return Note(kind, at[path][0], box, text, quads=quads, **kw)

    expert, ministry = "Dr Anna Kowalska", "Jan Nowak (Ministry)"
    notes = [
        on(
            "Highlight",
            "/policies/3/title",
            "Add the FENG 2021-2027 measure number.",
            author=expert,
        ),
        on(
            "Text",
            "/policies/3/budget_eur",
            "Budget missing: see the 2023 report, p. 12.",
            author=expert,
        ),
        on(
            "Text",
            "/policies/3/budget_eur",
            "Confirmed, we will send the figure.",
            author=ministry,
            irt=1,
        ),
        on(
            "StrikeOut",
            "/tier_schemes/0/tiers/0/min_members",
            "Lowered to 15 in 2024.",
            author=expert,
        ),
        on("Underline", "/sections/cluster_landscape", "Please cite the KKK rules.", author=expert),
        Note(
            "Text", 3, (560, 400, 580, 420), "Chart colours are hard to tell apart.", author=expert
        ),
    ]
    data = with_pypdf(rendered.pdf, notes)
    dialog = CommentsPreview(w, "pl-2023-pl-uwagi.pdf", plan_import(w.store, data, "pl.pdf"))
    dialog.show()
    dialog.resize(1360, 330)  # the offscreen screen is 800 px wide: as on a desktop screen
    for _ in range(10):
        app.processEvents()
    dialog.grab().save(str(out / "comments-import.png"))
    dialog.close()
    w.close()


def problems_shot(w, settle, page) -> None:  # type: ignore[no-untyped-def]
    """The Problems dock on a cluster below its tier's minimum, its row selected."""
    from eccp_desktop.ui.pages import ClustersPage
    from eccp_desktop.ui.qt import Qt

    page(w, ClustersPage)
    settle(w)
    w.resizeDocks([w.problems_dock], [330], Qt.Orientation.Vertical)
    w.problems.header().resizeSection(2, 580)  # the Place column, wider than its 320 px
    for _ in range(2):  # once to show the page, once more after the dock's resize
        settle(w)
        item = w.problems.item_for("/clusters/1/members")
        if item is not None:
            w.problems.setCurrentItem(item)
            w.problems.scrollToItem(item, w.problems.ScrollHint.PositionAtCenter)
            w.jump_to("/clusters/1/members")


def places(out: Path, window, settle, page) -> None:  # type: ignore[no-untyped-def]
    """Readable places in the Problems dock, the history and the comments (en, de).

    Writes problems-dock.png (English) and problems-de.png, the whole window;
    history-{en,de}.png and comment-{en,de}.png, the record page's two boxes;
    places-record-{en,de}.png, the record page in its window.
    """
    from eccp_desktop.domain.model import ReviewComment
    from eccp_desktop.editing import InsertItem
    from eccp_desktop.ui.language import apply_language
    from eccp_desktop.ui.qt import QApplication
    from eccp_desktop.ui.record_page import RecordPage

    for lang in ("en", "de"):
        w = window(lang)
        w.navigator.select("PL", 2023)
        settle(w)
        problems_shot(w, settle, page)
        w.grab().save(str(out / ("problems-dock.png" if lang == "en" else f"problems-{lang}.png")))
        if lang == "en":  # some history and comments to show (once: the store is shared)
            w.doc.set("/clusters/1/members", 45)
            w.doc.set("/policies/0/budget_eur", 18_500_000)
            w.doc.set("/sections/economic_context/pl", "Gospodarka Polski rośnie.")
            n = len(w.doc.factsheet.review_comments)
            for i, (path, text) in enumerate(
                [
                    ("/clusters/1/members", "Is 45 members right? The register lists 51."),
                    ("/policies/0/budget_eur", "Budget: the 2024 amendment raised it."),
                    ("", "Overall clear; please cite the 2023 sources."),
                ]
            ):
                w.doc.review(
                    InsertItem(
                        "/review_comments",
                        n + i,
                        ReviewComment(path, "Expert A", "expert", text),
                    )
                )
        rec = page(w, RecordPage)
        for _ in range(50):
            QApplication.processEvents()
            if rec.history.topLevelItemCount():
                break
        settle(w)
        w.grab().save(str(out / f"places-record-{lang}.png"))
        # the two boxes on their own, the navigator out of the way so places fit
        w.nav_dock.hide()
        settle(w)
        for view in (rec.history, rec.comments):
            for col in range(view.columnCount() - 1):
                view.resizeColumnToContents(col)
        settle(w)
        rec.history_box.grab().save(str(out / f"history-{lang}.png"))
        rec.comments_box.grab().save(str(out / f"comment-{lang}.png"))
        w.close()
    apply_language("en")


if __name__ == "__main__":
    # ``--places``: only the readable-places shots (problems, history, comments);
    # ``--comments``: only the preview of comments imported from a PDF
    args = [a for a in sys.argv[1:] if a not in ("--places", "--comments")]
    main(
        Path(args[0]) if args else Path("docs"),
        only_places="--places" in sys.argv,
        only_comments="--comments" in sys.argv,
    )
