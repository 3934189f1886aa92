"""Reading PDFs back the way a reader sees them (pypdf text extraction)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def flat(text: str) -> str:
    """Whitespace collapsed, so wrapped lines compare as one."""
    return re.sub(r"\s+", " ", text)


def dehyphenate(text: str) -> str:
    """Words hyphenated at a line end read whole again ("charac-" / "ters")."""
    return re.sub(r"(\w)-\n(\w)", r"\1\2", text)


def all_text(data: bytes) -> str:
    return flat(" ".join(dehyphenate(t) for t in page_texts(data)))


def outline_titles(data: bytes) -> list[str]:
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(str(getattr(item, "title", "")))

    walk(reader(data).outline)
    return titles
