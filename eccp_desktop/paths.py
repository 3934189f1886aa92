"""Where the application's files are: the one place that knows.

Resources and compiled catalogs sit beside the package in a source checkout
and inside the bundle when frozen by PyInstaller; user data goes to the
platform's user folders (platformdirs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import site_config_path, user_cache_path, user_config_path, user_data_path

APP_NAME = "eccp-desktop"
APP_AUTHOR = "ECCP"


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return Path(os.environ.get("ECCP_RESOURCES", _root() / "resources"))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path:
    return Path(os.environ.get("ECCP_TRANSLATIONS", _root() / "translations"))


def user_data_dir() -> Path:
    return user_data_path(APP_NAME, APP_AUTHOR)


def user_cache_dir() -> Path:
    """What can be made again, kept to save time (parsed hyphenation dictionaries)."""
    return user_cache_path(APP_NAME, APP_AUTHOR)


def user_config_dir() -> Path:
    return user_config_path(APP_NAME, APP_AUTHOR)


def site_config_dir() -> Path:
    return site_config_path(APP_NAME, APP_AUTHOR)


def default_store_path() -> Path:
    return user_data_dir() / "factsheets.sqlite3"


def demo_packages() -> list[Path]:
    return sorted(resource("demo").glob("*.eccp.json"))
