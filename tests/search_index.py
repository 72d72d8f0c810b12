"""Reading the search index a build wrote (site/pagefind/), for tests.

Pagefind gzips every file of its index and starts each with a signature; a fragment holds one page:
its address, the words search matches (``content``), its title and other ``meta``."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def unpacked(data: bytes) -> bytes:
    """A file of the index as Pagefind wrote it before compressing; any other file unchanged."""
    if data[:2] != b"\x1f\x8b":
        return data
    data = gzip.decompress(data)
    return data[len(SIGNATURE):] if data.startswith(SIGNATURE) else data


def indexed_parts(site: Path) -> dict[str, list[str]]:
    """The paths of the pages in each part of the index, by the part's folder ("" for the bundle's own)."""
    parts: dict[str, list[str]] = {}
    for path in sorted((site / "pagefind").rglob("fragment/*.pf_fragment")):
        part = path.parent.parent.relative_to(site / "pagefind").as_posix().removeprefix(".")
        parts.setdefault(part, []).append(json.loads(unpacked(path.read_bytes()))["url"].lstrip("/"))
    return parts


def indexed_pages(site: Path) -> dict[str, dict]:
    """Each page in the index, in any of its parts, by its path in the site ("contacts/jane-doe/",
    "" for the home page)."""
    pages = {}
    for path in sorted((site / "pagefind").rglob("fragment/*.pf_fragment")):
        fragment = json.loads(unpacked(path.read_bytes()))
        pages[fragment["url"].lstrip("/")] = fragment
    return pages


def index_text(site: Path) -> str:
    """Every file of the index, unpacked, as one text: for looking for a value anywhere in it."""
    return "\n".join(unpacked(p.read_bytes()).decode("utf-8", errors="replace")
                     for p in sorted((site / "pagefind").rglob("*")) if p.is_file())
