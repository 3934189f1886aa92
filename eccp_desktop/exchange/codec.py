"""Factsheet <-> exchange-format dictionary, field for field.

The domain classes use the exchange format's field names, so conversion is
driven by the dataclasses' type hints: one generic walk instead of a
hand-written pair of functions per class. Input is assumed schema-valid
(``eccp_desktop.exchange.package`` checks that first).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from functools import cache
from typing import Any, get_args, get_origin

from eccp_desktop.domain import model
from eccp_desktop.domain.codes import FORMAT_NAME, FORMAT_VERSION

# Exchange keys that precede the factsheet's own fields.
_HEADER = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.datetime):
        text = value.isoformat()
        return text.replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 20000000, not 20000000.0
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in get_args(hint) if a is not type(None)]
        return _decode(inner[0], value)
    if origin is list:
        (item,) = get_args(hint)
        return [_decode(item, v) for v in value]
    if origin is dict:
        _, item = get_args(hint)
        return {k: _decode(item, v) for k, v in value.items()}
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)  # type: ignore[arg-type]
    if hint is dt.datetime:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if hint is float:
        return float(value)
    return value


def from_dict[T](cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from its exchange dictionary; absent keys take defaults."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs = {
        f.name: _decode(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


def factsheet_to_dict(factsheet: model.Factsheet) -> dict[str, Any]:
    """The exchange package's content, header keys first."""
    body = _encode(factsheet)
    return {**_HEADER, **body}


def factsheet_from_dict(data: dict[str, Any]) -> model.Factsheet:
    body = {k: v for k, v in data.items() if k not in _HEADER}
    factsheet = from_dict(model.Factsheet, body)
    # Missing or null entries of the open mappings mean "nothing said".
    factsheet.sections = {k: v for k, v in factsheet.sections.items() if v is not None}
    factsheet.policy_assessment = {
        k: v for k, v in factsheet.policy_assessment.items() if v is not None
    }
    return factsheet
