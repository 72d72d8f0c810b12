"""Index pages that stay a bounded size: the rows split into pages of ROWS, page 1 at the index's
own address and the others at <folder>/_pages/N/ (an underscore no person's or meeting's slug has)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, TypeVar

ROWS = 250  # most handbooks fit on one page; 10,000 people make 40 of about 150 KB each

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    number: int  # from 1
    count: int  # how many pages
    first: int  # the first row's position, from 1
    last: int
    total: int
    srcs: tuple[str, ...]  # every page's source path, page 1 first

    @property
    def src(self) -> str:
        return self.srcs[self.number - 1]


def page_src(folder: str, number: int) -> str:
    return f"{folder}/index.md" if number == 1 else f"{folder}/_pages/{number}.md"


def paged(folder: str, rows: Sequence[T], size: int | None = None) -> list[tuple[Pager, Sequence[T]]]:
    """Each page's pager and rows; one (empty) page when there are no rows."""
    size = size or ROWS
    count = max(1, -(-len(rows) // size))
    srcs = tuple(page_src(folder, n) for n in range(1, count + 1))
    return [(Pager(n, count, (n - 1) * size + 1, min(n * size, len(rows)), len(rows), srcs),
             rows[(n - 1) * size: n * size]) for n in range(1, count + 1)]


def numbered(title: str, pager: Pager) -> str:
    """A page's title: the index's own on page 1, then "…, page N"."""
    return title if pager.number == 1 else f"{title}, page {pager.number}"
