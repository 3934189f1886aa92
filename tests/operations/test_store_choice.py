"""Which store opens (#15): --db > ECCP_DB > the user's setting > the site file > the default."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from eccp_desktop.cli.app import main
from eccp_desktop.operations import store_choice as sc
from eccp_desktop.paths import default_store_path, site_config_dir, user_config_dir
from eccp_desktop.store import Store


def _site(folder: Path, url: str, name: str = "site.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f'# the site\n[store]\nurl = "{url}"\n', encoding="utf-8")
    return path


def _settings(path: Path, url: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"[store]\nurl={url}\n", encoding="utf-8")
    return path


@pytest.fixture
def every_rung(tmp_path: Path) -> dict[str, object]:
    """A value on every rung, each naming a different store."""
    return {
        "environ": {"ECCP_DB": str(tmp_path / "env.sqlite3")},
        "settings_file": _settings(tmp_path / "settings.ini", str(tmp_path / "user.sqlite3")),
        "sites": [
            _site(tmp_path / "exe", str(tmp_path / "beside-exe.sqlite3")),
            _site(tmp_path / "etc", str(tmp_path / "system.sqlite3")),
        ],
    }


def test_db_option_wins_over_every_other_rung(every_rung: dict, tmp_path: Path) -> None:
    choice = sc.choose(str(tmp_path / "cli.sqlite3"), **every_rung)
    assert (choice.target, choice.rung) == (str(tmp_path / "cli.sqlite3"), sc.DB_OPTION)
    assert not choice.is_default


def test_environment_wins_over_the_user_setting_and_the_site(
    every_rung: dict, tmp_path: Path
) -> None:
    choice = sc.choose(None, **every_rung)
    assert (choice.target, choice.rung) == (str(tmp_path / "env.sqlite3"), sc.ENVIRONMENT)


def test_the_user_setting_wins_over_the_site_file(every_rung: dict, tmp_path: Path) -> None:
    every_rung["environ"] = {"ECCP_DB": ""}  # set but empty: as if not set
    choice = sc.choose(None, **every_rung)
    assert (choice.target, choice.rung) == (str(tmp_path / "user.sqlite3"), sc.USER)
    assert choice.source == every_rung["settings_file"]


def test_the_site_file_beside_the_executable_wins_over_the_systems(
    every_rung: dict, tmp_path: Path
) -> None:
    every_rung["environ"] = {}
    every_rung["settings_file"] = tmp_path / "no-such-settings.ini"
    choice = sc.choose(None, **every_rung)
    assert (choice.target, choice.rung) == (str(tmp_path / "beside-exe.sqlite3"), sc.SITE)
    assert choice.source == tmp_path / "exe" / "site.toml"
    every_rung["sites"][0].unlink()
    assert sc.choose(None, **every_rung).target == str(tmp_path / "system.sqlite3")


def test_the_default_when_no_rung_names_a_store(tmp_path: Path) -> None:
    choice = sc.choose(None, environ={}, settings_file=tmp_path / "x.ini", sites=[tmp_path / "y"])
    assert (choice.target, choice.rung) == (str(default_store_path()), sc.DEFAULT)
    assert choice.is_default


def test_the_real_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundle looks beside its executable first, then in the site config folder."""
    assert sc.site_files() == [site_config_dir() / "site.toml"]  # from source: no executable's
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "eccp-desktop"))
    assert sc.site_files() == [tmp_path / "site.toml", site_config_dir() / "site.toml"]
    assert sc.user_settings_file() == user_config_dir() / "settings.ini"
    _site(site_config_dir(), str(tmp_path / "system.sqlite3"))
    assert sc.choose(None).target == str(tmp_path / "system.sqlite3")
    _site(tmp_path, str(tmp_path / "mine.sqlite3"))
    assert sc.choose(None).rung == sc.SITE
    assert sc.choose(None).target == str(tmp_path / "mine.sqlite3")
    _settings(sc.user_settings_file(), str(tmp_path / "user.sqlite3"))
    assert sc.choose(None).target == str(tmp_path / "user.sqlite3")
    monkeypatch.setenv("ECCP_DB", str(tmp_path / "env.sqlite3"))
    assert sc.choose(None).target == str(tmp_path / "env.sqlite3")


def test_the_command_line_opens_the_store_the_site_file_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], demo_files: list[Path]
) -> None:
    from eccp_desktop.exchange import read_package

    shared = tmp_path / "shared.sqlite3"
    with Store.open(shared) as store:
        store.import_factsheets([read_package(demo_files[0])], actor="demo")
    _site(site_config_dir(), str(shared))
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert demo_files[0].name[:2].upper() in out
    assert not default_store_path().exists()  # the user's own file was not made (nor seeded)


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://anna:secret@db.example.org/eccp",
        "postgresql+psycopg://db.example.org/eccp?password=secret",
        "postgresql+psycopg://anna:@db.example.org/eccp",
    ],
)
def test_a_password_in_the_site_file_is_refused_naming_the_file(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = _site(site_config_dir(), url)
    with pytest.raises(sc.SiteFileError) as caught:
        sc.choose(None)
    message = str(caught.value)
    assert str(site) in message and "password" in message and "secret" not in message
    assert main(["list"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == message and err.count("\n") == 1
    assert main(["admin", "list"]) == 2  # every command that opens a store
    assert capsys.readouterr().err.strip() == message


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[store\nurl = 'x'\n", "not valid TOML"),
        ("url = 'x'\n", "unknown setting url"),
        ("[store]\nuri = 'x'\n", "unknown setting store.uri"),
        ("[storage]\nurl = 'x'\n", "unknown setting storage"),
        ("# nothing yet\n", "no [store] table"),
        ("store = 'x'\n", "no [store] table"),
        ("[store]\nurl = 5\n", "store.url must be"),
        ("[store]\nurl = ''\n", "store.url must be"),
    ],
)
def test_a_broken_site_file_is_refused_in_one_line(text: str, why: str, tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_text(text, encoding="utf-8")
    with pytest.raises(sc.SiteFileError, match=re.escape(why)) as caught:
        sc.read_site_file(site)
    assert str(caught.value).startswith(f"site file {site}: ")
    assert "\n" not in str(caught.value)


def test_a_password_free_server_url_and_a_service_are_taken(tmp_path: Path) -> None:
    for url in (
        "postgresql+psycopg://anna@db.example.org:5432/eccp",
        "postgresql+psycopg:///?service=eccp",
    ):
        assert sc.read_site_file(_site(tmp_path, url)) == url
