"""An edit made on a factsheet that someone else saved meanwhile: merged, not lost.

On a shared store the window's factsheet can be a version behind (a notice
not heard yet, a connection that was away). The store refuses such a save
(``ConflictError``); instead of dropping the edit, it is merged three ways
at field level (editions.merge) between the version it was made on (base),
the edit applied to it (mine) and what the store holds now (theirs):

- the edit touches what they did not change: it is applied on theirs and
  saved; where the edit replays exactly (same path, same effect) it stays
  one undo step;
- they changed the same field differently: nothing is written and the
  conflict goes to the merge view, where the user chooses per field.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from eccp_desktop.domain.model import Factsheet
from eccp_desktop.editing import Operation, PathError
from eccp_desktop.editions.merge import MergeResult, Side, merge
from eccp_desktop.exchange.codec import factsheet_from_dict, factsheet_to_dict


@dataclass(frozen=True, slots=True)
class EditMerge:
    """One edit against the stored factsheet: the three sides and their merge."""

    base: dict[str, Any]  # the factsheet the edit was made on
    mine: dict[str, Any]  # base with the edit
    theirs: dict[str, Any]  # what the store held when the edit was refused
    result: MergeResult
    replay: Operation | None = None  # the edit, if it applies on theirs as it is

    @property
    def clean(self) -> bool:
        return self.result.clean

    def merged(self) -> Factsheet:
        return factsheet_from_dict(self.result.merged)


def merge_edit(base: Factsheet, op: Operation, theirs: Factsheet) -> EditMerge:
    """Merge ``op`` (made on ``base``) into ``theirs``; neither argument is changed."""
    mine_fs = copy.deepcopy(base)
    op.apply(mine_fs)
    base_d, mine_d, theirs_d = (factsheet_to_dict(f) for f in (base, mine_fs, theirs))
    result = merge(base_d, mine_d, theirs_d)  # "here" = mine, "incoming" = theirs
    replay = None
    if result.clean:
        trial = copy.deepcopy(theirs)
        try:
            op.apply(trial)
        except (PathError, LookupError, ValueError, TypeError):
            pass  # the place moved: the merged factsheet is saved as a whole
        else:
            if factsheet_to_dict(trial) == result.merged:
                replay = op
    return EditMerge(base_d, mine_d, theirs_d, result, replay)


def settle(pending: EditMerge, theirs: Factsheet, choices: Mapping[str, Side]) -> EditMerge:
    """The same edit merged again with the user's ``choices`` (by conflict key).

    ``theirs`` is what the store holds now: it may have moved again since
    the merge view opened; choices are keyed by identity, so they still apply.
    """
    theirs_d = factsheet_to_dict(theirs)
    result = merge(pending.base, pending.mine, theirs_d, choices=dict(choices))
    return EditMerge(pending.base, pending.mine, theirs_d, result)
