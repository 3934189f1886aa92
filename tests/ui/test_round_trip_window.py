"""Everything the window can make survives export and import (issue #9, item 5).

A user edits every page like a user would (typing, picking, ticking, adding
rows), comments on a field of every page and on the whole factsheet, exports
through the window's own export dialog, and the package is imported into
another store with the command line: the two factsheets are the same.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.exchange import factsheet_to_dict
from eccp_desktop.store import Store
from eccp_desktop.ui.qt import QApplication, QComboBox, QLineEdit, QListWidget, Qt, QWidget

pytestmark = pytest.mark.gui


def _page(w: Any, cls_name: str) -> Any:
    i = next(i for i, p in enumerate(w.editor.pages) if type(p).__name__ == cls_name)
    w.editor.show_page(i)
    return w.editor.pages[i]


def _editor(table: Any, row: int, field: str) -> Any:
    """Open the cell's editor as Enter/F2 would; the editor widget."""
    col = table.model.column_of(field)
    assert col >= 0, field
    table.window().activateWindow()  # offscreen, a completer popup can take the activation
    assert table.focus_cell(row, col, edit=True), (field, row)
    assert table.view.state() == table.view.State.EditingState, f"no editor for {field}"
    editor = QApplication.focusWidget()
    if editor is None or editor.parentWidget() is not table.view.viewport():
        # the focus did not follow (no active window offscreen): the editor is open all
        # the same, the one visible child of the view
        found = [
            c for c in table.view.viewport().findChildren(QWidget, options=_direct())
            if c.isVisible()
        ]  # fmt: skip
        assert len(found) == 1, found
        editor = found[0]
        editor.setFocus()
    return editor


def _direct() -> Any:
    return Qt.FindChildOption.FindDirectChildrenOnly


def _committed(qtbot: Any, table: Any) -> None:
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)


def type_cell(qtbot: Any, table: Any, row: int, field: str, text: str) -> None:
    editor = _editor(table, row, field)
    assert isinstance(editor, QLineEdit), (field, type(editor))
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _committed(qtbot, table)
    assert not table.delegate.last_refusal, (field, table.delegate.last_refusal)


def pick_cell(qtbot: Any, table: Any, row: int, field: str, code: str) -> None:
    combo = _editor(table, row, field)
    assert isinstance(combo, QComboBox), (field, type(combo))
    at = combo.findData(code)
    assert at > 0, (field, code, [combo.itemData(i) for i in range(combo.count())])
    while combo.currentIndex() != at:  # the arrow keys, as a user steps through
        key = Qt.Key.Key_Down if combo.currentIndex() < at else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    _committed(qtbot, table)


def tick_cell(qtbot: Any, table: Any, row: int, field: str, codes: list[str]) -> None:
    checks = _editor(table, row, field)
    assert isinstance(checks, QListWidget), (field, type(checks))
    for i in range(checks.count()):
        item = checks.item(i)
        want = item.data(Qt.ItemDataRole.UserRole) in codes
        if (item.checkState() == Qt.CheckState.Checked) != want:
            checks.setCurrentRow(i)
            rect = checks.visualItemRect(item)
            # the check box sits at the item's left edge
            qtbot.mouseClick(
                checks.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + _point(10, rect)
            )
            assert (item.checkState() == Qt.CheckState.Checked) == want, (field, i)
    qtbot.keyClick(checks, Qt.Key.Key_Return)
    _committed(qtbot, table)


