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
