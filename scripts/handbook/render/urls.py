"""Links between generated pages, computed here because MkDocs does not rewrite links in raw HTML."""

from __future__ import annotations

import posixpath

from ..identity import tag_slug


def page_url(src: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a page source: 'contacts/jane/index.md' -> 'contacts/jane/'."""
    stem = src[:-3] if src.endswith(".md") else src
    if directory_urls:
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
            return stem
        return stem + "/"
    return stem + ".html"


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for site paths, without its two os.getcwd() calls: a big site makes 30,000+ links."""
    path_parts = [part for part in posixpath.normpath("/" + path).split("/") if part]
    start_parts = [part for part in posixpath.normpath("/" + start).split("/") if part]
    common = len(posixpath.commonprefix([start_parts, path_parts]))
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def relative_url(from_src: str, to_src: str, directory_urls: bool = True, anchor: str = "") -> str:
    here = page_url(from_src, directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    target = page_url(to_src, directory_urls) if to_src.endswith(".md") else to_src
    rel = _relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


MEETINGS_FOLDER = "meetings/"
CALENDAR_FOLDER = "calendar/"
NETWORK_FOLDER = "network"
NETWORK_SRC = f"{NETWORK_FOLDER}/index.md"  # page 1; the referral tree goes on at paging.page_src(NETWORK_FOLDER, N)
ERRORS_SRC = "handbook-errors.md"  # every problem, while `mkdocs serve` runs with some


def contact_folder(slug: str) -> str:
    """Everything about one person lives under this folder: their page and any files beside it."""
    return f"contacts/{slug}/"


def contact_src(slug: str) -> str:
    return f"{contact_folder(slug)}index.md"


def meeting_src(slug: str) -> str:
    return f"{MEETINGS_FOLDER}{slug}/index.md"


COMPANIES_SRC = "companies/index.md"


def company_src(slug: str) -> str:
    return f"companies/{slug}/index.md"


def network_anchor(slug: str) -> str:
    """The id of a person's entry in the referral tree, on the network page that lists them."""
    return f"net-{slug}"


TAGS_FOLDER = "tags"
TAGS_SRC = f"{TAGS_FOLDER}/index.md"  # every tag; each tag's people are at tag_src(its slug)


def tag_folder(slug: str) -> str:
    return f"{TAGS_FOLDER}/{slug}"


def tag_src(slug: str) -> str:
    return f"{tag_folder(slug)}/index.md"


def tag_page(tag: str) -> str:
    """The page of a tag as a person's file spells it."""
    return tag_src(tag_slug(tag))
