"""Stage 4, render: models become page sources (markdown with escaped HTML blocks) and files.

Everything here is deterministic: the same Handbook, profile and day give the same bytes.
"""

from .site import Page, RenderOptions, render_pages

__all__ = ["Page", "RenderOptions", "render_pages"]
