"""Setting a value in a factsheet by its exchange-format path, for tests."""

from __future__ import annotations

from typing import Any


def _step(node: Any, part: str) -> Any:
    if isinstance(node, list):
        return node[int(part)]
    if isinstance(node, dict):
        return node[part]
    return getattr(node, part)


def set_at(root: Any, path: str, value: Any) -> None:
    *parents, last = path.split("/")[1:]
    node = root
    for part in parents:
        node = _step(node, part)
    if isinstance(node, list):
        node[int(last)] = value
    elif isinstance(node, dict):
        node[last] = value
    else:
        setattr(node, last, value)
