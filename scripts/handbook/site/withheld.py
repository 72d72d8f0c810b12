"""Links into pages that a public build leaves out become plain text.

The guide in content/ may link to any contact or to the meetings; the public build has no page for
an unshared person and no meetings at all. Rather than ship dead links (or fail `--strict`), such
a link keeps its words and loses its address, so the unshared person's slug is nowhere in the
output. Links to pages that should exist but don't (a typo) are left alone, so MkDocs still
reports them.

A link counts whatever way it is written: relative to the page or to its source file, from the
site root (`/contacts/x/`), as an absolute URL (under `site_url` or not), percent-encoded (`%63ontacts`),
with HTML character references (`&#99;ontacts`), backslashes or `../` past the root (browsers
resolve both), and in raw HTML with or without quotes around the address.
"""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# A tag's attributes, quoted or not: '>' inside a quoted value does not end the tag.
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_RAW_LINK = re.compile(rf"<a\b({_ATTRIBUTES})>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_RAW_TAG = re.compile(rf"<[a-z][a-z0-9-]*\b{_ATTRIBUTES}>", re.IGNORECASE)
_ADDRESS = re.compile(r"""(\s(?:href|src|action|formaction|poster|data)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""",
                      re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""", re.IGNORECASE)
PRIVATE_PAGE = "a page this site does not share"  # the words of a link whose words were its address


def _site_path(site_url: str) -> str:
    """site_url's path, ending in '/': where the site's pages start on its host."""
    path = urlsplit(site_url or "").path
    return path if path.endswith("/") else path + "/"


class Withheld:
    """The folders this build leaves out and the paths it does have, as source paths and URLs."""

    def __init__(self, folders: tuple[str, ...] = (), present: set[str] | frozenset[str] = frozenset(),
                 site_url: str = ""):
        self.folders = folders
        self.present = present
        self.site_url = site_url
        self.page_src = ""  # the page being converted, set before MkDocs renders its markdown

    def hides(self, path: str) -> bool:
        if not self.folders or path.startswith("../"):
            return False
        if not (path + "/").startswith(self.folders):
            return False
        return path not in self.present and posixpath.join(path, "index.md") not in self.present

    def targets(self, base: str, href: str) -> list[str]:
        """The site paths ``href``, written in a page whose folder is ``base``, may point at; none
        when it cannot be a page. A path from the root, or an http(s) URL, is read both from the
        site's own root (under site_url's path) and from the host's: either may be meant."""
        href = html.unescape(href).strip().replace("\\", "/")
        parts = urlsplit(href)
        path = unquote(parts.path)
        prefix = _site_path(self.site_url)
        if parts.scheme or parts.netloc:
            # Any host: without site_url the site's own address is unknown, and a path that names a
            # withheld page names its person wherever it points.
            if parts.scheme.lower() not in ("http", "https", ""):
                return []
            path = "/" + path.lstrip("/")
        if not path:
            return []
        if path.startswith("/"):
            readings = {_clamped(path)}
            if prefix != "/" and path.startswith(prefix):
                readings.add(_clamped(path[len(prefix):]))
            return sorted(readings)
        return [_clamped(posixpath.join(base, path))]

    def hidden_target(self, base: str, href: str) -> str | None:
        """The withheld page ``href``, written in a page whose folder is ``base``, points at, if any."""
        return next((target for target in self.targets(base, href) if self.hides(target)), None)

    def hides_link(self, base: str, href: str) -> bool:
        return self.hidden_target(base, href) is not None

    def nav(self, items):
        """The nav without entries that point into withheld pages; sections left empty go too."""
        if isinstance(items, str):
            return None if self.hides_link("", items) else items
        if isinstance(items, dict):
            kept = {title: self.nav(value) for title, value in items.items()}
            kept = {title: value for title, value in kept.items() if value not in (None, [])}
            return kept or None
        if isinstance(items, list):
            return [kept for kept in (self.nav(item) for item in items) if kept is not None]
        return items

    def unlink_html(self, page_url: str, page_src: str, html_text: str) -> str:
        """Raw tags written by hand. The browser reads them relative to the page's URL, but people
        often write them relative to the source file: either way, a withheld target goes. An <a>
        becomes a <span> with the same words; any other tag loses the address."""
        if not self.folders:
            return html_text
        bases = {page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url),
                 posixpath.dirname(page_src)}

        def hidden(value: str) -> str | None:
            address = value[1:-1] if value[:1] in "\"'" else value
            return next(filter(None, (self.hidden_target(base, address) for base in bases)), None)

        def fix_link(match: re.Match) -> str:
            href = _HREF.search(" " + match.group(1))
            target = hidden(href.group(1)) if href else None
            return match.group(0) if target is None else f"<span>{_words(match.group(2), target)}</span>"

        def fix_tag(match: re.Match) -> str:  # an <a> left without its </a>, an <img>, a <form> ...
            return _ADDRESS.sub(lambda m: "" if hidden(m.group(2)) else m.group(0), match.group(0))

        return _RAW_TAG.sub(fix_tag, _RAW_LINK.sub(fix_link, html_text))


def _clamped(path: str) -> str:
    """A site path normalised as a browser would: '..' past the root stays at the root."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _words(text: str, target: str) -> str:
    """A withheld link's words, unless they hold its page's name (an autolink shows its address).
    The name is what follows the top folder: 'contacts/lina-park' names 'lina-park'."""
    names = [unquote(part).lower() for part in target.split("/")[1:] if part not in ("index.md", "index.html")]
    shown = unquote(html.unescape(re.sub(r"<[^>]*>", "", text))).lower()
    return PRIVATE_PAGE if any(name in shown for name in names) else text


# A guide passage about the handbook's own commands and files (`{: .hb-owner-note }` after it):
# the public build leaves it out, so a visitor never reads instructions meant for the owner.
OWNER_NOTE = "hb-owner-note"


class _UnlinkWithheld(Treeprocessor):
    def __init__(self, md: Markdown, withheld: Withheld):
        super().__init__(md)
        self.withheld = withheld

    def run(self, root: etree.Element) -> None:
        if self.withheld.folders:  # the public profile
            for parent in list(root.iter()):
                for child in [c for c in parent if OWNER_NOTE in (c.get("class") or "").split()]:
                    parent.remove(child)
        base = posixpath.dirname(self.withheld.page_src)
        for element in root.iter():
            target = self.withheld.hidden_target(base, element.get("href", "")) if element.tag == "a" else None
            if target is not None:
                if _words("".join(element.itertext()), target) == PRIVATE_PAGE:
                    element.text = PRIVATE_PAGE
                    element[:] = []
                element.tag = "span"
                element.attrib.clear()
            elif element.tag != "a":
                for name in ("src", "href"):
                    if name in element.attrib and self.withheld.hides_link(base, element.get(name, "")):
                        del element.attrib[name]


class WithheldLinks(Extension):
    """Markdown links into withheld pages become text, before MkDocs checks that targets exist."""

    def __init__(self, withheld: Withheld):
        super().__init__()
        self.withheld = withheld

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (the Markdown API's name)
        # Above MkDocs' own link checker ("relpath", priority 0), so it never sees these links.
        md.treeprocessors.register(_UnlinkWithheld(md, self.withheld), "handbook_withheld_links", 2)
