"""PDF speed: one typical factsheet, the demo store in six languages (1 vs 2 processes),
and the same content through WeasyPrint from HTML, side by side in one run.

WeasyPrint lives in its own virtual environment (created on first use in the
user cache folder, or ``ECCP_BENCH_WEASYPRINT_VENV``), never in the app's.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from platformdirs import user_cache_path

from eccp_desktop.cli.pdf_commands import Job, jobs_for, run_jobs
from eccp_desktop.exchange import read_package
from eccp_desktop.paths import demo_packages, resource
from eccp_desktop.pdf import render_factsheet
from tests.bench.pdf_html import factsheet_html

LANGS = ["en", "pl", "de", "fr", "el", "bg"]
REPEAT = 15

WEASY_SCRIPT = """
import json, statistics, sys, time
from pathlib import Path
import weasyprint
typical, batch = Path(sys.argv[1]), sorted(Path(sys.argv[2]).glob("*.html"))
def render(path):
    return weasyprint.HTML(filename=str(path)).write_pdf()
start = time.perf_counter(); first = render(typical); first_ms = (time.perf_counter() - start) * 1000
times = []
for _ in range(int(sys.argv[3])):
    start = time.perf_counter(); render(typical); times.append((time.perf_counter() - start) * 1000)
start = time.perf_counter()
for path in batch:
    path.with_suffix(".pdf").write_bytes(render(path))
batch_s = time.perf_counter() - start
pages = len(weasyprint.HTML(filename=str(typical)).render().pages)
print(json.dumps({"first_ms": first_ms, "median_ms": statistics.median(times), "batch_s": batch_s,
                  "pages": pages, "version": weasyprint.__version__}))
"""


def weasyprint_python() -> Path | None:
    """The bench venv's python, with WeasyPrint installed on first use; None if impossible."""
    home = Path(
        os.environ.get(
            "ECCP_BENCH_WEASYPRINT_VENV", user_cache_path("eccp-desktop") / "bench-weasyprint"
        )
    )
    python = home / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    check = [str(python), "-c", "import weasyprint"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    print(f"  installing WeasyPrint into {home} (bench only) …", flush=True)
    try:
        venv.create(home, with_pip=True, clear=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "weasyprint"],
            check=True,
            capture_output=True,
        )
        subprocess.run(check, check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError) as e:
        print(f"  WeasyPrint unavailable: {e}")
        return None
    return python


def timed_batch(jobs: list[Job], workers: int) -> float:
    start = time.perf_counter()
    failed = [j.name for j, problem in run_jobs(jobs, workers) if problem]
    seconds = time.perf_counter() - start
    assert not failed, failed
    return seconds


def main() -> None:
    typical = read_package(resource("demo", "pl-2023.eccp.json"))
    sheets = [read_package(p) for p in demo_packages()]

    start = time.perf_counter()
    data = render_factsheet(typical, "pl")
    first_ms = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        render_factsheet(typical, "pl")
        times.append((time.perf_counter() - start) * 1000)
    typical_ms = statistics.median(times)
    pages = data.count(b"/Type /Page\n")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        jobs = jobs_for(sheets, LANGS, out)
        one = timed_batch(jobs, 1)
        two = timed_batch(jobs, 2)

        print(
            f"  reportlab, Polish demo (pl, {pages} pages): first {first_ms:.0f} ms, then median {typical_ms:.1f} ms of {REPEAT}"
        )
        print(
            f"  reportlab, demo store x {len(LANGS)} languages = {len(jobs)} PDFs: 1 process {one:.2f} s, 2 processes {two:.2f} s -> {one / two:.2f}x"
        )

        python = weasyprint_python()
        if python is None:
            return
        html_dir = out / "html"
        html_dir.mkdir()
        typical_html = out / "typical.html"
        typical_html.write_text(factsheet_html(typical, "pl"), encoding="utf-8")
        for job in jobs:
            (html_dir / job.path.with_suffix(".html").name).write_text(
                factsheet_html(job.factsheet, job.lang), encoding="utf-8"
            )
        result = subprocess.run(
            [str(python), "-c", WEASY_SCRIPT, str(typical_html), str(html_dir), str(REPEAT // 3)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            print(f"  WeasyPrint failed: {result.stderr.strip().splitlines()[-1:]}")
            return
        w = json.loads(result.stdout)
        print(
            f"  WeasyPrint {w['version']}, same content from HTML ({w['pages']} pages): first {w['first_ms']:.0f} ms, then median {w['median_ms']:.0f} ms"
        )
        print(f"  WeasyPrint, demo store x {len(LANGS)} languages, 1 process: {w['batch_s']:.2f} s")
        print(
            f"  ratio per factsheet: reportlab {w['median_ms'] / typical_ms:.1f}x faster than WeasyPrint"
        )
        print(
            f"  ratio whole batch, 1 process each: reportlab {w['batch_s'] / one:.1f}x faster; 2 processes vs WeasyPrint: {w['batch_s'] / two:.1f}x"
        )


if __name__ == "__main__":
    main()
