"""Pausing the cyclic garbage collector while many acyclic objects are built.

Loading a whole store builds ~10^5 dataclasses, lists and dicts in one go; each
gen-2 collection the allocations trigger walks the whole heap again, and they
were ~25 % of loading and validating the 56-factsheet bench store. Reference
counting still frees everything while paused; the collector resumes (and
catches up on any cycle) as soon as the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block, unless it already is disabled.

    The state is process-wide: nested or concurrent blocks only ever leave it
    enabled at the end of the block that disabled it, never disabled for good.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def pause_for_start_up() -> None:
    """Hold the collector from the launch until the first factsheet is shown.

    Importing Qt, SQLAlchemy and the app builds ~75 000 long-lived objects
    (modules, classes, functions); the collections they trigger on the way
    find nothing to free, yet each gen-2 one walks the whole heap again.
    """
    gc.disable()


def resume_after_start_up() -> None:
    """Start collecting again; what start-up built moves out of the collector's sight.

    ``gc.freeze`` puts every object alive now into the permanent generation:
    the modules and the window stay for the session, so later collections
    (while typing) need not walk them each time.
    """
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
