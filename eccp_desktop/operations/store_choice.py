"""Which store to open: the one rule, for the command line and the window alike.

First found wins::

    --db PATH|URL                 (the command line, or the window's --db)
    ECCP_DB                       (the environment)
    [store] url in settings.ini   (the user's own setting, in the user config folder)
    [store] url in site.toml      (the site's: next to the executable, else the
                                   system folder -- /etc/xdg/eccp-desktop,
                                   C:\\ProgramData\\ECCP\\eccp-desktop, ...)
    the user's own SQLite file    (the default; gets the demo on first use)

The site file is how an IT department points every installation at the
shared PostgreSQL store without touching each user's settings::

    [store]
    url = "postgresql+psycopg://db.example.org/eccp"

A password never goes in it (it is readable by every user of the machine):
a URL with one is refused, naming the file. Each user's password is in
their libpq password file (``~/.pgpass``, ``%APPDATA%\\postgresql\\pgpass.conf``)
or the URL names a libpq service (``postgresql+psycopg:///?service=eccp``).

Qt-free and SQLAlchemy-free: the user setting is read from the INI file
that the window's QSettings writes.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from eccp_desktop.i18n import _
from eccp_desktop.paths import default_store_path, site_config_dir, user_config_dir
from eccp_desktop.store.errors import StoreError

SITE_FILE_NAME = "site.toml"
SETTINGS_FILE_NAME = "settings.ini"  # the window's QSettings file (ui.settings)
USER_SETTING = "store/url"  # its key: [store] url=

DB_OPTION = "--db"
ENVIRONMENT = "ECCP_DB"
USER = "user setting"
SITE = "site file"
DEFAULT = "default"


class SiteFileError(StoreError):
    """The site file cannot be used as it is (bad TOML, unknown key, a password)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """The store to open and the rung of the rule that named it."""

    target: str  # a path or a URL
    rung: str  # DB_OPTION, ENVIRONMENT, USER, SITE or DEFAULT
    source: Path | None = None  # the settings or site file that named it

    @property
    def is_default(self) -> bool:
        """The user's own file: the only one that gets the demo on first use."""
        return self.rung == DEFAULT


def site_files() -> list[Path]:
    """Where a site file is looked for, first found wins."""
    places = []
    if getattr(sys, "frozen", False):  # the bundle: beside eccp-desktop(.exe)
        places.append(Path(sys.executable).resolve().parent / SITE_FILE_NAME)
    places.append(site_config_dir() / SITE_FILE_NAME)
    return places


def user_settings_file() -> Path:
    return user_config_dir() / SETTINGS_FILE_NAME


def choose(
    db: str | None,
    *,
    environ: Mapping[str, str] | None = None,
    settings_file: Path | None = None,
    sites: Sequence[Path] | None = None,
) -> Choice:
    """The store to open (SiteFileError for a site file that cannot be used).

    The keyword arguments are for tests; by default the real environment,
    settings file and site file places are used.
    """
    if db:
        return Choice(db, DB_OPTION)
    env = os.environ if environ is None else environ
    if env.get(ENVIRONMENT):
        return Choice(env[ENVIRONMENT], ENVIRONMENT)
    settings = user_settings_file() if settings_file is None else settings_file
    mine = read_user_setting(settings)
    if mine:
        return Choice(mine, USER, settings)
    for site in site_files() if sites is None else sites:
        if site.is_file():
            return Choice(read_site_file(site), SITE, site)
    return Choice(str(default_store_path()), DEFAULT)


def read_user_setting(path: Path) -> str | None:
    """``[store] url`` of the window's settings file (None: not set, or no file)."""
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, UnicodeError, configparser.Error):
        return None  # as QSettings does: a broken settings file is no setting
    section, key = USER_SETTING.split("/")
    value = parser.get(section, key, fallback="").strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':  # QSettings quotes some values
        value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value or None


def read_site_file(path: Path) -> str:
    """The store URL (or path) the site file names; SiteFileError, naming the file, if bad."""
    import tomllib  # only where a site file exists: ~3 ms of every window's start-up otherwise

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError) as e:
        raise _bad(path, _("cannot be read ({reason})").format(reason=e)) from None
    except tomllib.TOMLDecodeError as e:
        raise _bad(path, _("not valid TOML ({reason})").format(reason=e)) from None
    store = data.get("store", {})
    unknown = sorted(set(data) - {"store"})
    if isinstance(store, dict):
        unknown += sorted(f"store.{k}" for k in set(store) - {"url"})
    if unknown:  # a typo ("uri") must not silently open the user's own store instead
        raise _bad(
            path, _("unknown setting {names} (only store.url)").format(names=", ".join(unknown))
        )
    if not isinstance(store, dict) or "url" not in store:
        raise _bad(path, _("no [store] table with the store's url"))
    url = store["url"]
    if not isinstance(url, str) or not url.strip():
        raise _bad(path, _("store.url must be the store's URL, as text"))
    url = url.strip()
    if "://" in url and _has_password(url):
        raise _bad(
            path,
            _(
                "store.url holds a password, which every user of this computer could read: remove it; each user keeps theirs in their .pgpass file (libpq) or a service file"
            ),
        )
    return url


def _bad(path: Path, why: str) -> SiteFileError:
    return SiteFileError(_("site file {path}: {why}").format(path=path, why=why))


def _has_password(url: str) -> bool:
    """A password in the URL's user part or in its query (``?password=``)."""
    parts = urlsplit(url)
    return parts.password is not None or "password" in {
        k.lower() for k in parse_qs(parts.query, keep_blank_values=True)
    }
