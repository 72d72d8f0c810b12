"""The core pipeline in one call: load -> model -> derive -> render. Used by the MkDocs adapter,
``handbook export-pages`` and the benchmark, so they all produce the very same page sources."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .book import Handbook, load_handbook
from .derive.privacy import public_view
from .problems import Problem
from .render import RenderOptions, render_pages

TODAY_ENV = "HANDBOOK_TODAY"  # fixes "today" for tests and reproducible builds


def today_from_env() -> dt.date:
    value = os.environ.get(TODAY_ENV, "").strip()
    return dt.date.fromisoformat(value) if value else dt.date.today()


@dataclass
class Built:
    handbook: Handbook
    pages: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # non-page outputs, e.g. follow-ups.ics


def build(contacts_dir: Path, options: RenderOptions, root: Path | None = None) -> Built:
    handbook, problems = load_handbook(contacts_dir, root)
    shown = handbook if options.private else public_view(handbook)
    return Built(shown, render_pages(shown, options), problems)
