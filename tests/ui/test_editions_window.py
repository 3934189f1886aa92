"""Editions in the window: the merge preview with a choice per conflict, next edition, What changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eccp_desktop.operations.editions_ops import exported, start_edition
from eccp_desktop.store import Store
from eccp_desktop.ui.qt import Qt

pytestmark = pytest.mark.gui
TIER = "/tier_schemes/0/tiers/1/min_members"


def settle(qtbot, w) -> None:  # type: ignore[no-untyped-def]
    """Let the navigator finish counting off the GUI thread before the store is closed."""
    from eccp_desktop.ui.qt import QThreadPool

    qtbot.waitUntil(
        lambda: all(r.errors is not None for r in w.navigator.model.rows), timeout=30000
    )
    QThreadPool.globalInstance().waitForDone(30000)


def _base_package(pl_store: Path, tmp_path: Path) -> Path:
    from eccp_desktop.exchange import write_package

    with Store.open(pl_store) as store:
        fs, base = exported(store, "PL", 2023)
    package = tmp_path / "pl.eccp.json"
    write_package(fs, package, base=base)
    return package


def test_the_merge_preview_settles_each_conflict_and_the_history_says_who_chose(  # type: ignore[no-untyped-def]
    qtbot, open_window, pl_store: Path, tmp_path: Path, monkeypatch
) -> None:
    from eccp_desktop.ui import editions_dialogs

    package = _base_package(pl_store, tmp_path)
    data = json.loads(package.read_text(encoding="utf-8"))
    with Store.open(pl_store) as store:  # the central team, after the export
        fs, version = store.load_versioned("PL", 2023)
        fs.tier_schemes[0].tiers[1].min_members = 38
        fs.policies[0].url = "https://central.example/kkk"
        fs.policies[1].budget_eur = 1_000_000
        store.save(fs, base_version=version, actor="central team")
    data["tier_schemes"][0]["tiers"][1]["min_members"] = 40  # the authority
    data["policies"][0]["url"] = "https://authority.example/kkk"
    data["sections"]["economic_context"]["pl"] = "Polska gospodarka rośnie."
    package.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    w = open_window(pl_store)
    w.settings.setValue("identity/name", "Jan Kowalski")
    seen: dict[str, Any] = {}

    def interact(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.show()
        tree = dialog.conflicts.tree
        rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        seen["rows"] = [[r.text(c) for c in range(4)] for r in rows]
        assert not dialog.ok.isEnabled()  # nothing is written before every choice
        qtbot.mouseClick(dialog.all_mine, Qt.MouseButton.LeftButton)
        assert dialog.ok.isEnabled()
        tier_row = next(r for r in rows if "Minimum members" in r.text(0))
        combo = tree.itemWidget(tier_row, 4)
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # Keep mine -> Take incoming
        assert combo.currentText() == "Take incoming"
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(editions_dialogs.ImportMergePreview, "exec", interact)
    editions_dialogs.import_files(w, [str(package)])
    qtbot.waitUntil(lambda: not w.busy, timeout=20000)  # read, plan, write off the GUI thread

    tier = next(r for r in seen["rows"] if "Minimum members" in r[0])
    assert tier[1:] == ["35", "38", "40"]
    url = next(r for r in seen["rows"] if "URL" in r[0] or "Web" in r[0])
    assert url[2:] == ["“https://central.example/kkk”", "“https://authority.example/kkk”"]
    with Store.open(pl_store) as store:
        fs = store.load("PL", 2023)
        assert fs.tier_schemes[0].tiers[1].min_members == 40  # chosen: incoming
        assert fs.policies[0].url == "https://central.example/kkk"  # chosen: mine
        assert fs.policies[1].budget_eur == 1_000_000  # local change kept
        assert fs.sections["economic_context"]["pl"] == "Polska gospodarka rośnie."
        choices = {h.path: (h.old, h.new, h.actor) for h in store.history("PL", 2023)
                   if h.action == "merge_choice"}  # fmt: skip
    assert choices[TIER][:2] == (38, 40)
    assert choices["/policies/0/url"][:2] == (
        "https://authority.example/kkk", "https://central.example/kkk"
    )  # fmt: skip
    assert {c[2] for c in choices.values()} == {"Jan Kowalski"}
    assert w.doc.factsheet.tier_schemes[0].tiers[1].min_members == 40  # the window reloaded
    settle(qtbot, w)


def test_start_next_edition_from_the_factsheet_menu(  # type: ignore[no-untyped-def]
    qtbot, open_window, pl_store: Path, monkeypatch
) -> None:
    from eccp_desktop.ui import editions_dialogs

    w = open_window(pl_store)

    def interact(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.show()
        assert dialog.year.value() == 2024 and dialog.year.minimum() == 2024
        dialog.year.setFocus()
        qtbot.keyClick(dialog.year, Qt.Key.Key_Up)  # 2025
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(editions_dialogs.NextEditionDialog, "exec", interact)
    assert w.actions_.next_edition.isEnabled()
    w.actions_.next_edition.trigger()
    assert w.doc.session.ident == ("PL", 2025)
    with Store.open(pl_store) as store:
        assert store.editions("PL") == [2023, 2025]
        assert store.load("PL", 2025).status == "draft"
        (first,) = store.history("PL", 2025)
        assert (first.action, first.old, first.new) == ("new_edition", 2023, 2025)
    settle(qtbot, w)


def test_next_edition_is_not_offered_to_a_reviewer(qtbot, open_window, pl_store: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(pl_store, reviewer=True)
    assert not w.actions_.next_edition.isEnabled()
    assert w.actions_.what_changed.isEnabled()
    settle(qtbot, w)


def test_what_changed_lists_the_changes_a_click_from_their_fields(  # type: ignore[no-untyped-def]
    qtbot, open_window, pl_store: Path, monkeypatch
) -> None:
    with Store.open(pl_store) as store:
        start_edition(store, "PL", 2024, source=None, actor="t")
        fs, version = store.load_versioned("PL", 2024)
        fs.clusters[0].members = 95
        store.save(fs, base_version=version, actor="t")
    w = open_window(pl_store, edition=2024)
    jumps: list[str] = []
    original = w.jump_to
    monkeypatch.setattr(w, "jump_to", lambda path: jumps.append(path) or original(path))
    w.actions_.what_changed.trigger()
    dialog = w.what_changed
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "PL 2023 → PL 2024: 2 differences" == dialog.heading.text()
    line = next(t for t in texts if "Mazovia ICT Cluster" in t)
    assert line.endswith("80 → 95")
    item = dialog.list.item(texts.index(line))
    dialog.list.setCurrentItem(item)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert jumps == ["/clusters/0/members"]
    settle(qtbot, w)


def test_the_navigator_marks_a_signed_off_factsheet_with_errors(qtbot) -> None:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.navigator import NavigatorModel, Row

    model = NavigatorModel()
    model.set_rows([Row("PL", 2023, "validated", 15, 3), Row("NL", 2023, "validated", 0, 3),
                    Row("FR", 2023, "draft", 4, 0)])  # fmt: skip
    status = [model.index(i, 2) for i in range(3)]
    texts = [model.data(i) for i in status]
    assert texts[0].endswith("\u26a0") and not texts[1].endswith("\u26a0")
    assert not texts[2].endswith("\u26a0")
    tip = model.data(status[0], Qt.ItemDataRole.ToolTipRole)
    assert tip == "Marked Validated, but validation finds 15 errors"


def test_what_changed_against_a_package_file(  # type: ignore[no-untyped-def]
    qtbot, open_window, pl_store: Path, tmp_path: Path
) -> None:
    from eccp_desktop.exchange import read_package, write_package

    w = open_window(pl_store)
    other = w.doc.factsheet
    import copy

    other = copy.deepcopy(other)
    other.policies[0].budget_eur = 1_000_000
    write_package(other, tmp_path / "pl.eccp.json")
    w.actions_.what_changed.trigger()
    dialog = w.what_changed
    assert dialog.heading.text() == "No other edition: compare against a package file."
    dialog.show_against_file(str(tmp_path / "pl.eccp.json"))
    assert dialog.heading.text().endswith("PL 2023: 1 difference")
    assert "Budget" in dialog.list.item(0).text()
    nl = read_package(Path("resources/demo/nl-2023.eccp.json"))
    write_package(nl, tmp_path / "nl.eccp.json")
    dialog.show_against_file(str(tmp_path / "nl.eccp.json"))
    assert "holds the NL factsheet, not PL's" in dialog.heading.text()
    assert dialog.list.count() == 0
    settle(qtbot, w)


def test_a_refused_next_edition_is_said_until_read(
    qtbot, open_window, pl_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Like every refused operation: the status bar and a message that stays (not 10 s only)."""
    from eccp_desktop.operations import Refused, editions_ops
    from eccp_desktop.ui import editions_dialogs

    w = open_window(pl_store)
    monkeypatch.setattr(editions_dialogs.NextEditionDialog, "exec", lambda self: 1)
    monkeypatch.setattr(
        editions_ops, "start_edition", lambda *_a, **_k: Refused("PL 2024 exists already")
    )
    editions_dialogs.start_next_edition(w)
    assert w.failure_box is not None and w.failure_box.isVisible()
    assert "PL 2024 exists already" in w.failure_box.text()
    assert "PL 2024 exists already" in w.statusBar().currentMessage()