def _point(x: int, rect: Any) -> Any:
    from eccp_desktop.ui.qt import QPoint

    return QPoint(x, rect.height() // 2)


def toggle_cell(qtbot: Any, table: Any, row: int, field: str) -> None:
    """A yes/no cell: the space bar ticks it."""
    col = table.model.column_of(field)
    table.focus_cell(row, col)
    qtbot.keyClick(table.view, Qt.Key.Key_Space)


def add_row(qtbot: Any, table: Any) -> int:
    before = table.model.rowCount()
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert table.model.rowCount() == before + 1
    return before


def comment_here(qtbot: Any, w: Any, text: str) -> str:
    """Comment on the focused field (Ctrl+Alt+M), type it, Enter; the place it is on."""
    record = _page_object(w, "RecordPage")
    w.actions_.comment.trigger()
    target = record.target_path
    qtbot.keyClicks(record.comment_text, text)
    qtbot.keyClick(record.comment_text, Qt.Key.Key_Return)
    assert w.doc.factsheet.review_comments[-1].text == text, w.statusBar().currentMessage()
    return str(target)


def _page_object(w: Any, cls_name: str) -> Any:
    return next(p for p in w.editor.pages if type(p).__name__ == cls_name)


def type_text(qtbot: Any, field: Any, lang: str, text: str) -> None:
    field.select_language(lang)
    field.editor.setFocus()
    field.editor.moveCursor(field.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(field.editor, text)


def stored(db: Path) -> Any:
    with Store.open(db) as s:
        return s.load("PL", 2023)


def test_every_page_edited_and_commented_survives_export_and_import(
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.cli.app import main
    from eccp_desktop.ui import signing_dialogs

    w = open_window(pl_store)
    places: list[str] = []

    # -- Factsheet: reference date (typed), a third language (ticked) ----------------
    general = _page(w, "GeneralPage")
    before_date = w.doc.factsheet.reference_date
    general.reference.setFocus()
    general.reference.selectAll()
    qtbot.keyClicks(general.reference, "30 Nov 2023")  # the UI language's medium form
    qtbot.keyClick(general.reference, Qt.Key.Key_Return)
    general.reference.clearFocus()
    qtbot.waitUntil(lambda: stored(pl_store).reference_date != before_date)
    assert stored(pl_store).reference_date == dt.date(2023, 11, 30)
    german = next(
        general.languages.item(i)
        for i in range(general.languages.count())
        if general.languages.item(i).data(Qt.ItemDataRole.UserRole) == "de"
    )
    general.languages.setCurrentItem(german)
    general.languages.setFocus()
    rect = general.languages.visualItemRect(german)
    qtbot.mouseClick(
        general.languages.viewport(),
        Qt.MouseButton.LeftButton,
        pos=rect.topLeft() + _point(10, rect),
    )
    assert stored(pl_store).languages == ["en", "pl", "de"]
    general.reference.setFocus()
    places.append(comment_here(qtbot, w, "Is this the right reference date?"))

    # -- Section texts, in two languages ---------------------------------------------
    sections = _page(w, "SectionsPage")
    type_text(qtbot, sections.editor, "en", " Typed in English.")
    type_text(qtbot, sections.editor, "de", "Auf Deutsch getippt.")
    places.append(comment_here(qtbot, w, "Please shorten the German text."))

    # -- State of cluster policy: a rating (arrow keys) and its text ------------------
    assessment = _page(w, "AssessmentPage")
    dim = next(iter(assessment.ratings))
    combo = assessment.ratings[dim]
    combo.setFocus()
    start = combo.currentIndex()
    qtbot.keyClick(combo, Qt.Key.Key_Down if start < combo.count() - 1 else Qt.Key.Key_Up)
    rating = combo.currentData()
    type_text(qtbot, assessment.texts[dim], "en", " Rated again.")
    combo.setFocus()
    places.append(comment_here(qtbot, w, "Why this rating?"))

    # -- Industrial ecosystems -----------------------------------------------------------
    eco = _page(w, "EcosystemsPage").tables[0]
    r = add_row(qtbot, eco)
    pick_cell(qtbot, eco, r, "ecosystem", "digital")
    type_cell(qtbot, eco, r, "employment", "125,000")
    type_cell(qtbot, eco, r, "employment_share", "4.5")
    pick_cell(qtbot, eco, r, "relevance", "high")
    type_cell(qtbot, eco, r, "note", "Strongest in Mazovia")
    eco.focus_cell(r, eco.model.column_of("employment"))
    places.append(comment_here(qtbot, w, "Source of the employment figure?"))

    # -- Policies and their programmes ---------------------------------------------------
    policies_page = _page(w, "PoliciesPage")
    policies, programmes = policies_page.tables[0], policies_page.tables[1]
    r = add_row(qtbot, policies)
    type_cell(qtbot, policies, r, "key", "ops_policy")
    type_cell(qtbot, policies, r, "title", "Cluster growth programme")
    pick_cell(qtbot, policies, r, "type", "regional_cluster")
    type_cell(qtbot, policies, r, "region", "pl91")
    type_cell(qtbot, policies, r, "authority", "Ministry of Development")
    type_cell(qtbot, policies, r, "start_year", "2022")
    type_cell(qtbot, policies, r, "end_year", "2027")
    type_cell(qtbot, policies, r, "budget_eur", "2,500,000 EUR")
    toggle_cell(qtbot, policies, r, "budget_approximate")
    tick_cell(qtbot, policies, r, "priorities", ["digital", "green"])
    type_cell(qtbot, policies, r, "description", "Grants for joint projects")
    type_cell(qtbot, policies, r, "url", "https://example.gov.pl/clusters")
    policies.focus_cell(r, 0)  # the programmes below follow the chosen policy
    qtbot.waitUntil(lambda: programmes.model.owner == f"/policies/{r}")
    p = add_row(qtbot, programmes)
    type_cell(qtbot, programmes, p, "title", "Internationalisation vouchers")
    type_cell(qtbot, programmes, p, "start_year", "2023")
    type_cell(qtbot, programmes, p, "budget_eur", "400,000")
    toggle_cell(qtbot, programmes, p, "budget_approximate")
    places.append(comment_here(qtbot, w, "Is the voucher budget confirmed?"))
    policies.focus_cell(r, policies.model.column_of("budget_eur"))
    places.append(comment_here(qtbot, w, "Budget per year or in total?"))

    # -- Cohesion programmes -------------------------------------------------------------
    cohesion = _page(w, "CohesionPage").tables[0]
    r = add_row(qtbot, cohesion)
    type_cell(qtbot, cohesion, r, "cci", "2021pl16rfpr002")
    type_cell(qtbot, cohesion, r, "title", "European Funds for Mazovia")
    type_cell(qtbot, cohesion, r, "region", "PL91")
    tick_cell(qtbot, cohesion, r, "funds", ["ERDF"])
    tick_cell(qtbot, cohesion, r, "policy_objectives", ["PO1"])
    type_cell(qtbot, cohesion, r, "budget_eur", "15,000,000")
    type_cell(qtbot, cohesion, r, "cluster_support", "Calls for cluster projects")
    cohesion.focus_cell(r, cohesion.model.column_of("budget_eur"))
    places.append(comment_here(qtbot, w, "Budget for clusters only?"))

    # -- Recommendations -----------------------------------------------------------------
    recs = _page(w, "RecommendationsPage").tables[0]
    r = add_row(qtbot, recs)
    type_cell(qtbot, recs, r, "year", "2023")
    pick_cell(qtbot, recs, r, "priority", "digital")
    type_cell(qtbot, recs, r, "text", "Raise business R&D")
    type_cell(qtbot, recs, r, "response", "Cluster R&D calls")
    recs.focus_cell(r, recs.model.column_of("text"))
    places.append(comment_here(qtbot, w, "Quote the recommendation exactly."))

    # -- Tier schemes: a scheme, its tiers, the support matrix ---------------------------
    schemes_page = _page(w, "SchemesPage")
    schemes, tiers, support = schemes_page.tables
    s = add_row(qtbot, schemes)
    type_cell(qtbot, schemes, s, "key", "ops_scheme")
    type_cell(qtbot, schemes, s, "name", "Regional cluster labels")
    schemes.focus_cell(s, 0)
    qtbot.waitUntil(lambda: tiers.model.owner == f"/tier_schemes/{s}")
    t = add_row(qtbot, tiers)
    type_cell(qtbot, tiers, t, "key", "bronze")
    type_cell(qtbot, tiers, t, "name", "Bronze")
    type_cell(qtbot, tiers, t, "min_operating_months", "24")
    type_cell(qtbot, tiers, t, "min_members", "20")
    type_cell(qtbot, tiers, t, "criteria", "A cluster manager")
    tiers.focus_cell(t, tiers.model.column_of("min_members"))
    places.append(comment_here(qtbot, w, "Minimum members as in the law?"))
    _page(w, "SchemesPage")
    schemes.focus_cell(s, 0)
    m = add_row(qtbot, support)
    type_cell(qtbot, support, m, "dimension", "Training for cluster managers")
    assert support.model.column_of("bronze") > 0, (
        "the support matrix has no column for the new tier"
    )
    tick_cell(qtbot, support, m, "bronze", ["regional"])

    # -- Clusters ------------------------------------------------------------------------
    clusters = _page(w, "ClustersPage").tables[0]
    r = add_row(qtbot, clusters)
    type_cell(qtbot, clusters, r, "name", "Mazovia ICT Cluster")
    type_cell(qtbot, clusters, r, "region", "PL91")
    type_cell(qtbot, clusters, r, "founded", "2012-05-01")
    type_cell(qtbot, clusters, r, "members", "80")
    type_cell(qtbot, clusters, r, "sme_members", "60")
    pick_cell(qtbot, clusters, r, "scheme", "ops_scheme")
    pick_cell(qtbot, clusters, r, "tier", "bronze")
    tick_cell(qtbot, clusters, r, "ecosystems", ["digital"])
    type_cell(qtbot, clusters, r, "url", "https://ict.example.pl")
    clusters.focus_cell(r, clusters.model.column_of("members"))
    places.append(comment_here(qtbot, w, "Members counted when?"))

    # -- Sources -------------------------------------------------------------------------
    sources = _page(w, "SourcesPage").tables[0]
    r = add_row(qtbot, sources)
    type_cell(qtbot, sources, r, "title", "Statistics Poland")
    type_cell(qtbot, sources, r, "url", "https://stat.gov.pl")
    type_cell(qtbot, sources, r, "accessed", "2024-01-15")
    sources.focus_cell(r, sources.model.column_of("accessed"))
    places.append(comment_here(qtbot, w, "Still the newest figures?"))

    # -- The whole factsheet -------------------------------------------------------------
    record = _page(w, "RecordPage")
    record.comment_text.setFocus()  # no field focused
    places.append(comment_here(qtbot, w, "Overall: good."))

    # What the store holds is what was typed (read back, not taken from the widgets).
    fs = stored(pl_store)
    assert fs.reference_date is not None and fs.reference_date != before_date
    assert fs.sections["economic_context"]["en"].endswith(" Typed in English.")
    assert fs.sections["economic_context"]["de"] == "Auf Deutsch getippt."
    assert fs.policy_assessment[dim].rating == rating
    assert fs.policy_assessment[dim].text["en"].endswith(" Rated again.")
    e = fs.ecosystems[-1]
    assert (e.ecosystem, e.employment, e.relevance) == ("digital", 125_000, "high")
    assert e.employment_share == pytest.approx(0.045)
    assert e.note["en"] == "Strongest in Mazovia"
    pol = fs.policies[-1]
    assert (pol.key, pol.type, pol.region, pol.start_year, pol.end_year) == (
        "ops_policy", "regional_cluster", "PL91", 2022, 2027,
    )  # fmt: skip
    assert (pol.budget_eur, pol.budget_approximate, sorted(pol.priorities)) == (
        2_500_000, True, ["digital", "green"],
    )  # fmt: skip
    assert pol.url == "https://example.gov.pl/clusters" and pol.authority.startswith("Ministry")
    prog = pol.programmes[0]
    assert (prog.title["en"], prog.start_year, prog.budget_eur, prog.budget_approximate) == (
        "Internationalisation vouchers", 2023, 400_000, True,
    )  # fmt: skip
    coh = fs.cohesion_programmes[-1]
    assert (coh.cci, coh.funds, coh.policy_objectives, coh.budget_eur) == (
        "2021PL16RFPR002", ["ERDF"], ["PO1"], 15_000_000,
    )  # fmt: skip
    rec = fs.recommendations[-1]
    assert (rec.year, rec.priority, rec.text["en"]) == (2023, "digital", "Raise business R&D")
    scheme = fs.tier_schemes[-1]
    assert scheme.key == "ops_scheme" and scheme.name["en"] == "Regional cluster labels"
    tier = scheme.tiers[0]
    assert (tier.key, tier.min_operating_months, tier.min_members) == ("bronze", 24, 20)
    assert scheme.support[0].levels == {"bronze": ["regional"]}
    cl = fs.clusters[-1]
    assert (cl.name, cl.founded, cl.members, cl.sme_members, cl.scheme, cl.tier) == (
        "Mazovia ICT Cluster", dt.date(2012, 5, 1), 80, 60, "ops_scheme", "bronze",
    )  # fmt: skip
    assert cl.ecosystems == ["digital"] and cl.region == "PL91"
    src = fs.sources[-1]
    assert (src.title, src.url, src.accessed) == (
        "Statistics Poland", "https://stat.gov.pl", dt.date(2024, 1, 15),
    )  # fmt: skip
    comments = {c.text: c.path for c in fs.review_comments}
    assert comments["Overall: good."] == ""
    assert comments["Is this the right reference date?"] == "/reference_date"
    assert comments["Why this rating?"] == f"/policy_assessment/{dim}/rating"
    assert comments["Please shorten the German text."] == "/sections/economic_context"
    assert (
        comments["Budget per year or in total?"] == f"/policies/{len(fs.policies) - 1}/budget_eur"
    )
    assert comments["Members counted when?"] == f"/clusters/{len(fs.clusters) - 1}/members"
    assert len(places) == 12 and all(c in places for c in comments.values())

    # -- Export through the window, import into another store, compare ------------------
    package = tmp_path / "pl-2023.eccp.json"

    def export(dialog: Any) -> int:
        dialog.show()
        dialog.path.selectAll()
        qtbot.keyClicks(dialog.path, str(package))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=20000)  # off the GUI thread
        return int(dialog.result())

    monkeypatch.setattr(signing_dialogs.ExportPackageDialog, "exec", export)
    w.actions_.export.trigger()
    assert package.exists(), w.statusBar().currentMessage()
    assert w.statusBar().currentMessage() == f"Exported to {package}"
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "import", str(package)]) == 0
    with Store.open(other) as s:
        imported = s.load("PL", 2023)
    here = factsheet_to_dict(stored(pl_store))
    there = factsheet_to_dict(imported)
    assert there == here
    assert len(there["review_comments"]) == len(here["review_comments"]) >= 12


