"""Material draws the whole nav, the sidebar's and the tabs', again on every page: a fifth of a build
at 1,000 people. Most of our pages (a person, a meeting, a company) are not in the nav, and for
such a page the drawing depends only on which nav items are active and on where each nav link
points from that page. Pages that agree on both get the same HTML, so it is drawn once for them.

The theme's two partials are wrapped, as they load, in a call to ``nav_drawing``: Material's own
templates stay as they are, and without this plugin (plain MkDocs on exported pages) nothing changes.
"""

from __future__ import annotations

from typing import Any, Callable

import jinja2
from jinja2 import pass_context

SHARED = ("partials/nav.html", "partials/tabs.html")
CALL = "nav_drawing"


class SharingLoader(jinja2.BaseLoader):
    """The theme's loader, with each shared partial's source inside ``{% call nav_drawing(name) %}``."""

    def __init__(self, loader: jinja2.BaseLoader):
        self.loader = loader

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        if template in SHARED:
            source = f'{{%- call {CALL}("{template}") -%}}{source}{{%- endcall -%}}'
        return source, filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()


class SharedNav:
    """The nav drawings of one build: a new environment (one a build) starts with none."""

    def __init__(self) -> None:
        self.drawn: dict[tuple, str] = {}
        self.nav: Any = None
        self.in_nav: set[int] = set()
        self.items: list = []  # every item of the nav, and its link if it has one

    def install(self, env: jinja2.Environment) -> None:
        self.drawn.clear()
        self.nav = None
        env.loader = SharingLoader(env.loader)
        env.globals[CALL] = pass_context(lambda context, name, caller: self.draw(context, name, caller))

    def draw(self, context, name: str, caller: Callable[[], str]) -> str:
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None:
            return caller()
        if nav is not self.nav:
            self._read(nav)
        if id(page) in self.in_nav:  # the nav marks it as the current page and holds its toc
            return caller()
        key = (name, self._seen_from(context, nav))
        drawing = self.drawn.get(key)
        if drawing is None:
            drawing = self.drawn[key] = caller()
        return drawing

    def _read(self, nav) -> None:
        self.nav, self.in_nav, self.items = nav, {id(p) for p in nav.pages}, []
        found = list(nav.items)
        while found:
            item = found.pop()
            self.items.append((item, getattr(item, "url", None)))
            found.extend(item.children or ())

    def _seen_from(self, context, nav) -> tuple:
        """What the drawing depends on: each item's active state and link as this page writes them."""
        url = context.environment.filters["url"]
        homepage = context["config"].extra.get("homepage") or (nav.homepage.url if nav.homepage else "")
        return (url(context, homepage),
                *((item.active, None if link is None else url(context, link)) for item, link in self.items))
