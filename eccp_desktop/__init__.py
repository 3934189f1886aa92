"""ECCP Factsheet Desktop: edit, validate and publish Cluster Policy Factsheets.

Layers, bottom up: ``domain`` (plain data), ``store`` (SQLite/SQLAlchemy),
``exchange`` (the ``*.eccp.json`` package), ``validation``, ``pdf``,
``i18n``, ``cli``; the Qt GUI (``ui``) sits on top and is the only package
that imports Qt.
"""

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eccp-desktop")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    # Computed on first use: reading package metadata costs ~40 ms at start-up.
    if name == "__version__":
        return _version()
    raise AttributeError(name)
