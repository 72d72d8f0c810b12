"""A user's free notes: markdown, rendered to HTML once, here, and never parsed again by MkDocs."""

from __future__ import annotations

from functools import lru_cache

import markdown
from markupsafe import Markup

from .text import neutralise_links

# What the notes may use: the site's own markdown extensions (mkdocs.yml), less those that only
# make sense in hand-written pages (md_in_html: raw HTML in notes is shown as text anyway).
EXTENSIONS = ["admonition", "attr_list", "tables", "pymdownx.details", "pymdownx.superfences",
              "pymdownx.tasklist"]
CONFIG = {"pymdownx.tasklist": {"custom_checkbox": True}}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG)


def notes_html(text: str | None) -> Markup:
    """The notes as HTML; raw HTML in them is shown as text, never run."""
    source = (text or "").replace("<", "&lt;").strip()
    if not source:
        return Markup("")
    converter = _converter()
    try:
        return Markup(neutralise_links(converter.convert(source)))
    finally:
        converter.reset()
