"""The bundle's footprint: size on disk, the biggest entries, start-up times.

``make bench`` (or ``python -m tests.bench bundle``) after ``make build``.
Start-up is timed for ``--version`` and ``list`` from the bundle and from
source (this venv's Python), each in a clean environment. "cold" is the
first run after dropping the page cache when the machine lets us (root on
Linux), otherwise the first run of this process; "warm" is the median and
the best of the next runs (the best is the figure least disturbed by other
work on the machine).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bundle.conftest import DIST, EXE, ROOT, Bundle

WARM_RUNS = 7
TOP = 15


def _human(n: float) -> str:
    for unit in ("B", "K", "M", "G"):
        if n < 1024 or unit == "G":
            return f"{n:.1f}{unit}" if unit != "B" else f"{int(n)}B"
        n /= 1024
    return f"{n:.1f}G"


def _disk_usage(folder: Path) -> dict[Path, int]:
    """Bytes on disk of every file and folder under ``folder`` (like ``du -a``)."""
    sizes: dict[Path, int] = {}
    for root, _dirs, files in os.walk(folder, topdown=False):
        here = Path(root)
        total = sum(sizes.get(here / d, 0) for d in _dirs)
        for f in files:
            st = os.lstat(here / f)
            sizes[here / f] = getattr(st, "st_blocks", 0) * 512 or st.st_size
            total += sizes[here / f]
        sizes[here] = total
    return sizes


def _drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _timed(run: Callable[[], subprocess.CompletedProcess[str]]) -> float:
    start = time.perf_counter()
    result = run()
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bundle bench: a timed run failed: {result.stderr.strip()}")
    return elapsed


def _startup(label: str, run: Callable[[], subprocess.CompletedProcess[str]]) -> None:
    dropped = _drop_caches()
    cold = _timed(run)
    warm = [_timed(run) for _ in range(WARM_RUNS)]
    kind = "cold" if dropped else "first"
    print(
        f"  {label:<20} {kind} {cold * 1000:6.0f} ms   warm median {statistics.median(warm) * 1000:5.0f} ms"
        f"   best {min(warm) * 1000:5.0f} ms"
    )


def main() -> None:
    if not EXE.is_file():
        print(f"  skipped: no bundle at {EXE.relative_to(ROOT)} (run `make build`)")
        return
    sizes = _disk_usage(DIST)
    print(f"  size on disk: {_human(sizes[DIST])}  ({DIST.relative_to(ROOT)})")
    print(f"  top {TOP} entries (du -a | sort -h | tail):")
    for path, size in sorted(sizes.items(), key=lambda kv: kv[1])[-TOP:]:
        print(f"    {_human(size):>7}  {path.relative_to(DIST).as_posix() or '.'}")
    print(f"  top {TOP} files:")
    files = [(p, n) for p, n in sizes.items() if p.is_file()]
    for path, size in sorted(files, key=lambda kv: kv[1])[-TOP:]:
        print(f"    {_human(size):>7}  {path.relative_to(DIST).as_posix()}")

    with tempfile.TemporaryDirectory(prefix="eccp-bench-") as tmp:
        home = Path(tmp)
        bundle = Bundle(EXE, home)
        db = home / "demo.sqlite3"
        demo = sorted((ROOT / "resources" / "demo").glob("*.eccp.json"))
        bundle.run("--db", db, "import", *demo).check_returncode()
        env = bundle.env()
        source_env = {**env, "PYTHONPATH": str(ROOT)}  # the source tree, this venv's Python

        def source(*args: str) -> Callable[[], subprocess.CompletedProcess[str]]:
            argv = [sys.executable, "-m", "eccp_desktop", *args]
            return lambda: subprocess.run(
                argv, env=source_env, cwd=home, capture_output=True, text=True, check=False
            )

        def frozen(*args: str) -> Callable[[], subprocess.CompletedProcess[str]]:
            return lambda: bundle.run(*args, env=env)

        print("  start-up (wall clock):")
        _startup("--version  bundle", frozen("--version"))
        _startup("--version  source", source("--version"))
        _startup("list       bundle", frozen("--db", str(db), "list"))
        _startup("list       source", source("--db", str(db), "list"))
        if (ROOT / "eccp_desktop" / "ui" / "launch.py").is_file():
            shown = {**env, "ECCP_EXIT_AFTER_SHOW": "1"}
            _startup("window     bundle", lambda: bundle.run("--db", str(db), env=shown))
            source_shown = {**source_env, "ECCP_EXIT_AFTER_SHOW": "1"}
            _startup(
                "window     source",
                lambda: subprocess.run(
                    [sys.executable, "-m", "eccp_desktop", "--db", str(db)],
                    env=source_shown,
                    cwd=home,
                    capture_output=True,
                    text=True,
                    check=False,
                ),
            )
    if shutil.which("du"):
        du = subprocess.run(["du", "-sh", str(DIST)], capture_output=True, text=True, check=False)
        print(f"  du -sh: {du.stdout.strip()}")


if __name__ == "__main__":
    main()
