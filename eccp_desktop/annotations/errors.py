"""The one error the annotations import raises: bad input, said in one line."""

from __future__ import annotations


class AnnotationError(Exception):
    """The PDF cannot be imported: the message says which file and why."""
