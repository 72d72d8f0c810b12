"""MkDocs hooks for the benchmark's baseline: the search index as it would be with no exclusions.

Listed under ``hooks:`` in a throwaway config, it removes every ``data-search-exclude`` and
``search: exclude`` before Material's search plugin reads the page, so the index holds all text.
"""

from __future__ import annotations

import re

_EXCLUDE = re.compile(r"\sdata-search-exclude(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]*))?", re.IGNORECASE)


def on_page_content(html, page, config, files):
    search = page.meta.get("search")
    if isinstance(search, dict):
        search.pop("exclude", None)
    return _EXCLUDE.sub("", html)
