"""User settings (QSettings, an INI file in the user's config folder)."""

from __future__ import annotations

from eccp_desktop.paths import user_config_dir
from eccp_desktop.ui.qt import QSettings

LANGUAGE = "ui/language"
REVIEWER = "ui/reviewer_mode"
GEOMETRY = "window/geometry"
STATE = "window/state"


def app_settings() -> QSettings:
    path = user_config_dir() / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def flag(settings: QSettings, key: str) -> bool:
    return str(settings.value(key, "false")).lower() in ("1", "true", "yes")
