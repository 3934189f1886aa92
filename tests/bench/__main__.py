"""`make bench`: run every ``tests/bench/*_bench.py`` module's ``main()`` in turn.

Each module prints its own figures; pass module names to run only some
(``python -m tests.bench validation pdf``). The figures the issue sets
targets for are printed once more at the end, each beside its target.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from tests.bench import targets


def main(selected: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_bench"))
    if selected:
        names = [n for n in names if n.removesuffix("_bench") in selected]
    for name in names:
        print(f"== {name.removesuffix('_bench')}", flush=True)
        importlib.import_module(f"tests.bench.{name}").main()
    targets.summary()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
