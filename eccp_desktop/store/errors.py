"""Why a store cannot be opened or written, in words for the user."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be used as asked; the message says why."""


class StoreReadOnlyError(StoreError):
    """A write was attempted on a store opened read-only."""


class ConflictError(StoreError):
    """Someone else saved the factsheet since it was loaded: nothing was written."""


class NotFoundError(StoreError):
    """No such factsheet in the store."""


class RightsError(StoreError):
    """The login may not make this change (the server would refuse it): nothing was written."""


class StoreUnreachableError(StoreError):
    """The connection to the store's server is gone (network, restart): try again later.

    Nothing half-written: the transaction that met it was not committed (or, if
    the commit itself was cut off, is found again by version on reconnection).
    """


class InvalidFactsheetError(StoreError):
    """A save that would store what no package could carry (and the store would not load)."""
