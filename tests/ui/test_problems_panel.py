"""The Problems dock as officers use it: filters, errors first, judged for sign-off."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eccp_desktop.i18n import ngettext, set_language
from eccp_desktop.store import Store
from eccp_desktop.ui.problems import PathRole, SeverityRole
from eccp_desktop.ui.qt import QKeySequence, Qt
from eccp_desktop.validation import validate
from eccp_desktop.workflow import judge
from tests.ui.test_cluster_flow import clusters_page, edit_cell

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    set_language("en")


def listed(w) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    view = w.problems
    return [
        (
            view.topLevelItem(i).child(j).data(0, SeverityRole),
            view.topLevelItem(i).child(j).data(0, PathRole),
        )
        for i in range(view.topLevelItemCount())
        for j in range(view.topLevelItem(i).childCount())
    ]


def one_error(qtbot, w) -> int:  # type: ignore[no-untyped-def]
    """The KKK cluster below its tier's 51 members: errors today."""
    table = clusters_page(w)
    row = table.model.rowCount() - 1
    edit_cell(qtbot, table, row, "members", "10")
    w.doc.validate_now()
    return row


def test_judged_for_sign_off_counts_what_the_sign_off_refuses(
    qtbot, open_window, pl_store: Path
) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    one_error(qtbot, w)
    panel = w.problems_panel
    with Store.open(pl_store) as s:
        fs = s.load("PL", 2023)
    now = sum(1 for r in validate(fs) if r.severity == "error")
    assert now >= 1
    label = ngettext("{n} error", "{n} errors", now).format(n=now)
    assert w.counts_label.text().startswith(label + ",")
    assert panel.buttons["error"].text() == label
    assert sum(1 for s, _p in listed(w) if s == "error") == now
    qtbot.mouseClick(panel.judged, Qt.MouseButton.LeftButton, pos=panel.judged.rect().center())
    assert panel.judged.isChecked()
    blocking = judge(fs).blocking
    assert len(blocking) > now  # warnings that become errors at sign-off
    n = len(blocking)
    assert sum(1 for s, _p in listed(w) if s == "error") == n
    assert panel.buttons["error"].text() == f"{n} errors"
    assert w.counts_label.text().startswith(f"At sign-off: {n} errors,")
    assert panel.summary.isVisible()
    assert panel.summary.text() == (
        f"Errors that block the sign-off as validated: {n} ({now} now, {n - now} that are warnings until then)"
    )
    # the dialog's refusal counts the same
    refused = w.editor.pages[-1].sign_off(
        "A. Officer", "Ministry", __import__("datetime").date.today()
    )
    assert refused is not None and f"while {n} errors stand" in refused[0]
    assert len(refused[1]) == n


def test_filter_by_severity_and_part(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    one_error(qtbot, w)
    panel = w.problems_panel
    warnings_before = sum(1 for s, _p in listed(w) if s == "warning")
    assert warnings_before > 0
    qtbot.mouseClick(panel.buttons["warning"], Qt.MouseButton.LeftButton)
    assert not panel.buttons["warning"].isChecked()
    assert {s for s, _p in listed(w)} <= {"error", "info"}
    # the count on the button still says how many there are
    assert panel.buttons["warning"].text() == f"{warnings_before} warnings"
    qtbot.mouseClick(panel.buttons["warning"], Qt.MouseButton.LeftButton)
    at = panel.section.findData("clusters")
    assert at > 0
    panel.section.setCurrentIndex(at)
    panel.section.activated.emit(at)
    assert listed(w) and all(p.startswith("/clusters/") for _s, p in listed(w))
    severities = [s for s, _p in listed(w)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)  # errors first


def test_f8_goes_to_the_error_before_any_warning(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    row = one_error(qtbot, w)
    first = listed(w)[0]
    assert first[0] == "warning"  # the list starts with a warning of an earlier part
    w.activateWindow()
    w.actions_.next_problem.trigger()
    assert w.problems.currentItem().data(0, SeverityRole) == "error"
    page = clusters_page(w)
    current = page.proxy.mapToSource(page.view.currentIndex())
    assert (current.row(), current.column()) == (row, page.model.column_of("members"))
    assert w.actions_.next_problem.shortcut() == QKeySequence("F8")
    errors = sum(1 for s, _p in listed(w) if s == "error")
    for _ in range(errors - 1):
        w.actions_.next_problem.trigger()
        assert w.problems.currentItem().data(0, SeverityRole) == "error"
    w.actions_.next_problem.trigger()  # every error seen: now the warnings
    assert w.problems.currentItem().data(0, SeverityRole) == "warning"


def test_save_state_follows_the_interface_language(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store)
    assert w.saved_label.text() == "All changes saved"
    w.set_ui_language("de")
    assert w.saved_label.text() == "Alle Änderungen gespeichert"
    one_error(qtbot, w)
    qtbot.waitUntil(lambda: "Version" in w.saved_label.text())
    w.set_ui_language("pl")
    assert "wersja" in w.saved_label.text().lower()


@pytest.mark.parametrize(
    ("lang", "place"),
    [
        ("en", "Cluster organisations › Mazovia ICT Cluster › Members"),
        ("de", "Clusterorganisationen › Mazovia ICT Cluster › Mitglieder"),
    ],
)
def test_the_dock_names_the_place_as_officers_read_it(
    qtbot, open_window, pl_store: Path, lang: str, place: str
) -> None:  # type: ignore[no-untyped-def]
    # the panel's filters once dropped the factsheet on its way to the view:
    # "Clusters › 1 › Members" instead of the cluster's name
    w = open_window(pl_store)
    w.set_ui_language(lang)
    one_error(qtbot, w)
    path = f"/clusters/{len(w.doc.factsheet.clusters) - 1}/members"
    item = w.problems.item_for(path)
    assert item is not None and item.text(2) == place
    assert item.toolTip(2) == path  # the pointer stays at hand


def _problems_of(w) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return sorted((r.severity, r.path) for r in validate(w.doc.factsheet))


@pytest.mark.parametrize("visible", [True, False], ids=["shown", "hidden"])
def test_a_factsheet_opened_from_the_list_gets_its_problems_once_it_is_drawn(
    qtbot, pl_store: Path, tmp_path: Path, visible: bool
) -> None:  # type: ignore[no-untyped-def]
    """The factsheet is drawn first and validated right after (start-up speed, issue 16);
    no key press or click is needed for the Problems dock to fill, shown or not."""
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QEvent, QObject, QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings)
    qtbot.addWidget(w)
    if visible:
        with qtbot.waitExposed(w):
            w.show()
    assert w.open_store(str(pl_store))
    at_first_paint: list[int] = []  # how many problems were known when the editor drew

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not at_first_paint:
                at_first_paint.append(len(w.doc.results))
            return False

    watch = Watch()
    w.factsheet_opened.connect(lambda *_: w.editor.index.viewport().installEventFilter(watch))
    w.navigator.select("PL", 2023)
    assert w.doc is not None and w.doc.results == []
    expected = _problems_of(w)
    assert expected  # the KKK cluster below its tier: there is something to list
    qtbot.waitUntil(lambda: sorted((r.severity, r.path) for r in w.doc.results) == expected)
    assert sorted(listed(w)) == expected
    if visible:  # the editor was on screen before the validation ran
        assert at_first_paint == [0]
