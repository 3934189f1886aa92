"""`make bench`: run every ``tests/bench/*_bench.py`` module's ``main()`` in turn.

Each module runs in a fresh interpreter of its own, so that no benchmark
measures what an earlier one left behind (its imports, caches, a heap
the collector must walk). Each prints its own figures; pass module names
to run only some (``python -m tests.bench validation pdf``). The figures the
issue sets targets for are printed once more at the end, each beside its
target.
"""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench import targets

ROOT = Path(__file__).resolve().parents[2]


def main(selected: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_bench"))
    if selected:
        names = [n for n in names if n.removesuffix("_bench") in selected]
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        figures = Path(tmp) / "figures.jsonl"
        env = {**os.environ, targets.FIGURES_ENV: str(figures)}
        for name in names:
            print(f"== {name.removesuffix('_bench')}", flush=True)
            run = [sys.executable, "-c", f"from tests.bench.{name} import main; main()"]
            if subprocess.run(run, env=env, cwd=ROOT).returncode != 0:
                failed.append(name)
        targets.summary(targets.recorded(figures))
    if failed:
        print(f"== failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
