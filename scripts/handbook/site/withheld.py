"""Links into pages that a public build leaves out become plain text.

The guide in content/ may link to any contact or to the meetings; the public build has no page for
an unshared person and no meetings at all. Rather than ship dead links (or fail `--strict`), such
a link keeps its words and loses its address. Links to pages that should exist but don't (a typo)
are left alone, so MkDocs still reports them.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

_RAW_LINK = re.compile(r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)


class Withheld:
    """The folders this build leaves out and the paths it does have, as source paths and URLs."""

    def __init__(self, folders: tuple[str, ...] = (), present: set[str] | frozenset[str] = frozenset()):
        self.folders = folders
        self.present = present
        self.page_src = ""  # the page being converted, set before MkDocs renders its markdown

    def hides(self, path: str) -> bool:
        if not self.folders or path.startswith("../"):
            return False
        if not (path + "/").startswith(self.folders):
            return False
        return path not in self.present and posixpath.join(path, "index.md") not in self.present

    def hides_link(self, base: str, href: str) -> bool:
        """Whether ``href``, written in a page whose folder is ``base``, points into a withheld page."""
        scheme, netloc, path, _, _ = urlsplit(href)
        if scheme or netloc or not path or path.startswith(("/", "\\")):
            return False
        return self.hides(posixpath.normpath(posixpath.join(base, unquote(path))))

    def nav(self, items):
        """The nav without entries that point into withheld pages; sections left empty go too."""
        if isinstance(items, str):
            return None if self.hides(posixpath.normpath(items)) else items
        if isinstance(items, dict):
            kept = {title: self.nav(value) for title, value in items.items()}
            kept = {title: value for title, value in kept.items() if value not in (None, [])}
            return kept or None
        if isinstance(items, list):
            return [kept for kept in (self.nav(item) for item in items) if kept is not None]
        return items

    def unlink_html(self, page_url: str, page_src: str, html: str) -> str:
        """Raw <a> tags written by hand. The browser reads them relative to the page's URL, but
        people often write them relative to the source file: either way, a withheld target goes."""
        bases = {page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url),
                 posixpath.dirname(page_src)}

        def fix(match: re.Match) -> str:
            href = match.group(1) if match.group(1) is not None else match.group(2)
            hidden = any(self.hides_link(base, href) for base in bases)
            return f"<span>{match.group(3)}</span>" if hidden else match.group(0)

        return _RAW_LINK.sub(fix, html) if self.folders else html


class _UnlinkWithheld(Treeprocessor):
    def __init__(self, md: Markdown, withheld: Withheld):
        super().__init__(md)
        self.withheld = withheld

    def run(self, root: etree.Element) -> None:
        base = posixpath.dirname(self.withheld.page_src)
        for element in root.iter("a"):
            if self.withheld.hides_link(base, element.get("href", "")):
                element.tag = "span"
                element.attrib.clear()


class WithheldLinks(Extension):
    """Markdown links into withheld pages become text, before MkDocs checks that targets exist."""

    def __init__(self, withheld: Withheld):
        super().__init__()
        self.withheld = withheld

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (the Markdown API's name)
        # Above MkDocs' own link checker ("relpath", priority 0), so it never sees these links.
        md.treeprocessors.register(_UnlinkWithheld(md, self.withheld), "handbook_withheld_links", 2)
