"""What Pagefind reads: each searched page's content as a small HTML document of its own.

Pagefind could only start on the site once MkDocs had written every page in the theme, and the
build then waited for it: a quarter of a build. Every page's content is known earlier, once MkDocs
has read all of them (its ``env`` event) and before it draws any in the theme. Written out then,
as one document a page at the page's own path, they are indexed on the second core while MkDocs
draws and writes the site.

A document holds what Pagefind read of a written page: the page's language, its title as an h1
when its content has none (as Material's content.html draws it), and its content, inside
``data-pagefind-body`` with the weight and kind its frontmatter's ``search:`` asks for. A page
whose ``search: {exclude: true}`` has no document. The theme's header, nav and footer were never
indexed, so nothing is lost by leaving them out.
"""

from __future__ import annotations

import html
import numbers
import re
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path


class SearchPage:
    """A page's document, or the way to make it: a document is made as it is written, from the
    content MkDocs holds anyway, so a big site's documents (13 KB a page, half a gigabyte at 40,000
    pages) are never all in memory at once."""

    __slots__ = ("path", "_document", "_make")

    def __init__(self, path: str, document: str | None = None, make: Callable[[], str] | None = None):
        self.path = path  # the page's file in the site: contacts/jane-doe/index.html
        self._document, self._make = document, make

    @property
    def read(self) -> bool:
        """False when the page was not read again (a dirty rebuild): its last document stands."""
        return self._document is not None or self._make is not None

    @property
    def document(self) -> str | None:
        return self._make() if self._make is not None else self._document


def search_pages(pages, language: str) -> list[SearchPage]:
    """The documents of MkDocs' pages (``Page`` objects, read), in the site's order."""
    found = []
    for page in pages:
        settings = page.meta.get("search") if page.meta else None
        settings = settings if isinstance(settings, dict) else {}
        if settings.get("exclude"):
            continue
        make = None if page.content is None else partial(document, page.title, page.content, settings, language)
        found.append(SearchPage(page.file.dest_uri, make=make))
    return found


# ``data-search-exclude`` in a tag, bare or with a value (the attribute Material's search reads).
# Inside a tag only: a guide page that shows the attribute in a code sample has it as ``&lt;…``.
_EXCLUDE_MARK = re.compile(r"(<[A-Za-z][^<>]*?)\sdata-search-exclude(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?(?=[\s/>])")


def without_exclude_marks(content: str) -> str:
    """The content as readers get it: the marks that tell search what to leave out have done their
    work once the page's document holds them (about 7% of a meeting page)."""
    if "data-search-exclude" not in content:
        return content
    return _EXCLUDE_MARK.sub(r"\1", content)


def document(title: str | None, content: str, settings: dict, language: str) -> str:
    attributes = ""
    boost = settings.get("boost")
    if isinstance(boost, numbers.Number) and not isinstance(boost, bool):
        attributes += f' data-pagefind-weight="{boost}"'
    if settings.get("kind"):
        attributes += f' data-pagefind-meta="kind:{html.escape(str(settings["kind"]))}"'
    heading = "" if "<h1" in content else f"<h1>{html.escape(title or '')}</h1>\n"
    return (f'<!doctype html>\n<html lang="{html.escape(language)}"><head><meta charset="utf-8"></head>'
            f"<body><div data-pagefind-body{attributes}>\n{heading}{content}\n</div></body></html>\n")


def write_documents(folder: Path, pages: list[SearchPage], written: Mapping[str, str] = {},
                    part: Callable[[str], str] = lambda path: "") -> dict[str, str]:
    """Write each page's document under ``folder``, in the subfolder ``part`` names for it, where the
    documents of ``written`` were put last time: a page not read again keeps its last one (moved when
    its part changed), and that of a page now gone is deleted. Returns each document's subfolder."""
    placed = {page.path: part(page.path) for page in pages}
    unread = {page.path for page in pages if not page.read}
    for path, was in sorted(written.items()):
        now = placed.get(path)
        if now == was:
            continue
        old = folder / was / path
        if now is not None and path in unread and old.is_file():
            (folder / now / path).parent.mkdir(parents=True, exist_ok=True)
            old.replace(folder / now / path)
        else:
            old.unlink(missing_ok=True)
    # In the order of their paths: Pagefind numbers the pages as it finds them, and some file
    # systems (tmpfs) list a folder in the order its files were made, so the index would follow
    # the order MkDocs happens to hold the pages in.
    for page in sorted(pages, key=lambda page: page.path):
        if not page.read:
            continue
        target = folder / placed[page.path] / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8") as file:
            file.write(page.document or "")
    return placed