def test_a_new_tier_gets_its_support_matrix_column_at_once(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    schemes, tiers, support = _page(w, "SchemesPage").tables
    schemes.focus_cell(0, 0)
    before = support.model.columnCount()
    t = add_row(qtbot, tiers)
    type_cell(qtbot, tiers, t, "key", "platinum")
    # the column is there without choosing another scheme first (it was not before)
    assert support.model.columnCount() == before + 1
    assert support.model.column_of("platinum") == before
    tick_cell(qtbot, support, 0, "platinum", ["national"])
    assert stored(pl_store).tier_schemes[0].support[0].levels["platinum"] == ["national"]


@pytest.mark.parametrize(
    ("page", "widget", "path"),
    [
        ("GeneralPage", lambda p: p.reference, "/reference_date"),
        ("GeneralPage", lambda p: p.languages, "/languages"),
        ("AssessmentPage", lambda p: p.ratings["approach"], "/policy_assessment/approach/rating"),
    ],
)
def test_a_comment_on_a_form_field_is_about_that_field(
    qtbot, open_window, pl_store: Path, page: str, widget: Any, path: str
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    field = widget(_page(w, page))
    field.setFocus()
    assert comment_here(qtbot, w, "About this field.") == path  # not the whole factsheet
    assert stored(pl_store).review_comments[-1].path == path
