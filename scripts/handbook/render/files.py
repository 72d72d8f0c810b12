"""Non-page outputs: each file builder yields (path under the site root, bytes), e.g. follow-ups.ics.

A feature adds its builder to FILE_BUILDERS, as page builders join PAGE_BUILDERS in site.py.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..book import Handbook
from .ics import ics_files
from .site import RenderOptions

FileBuilder = Callable[[Handbook, RenderOptions], Iterable[tuple[str, bytes]]]

FILE_BUILDERS: list[FileBuilder] = [ics_files]


def render_files(handbook: Handbook, options: RenderOptions) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for builder in FILE_BUILDERS:
        for path, data in builder(handbook, options):
            files[path] = data
    return dict(sorted(files.items()))
