"""Running one mutated package or damaged store through the program, and judging it.

A package case is judged on the command line the user has: ``import`` must
exit 0 (then ``validate``, ``export`` and ``pdf`` must work on what was
imported, and the export must read back as the same factsheet) or exit 2
with the store unchanged. A store case opens the damaged file and uses every
factsheet in it; a refusal (StoreError, exit 2) must leave the file
byte-identical. Anything else is "unexpected"; a case running over
``HANG_SECONDS`` is a hang.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
import signal
import sqlite3
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eccp_desktop.cli.app import main
from eccp_desktop.exchange import PackageError, dumps, parse, read_package
from eccp_desktop.paths import demo_packages
from eccp_desktop.store import Store, StoreError
from tests.fuzz.mutations import damage_store, mutate_package

HANG_SECONDS = 10  # processor time of one step (import, validate, export, pdf, open)
WALL_SECONDS = 60  # and wall-clock, for a step that waits instead of working


class Hang(Exception):
    pass


@contextlib.contextmanager
def deadline(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """Raise Hang in a step that uses ``seconds`` of processor time or a minute of waiting.

    Processor time, not wall-clock: the machine is shared, and a step that
    loops forever burns processor time however loaded the machine is.
    """

    def on_alarm(_signum: int, _frame: Any) -> None:
        raise Hang

    old_prof = signal.signal(signal.SIGPROF, on_alarm)
    old_real = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, WALL_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, old_prof)
        signal.signal(signal.SIGALRM, old_real)


@dataclass
class Tally:
    """Counts by outcome, and the first examples of anything that must not happen."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def add(self, outcome: str, detail: str = "") -> None:
        self.counts[outcome] += 1
        if outcome not in ("accepted", "refused") and len(self.examples) < 20:
            self.examples.append(f"{outcome}: {detail}")

    @property
    def bad(self) -> int:
        return sum(n for k, n in self.counts.items() if k not in ("accepted", "refused"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"


def _content(path: Path) -> list[Any]:
    """Every row of every table: what a partial write would change."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1")
        ]
        return [(t, con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()) for t in tables]
    finally:
        con.close()


def _run(*argv: str) -> tuple[int, str]:
    """One command, as the user runs it, within its own deadline."""
    out, err = io.StringIO(), io.StringIO()
    with deadline(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, err.getvalue()


def template_store(folder: Path) -> Path:
    """A demo store, checkpointed into one file, to copy for each case."""
    path = folder / "template.sqlite3"
    if not path.exists():
        code, err = _run("--db", str(path), "import", *map(str, demo_packages()))
        assert code == 0, err
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    return path


def _fresh_copy(template: Path, target: Path) -> Path:
    for extra in ("", "-wal", "-shm"):
        Path(str(target) + extra).unlink(missing_ok=True)
    shutil.copyfile(template, target)
    return target


def check_package(seed: int, work: Path, template: Path, tally: Tally) -> None:
    origin, raw, applied = mutate_package(seed)
    where = f"package seed {seed} ({origin}: {', '.join(applied)})"
    _tally_case(tally, where, lambda: _package_case(raw, work, template))


def _tally_case(tally: Tally, where: str, case: Callable[[], tuple[str, str]]) -> None:
    """Run one case; a hang or an exception escaping the app is a finding, not a crash."""
    try:
        outcome, detail = case()
    except Hang:
        outcome, detail = "hang", where
    except Exception:
        outcome, detail = "unexpected", f"{where}\n{traceback.format_exc(limit=-4)}"
    else:
        detail = f"{where}: {detail}"
    tally.add(outcome, detail)


def _package_case(raw: bytes, work: Path, template: Path) -> tuple[str, str]:
    package = work / "case.eccp.json"
    package.write_bytes(raw)
    store = _fresh_copy(template, work / "case.sqlite3")
    before = _content(store)
    try:
        with deadline():
            read_package(package)
        accepted = True
    except PackageError:
        accepted = False
    code, err = _run("--db", str(store), "import", str(package))
    if not accepted:
        if code != 2:
            return "unexpected", f"refused package, import exit {code}"
        if _content(store) != before:
            return "partial write", "import refused but the store changed"
        return "refused", ""
    if code != 0:
        return "unexpected", f"accepted package, import exit {code}: {err[:300]}"
    fs = read_package(package)
    code, err = _run("--db", str(store), "validate", fs.country, "--edition", str(fs.edition))
    if code not in (0, 1):
        return "unexpected", f"validate exit {code}: {err[:300]}"
    out = work / "case.out.eccp.json"
    code, err = _run(
        "--db", str(store), "export", fs.country, "--edition", str(fs.edition), "--out", str(out)
    )
    if code != 0:
        return "unexpected", f"export exit {code}: {err[:300]}"
    if read_package(out) != fs or parse(dumps(fs)) != fs:
        return "unexpected", "export does not read back as the imported factsheet"
    # One PDF per case (time): the national language, else English.
    language = next((lang for lang in fs.languages if lang != "en" and len(lang) == 2), "en")
    pdf = work / "case.pdf"
    code, err = _run(
        "--db", str(store), "pdf", fs.country, "--edition", str(fs.edition),
        "--lang", language, "--out", str(pdf),
    )  # fmt: skip
    if code == 2 and language != "en" and "language" in err:
        code, err = _run(
            "--db", str(store), "pdf", fs.country, "--edition", str(fs.edition),
            "--lang", "en", "--out", str(pdf),
        )  # fmt: skip
    if code != 0:
        return "unexpected", f"pdf --lang {language} exit {code}: {err[:300]}"
    return "accepted", ""


def check_store(seed: int, work: Path, template: Path, tally: Tally) -> None:
    path = _fresh_copy(template, work / "damaged.sqlite3")
    what = damage_store(path, seed)
    _tally_case(tally, f"store seed {seed} ({what})", lambda: _store_case(path, work, seed))


def _store_case(path: Path, work: Path, seed: int) -> tuple[str, str]:
    before = _digest(path)
    try:
        with deadline(), Store.open(path) as store:
            sheets = [store.load(s.country, s.edition) for s in store.list()]
            store.load_all()
    except StoreError:
        if _digest(path) != before:
            return "refused file changed", "Store.open/read refused it but the bytes changed"
        return "refused", ""
    # What opened must work everywhere: validate, export, one PDF, an import.
    from eccp_desktop.pdf import PdfError, render_factsheet
    from eccp_desktop.validation import validate

    results: list[Any] = []
    for fs in sheets:
        with deadline():
            results = validate(fs)
            if parse(dumps(fs)) != fs:
                return "unexpected", f"{fs.country} does not export and read back the same"
    if sheets:
        fs = sheets[seed % len(sheets)]
        try:
            with deadline():
                render_factsheet(fs, "en", problems=results)
        except PdfError as e:
            return "unexpected", f"pdf: {e}"
    code, err = _run("--db", str(path), "import", str(sorted(demo_packages())[0]))
    if code not in (0, 2):
        return "unexpected", f"import exit {code}: {err[:300]}"
    if code == 2 and _digest(path) != before:
        return "refused file changed", f"import refused ({err[:200]}) but the bytes changed"
    return "accepted", ""
