"""Finding meetings from what a person types: a file name, a start of one, or a contact's slug."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import PurePath

from slugify import slugify

from ..book import Handbook
from ..model import Meeting
from ..problems import did_you_mean


@dataclass(frozen=True)
class Lookup:
    query: str
    matches: list[Meeting] = field(default_factory=list)  # in the Handbook's date order
    hint: str = ""  # "did you mean ...?" when nothing matched

    @property
    def meeting(self) -> Meeting | None:
        return self.matches[0] if len(self.matches) == 1 else None


def upcoming_meetings(handbook: Handbook, today: dt.date, days: int) -> list[Meeting]:
    """Meetings from today to ``days`` days ahead, both ends included, cancelled ones left out."""
    last = today + dt.timedelta(days=days)
    return [m for m in handbook.meetings.values() if today <= m.day <= last and m.status != "cancelled"]


def _next_with(meetings: list[Meeting], today: dt.date) -> list[Meeting]:
    ahead = [m for m in meetings if m.day >= today and m.status != "cancelled"]
    return ahead[:1] or meetings


def find_meetings(handbook: Handbook, query: str, today: dt.date) -> Lookup:
    """The meetings ``query`` names: an exact file name or path, else a unique start of a file
    name, else a contact (their next meeting, or their only one)."""
    text = query.strip()
    if text.lower().endswith(".md") or "/" in text or "\\" in text:
        text = PurePath(text.replace("\\", "/")).stem
    slug = slugify(text)
    if slug in handbook.meetings:
        return Lookup(query, [handbook.meetings[slug]])
    started = [m for m in handbook.meetings.values() if slug and m.slug.startswith(slug)]
    if started:
        return Lookup(query, started)
    people = [slug] if slug in handbook.contacts else [c for c in handbook.contacts if slug and c.startswith(slug)]
    if len(people) == 1:
        contact = handbook.contacts[people[0]]
        found = _next_with(handbook.meetings_with(contact.slug), today)
        return Lookup(query, found, "" if found else f"{contact.name} has no meetings yet")
    if people:
        found = [m for m in handbook.meetings.values() if set(m.with_) & set(people)]
        return Lookup(query, found, "" if found else f"none of {', '.join(sorted(people))} has a meeting yet")
    return Lookup(query, [], did_you_mean(slug, [*handbook.meetings, *handbook.contacts]))


def meetings_to_edit(handbook: Handbook, query: str, today: dt.date) -> Lookup:
    """The meeting a command that records what happened means: its file name, or a person's slug
    when they have exactly one meeting on or before today. Nothing looser: it writes to the file."""
    text = query.strip()
    if text.lower().endswith(".md") or "/" in text or "\\" in text:
        text = PurePath(text.replace("\\", "/")).stem
    if text in handbook.meetings:
        return Lookup(query, [handbook.meetings[text]])
    if text in handbook.contacts:
        held = [m for m in handbook.meetings_with(text) if m.day <= today and m.status != "cancelled"]
        hint = "" if held else f"{handbook.contacts[text].name} has no meeting on or before today"
        return Lookup(query, held, hint)
    return Lookup(query, [], did_you_mean(text, [*handbook.meetings, *handbook.contacts]))
