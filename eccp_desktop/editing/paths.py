"""Exchange-format paths (``/clusters/3/members``) over the domain objects.

The domain's field names are the exchange keys, so a validation result's
path is also the way to the attribute: dataclass fields by name, dict
entries by key, list items by index.
"""

from __future__ import annotations

from typing import Any


class PathError(LookupError):
    """The path does not name anything in the factsheet."""


def split(path: str) -> list[str]:
    if not path.startswith("/"):
        raise PathError(f"not an absolute path: {path!r}")
    return [p for p in path.split("/")[1:] if p != ""]


def join(*parts: object) -> str:
    return "/" + "/".join(str(p) for p in parts)


def _step(obj: Any, part: str) -> Any:
    if isinstance(obj, list):
        try:
            return obj[int(part)]
        except (ValueError, IndexError):
            raise PathError(part) from None
    if isinstance(obj, dict):
        return obj.get(part)
    if obj is None or not hasattr(obj, part):
        raise PathError(part)
    return getattr(obj, part)


def get(root: Any, path: str) -> Any:
    """The value at ``path``; a missing dict key reads as None."""
    obj = root
    for part in split(path):
        obj = _step(obj, part)
    return obj


def parent(root: Any, path: str) -> tuple[Any, str]:
    parts = split(path)
    if not parts:
        raise PathError("the root has no parent")
    obj = root
    for part in parts[:-1]:
        obj = _step(obj, part)
    if obj is None:
        raise PathError(path)
    return obj, parts[-1]


def put(root: Any, path: str, value: Any) -> None:
    """Set the value at ``path``; None or "" removes a dict entry."""
    obj, last = parent(root, path)
    if isinstance(obj, list):
        try:
            obj[int(last)] = value
        except (ValueError, IndexError):
            raise PathError(path) from None
    elif isinstance(obj, dict):
        if value is None or value == "":
            obj.pop(last, None)
        else:
            obj[last] = value
    elif hasattr(obj, last):
        setattr(obj, last, value)
    else:
        raise PathError(path)


def get_list(root: Any, path: str) -> list[Any]:
    value = get(root, path)
    if not isinstance(value, list):
        raise PathError(f"not a list: {path}")
    return value
