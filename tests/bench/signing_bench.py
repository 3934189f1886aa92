"""Cost of signing and verifying (#12): a 500-cluster package and a 5-page PDF.

Targets: ≤ 100 ms each. RSA-2048 test keys from the throwaway PKI of the
tests; the PKCS#12 file is opened once (as the CLI does per command).
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPEAT = 15


def page_count(pdf: bytes) -> int:
    """The pages pypdf finds (counting b"/Type /Page" misses those in object streams)."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def _ms(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    result = fn()  # first call: imports and caches
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), result


def main() -> None:
    from eccp_desktop import pdf
    from eccp_desktop.exchange import factsheet_to_dict
    from eccp_desktop.trust.keys import pkcs12_key
    from eccp_desktop.trust.packages import sign_document, verify_document
    from eccp_desktop.trust.pdfs import sign_pdf, verify_pdf
    from eccp_desktop.trust.trustfile import read_trust_file
    from tests.bench.synthetic import synthetic_factsheet
    from tests.trust.conftest import write_trust_file
    from tests.trust.pki import NOW, PASSWORD, pki

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        trust = read_trust_file(write_trust_file(folder, pki()))
        start = time.perf_counter()
        key = pkcs12_key(pki().p12(pki().pl, folder), PASSWORD, NOW)
        open_ms = (time.perf_counter() - start) * 1000

        fs = synthetic_factsheet("PL", clusters=500)
        doc = factsheet_to_dict(fs)
        size = len(str(doc))
        med, best, signed = _ms(lambda: sign_document(doc, key, NOW))
        print(f"  open the PKCS#12 file: {open_ms:.0f} ms (once per command)")
        print(
            f"  sign a 500-cluster package (~{size // 1024} KB): median {med:.1f} ms, best {best:.1f} ms"
        )
        med, best, verdict = _ms(lambda: verify_document(signed, trust, "PL"))
        assert verdict.state.value == "valid", verdict
        print(f"  verify it: median {med:.1f} ms, best {best:.1f} ms")

        data = pdf.render_factsheet(fs, "pl")
        pages = page_count(data)
        small = synthetic_factsheet("PL", clusters=40)
        five = pdf.render_factsheet(small, "pl")
        five_pages = page_count(five)
        med, best, signed_pdf = _ms(lambda: sign_pdf(five, key, NOW, "bench"))
        print(
            f"  sign a {five_pages}-page PDF ({len(five) // 1024} KB): median {med:.1f} ms, best {best:.1f} ms"
        )
        med, best, verdict = _ms(lambda: verify_pdf(signed_pdf, trust, "PL"))
        assert verdict.state.value == "valid", verdict
        print(f"  verify it: median {med:.1f} ms, best {best:.1f} ms")
        med, best, _ = _ms(lambda: sign_pdf(data, key, NOW, "bench"))
        print(
            f"  (the 500-cluster PDF, {pages} pages, {len(data) // 1024} KB: sign median {med:.1f} ms)"
        )


if __name__ == "__main__":
    main()
