"""The tag pages: every tag with its number of people (tags/), and each tag's people
(tags/<slug>/), both cut into pages of paging.ROWS rows, so that no page grows with the handbook.

A tag is its address (identity.tag_slug): "Data Science" and "data-science" are one tag, named by
the spelling most of its people use. The pages are made from the handbook the build shows, so the
public build lists shared people only, and a tag that only withheld people have gets no page at
all. Search leaves them out: they repeat the names that the people's own pages hold.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from ..book import Handbook
from ..identity import tag_slug
from ..model import Contact
from . import search, urls
from .paging import numbered, paged
from .site import Page, RenderOptions, meta, render


@dataclass(frozen=True)
class Tag:
    slug: str
    spellings: tuple[str, ...]  # as people's files write it, the most used first
    people: tuple[Contact, ...]  # by name

    @property
    def name(self) -> str:
        return self.spellings[0]

    @property
    def src(self) -> str:
        return urls.tag_src(self.slug)


@dataclass(frozen=True)
class Row:
    """A person on a tag's page, as much as it shows: a note or a meeting changes no tag page."""

    slug: str
    name: str
    company: str
    role: str
    status: str

    @classmethod
    def of(cls, contact: Contact) -> "Row":
        return cls(contact.slug, contact.name, contact.company, contact.role, contact.status)


@dataclass(frozen=True)
class Listed:
    """A row of the tags index: what it shows of a tag, and nothing that changes with its people."""

    name: str
    src: str
    people: int


def tags(handbook: Handbook) -> list[Tag]:
    """Every tag of the handbook's people, by name."""
    people: dict[str, list[Contact]] = {}
    spelled: dict[str, Counter] = {}
    for contact in handbook.contacts.values():
        own: dict[str, set[str]] = {}  # "Healthcare" and "healthcare" in one file: one person, two spellings
        for tag in contact.tags:
            own.setdefault(tag_slug(tag), set()).add(tag)
        for slug, spellings in own.items():
            people.setdefault(slug, []).append(contact)
            spelled.setdefault(slug, Counter()).update(spellings)
    found = []
    for slug, tagged in people.items():
        spellings = sorted(spelled[slug], key=lambda s: (-spelled[slug][s], s.casefold(), s))
        found.append(Tag(slug, tuple(spellings), tuple(sorted(tagged, key=lambda c: (c.name.casefold(), c.slug)))))
    return sorted(found, key=lambda t: (t.name.casefold(), t.slug))


def tag_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    found = tags(handbook)
    listed = [Listed(tag.name, tag.src, len(tag.people)) for tag in found]
    for pager, rows in paged(urls.TAGS_FOLDER, listed):
        yield render("tags_index.md.j2", handbook, options, pager.src,
                     meta=meta(title=numbered("Tags", pager), search=search.LEFT_OUT, hide=["toc"]),
                     rows=rows, pager=pager)
    for tag in found:
        for pager, rows in paged(urls.tag_folder(tag.slug), [Row.of(c) for c in tag.people]):
            yield render("tag.md.j2", handbook, options, pager.src,
                         meta=meta(title=numbered(f"Tag: {tag.name}", pager), search=search.LEFT_OUT, hide=["toc"]),
                         name=tag.name, spellings=tag.spellings, rows=rows, pager=pager, index=urls.TAGS_SRC)
