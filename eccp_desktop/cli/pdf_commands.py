"""``pdf``: one factsheet in one language, or every factsheet in many languages at once."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from eccp_desktop import pdf  # render_factsheet loads reportlab on first use
from eccp_desktop.cli import signature_commands
from eccp_desktop.cli.common import EXIT_ERRORS, EXIT_OK, err, fail, open_store
from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.i18n import _, current_language, ngettext
from eccp_desktop.i18n.formatting import format_integer, format_seconds
from eccp_desktop.operations.signatures import pdf_reason
from eccp_desktop.pdf import PdfError

if TYPE_CHECKING:
    from eccp_desktop.store import Store

T = TypeVar("T")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "pdf",
        help=_(
            "print factsheets as PDF: one (COUNTRY --lang L --out FILE) or all (--all --out-dir DIR)"
        ),
    )
    p.add_argument("country", nargs="?", metavar="COUNTRY")
    p.add_argument("--edition", type=int, metavar="Y")
    p.add_argument("--lang", metavar="L", help=_("the language of the PDF (en, pl, de, …)"))
    p.add_argument("--out", metavar="FILE", help=_("the PDF file to write"))
    p.add_argument("--all", action="store_true", help=_("every factsheet in the store"))
    p.add_argument(
        "--langs",
        metavar="L,L,…",
        help=_("with --all: the languages (default: English and each country's own)"),
    )
    p.add_argument("--out-dir", metavar="DIR", help=_("with --all: the folder for the PDFs"))
    p.add_argument(
        "--jobs", type=int, metavar="N", help=_("with --all: processes (default: all cores)")
    )
    signature_commands.add_signing_options(p)
    p.set_defaults(handler=cmd_pdf)


def parse_langs(text: str) -> list[str]:
    langs = [code.strip().lower() for code in text.split(",") if code.strip()]
    bad = [code for code in langs if code not in EU_LANGUAGES]
    if bad or not langs:
        fail(
            *[
                _("{code!r} is not one of the 24 official EU languages").format(code=c)
                for c in bad or [text]
            ]
        )
    return list(dict.fromkeys(langs))


def one_language(text: str) -> str:
    langs = parse_langs(text)
    if len(langs) != 1:
        fail(_("--lang takes one language; run once per language"))
    return langs[0]


def cmd_pdf(args: argparse.Namespace) -> int:
    if args.all:
        if signature_commands.wants_signature(args):
            fail(_("error: --sign and --sign-pkcs11 sign one PDF, not --all"))
        if args.country or args.out or args.lang:
            fail(_("error: --all takes --langs and --out-dir, not COUNTRY, --lang or --out"))
        if not args.out_dir:
            fail(_("error: --all needs --out-dir DIR"))
        return cmd_pdf_all(args)
    if not args.country or not args.lang or not args.out:
        fail(_("error: give COUNTRY --lang L --out FILE, or --all --out-dir DIR"))
    return cmd_pdf_one(args)


def _check_out_file(out: Path) -> None:
    if out.is_dir():
        fail(_("{path} is a folder; give a file name for the PDF").format(path=out))
    if not out.parent.exists():
        fail(_("{path}: the folder {folder} does not exist").format(path=out, folder=out.parent))


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename: a failure never leaves half a PDF."""
    tmp = path.with_name(f".{path.name}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def cmd_pdf_one(args: argparse.Namespace) -> int:
    lang = one_language(args.lang)
    out = Path(args.out)
    _check_out_file(out)
    signing = signature_commands.wants_signature(args)
    at = signature_commands.check_signing_options(args)
    from eccp_desktop.annotations import exports
    from eccp_desktop.store import NotFoundError

    with open_store(args) as store:
        try:
            fs, version = store.load_versioned(*store.resolve(args.country, args.edition))
        except NotFoundError as e:
            fail(str(e))
        code, edition = fs.country, fs.edition
        try:
            rendered = exports.render(fs, lang)
            data = rendered.pdf
            if signing:  # an incremental update: the file still starts with the mapped bytes
                reason = pdf_reason(fs, version, lang)
                data = signature_commands.signed_pdf(data, args, at, reason)
            write_atomically(out, data)
        except PdfError as e:
            fail(str(e))
        except OSError as e:
            fail(_("{path} cannot be written: {reason}").format(path=out, reason=e.strerror or e))
        # the layout map, so that experts' annotations on this PDF can come back
        problem = exports.keep(store, rendered)
        if problem:
            err(problem)
    print(
        _("{code} {edition} ({lang}) written to {path}").format(
            code=code, edition=edition, lang=lang, path=out
        )
    )
    return EXIT_OK


@dataclass(frozen=True, slots=True)
class Job:
    factsheet: Factsheet
    lang: str
    path: Path

    @property
    def name(self) -> str:
        return f"{self.factsheet.country} {self.factsheet.edition} {self.lang}"


def file_name(fs: Factsheet, lang: str) -> str:
    return f"{fs.country.lower()}-{fs.edition}-{lang}.pdf"


def jobs_for(sheets: Iterable[Factsheet], langs: list[str] | None, out_dir: Path) -> list[Job]:
    jobs = []
    for fs in sheets:
        wanted = langs or ["en", *[lg for lg in fs.languages if lg in EU_LANGUAGES]]
        for lang in dict.fromkeys(wanted):
            jobs.append(Job(fs, lang, out_dir / file_name(fs, lang)))
    return jobs


def run_job(job: Job) -> str | None:
    """Render and write one PDF; the reason on failure (a worker never raises)."""
    try:
        write_atomically(job.path, pdf.render_factsheet(job.factsheet, job.lang))
    except PdfError as e:
        return str(e)
    except OSError as e:
        return str(e.strerror or e)
    except Exception as e:  # one broken factsheet must not stop the batch
        return f"{type(e).__name__}: {e}"
    return None


@dataclass(frozen=True, slots=True)
class Mapped:
    """A written PDF's record for the store (sent back by a worker: no PDF bytes)."""

    digest: str
    size: int
    layout: dict[str, object]


def run_mapped_job(job: Job) -> str | Mapped:
    """``run_job`` that also returns what the store keeps of the PDF (its layout map)."""
    from eccp_desktop.pdf.digest import digest_of  # not the store's module: no SQLAlchemy here

    try:
        rendered = pdf.render_with_layout(job.factsheet, job.lang)
        write_atomically(job.path, rendered.pdf)
    except PdfError as e:
        return str(e)
    except OSError as e:
        return str(e.strerror or e)
    except Exception as e:  # one broken factsheet must not stop the batch
        return f"{type(e).__name__}: {e}"
    return Mapped(digest_of(rendered.pdf), len(rendered.pdf), rendered.layout.to_json())


def warm_up(langs: Sequence[str]) -> None:
    """A worker's start: import reportlab, register the fonts, load each language's data.

    Runs in each worker as it starts, while the parent is still loading the
    store, so none of it waits in line before the first PDF. The collector
    is paused meanwhile: modules, font tables, locale data and hyphenation
    patterns all live as long as the worker, and the collections their
    allocations would trigger (~25 ms of the warm-up) find nothing to free.
    """
    from eccp_desktop.gcpause import gc_paused

    with gc_paused():
        _warm_up(langs)
        # kept for the batch: the collector need not walk it after each PDF (and,
        # frozen before it resumes, it does not catch up on it either)
        gc.freeze()


def _warm_up(langs: Sequence[str]) -> None:
    from eccp_desktop.i18n.catalog import translator
    from eccp_desktop.i18n.formatting import locale
    from eccp_desktop.pdf import fonts, hyphenation, render  # noqa: F401 (importing is the point)

    try:
        fonts.register()
    except PdfError:
        return  # every job reports the missing font itself
    for lang in langs:
        locale(lang).territories  # noqa: B018 (Babel loads a locale's data on first access)
        translator(lang)
        hyphenation.load(lang)  # pyphen's patterns: up to 0.7 s a language when not cached


def _noop() -> None:
    pass


def weight(fs: Factsheet) -> int:
    """Roughly how long the factsheet's PDF takes: the rows of its tables."""
    return (
        len(fs.clusters)
        + len(fs.ecosystems)
        + len(fs.cohesion_programmes)
        + len(fs.recommendations)
        + len(fs.sources)
        + sum(1 + len(p.programmes) for p in fs.policies)
        + sum(len(t.tiers) + len(t.support) for t in fs.tier_schemes)
    )


class Workers:
    """The processes of a batch, started as soon as it is known that there is one.

    ``with Workers(n, langs) as workers:`` forks (or spawns) the processes at
    once, each warming up (``warm_up``) while the caller goes on loading the
    store; ``workers.run(jobs)`` then hands out the jobs. With one worker
    everything runs in this process.
    """

    def __init__(self, workers: int, langs: Sequence[str] = ("en",)) -> None:
        self.count = max(1, workers)
        self.langs = tuple(langs)
        self.pool: ProcessPoolExecutor | None = None
        self._unfreeze = False

    def __enter__(self) -> Workers:
        if self.count > 1:
            # What this process holds now is inherited by forked workers: out of
            # the collector's way, their collections touch (and copy) none of it.
            # Given back at the end, unless something was frozen before (the
            # command line's start-up): freezing is not nested, and that is
            # meant to stay frozen until the process ends.
            self._unfreeze = gc.get_freeze_count() == 0
            gc.freeze()
            try:
                self.pool = ProcessPoolExecutor(
                    max_workers=self.count, initializer=warm_up, initargs=(self.langs,)
                )
                # The pool starts its processes on the first submissions, not when created.
                for _i in range(self.count):
                    self.pool.submit(_noop)
            except OSError as e:  # no processes to be had (a limit, no memory): in this one
                err(
                    _(
                        "the worker processes cannot be started ({reason}); the PDFs are made in this process"
                    ).format(reason=e.strerror or e)
                )
                self.__exit__()
                self.count = 1
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if self._unfreeze:
            gc.unfreeze()
            self._unfreeze = False

    def run(self, jobs: Sequence[Job]) -> Iterator[tuple[Job, str | None]]:
        """Each job with its outcome (None: written; else why not), as they finish."""
        return self.map(run_job, jobs)

    def map(self, task: Callable[[Job], T], jobs: Sequence[Job]) -> Iterator[tuple[Job, T]]:
        """Each job with what ``task`` made of it, in the order they finish.

        The dearest factsheets go first, one job at a time: whoever is free
        takes the next, so the batch does not end waiting on one big PDF.
        """
        if self.pool is None:
            for job in jobs:
                yield job, task(job)
            return
        ordered = sorted(jobs, key=lambda j: weight(j.factsheet), reverse=True)
        futures = {self.pool.submit(task, job): job for job in ordered}
        lost: list[Job] = []
        for future in as_completed(futures):
            try:
                result = future.result()
            except BrokenProcessPool:  # a worker died (killed, out of memory, a crash)
                lost.append(futures[future])
                continue
            yield futures[future], result
        if lost:  # the pool takes no more work: the rest here, nothing left undone
            err(
                ngettext(
                    "a worker process ended unexpectedly; {count} PDF is made in this process",
                    "a worker process ended unexpectedly; {count} PDFs are made in this process",
                    len(lost),
                ).format(count=format_integer(len(lost), current_language()))
            )
            order = {id(job): i for i, job in enumerate(ordered)}
            for job in sorted(lost, key=lambda j: order[id(j)]):
                yield job, task(job)


def run_jobs(jobs: Sequence[Job], workers: int) -> Iterator[tuple[Job, str | None]]:
    """Each job with its outcome, in the order they finish; a process pool when workers > 1."""
    with Workers(workers, sorted({j.lang for j in jobs})) as pool:
        yield from pool.run(jobs)


class Progress:
    """A one-line bar on stderr (redrawn on a terminal, one line per step otherwise)."""

    WIDTH = 30

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        filled = self.WIDTH * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"[{bar}] {self.done}/{self.total} {label}"
        if self.tty:
            sys.stderr.write("\r" + line.ljust(72)[:100])
            if self.done == self.total:
                sys.stderr.write("\n")
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


def cmd_pdf_all(args: argparse.Namespace) -> int:
    langs = parse_langs(args.langs) if args.langs else None
    out_dir = Path(args.out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        fail(_("{path} is not a folder").format(path=out_dir))
    if args.jobs is not None and args.jobs < 1:
        fail(_("error: --jobs must be 1 or more"))
    workers = args.jobs or os.cpu_count() or 1
    started = time.perf_counter()
    failed: list[tuple[Job, str]] = []
    # The workers start first and warm up while this process loads the store.
    with Workers(workers, langs or ["en"]) as pool:
        # writable: the store keeps each PDF's layout map as it is written
        with open_store(args) as store:
            sheets = store.load_all()
            out_dir.mkdir(parents=True, exist_ok=True)
            jobs = jobs_for(sheets, langs, out_dir)
            progress = Progress(len(jobs))
            not_kept = None
            for job, outcome in pool.map(run_mapped_job, jobs):
                progress.step(job.name)
                if isinstance(outcome, str):
                    failed.append((job, outcome))
                elif not_kept is None:
                    not_kept = _keep(store, outcome)
    if not_kept:
        err(
            _(
                "the store did not keep the PDFs' layout maps ({reason}): comments written on them cannot be imported into this store"
            ).format(reason=not_kept)
        )
    order = {job.path: i for i, job in enumerate(jobs)}
    failed.sort(key=lambda pair: order[pair[0].path])
    for job, problem in failed:
        err(_("{name}: not written: {reason}").format(name=job.name, reason=problem))
    seconds = time.perf_counter() - started
    lang = current_language()
    total, processes = len(jobs), min(workers, max(1, len(jobs)))
    # each number its own plural form; the duration and the counts in the locale's digits
    written = ngettext(
        "{written} of {total} PDF written to {folder} in {duration}",
        "{written} of {total} PDFs written to {folder} in {duration}",
        total,
    ).format(
        written=format_integer(total - len(failed), lang), total=format_integer(total, lang),
        folder=out_dir, duration=format_seconds(seconds, lang),
    )  # fmt: skip
    by = ngettext("{count} process", "{count} processes", processes).format(
        count=format_integer(processes, lang)
    )
    broken = ngettext("{count} failed", "{count} failed", len(failed)).format(
        count=format_integer(len(failed), lang)
    )
    print(
        _("{written} ({processes}); {failed}").format(written=written, processes=by, failed=broken)
    )
    return EXIT_ERRORS if failed else EXIT_OK


def _keep(store: Store, mapped: Mapped) -> str | None:
    """Record one export; the reason when the store cannot (None: kept)."""
    from eccp_desktop.store import StoreError
    from eccp_desktop.store.exports import keep_export

    try:
        keep_export(store, mapped.digest, mapped.size, mapped.layout)
    except StoreError as e:
        return str(e)
    return None
