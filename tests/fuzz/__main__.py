"""``make fuzz``: the long profile. ``python -m tests.fuzz [--packages N] [--stores M] [--seed S]``.

Prints the counts by outcome and the first examples of anything unexpected;
exits 1 if any case was unexpected, hung, wrote partially or changed a
refused file. The same seed gives the same cases.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ECCP_LANG", "en")
os.environ.setdefault("ECCP_USER", "fuzz")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz")
    parser.add_argument("--packages", type=int, default=10_000)
    parser.add_argument("--stores", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()

    from tests.fuzz.harness import Tally, check_package, check_store, template_store

    with tempfile.TemporaryDirectory(prefix="eccp-fuzz-") as tmp:
        work = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(work / "data")  # never the user's store
        template = template_store(work)
        failed = 0
        for kind, n, check in (
            ("packages", args.packages, check_package),
            ("stores", args.stores, check_store),
        ):
            tally = Tally()
            start = time.perf_counter()
            for i in range(n):
                check(args.seed + i, work, template, tally)
                if (i + 1) % 500 == 0:
                    print(f"  {kind}: {i + 1}/{n} {dict(tally.counts)}", file=sys.stderr)
            took = time.perf_counter() - start
            counts = ", ".join(f"{k} {v}" for k, v in sorted(tally.counts.items()))
            print(f"{kind}: {n} from seed {args.seed} in {took:.0f} s: {counts}")
            for example in tally.examples:
                print("  " + example.replace("\n", "\n    "))
            failed += tally.bad
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
