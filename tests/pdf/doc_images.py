"""Regenerate the page images in ``docs/``: ``python -m tests.pdf.doc_images`` (needs pdftoppm)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from eccp_desktop.pdf import render_factsheet
from tests.conftest import ROOT
from tests.pdf import factories

# (image name, PDF bytes, page to show)
PAGES = [
    ("pdf-pl", lambda: render_factsheet(factories.polish_demo(), "pl"), 3),
    ("pdf-el", lambda: render_factsheet(factories.greek(), "el"), 1),
    ("pdf-bg", lambda: render_factsheet(factories.bulgarian(), "bg"), 2),
    # wrapped chart labels and hyphenation (French, Irish, Finnish)
    ("pdf-fr-charts", lambda: render_factsheet(factories.polish_demo(), "fr"), 2),
    ("pdf-ga-charts", lambda: render_factsheet(factories.polish_demo(), "ga"), 2),
    ("pdf-fi-charts", lambda: render_factsheet(factories.polish_demo(), "fi"), 2),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, page in PAGES:
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(make())
            out = ROOT / "docs" / name
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(pdf),
                    str(out),
                ],
                check=True,
            )
            print(f"{out}.png")


if __name__ == "__main__":
    main()
