"""Sizes no handbook page should carry: usually a paste that went wrong or an export's leftovers.

These are warnings, not errors: the file still loads, so nothing the user wrote is lost.
"""

from __future__ import annotations

from typing import Any, Iterator

from .loading import Document, Key
from .problems import Problem, field_name

VALUE_LIMIT = 5_000  # characters in one frontmatter value; a long research note fits easily
NOTES_LIMIT = 1_000_000  # bytes of notes in one file: about 300 printed pages


def _text_values(value: Any, key: Key = ()) -> Iterator[tuple[Key, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _text_values(item, key + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _text_values(item, key + (index,))


def size_problems(doc: Document) -> list[Problem]:
    """Warnings for frontmatter values and notes too large for a readable page."""
    problems = [
        Problem(doc.path, doc.line_of(key), field_name(key), f"is {len(text):,} characters long",
                "a value this long is usually a paste gone wrong; keep long text in the notes",
                severity="warning")
        for key, text in _text_values(doc.meta) if len(text) > VALUE_LIMIT
    ]
    size = len(doc.body.encode("utf-8"))
    if size > NOTES_LIMIT:
        problems.append(Problem(doc.path, doc.body_line, "notes",
                                f"the notes are {size / 1_000_000:.1f} MB, too large for one page",
                                "keep exports and attachments outside contacts/ and link to them",
                                severity="warning"))
    return problems
