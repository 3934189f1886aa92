"""``pdf --all`` as the user runs it, with each process noting its CPU time at a few points.

``python -m tests.bench.batch_probe LOG ARGS…`` runs the command line with
ARGS; the parent notes its CPU time (since its own start) when it starts the
workers, when the jobs are known (the store loaded) and at the end; each
worker after its warm-up and after each job. ``estimate`` turns a log into
the time the batch takes on two free cores: a figure the other work on a
shared machine hardly moves, unlike the wall clock.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from eccp_desktop.cli import pdf_commands as pc

# The log's path goes to the workers through the environment, so that they
# note their CPU time however they are started (fork, spawn, forkserver).
LOG_ENV = "ECCP_BENCH_PROBE_LOG"
if __name__ == "__main__":
    os.environ[LOG_ENV] = sys.argv[1]


def note(tag: str) -> None:
    with Path(os.environ.get(LOG_ENV, os.devnull)).open("a") as f:
        f.write(f"{os.getpid()} {tag} {time.process_time():.4f}\n")


_warm_up, _enter, _progress = pc.warm_up, pc.Workers.__enter__, pc.Progress
_run_mapped_job = pc.run_mapped_job


def warm_up(langs: Any) -> None:
    _warm_up(langs)
    note("warm")


def run_job(job: pc.Job) -> str | None:
    problem = pc.run_job(job)
    note("job")
    return problem


def run_mapped_job(job: pc.Job) -> Any:
    """The job ``pdf --all`` hands each worker (it keeps the layout map too)."""
    outcome = _run_mapped_job(job)
    note("job")
    return outcome


def run(self: pc.Workers, jobs: Any) -> Any:
    return self.map(run_job, jobs)


def enter(self: pc.Workers) -> pc.Workers:
    note("fork")
    return _enter(self)


class Progress(_progress):
    def __init__(self, total: int) -> None:
        note("ready")
        super().__init__(total)


def estimate(log: Path) -> float:
    """Seconds on two free cores: start, then loading beside warming up, then the jobs."""
    notes: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for line in log.read_text().splitlines():
        pid, tag, cpu = line.split()
        notes[pid][tag].append(float(cpu))
    (parent,) = (n for n in notes.values() if "end" in n)
    workers = [n for n in notes.values() if "end" not in n]
    fork, ready, end = parent["fork"][0], parent["ready"][0], parent["end"][0]
    if not workers:  # one process: everything in line
        return end
    load = ready - fork
    warm = [w["warm"][0] for w in workers]
    work = [max(w["job"], default=w["warm"][0]) - w["warm"][0] for w in workers]
    # three processes on two cores while the store loads; then the workers
    # and the parent's dispatching share them
    phase_load = max(load, *warm, (load + sum(warm)) / 2)
    phase_jobs = max(*work, (sum(work) + end - ready) / 2)
    return fork + phase_load + phase_jobs


def main(argv: list[str]) -> int:
    pc.warm_up, pc.Progress = warm_up, Progress  # type: ignore[misc]
    pc.run_mapped_job = run_mapped_job  # type: ignore[assignment]
    pc.Workers.__enter__ = enter  # type: ignore[method-assign]
    pc.Workers.run = run  # type: ignore[method-assign]
    from eccp_desktop.cli.app import main as cli

    code = cli(argv)
    note("end")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[2:]))
