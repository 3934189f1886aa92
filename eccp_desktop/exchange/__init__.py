"""The ``*.eccp.json`` exchange package: schema, codec, reading and writing."""

from eccp_desktop.exchange.codec import factsheet_from_dict, factsheet_to_dict
from eccp_desktop.exchange.errors import PackageError, Problem
from eccp_desktop.exchange.package import dumps, parse, read_package, write_package

__all__ = [
    "PackageError",
    "Problem",
    "dumps",
    "factsheet_from_dict",
    "factsheet_to_dict",
    "parse",
    "read_package",
    "write_package",
]
