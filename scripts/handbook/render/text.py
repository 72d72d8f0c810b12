"""Making user values safe in generated pages: frontmatter that Material prints, and link addresses.

Notes, the markdown a user writes, are cleaned by an allowlist instead (sanitise.py)."""

from __future__ import annotations

import html
import json
import re

import yaml

_UNSAFE_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\s]+")
_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def _escape_char(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def is_safe_url(url: str) -> bool:
    url = url or ""
    if ":" not in url and "&" not in url:
        return True  # no scheme, not even one spelled with character references: most links, quickly
    cleaned = _CONTROL.sub("", html.unescape(url))
    return not _UNSAFE_SCHEME.match(cleaned)


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


def _json_like(value) -> bool:
    if isinstance(value, (str, bool, int, float)):  # a search boost is a float
        return True
    if isinstance(value, list):
        return all(_json_like(v) for v in value)
    return isinstance(value, dict) and all(isinstance(k, str) and _json_like(v) for k, v in value.items())


def page_meta(**fields) -> str:
    """YAML frontmatter for a generated page. Text is HTML-escaped: Material prints titles and tags raw."""
    data = {k: _escaped(v) for k, v in sorted(fields.items()) if v not in (None, [], "")}
    if not all(_KEY.match(k) and _json_like(v) for k, v in data.items()):
        return f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=10_000)}---\n"
    # JSON is YAML too, and ten times quicker to write than PyYAML's emitter on thousands of pages.
    # What YAML would read as a line break, or refuse, is escaped so the value reads back as written.
    lines = (f"{k}: {_YAML_UNSAFE.sub(_escape_char, json.dumps(v, ensure_ascii=False))}\n" for k, v in data.items())
    return "---\n" + "".join(lines) + "---\n"
