"""GUI fixtures: a main window over a temporary store, built only where asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from eccp_desktop.domain.model import Cluster
from eccp_desktop.store import Store

pytestmark = pytest.mark.gui


def kkk_cluster() -> Cluster:
    """A key national cluster that meets the KKK minimums (36 months, 51 members)."""
    return Cluster(
        name="Mazovia ICT Cluster",
        region="PL91",
        founded=dt.date(2012, 5, 1),
        members=80,
        sme_members=60,
        scheme="kkk",
        tier="key_national",
        ecosystems=["digital"],
    )


@pytest.fixture
def pl_store(demo_store: Store, store_path: Path) -> Path:
    """The demo store whose PL factsheet has one KKK key national cluster."""
    fs, version = demo_store.load_versioned("PL", 2023)
    fs.clusters.append(kkk_cluster())
    demo_store.save(fs, base_version=version, actor="test")
    return store_path


@pytest.fixture
def open_window(qtbot, tmp_path: Path) -> Iterator[Callable[..., object]]:  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QSettings

    windows = []

    def make(  # type: ignore[no-untyped-def]
        db: Path,
        country: str = "PL",
        edition: int = 2023,
        reviewer: bool = False,
        name: str | None = "Anna Nowak",
    ):
        """``name``: the officer's name in the settings (None: not given yet)."""
        settings = QSettings(
            str(tmp_path / f"settings{len(windows)}.ini"), QSettings.Format.IniFormat
        )
        settings.setValue("ui/reviewer_mode", reviewer)
        if name is not None:
            settings.setValue("identity/name", name)
        w = MainWindow(settings)
        qtbot.addWidget(w)
        with qtbot.waitActive(w):
            w.show()
            w.activateWindow()
        assert w.open_store(str(db))
        w.navigator.select(country, edition)
        assert w.doc is not None and w.doc.session.ident == (country, edition)
        w.doc.validate_now()
        windows.append(w)
        return w

    yield make
    from eccp_desktop.ui.runner import wait_for_all

    for w in windows:
        w.close()
    wait_for_all()  # background reads of every window end before any store closes
    for w in windows:
        if w.store is not None:
            w.store.close()
