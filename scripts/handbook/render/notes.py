"""A user's free notes: markdown, rendered to HTML once, here, and never parsed again by MkDocs."""

from __future__ import annotations

from functools import lru_cache

import markdown
from markupsafe import Markup

from .sanitise import sanitise

# What the notes may use: the site's own markdown extensions (mkdocs.yml), less those that only
# make sense in hand-written pages (md_in_html: raw HTML in notes is shown as text anyway).
EXTENSIONS = ["admonition", "attr_list", "tables", "pymdownx.details", "pymdownx.superfences",
              "pymdownx.tasklist"]
# A column's alignment as align="...", not as a style attribute, which notes may not have.
CONFIG = {"pymdownx.tasklist": {"custom_checkbox": True}, "tables": {"use_align_attribute": True}}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIG)
    # Raw HTML is text: Python-Markdown escapes it like any other words (inside code too, once).
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


def notes_html(text: str | None) -> Markup:
    """The notes as HTML: raw HTML in them is shown as text, and what their markdown makes passes
    the allowlist in sanitise.py (attr_list's `{: style=... }` and the like are dropped there)."""
    source = (text or "").strip()
    if not source:
        return Markup("")
    converter = _converter()
    try:
        return Markup(sanitise(converter.convert(source)))
    finally:
        converter.reset()
