"""The batch's workers: started before the store is read, dearest factsheets first, every job once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from eccp_desktop.cli import pdf_commands
from eccp_desktop.cli.app import main
from eccp_desktop.cli.pdf_commands import Job, Workers, jobs_for, weight
from eccp_desktop.domain.model import Cluster, Factsheet
from eccp_desktop.store import Store


def _pid(job: Job) -> tuple[str, int]:
    return job.name, os.getpid()


def _sheet(country: str, clusters: int) -> Factsheet:
    return Factsheet(country, 2023, clusters=[Cluster(name=f"c{i}") for i in range(clusters)])


def test_two_workers_run_every_job_once_in_other_processes(tmp_path: Path) -> None:
    jobs = jobs_for([_sheet("PL", 3), _sheet("DK", 0), _sheet("CZ", 9)], ["en", "pl"], tmp_path)
    with Workers(2, ["en", "pl"]) as workers:
        done = [result for _job, result in workers.map(_pid, jobs)]
    assert sorted(name for name, _p in done) == sorted(j.name for j in jobs)
    assert os.getpid() not in {pid for _n, pid in done}


def test_one_worker_runs_in_this_process_in_the_given_order(tmp_path: Path) -> None:
    jobs = jobs_for([_sheet("PL", 3), _sheet("CZ", 9)], ["en"], tmp_path)
    with Workers(1) as workers:
        done = list(workers.map(_pid, jobs))
    assert [job.name for job, _r in done] == ["PL 2023 en", "CZ 2023 en"]
    assert {pid for _n, pid in (r for _j, r in done)} == {os.getpid()}


def test_the_dearest_factsheets_are_handed_out_first(tmp_path: Path) -> None:
    sheets = [_sheet("DK", 1), _sheet("CZ", 40), _sheet("PL", 7)]
    assert [weight(s) for s in sheets] == [1, 40, 7]
    submitted: list[str] = []

    class Pool:  # records the order jobs are submitted in; runs them at once
        def submit(self, fn, job):  # type: ignore[no-untyped-def]
            from concurrent.futures import Future

            submitted.append(job.name)
            future: Future[object] = Future()
            future.set_result(fn(job))
            return future

    workers = Workers(2)
    workers.pool = Pool()  # type: ignore[assignment]
    list(workers.map(_pid, jobs_for(sheets, ["en"], tmp_path)))
    assert submitted == ["CZ 2023 en", "PL 2023 en", "DK 2023 en"]


def test_the_workers_start_before_the_store_is_read(
    demo_store: Store, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    enter, open_store = Workers.__enter__, pdf_commands.open_store

    def entering(self: Workers) -> Workers:
        events.append(f"workers {self.count}")
        return enter(self)

    def opening(*args: object, **kwargs: object) -> Store:
        events.append("store")
        return open_store(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Workers, "__enter__", entering)
    monkeypatch.setattr(pdf_commands, "open_store", opening)
    out = tmp_path / "out"
    argv = ["--db", str(store_path), "pdf", "--all", "--langs", "en", "--out-dir", str(out)]
    assert main([*argv, "--jobs", "2"]) == 0
    assert events == ["workers 2", "store"]
    assert len(list(out.glob("*.pdf"))) == len(demo_store.list())


def test_a_bad_store_with_workers_started_is_bad_input_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "not-a-store.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    out = tmp_path / "out"
    argv = ["--db", str(bad), "pdf", "--all", "--out-dir", str(out), "--jobs", "2"]
    assert main(argv) == 2
    assert not out.exists()
    assert str(bad) in capsys.readouterr().err


def test_a_workers_job_does_not_load_the_store_stack(tmp_path: Path) -> None:
    """A worker only renders: importing SQLAlchemy for the PDF's digest cost each ~0.12 s."""
    code = (
        "import sys; from pathlib import Path;"
        "from eccp_desktop.cli.pdf_commands import Job, run_mapped_job, warm_up;"
        "from eccp_desktop.domain.model import Cluster, Factsheet;"
        "warm_up(['en']);"
        "fs = Factsheet('PL', 2023, clusters=[Cluster(name='c')]);"
        f"outcome = run_mapped_job(Job(fs, 'en', Path({str(tmp_path / 'pl.pdf')!r})));"
        "print(type(outcome).__name__, 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Mapped", "False"]


def test_loading_the_pdf_stack_triggers_no_collection() -> None:
    # reportlab, the fonts, the locales and the hyphenation patterns live as long
    # as the process: a collection while they load walks them for nothing
    code = (
        "import gc;"
        "from eccp_desktop.cli.pdf_commands import warm_up;"
        "from eccp_desktop import pdf;"
        "seen = [];"
        "gc.callbacks.append(lambda phase, info: seen.append(info['generation']));"
        "pdf.render_factsheet;"  # the lazy import of a single PDF (the window, `pdf CODE`)
        "imported = len(seen);"
        "warm_up(['en', 'de', 'el']);"  # a batch worker's start
        "print(imported, len(seen) - imported, gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    imported, warmed, enabled = out.stdout.split()
    assert int(imported) <= 2  # the one catching up as the collector resumes (start, stop)
    assert int(warmed) == 0  # frozen before the collector resumes
    assert enabled == "True"


def test_a_batch_leaves_frozen_what_was_frozen_before_it(tmp_path: Path) -> None:
    # the command line freezes its start-up for good: a batch must not thaw it
    # (the exit would walk it all again); what the batch froze itself it gives back
    import gc

    try:
        gc.freeze()
        before = gc.get_freeze_count()
        with Workers(2, ["en"]) as workers:
            list(workers.map(_name_and_pid, jobs_for([_sheet("PL", 1)], ["en"], tmp_path)))
        assert gc.get_freeze_count() >= before
    finally:
        gc.unfreeze()


def _name_and_pid(job: Job) -> tuple[str, int]:
    return job.name, os.getpid()


_PARENT = os.getpid()


def _dies_in_a_worker(job: Job) -> tuple[str, int]:
    """A job whose worker is killed (out of memory, say) the first time it runs there."""
    if job.factsheet.country == "CZ" and os.getpid() != _PARENT:
        os._exit(1)
    return job.name, os.getpid()


def test_a_worker_that_dies_leaves_no_job_undone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    frozen = gc.get_freeze_count()
    sheets = [_sheet("PL", 3), _sheet("DK", 0), _sheet("CZ", 9)]
    jobs = jobs_for(sheets, ["en", "pl"], tmp_path)
    with Workers(2, ["en"]) as workers:
        done = [result for _job, result in workers.map(_dies_in_a_worker, jobs)]
    assert sorted(name for name, _p in done) == sorted(j.name for j in jobs)  # each once
    assert {"CZ 2023 en", "CZ 2023 pl"} <= {name for name, pid in done if pid == os.getpid()}
    assert "worker process ended unexpectedly" in capsys.readouterr().err
    assert gc.get_freeze_count() == frozen  # the collector has all it had again


def test_workers_that_cannot_start_leave_the_batch_to_this_process(
    demo_store: Store,
    store_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import gc

    def no_processes(*_a: object, **_k: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    frozen = gc.get_freeze_count()
    monkeypatch.setattr(pdf_commands, "ProcessPoolExecutor", no_processes)
    out = tmp_path / "out"
    argv = ["--db", str(store_path), "pdf", "--all", "--langs", "en", "--out-dir", str(out)]
    assert main([*argv, "--jobs", "2"]) == 0
    assert len(list(out.glob("*.pdf"))) == len(demo_store.list())
    err = capsys.readouterr().err
    assert "cannot be started (Resource temporarily unavailable)" in err
    assert gc.get_freeze_count() == frozen
