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


# The officer's identity for the history and the sign-off (asked in Settings;
# the OS user name is only the default).
ACTOR_NAME = "identity/name"
ACTOR_ORGANISATION = "identity/organisation"


def actor(settings: QSettings) -> str:
    from eccp_desktop.operations.store_ops import actor_label

    return actor_label(
        str(settings.value(ACTOR_NAME, "") or ""), str(settings.value(ACTOR_ORGANISATION, "") or "")
    )
