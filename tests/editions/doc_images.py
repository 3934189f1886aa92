"""Regenerate docs/merge-preview.png and docs/what-changed.png: ``python -m tests.editions.doc_images``.

The demo merge: Poland's factsheet exported, then the central team sets the
growing tier's minimum members to 38 and edits the KKK policy's address,
while the authority sets 40, gives its own address and translates a text; the
Netherlands' package comes back with a new cluster budget and no conflict.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ECCP_LANG"] = "en"

from eccp_desktop.exchange import read_package, write_package
from eccp_desktop.operations.editions_ops import exported, read_received, start_edition
from eccp_desktop.paths import demo_packages
from eccp_desktop.store import Store
from tests.conftest import ROOT


def scenario(folder: Path) -> tuple[Path, list[str]]:
    db = folder / "demo.sqlite3"
    with Store.open(db) as store:
        store.import_factsheets([read_package(p) for p in demo_packages()], actor="demo")
        files = []
        for code in ("PL", "NL"):
            fs, base = exported(store, code, 2023)
            path = folder / f"{code.lower()}-2023.eccp.json"
            write_package(fs, path, base=base)
            files.append(str(path))
        fs, version = store.load_versioned("PL", 2023)
        fs.tier_schemes[0].tiers[1].min_members = 38
        fs.policies[0].url = "https://www.gov.pl/web/rozwoj-technologia/kkk"
        fs.policies[1].budget_eur = 12_000_000
        store.save(fs, base_version=version, actor="ECCP central team")
    pl = json.loads(Path(files[0]).read_text(encoding="utf-8"))
    pl["tier_schemes"][0]["tiers"][1]["min_members"] = 40
    pl["policies"][0]["url"] = "https://www.parp.gov.pl/kkk"
    pl["sections"]["economic_context"]["pl"] = "Polska gospodarka rosła w 2023 r. o 0,2%."
    Path(files[0]).write_text(json.dumps(pl, ensure_ascii=False, indent=2), encoding="utf-8")
    nl = json.loads(Path(files[1]).read_text(encoding="utf-8"))
    nl["cohesion_programmes"][0]["budget_eur"] = 9_500_000
    Path(files[1]).write_text(json.dumps(nl, ensure_ascii=False, indent=2), encoding="utf-8")
    return db, files


def shots() -> None:
    from eccp_desktop.ui.editions_dialogs import ImportMergePreview, WhatChanged
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QApplication, QSettings

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        db, files = scenario(folder)
        w = MainWindow(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        w.resize(1200, 800)
        w.show()
        assert w.open_store(str(db))
        w.navigator.select("PL", 2023)
        planned = read_received(w.store, files)
        dialog = ImportMergePreview(w, planned)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(ROOT / "docs" / "merge-preview.png"))
        dialog.close()
        start_edition(w.store, "PL", 2024, source=None, actor="ECCP central team")
        fs, version = w.store.load_versioned("PL", 2024)
        fs.tier_schemes[0].tiers[2].min_members = 55
        fs.policies[0].budget_eur = 25_000_000
        fs.sections["economic_context"]["en"] = fs.sections["economic_context"]["en"].replace(
            "2023", "2024", 1
        )
        w.store.save(fs, base_version=version, actor="ECCP central team")
        w.refresh_navigator()
        w.navigator.select("PL", 2024)
        changed = WhatChanged(w)
        changed.show()
        app.processEvents()
        changed.grab().save(str(ROOT / "docs" / "what-changed.png"))
        changed.close()
        w.close()
        w.store.close()


if __name__ == "__main__":
    shots()
