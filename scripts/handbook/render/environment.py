"""The one Jinja environment for site pages: autoescape on, strict about undefined names."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .inline import break_points, link_mention
from .text import is_safe_url
from .urls import tag_page

TEMPLATES = Path(__file__).parent / "templates"


def human_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    text = f"{value:%a} {value.day} {value:%b %Y}"
    if isinstance(value, dt.datetime):
        text += f", {value:%H:%M}"
    return text


def iso(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, dt.datetime) else value.isoformat()


def http_url(value: object) -> str:
    """Only web and mail links become links; anything else is shown as text."""
    url = str(value or "").strip()
    return url if url.lower().startswith(("https://", "http://", "mailto:")) and is_safe_url(url) else ""


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # package files: no stat() of the template on every page
    )
    env.filters["human_date"] = human_date
    env.filters["iso"] = iso
    env.filters["http_url"] = http_url
    env.filters["break_points"] = break_points
    env.filters["link_mention"] = link_mention
    env.filters["tag_page"] = tag_page
    return env
