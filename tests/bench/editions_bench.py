"""Diff and three-way merge of the 500-cluster synthetic factsheet (issue #11).

The copy has 50 changes of every kind a year brings: member counts, texts
(a few words in one language), budgets, a reordered cluster list, clusters
added and removed. Target: the diff within 50 ms.
"""

from __future__ import annotations

import copy
import random
import statistics
from typing import Any

from eccp_desktop.editions.compare import compare
from eccp_desktop.editions.merge import merge
from eccp_desktop.exchange.codec import factsheet_to_dict
from tests.bench.synthetic import synthetic_factsheet
from tests.bench.targets import record
from tests.bench.validation_bench import _line, _times


def fifty_changes(doc: dict[str, Any], seed: int = 1) -> dict[str, Any]:
    rng = random.Random(seed)
    new = copy.deepcopy(doc)
    clusters = new["clusters"]
    for c in rng.sample(clusters, 30):
        c["members"] = (c["members"] or 0) + rng.randint(1, 9)
    for p in rng.sample(new["policies"], 10):
        p["budget_eur"] = (p["budget_eur"] or 0) + 1_000_000
    for p in rng.sample(new["policies"], 5):
        p["description"]["en"] = p["description"]["en"].replace("policy", "programme", 1)
    for _ in range(3):
        clusters.pop(rng.randrange(len(clusters)))
    for i in range(2):
        clusters.append({**clusters[0], "name": f"New cluster {i}"})
    rng.shuffle(clusters)  # order alone is no change
    return new


def main() -> None:
    base = factsheet_to_dict(synthetic_factsheet("PL"))
    theirs = fifty_changes(base, seed=1)
    n = len(compare(base, theirs))
    times = _times(lambda: compare(base, theirs), 30)
    _line(f"diff 500 clusters vs copy with 50 changes ({n} found)", times, 50)
    record(
        "diff 500-cluster factsheet vs copy with 50 changes (median)",
        statistics.median(times), 50, "ms", note=f"best {min(times):.1f} ms",
    )  # fmt: skip
    same = copy.deepcopy(base)  # equal, not the same object
    _line("diff of a factsheet against an equal copy", _times(lambda: compare(base, same), 30), 50)
    mine = fifty_changes(base, seed=2)
    result = merge(base, mine, theirs)
    _line(
        f"three-way merge, 50 changes each side ({len(result.conflicts)} conflicts)",
        _times(lambda: merge(base, mine, theirs), 30),
        100,
    )


if __name__ == "__main__":
    main()
