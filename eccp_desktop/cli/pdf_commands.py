"""``pdf``: one factsheet in one language, or every factsheet in many languages at once."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from eccp_desktop import pdf  # render_factsheet loads reportlab on first use
from eccp_desktop.cli.common import EXIT_ERRORS, EXIT_OK, err, fail, open_store
from eccp_desktop.domain.codes import EU_LANGUAGES
from eccp_desktop.domain.model import Factsheet
from eccp_desktop.i18n import _
from eccp_desktop.pdf import PdfError


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
    from eccp_desktop.annotations import exports
    from eccp_desktop.store import NotFoundError

    with open_store(args) as store:
        try:
            fs = store.load(*store.resolve(args.country, args.edition))
        except NotFoundError as e:
            fail(str(e))
        code, edition = fs.country, fs.edition
        try:
            rendered = exports.render(fs, lang)
            write_atomically(out, rendered.pdf)
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


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back: the reason on failure, else what the store keeps."""

    problem: str | None
    pdf: bytes = b""
    layout: dict[str, object] | None = None


def run_job(job: Job) -> Outcome:
    """Render and write one PDF (a worker never raises)."""
    try:
        rendered = pdf.render_with_layout(job.factsheet, job.lang)
        write_atomically(job.path, rendered.pdf)
    except PdfError as e:
        return Outcome(str(e))
    except OSError as e:
        return Outcome(str(e.strerror or e))
    except Exception as e:  # one broken factsheet must not stop the batch
        return Outcome(f"{type(e).__name__}: {e}")
    return Outcome(None, rendered.pdf, rendered.layout.to_json())


def run_jobs(jobs: list[Job], workers: int) -> Iterator[tuple[Job, Outcome]]:
    """Each job with its outcome, in order; a process pool when more than one worker."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield job, run_job(job)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from zip(jobs, pool.map(run_job, jobs, chunksize=1), strict=True)


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
    from eccp_desktop.store import StoreError
    from eccp_desktop.store.exports import record_export

    store = open_store(args)
    sheets = store.load_all()
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = jobs_for(sheets, langs, out_dir)
    workers = args.jobs or os.cpu_count() or 1
    started = time.perf_counter()
    progress = Progress(len(jobs))
    failed: list[tuple[Job, str]] = []
    not_kept: str | None = None
    with store:
        for job, outcome in run_jobs(jobs, workers):
            progress.step(job.name)
            if outcome.problem is not None:
                failed.append((job, outcome.problem))
            elif outcome.layout is not None and not_kept is None:
                try:  # the layout maps, so that annotations on these PDFs can come back
                    record_export(store, outcome.pdf, outcome.layout)
                except StoreError as e:
                    not_kept = str(e)
    if not_kept:
        err(
            _(
                "the store did not keep the PDFs' layout maps ({reason}): comments written on them cannot be imported into this store"
            ).format(reason=not_kept)
        )
    for job, problem in failed:
        err(_("{name}: not written: {reason}").format(name=job.name, reason=problem))
    seconds = time.perf_counter() - started
    print(
        _("{written} of {total} PDFs written to {folder} in {seconds:.1f} s ({jobs} processes); {failed} failed").format(
            written=len(jobs) - len(failed), total=len(jobs), folder=out_dir,
            seconds=seconds, jobs=min(workers, max(1, len(jobs))), failed=len(failed),
        )
    )  # fmt: skip
    return EXIT_ERRORS if failed else EXIT_OK
