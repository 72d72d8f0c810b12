"""The /network/ page: who introduced you to whom, as a diagram and as an indented tree.

The diagram is SVG laid out here at build time (no Mermaid, no script, works offline): one column
per generation of introductions, read left to right, each person a link to their page. People no
referral connects yet sit in a grid below it. Past DIAGRAM_LIMIT people a drawing stops being
readable, so the page says so and keeps only the tree. The tree goes onto pages of about
paging.ROWS people (network_tree.py); the summary and the diagram are on page 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup

from ..book import Handbook
from ..derive.referrals import Node, ReferralGraph, referral_graph
from . import search
from .environment import environment
from .network_tree import tree_pages
from .paging import Pager, numbered, page_src
from .site import Page, PageContext, RenderOptions, meta, render
from .urls import NETWORK_FOLDER, NETWORK_SRC, network_anchor

DIAGRAM_LIMIT = 150
COLUMN, BOX_WIDTH, BOX_HEIGHT, ROW = 220, 190, 28, 36  # layout units (px at 100%)
MARGIN, CAPTION = 8, 34
NAME_ROOM = 24  # characters that fit in a box; longer names are shortened, the tooltip has them whole


@dataclass(frozen=True)
class Box:
    slug: str
    name: str  # as drawn, perhaps shortened
    tooltip: str
    href: str
    x: float
    y: float

    @property
    def middle(self) -> float:
        return self.y + BOX_HEIGHT / 2


@dataclass(frozen=True)
class Edge:
    path: str  # SVG path data: an elbow from the referrer's right edge to the referred's left edge


@dataclass(frozen=True)
class Diagram:
    width: int
    height: int
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    caption_y: float | None  # where "No referral yet" goes, when anyone is unconnected
    people: int
    links: int


def _short(name: str) -> str:
    return name if len(name) <= NAME_ROOM else name[: NAME_ROOM - 1].rstrip() + "…"


def _rows(root: Node, first_row: int, rows: dict[str, float]) -> int:
    """Give each leaf its own row and centre each parent on its children; returns the next free row."""
    order = list(root.walk())  # depth first, parents before children
    next_row = first_row
    for node in order:
        if not node.children:
            rows[node.slug] = next_row
            next_row += 1
    for node in reversed(order):  # children before parents, without recursion
        if node.children:
            rows[node.slug] = (rows[node.children[0].slug] + rows[node.children[-1].slug]) / 2
    return next_row


def layout(handbook: Handbook, graph: ReferralGraph, page: PageContext) -> Diagram:
    forest = graph.tree()
    linked = [root for root in forest if root.children]
    alone = [root.slug for root in forest if not root.children]
    rows: dict[str, float] = {}
    column: dict[str, int] = {}
    next_row = 0
    for root in linked:
        next_row = _rows(root, next_row, rows)
        column.update((node.slug, node.depth) for node in root.walk())
    columns = max([c + 1 for c in column.values()] + [3])
    top = {slug: MARGIN + row * ROW for slug, row in rows.items()}
    caption_y = None
    if alone:
        # Everyone no referral connects yet, in a grid under a caption.
        caption_y = MARGIN + next_row * ROW + (CAPTION / 2 if linked else 0) + 14
        grid_top = caption_y + 14
        for n, slug in enumerate(alone):
            column[slug] = n % columns
            top[slug] = grid_top + (n // columns) * ROW
    boxes = []
    for slug in graph.ordered(top):
        contact = handbook.contacts[slug]
        tooltip = " · ".join(part for part in (contact.name, contact.role, contact.company) if part)
        boxes.append(Box(slug, _short(contact.name), tooltip, page.contact_link(slug),
                         MARGIN + column[slug] * COLUMN, round(top[slug], 1)))
    at = {box.slug: box for box in boxes}
    edges = []
    roots = set(graph.roots)
    for child, parent in sorted(graph.referrer.items()):
        # A root's own referrer only exists in a cycle; that closing link has no place in a tree.
        if child not in roots:
            start, end = at[parent], at[child]
            bend = start.x + BOX_WIDTH + (COLUMN - BOX_WIDTH) / 2
            edges.append(Edge(f"M{start.x + BOX_WIDTH} {start.middle} H{bend} V{end.middle} H{end.x}"))
    bottom = max((box.y for box in boxes), default=0) + BOX_HEIGHT + MARGIN
    return Diagram(MARGIN * 2 + (columns - 1) * COLUMN + BOX_WIDTH, round(bottom), tuple(boxes), tuple(edges),
                   caption_y, len(boxes), len(edges))


def draw(diagram: Diagram) -> Markup:
    svg = environment().get_template("network_diagram.svg.j2").render(
        diagram=diagram, box_width=BOX_WIDTH, box_height=BOX_HEIGHT)
    return Markup(svg.strip())  # a blank line would end the raw HTML block in markdown


def network_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    graph = referral_graph(handbook)
    people = len(graph.names)
    diagram = None
    if 0 < people <= DIAGRAM_LIMIT:
        diagram = draw(layout(handbook, graph, PageContext(handbook, options, NETWORK_SRC)))
    pages = tree_pages(graph)
    srcs = tuple(page_src(NETWORK_FOLDER, number) for number in range(1, len(pages) + 1))
    for number, tree in enumerate(pages, start=1):
        pager = Pager(number, len(pages), tree.first, tree.last, people, srcs)
        # Each page gets only what it shows, so `mkdocs serve` makes again only the pages that changed.
        summary = {"people": people, "introduced": len(graph.referrer), "diagram": diagram} if number == 1 else {}
        yield render("network.md.j2", handbook, options, pager.src,
                     meta=meta(title=numbered("Network", pager), search=search.LEFT_OUT), entries=tree.entries,
                     pager=pager, limit=DIAGRAM_LIMIT, anchor=network_anchor, **summary)
