"""ECCP Factsheet Desktop: edit, validate and publish Cluster Policy Factsheets.

Layers, bottom up: ``domain`` (plain data), ``store`` (SQLite/SQLAlchemy),
``exchange`` (the ``*.eccp.json`` package), ``validation``, ``pdf``,
``i18n``, ``cli``; the Qt GUI (``ui``) sits on top and is the only package
that imports Qt.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eccp-desktop")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
