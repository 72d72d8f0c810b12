"""Anchors and the table of contents for a page we rendered as HTML.

Generated pages reach MkDocs as finished HTML, so Python-Markdown's toc extension never sees them.
This gives their headings what it would have: the same ids (so old links keep working), the same
permalink, and the tokens MkDocs builds ``page.toc`` from.
"""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import nest_toc_tokens, slugify, unique

_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_PERMALINK = '<a class="headerlink" href="#{0}" title="Permanent link">&para;</a>'


def anchored(page_html: str, taken: set[str] | None = None) -> tuple[str, list[dict]]:
    """The page with an id and a permalink on every heading, and its nested toc tokens.
    ``taken`` holds ids already used on the page (they are not given twice)."""
    ids = set(taken or ())
    flat: list[dict] = []

    def anchor(match: re.Match) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2), match.group(3)
        text = html.unescape(_TAG.sub("", _HEADERLINK.sub("", inner))).strip()
        name = html.escape(text, quote=False)
        found = _ID.search(attrs)
        if found:
            ident = found.group(1)
            ids.add(ident)
        else:
            ident = unique(slugify(text, "-") or "section", ids)
            attrs = f' id="{ident}"{attrs}'
        if 'class="headerlink"' not in inner:
            inner += _PERMALINK.format(ident)
        flat.append({"level": level, "id": ident, "name": name, "children": []})
        return f"<h{level}{attrs}>{inner}</h{level}>"

    return _HEADING.sub(anchor, page_html), nest_toc_tokens(flat)
