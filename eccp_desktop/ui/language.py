"""Switching the UI language at run time: our catalogs and Qt's own (qtbase_*.qm)."""

from __future__ import annotations

from eccp_desktop.i18n import set_language
from eccp_desktop.ui.qt import QCoreApplication, QLibraryInfo, QTranslator

_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def apply_language(lang: str) -> None:
    """Make ``lang`` the UI language; widgets get a LanguageChange event."""
    set_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        return
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang != "en":
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", qt_translations_dir()):
            app.installTranslator(qt)
            _installed.append(qt)
