"""Pages for the person and meeting files left out for their errors (`Handbook.broken`).

While `mkdocs serve` runs, a file with a mistake keeps a page at its address that lists its errors,
so a link to it, a bookmark or the calendar never lands on a bare 404. (`mkdocs build` stops on
errors, so only the server ever shows these.)
"""

from __future__ import annotations

from typing import Iterable

from ..book import PEOPLE_DIR, BrokenFile, Handbook
from . import urls
from .site import Page, RenderOptions, meta, render


def broken_src(file: BrokenFile) -> str:
    return urls.contact_src(file.slug) if file.kind == PEOPLE_DIR else urls.meeting_src(file.slug)


def broken_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    if not options.private:
        return  # whether a broken person is shared cannot be known: the public site keeps them out
    for file in handbook.broken:
        yield render("broken.md.j2", handbook, options, broken_src(file),
                     meta=meta(title=f"Errors in {file.path}", search={"exclude": True}), file=file,
                     errors=urls.ERRORS_SRC)
