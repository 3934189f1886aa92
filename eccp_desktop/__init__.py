"""ECCP Factsheet Desktop: edit, validate and publish Cluster Policy Factsheets.

Layers, bottom up: ``domain`` (plain data), ``store`` (SQLite/SQLAlchemy),
``exchange`` (the ``*.eccp.json`` package), ``validation``, ``pdf``,
``i18n``, ``cli``; the Qt GUI (``ui``) sits on top and is the only package
that imports Qt.
"""

# The one place the version is written: pyproject.toml reads it from here
# (setuptools' dynamic version). Not from importlib.metadata at run time: that
# import costs ~22 ms of every start, and each PDF's layout map names the version.
__version__ = "0.1.0"
