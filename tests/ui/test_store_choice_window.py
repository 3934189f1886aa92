"""The window opens the store the same rule names as the command line (store_choice)."""

from __future__ import annotations

from pathlib import Path

from eccp_desktop.exchange import read_package
from eccp_desktop.operations import store_choice as sc
from eccp_desktop.paths import default_store_path, site_config_dir
from eccp_desktop.store import Store


def _window(qtbot, settings_file: Path):  # type: ignore[no-untyped-def]
    from eccp_desktop.ui.main_window import MainWindow
    from eccp_desktop.ui.qt import QSettings

    w = MainWindow(QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    return w


def _site(url: str) -> Path:
    site_config_dir().mkdir(parents=True, exist_ok=True)
    path = site_config_dir() / "site.toml"
    path.write_text(f'[store]\nurl = "{url}"\n', encoding="utf-8")
    return path


def test_the_window_opens_the_site_files_store_unless_its_setting_names_one(
    qtbot, tmp_path: Path, demo_files: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    shared = tmp_path / "shared.sqlite3"
    with Store.open(shared) as s:
        s.import_factsheets([read_package(demo_files[0])], actor="demo")
    _site(str(shared))
    w = _window(qtbot, tmp_path / "a.ini")
    assert w.open_store()
    assert w.store.location.path == shared
    assert w.store_label.text() == str(shared)
    assert len(w.navigator.model.rows) == 1
    w.store.close()
    # the window's own setting (this window's settings file) wins over the site file
    mine = tmp_path / "mine.sqlite3"
    w.settings.setValue(sc.USER_SETTING, str(mine))
    w.settings.sync()
    w2 = _window(qtbot, Path(w.settings.fileName()))
    assert w2.open_store()
    assert w2.store.location.path == mine
    assert not default_store_path().exists()
    w2.store.close()


def test_the_window_says_why_a_site_file_with_a_password_is_refused(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = _site("postgresql+psycopg://anna:secret@db.example.org/eccp")
    w = _window(qtbot, tmp_path / "a.ini")
    w.resize(900, 600)
    assert not w.open_store()
    qtbot.wait(10)
    assert w.width() <= 900  # the long line is wrapped, it does not widen the window
    text = w.placeholder.text()
    assert str(site) in text and "password" in text and "secret" not in text
    assert w.store is None


def test_the_user_setting_as_the_window_writes_it(tmp_path: Path) -> None:
    """QSettings quotes and escapes some values: read back what it wrote."""
    from eccp_desktop.ui.qt import QSettings

    path = tmp_path / "settings.ini"
    url = 'postgresql+psycopg://anna@db.example.org/eccp?service=a,b&application_name="x"'
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue(sc.USER_SETTING, url)
    settings.setValue("ui/language", "de")
    settings.sync()
    assert sc.read_user_setting(path) == url
    assert sc.read_user_setting(tmp_path / "none.ini") is None
    (tmp_path / "broken.ini").write_bytes(b"\xff\xfe[store\n")
    assert sc.read_user_setting(tmp_path / "broken.ini") is None
