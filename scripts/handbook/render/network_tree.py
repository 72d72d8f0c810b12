"""The network page's referral tree, cut into pages of about paging.ROWS people, so that no page grows
with the handbook.

A whole tree (someone nobody referred, and everyone below them) stays on one page when it fits.
A bigger one flows on to the next page, which opens with the people above its first person, each
saying which page lists them. Only those some row of the page hangs from, and the tree's root, are
repeated, and "…" stands for the rest: a chain of introductions thousands long cannot make a page
bigger.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..derive.referrals import Node, ReferralGraph
from . import paging


@dataclass(frozen=True)
class Entry:
    """One line of a page's tree."""

    slug: str
    depth: int  # how far it is indented on this page
    introduced: int  # how many people they introduced you to
    listed_on: int = 0  # a person repeated above the page's first row: the page that lists them
    skipped: bool = False  # a repeated person with people left out between them and the one above


@dataclass(frozen=True)
class TreePage:
    entries: tuple[Entry, ...]
    first: int  # the position of its first person in the whole tree, from 1
    last: int


def tree_pages(graph: ReferralGraph, size: int | None = None) -> list[TreePage]:
    """Every page of the tree, page 1 first; one (empty) page when there is nobody."""
    size = size or paging.ROWS
    parts = _split(graph.tree(), size)
    page_of = {node.slug: number for number, part in enumerate(parts, start=1) for node in part}
    parent = {child.slug: node for part in parts for node in part for child in node.children}
    pages, first = [], 1
    for part in parts:
        entries = [*_above(part, parent, page_of, graph)]
        shown = {entry.slug: entry.depth for entry in entries}
        for node in part:
            above = parent.get(node.slug)
            shown[node.slug] = shown[above.slug] + 1 if above else 0
            entries.append(Entry(node.slug, shown[node.slug], graph.count(node.slug)))
        pages.append(TreePage(tuple(entries), first, first + len(part) - 1))
        first += len(part)
    return pages


def pages_holding(pages: list[TreePage]) -> dict[str, int]:
    """Each person's page number: where their entry (and its anchor) is."""
    return {entry.slug: number for number, page in enumerate(pages, start=1)
            for entry in page.entries if not entry.listed_on}


def _split(forest: tuple[Node, ...], size: int) -> list[list[Node]]:
    parts: list[list[Node]] = [[]]
    for root in forest:
        nodes = list(root.walk())
        if len(parts[-1]) + len(nodes) > size >= len(nodes):
            parts.append([])  # a tree that fits on a page is never split
        while nodes:  # a tree bigger than a page fills this one and flows on
            if len(parts[-1]) == size:
                parts.append([])
            room = size - len(parts[-1])
            parts[-1].extend(nodes[:room])
            nodes = nodes[room:]
    return parts


def _above(part: list[Node], parent: dict[str, Node], page_of: dict[str, int], graph: ReferralGraph) -> list[Entry]:
    """The people above a page's first row when it continues a tree from an earlier page."""
    if not part or part[0].depth == 0:
        return []
    path = [parent[part[0].slug]]
    while path[-1].depth:
        path.append(parent[path[-1].slug])
    path.reverse()  # the root first
    here = {node.slug for node in part}
    # Every row's parent is on this page or on the path (the rows are one stretch of the tree).
    needed = {parent[node.slug].slug for node in part if node.slug in parent} - here
    kept = [node for node in path if node.depth == 0 or node.slug in needed]
    return [Entry(node.slug, depth, graph.count(node.slug), page_of[node.slug],
                  skipped=depth > 0 and node.depth > kept[depth - 1].depth + 1)
            for depth, node in enumerate(kept)]
