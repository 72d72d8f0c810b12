"""Making user text safe inside generated markdown and HTML."""

from __future__ import annotations

import html
import re

import yaml

_UNSAFE_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)
_URL_ATTR = re.compile(r'\b(href|src|action|formaction|xlink:href)\s*=\s*("([^"]*)"|\'([^\']*)\')', re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\s]+")


def is_safe_url(url: str) -> bool:
    cleaned = _CONTROL.sub("", html.unescape(url or ""))
    return not _UNSAFE_SCHEME.match(cleaned)


def neutralise_links(page_html: str) -> str:
    """Disarm javascript:, data: and similar URLs that markdown in a user's notes could produce."""

    def fix(match: re.Match) -> str:
        value = match.group(3) if match.group(3) is not None else match.group(4)
        return match.group(0) if is_safe_url(value) else f'{match.group(1)}="#unsafe-link-removed"'

    return _URL_ATTR.sub(fix, page_html)


def notes_markdown(text: str) -> str:
    """A user's free notes stay markdown, but raw HTML in them is shown as text, never run."""
    return (text or "").replace("<", "&lt;").strip()


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


def page_meta(**fields) -> str:
    """YAML frontmatter for a generated page. Text is HTML-escaped: Material prints titles and tags raw."""
    data = {k: _escaped(v) for k, v in fields.items() if v not in (None, [], "")}
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=10_000)
    return f"---\n{dumped}---\n"
