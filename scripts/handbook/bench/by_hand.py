"""The benchmark's reference: the same facts written by hand as plain markdown, for plain MkDocs.

What someone would keep without this project: one page per person and per meeting, a contacts
table, a meetings list and the question bank as a list, next to the same guide pages, built by
MkDocs with Material's own search and tags plugins. It uses the repo's theme settings and markdown
extensions, without our overrides; only the index pages are in the nav (a competent hand-written
site: listing every person in the nav makes each page carry all of them).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..book import Handbook
from ..mkdocs_yaml import read_config

HAND_PLUGINS = ["search", {"tags": {"export": False}}]  # Material's, as a new Material site has them
INDEX_PAGES = {"Questions": "questions/index.md", "Contacts": "contacts/index.md", "Meetings": "meetings/index.md",
               "Tags": "tags.md"}
TAGS_PAGE = "# Tags\n\n<!-- material/tags -->\n"  # where Material's tags plugin lists every tagged page
NOT_IN_NAV = "/contacts/*.md\n/meetings/*.md\n"  # the pages of single people and meetings


def _when(value: dt.date | dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else value.isoformat()


def _cell(value: Any) -> str:
    return str(value or "").replace("|", "\\|")


# Markdown, not HTML: MkDocs escapes what needs escaping, as it does for anything typed by hand.
_env = Environment(loader=PackageLoader("handbook.bench", "templates"), autoescape=False, trim_blocks=True,
                   lstrip_blocks=True, keep_trailing_newline=True, undefined=StrictUndefined)
_env.filters.update(when=_when, cell=_cell)


def pages(handbook: Handbook) -> dict[str, str]:
    """Every hand-written page, by path under docs_dir."""
    found: dict[str, str] = {}
    people = handbook.contacts
    for contact in people.values():
        found[f"contacts/{contact.slug}.md"] = _env.get_template("person.md.j2").render(
            contact=contact, referrer=handbook.referrer_of(contact), meetings=handbook.meetings_with(contact.slug))
    for meeting in handbook.meetings.values():
        found[f"meetings/{meeting.slug}.md"] = _env.get_template("meeting.md.j2").render(
            meeting=meeting, people=[people[slug] for slug in meeting.with_],
            questions=[handbook.bank.questions[q] for q in meeting.question_ids])
    found["contacts/index.md"] = _env.get_template("contacts.md.j2").render(
        contacts=sorted(people.values(), key=lambda c: (c.name.casefold(), c.slug)))
    newest_first = reversed(list(handbook.meetings.values()))
    found["meetings/index.md"] = _env.get_template("meetings.md.j2").render(
        meetings=[(m, [people[slug] for slug in m.with_]) for m in newest_first])
    found["questions/index.md"] = _env.get_template("questions.md.j2").render(groups=handbook.bank.grouped())
    found["tags.md"] = TAGS_PAGE
    return found


def _nav(items: list, exists) -> list:
    """The repo's nav, keeping only what the hand-written site has."""
    kept = []
    for item in items:
        title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(target, list):
            target = _nav(target, exists)
            if not target:
                continue
        elif not exists(target):
            continue
        kept.append({title: target} if title is not None else target)
    return kept


def write_site(handbook: Handbook, repo_config: Path, guide: Path, root: Path, docs_name: str) -> dict:
    """Write the hand-written docs_dir (the guide from ``guide`` plus our pages) under ``root`` and
    return the MkDocs config that builds it."""
    docs = root / docs_name
    shutil.copytree(guide, docs)
    for relative, text in pages(handbook).items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text(text, encoding="utf-8")
    config = read_config(repo_config)
    theme = {key: value for key, value in config.get("theme", {}).items() if key != "custom_dir"}
    nav = _nav(config.get("nav", []), lambda path: (docs / path).is_file())
    listed = {target for item in nav if isinstance(item, dict) for target in item.values() if isinstance(target, str)}
    nav += [{title: path} for title, path in INDEX_PAGES.items() if path not in listed]
    return {
        "site_name": config.get("site_name", "Handbook"), "docs_dir": docs_name, "use_directory_urls": True,
        "theme": theme, "plugins": HAND_PLUGINS, "markdown_extensions": config.get("markdown_extensions", []),
        "validation": config.get("validation", {}), "not_in_nav": NOT_IN_NAV, "nav": nav,
    }
