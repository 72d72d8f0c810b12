"""The text of new contact and meeting files: frontmatter that reads back exactly as written.

YAML is produced by PyYAML's safe dumper, which quotes anything the loader would otherwise turn
into a number, a date or a boolean (``0123``, ``12:30``, ``yes``). Text holding line breaks or
other invisible characters is written double-quoted with escapes, so it can never end the
frontmatter early or be read back differently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

import yaml

from .loading import Document, decoded_value_problems
from .model import Question
from .problems import Problem
from .validation import validate

# The order a person reads their file in; keys not listed here follow in the order given.
PERSON_KEYS = ("name", "greeting", "company", "role", "location", "email", "phone", "linkedin", "website", "prefers",
               "referred_by", "how_we_met", "tags", "status", "added", "stay_in_touch", "share")
MEETING_KEYS = ("date", "with", "kind", "place", "minutes", "goal", "status")


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(not ch.isprintable() for ch in text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.ScalarNode:
    # The documented form, '2026-12-02 09:30', which the model parses (PyYAML would keep it as text).
    text = value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


def _represent_list(dumper: yaml.SafeDumper, items: list) -> yaml.SequenceNode:
    # [a, b] on the key's line for plain values, as people write tags and `with`; a block otherwise.
    flat = all(isinstance(i, (str, int, float, bool, dt.date)) for i in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flat)


_Dumper.add_representer(str, _represent_text)
_Dumper.add_representer(dt.datetime, _represent_datetime)
_Dumper.add_representer(list, _represent_list)


def dump_fields(fields: Mapping[str, Any]) -> str:
    """YAML for a mapping, one key a line, lists of plain values in [a, b] form."""
    if not fields:
        return ""
    return yaml.dump(dict(fields), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000)


def _ordered(fields: Mapping[str, Any], order: Iterable[str]) -> dict[str, Any]:
    kept = {k: v for k, v in fields.items() if v not in (None, "", [], ())}
    first = {k: kept[k] for k in order if k in kept}
    return {**first, **{k: v for k, v in kept.items() if k not in first}}


def _document(body: str, *blocks: str) -> str:
    frontmatter = "".join(blocks)
    notes = body.strip("\n")
    return f"---\n{frontmatter}---\n" + (f"{notes}\n" if notes else "")


def check_fields(fields: Mapping[str, Any], model: type, display: str) -> list[Problem]:
    """The problems the loader would report for these fields, so we never write an invalid file."""
    doc = Document(display, dict(fields))
    refused = decoded_value_problems(doc)  # control characters: what validation never gets to see
    _, problems = validate(doc, model)
    return refused + problems


def person_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    return _ordered(fields, PERSON_KEYS)


def person_text(fields: Mapping[str, Any], notes: str = "") -> str:
    """A contacts/people/<slug>.md file."""
    return _document(notes, dump_fields(person_fields(fields)))


def meeting_text(fields: Mapping[str, Any], questions: list[Question], notes: str = "") -> str:
    """A contacts/meetings/<date>-<slug>.md file; the questions are listed with their text as comments."""
    block = dump_fields(_ordered(fields, MEETING_KEYS))
    if questions:
        block += ("# The default questions. Reorder or delete them, or add ids from the Questions page.\n"
                  + dump_fields({"questions": [q.id for q in questions]})
                  + "".join(f"#   {q.id}: {' '.join(q.text.split())}\n" for q in questions))
    return _document(notes, block)

