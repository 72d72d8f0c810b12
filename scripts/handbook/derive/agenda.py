"""The follow-up agenda: what is due when, derived from the Handbook and "today" alone.

Five kinds of item come out of the data (the set is open; a new kind only needs a builder):
- ``meeting``: a planned meeting on or after today;
- ``thank-you``: every meeting that took place, due the day after, until the file says ``thanked:``;
- ``tell-referrer``: after the first conversation with someone a contact introduced you to, tell
  that contact how it went, until a meeting with them says ``referrer_told:``;
- ``follow-up``: each open entry of a meeting's ``follow_ups``;
- ``keep-in-touch``: a contact with ``stay_in_touch``, due that many days after the last touch.

Everything here is pure: the same Handbook and day always give the same list, in the same order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, TypeVar

from ..book import MEETINGS_DIR, Handbook
from ..model import Contact, Meeting

UID_DOMAIN = "networking-handbook"
WEEK = 7  # "this week": today and the six days after it
EVENT_KINDS = frozenset({"meeting"})  # things that happen, as opposed to tasks that can be late
KIND_ORDER = ("meeting", "thank-you", "tell-referrer", "follow-up", "keep-in-touch")  # unknown kinds sort after these
BUCKETS = ("overdue", "week", "later")
KIND_LABELS = {"meeting": "Meeting", "thank-you": "Thank-you", "tell-referrer": "Close the loop",
               "follow-up": "Follow-up", "keep-in-touch": "Keep in touch"}
REFERRER_UPDATE_DAYS = 3  # the referrer hears how it went a few days after, while it is fresh

# A follow-up the user wrote about thanking someone stands in for the automatic thank-you.
THANKS = re.compile(r"\bthank", re.IGNORECASE)
_MEETING_WORDS = {"coffee": "Coffee", "phone": "Phone call", "video": "Video call",
                  "in-person": "In-person meeting", "event": "Event"}


@dataclass(frozen=True)
class AgendaItem:
    kind: str
    date: dt.date  # the day it is due; for a meeting, the day it happens
    title: str
    contacts: tuple[str, ...]
    meeting: str | None  # the meeting's slug, if the item belongs to one
    path: str  # the file to edit to clear or move the item
    line: int
    uid: str  # stable across builds, so calendar apps update instead of duplicating
    until: dt.date | None = None  # overdue only after this day (an ideal/max cadence); else after `date`
    start: dt.datetime | None = None  # a meeting's start, when its file gives a time
    minutes: int = 0  # a meeting's length
    broken: bool = False  # a meeting whose file has errors: on the calendar all the same, marked

    @property
    def deadline(self) -> dt.date:
        return self.until or self.date

    @property
    def is_task(self) -> bool:
        return self.kind not in EVENT_KINDS

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind.replace("-", " ").capitalize())

    def bucket(self, today: dt.date, days: int = WEEK) -> str:
        """'overdue', 'week' (due within `days` days from today, or due but not yet late), 'later' or 'past'."""
        if self.deadline < today:
            return "overdue" if self.is_task else "past"
        return "week" if self.date < today + dt.timedelta(days=days) else "later"


def took_place(meeting: Meeting, today: dt.date) -> bool:
    """Done, or still marked planned although its day is over (people forget to update the status)."""
    return meeting.status == "done" or (meeting.status == "planned" and meeting.day < today)


def make_uid(*parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@{UID_DOMAIN}"


def names(handbook: Handbook, slugs: Iterable[str]) -> str:
    people = [handbook.contacts[s].name if s in handbook.contacts else s for s in slugs]
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]


def _meeting_item(handbook: Handbook, meeting: Meeting) -> AgendaItem:
    word = _MEETING_WORDS.get(meeting.kind, meeting.kind.capitalize())
    return AgendaItem("meeting", meeting.day, f"{word} with {names(handbook, meeting.with_)}",
                      tuple(meeting.with_), meeting.slug, meeting.source.path, meeting.source.line_of("date"),
                      make_uid("meeting", meeting.slug), start=meeting.start if meeting.has_time else None,
                      minutes=meeting.minutes)


def broken_meeting_items(handbook: Handbook, today: dt.date) -> list[AgendaItem]:
    """The meetings left out for errors (``Handbook.broken``) from this month on, by the day their file
    gives, so the calendar keeps them while they are fixed. Only the calendar shows them: the feed,
    `handbook due` and the dashboard take what is valid."""
    items = []
    for file in handbook.broken:
        if file.kind == MEETINGS_DIR and file.day is not None and file.day >= today.replace(day=1):
            where = file.problems[0] if file.problems else None
            items.append(AgendaItem("meeting", file.day, file.path.rsplit('/', 1)[-1], (),
                                    file.slug, where.path if where else file.path, where.line if where else 1,
                                    make_uid("broken-meeting", file.slug), broken=True))
    return items


def _thank_you_item(handbook: Handbook, meeting: Meeting) -> AgendaItem:
    # Point at the status line: `thanked:` is added next to it when the note has gone out.
    return AgendaItem("thank-you", meeting.day + dt.timedelta(days=1),
                      f"Send a thank-you note to {names(handbook, meeting.with_)}", tuple(meeting.with_),
                      meeting.slug, meeting.source.path, meeting.source.line_of("status"),
                      make_uid("thank-you", meeting.slug))


def _follow_up_items(meeting: Meeting) -> Iterable[AgendaItem]:
    seen: dict[str, int] = defaultdict(int)
    for index, follow_up in enumerate(meeting.follow_ups):
        # Two identical tasks in one file still get distinct, stable ids.
        seen[follow_up.task] += 1
        uid = make_uid("follow-up", meeting.slug, follow_up.task, str(seen[follow_up.task]))
        cleared = follow_up.done or (meeting.thanked is not None and THANKS.search(follow_up.task))
        if cleared:
            continue
        # Without a due date a promise is best kept the next day, like the thank-you.
        due = follow_up.due or meeting.day + dt.timedelta(days=1)
        yield AgendaItem("follow-up", due, follow_up.task, tuple(meeting.with_), meeting.slug, meeting.source.path,
                         meeting.source.line_of("follow_ups", index), uid)


def _tell_referrer_items(handbook: Handbook, today: dt.date) -> Iterable[AgendaItem]:
    # Only the first conversation needs reporting back; a `referrer_told:` on any of them clears it.
    # People one referrer sent you to and met together make one task.
    pending: dict[tuple[str, str], list[str]] = defaultdict(list)
    for contact in handbook.contacts.values():
        referrer = handbook.referrer_of(contact)
        if referrer is None or referrer.slug == contact.slug:
            continue
        held = [m for m in handbook.meetings_with(contact.slug)
                if took_place(m, today) and referrer.slug not in m.with_]
        if held and not any(m.referrer_told for m in held):
            pending[(held[0].slug, referrer.slug)].append(contact.slug)
    for (meeting_slug, referrer_slug), people in sorted(pending.items()):
        meeting = handbook.meetings[meeting_slug]
        met = [slug for slug in meeting.with_ if slug in people]
        title = f"Tell {handbook.contacts[referrer_slug].name} how the conversation with {names(handbook, met)} went"
        # Point at the status line, like the thank-you: `referrer_told:` goes next to it.
        yield AgendaItem("tell-referrer", meeting.day + dt.timedelta(days=REFERRER_UPDATE_DAYS), title,
                         (referrer_slug,), meeting.slug, meeting.source.path, meeting.source.line_of("status"),
                         make_uid("tell-referrer", meeting.slug, referrer_slug))


def referred_met(handbook: Handbook, item: AgendaItem) -> list[Contact]:
    """The people a tell-referrer item is about: those at its meeting whom its referrer introduced."""
    meeting = handbook.meetings[item.meeting] if item.meeting else None
    people = [handbook.contacts[s] for s in meeting.with_] if meeting else []
    return [c for c in people if c.referred_by == item.contacts[0] and c.slug != item.contacts[0]]


def last_touch(handbook: Handbook, contact: Contact, today: dt.date) -> dt.date | None:
    """The latest real contact: a meeting that took place, an entry in the `touches:` log, or the
    day you told them how it went with someone they introduced you to (`referrer_told:`)."""
    met = [m.day for m in handbook.meetings_with(contact.slug) if took_place(m, today)]
    told = [m.referrer_told for p in handbook.referred(contact.slug) if p.slug != contact.slug
            for m in handbook.meetings_with(p.slug) if m.referrer_told]
    return max(met + told + [t.date for t in contact.touches], default=None)


def keep_in_touch_item(handbook: Handbook, contact: Contact, today: dt.date) -> AgendaItem | None:
    cadence = contact.stay_in_touch
    # Dormant people are paused, and the cadence only starts once there has been a first contact.
    if cadence is None or contact.status == "dormant":
        return None
    last = last_touch(handbook, contact, today)
    if last is None:
        return None
    until = last + dt.timedelta(days=cadence.max) if cadence.max is not None else None
    line = contact.source.line_of("touches") if contact.touches else contact.source.line_of("stay_in_touch")
    return AgendaItem("keep-in-touch", last + dt.timedelta(days=cadence.ideal), f"Get in touch with {contact.name}",
                      (contact.slug,), None, contact.source.path, line, make_uid("keep-in-touch", contact.slug),
                      until=until)


def sort_key(item: AgendaItem) -> tuple:
    rank = KIND_ORDER.index(item.kind) if item.kind in KIND_ORDER else len(KIND_ORDER)
    return (item.date, rank, item.kind, item.start or dt.datetime.min, item.title, item.uid)


# A build asks for the agenda five times (calendar, feed, dashboard, contact pages, contacts index),
# and for the nudges twice (contact pages, dashboard); within agenda_kept() each is worked out once.
# The handbook is held with it, so its id stays its own.
_kept: ContextVar[dict | None] = ContextVar("agenda_kept", default=None)
T = TypeVar("T")


@contextmanager
def agenda_kept() -> Iterator[None]:
    """Within this block (one build's rendering: the handbook does not change) agenda() and
    nudges() are computed once."""
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def once_a_build(name: str, handbook: Handbook, today: dt.date, make: Callable[[], list[T]]) -> list[T]:
    """``make()``, or within agenda_kept() a copy of what it gave the first time for this handbook and day."""
    kept = _kept.get()
    if kept is None:
        return make()
    key = (name, id(handbook), today)
    if key not in kept:
        kept[key] = (handbook, make())
    return list(kept[key][1])


def agenda(handbook: Handbook, today: dt.date) -> list[AgendaItem]:
    """Every open task and upcoming meeting, by date (then kind, time, title)."""
    return once_a_build("agenda", handbook, today, lambda: _agenda(handbook, today))


def _agenda(handbook: Handbook, today: dt.date) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    for meeting in handbook.meetings.values():
        if meeting.status == "planned" and meeting.day >= today:
            items.append(_meeting_item(handbook, meeting))
        wrote_own_thanks = any(THANKS.search(f.task) for f in meeting.follow_ups)
        if took_place(meeting, today) and meeting.thanked is None and not wrote_own_thanks:
            items.append(_thank_you_item(handbook, meeting))
        items.extend(_follow_up_items(meeting))
    items.extend(_tell_referrer_items(handbook, today))
    for contact in handbook.contacts.values():
        item = keep_in_touch_item(handbook, contact, today)
        if item is not None:
            items.append(item)
    return sorted(items, key=sort_key)


def by_urgency(items: Iterable[AgendaItem], today: dt.date, days: int = WEEK) -> list[AgendaItem]:
    """Overdue first (oldest first), then the rest by date: the order to work through them."""
    order = {name: rank for rank, name in enumerate(BUCKETS)}
    return sorted(items, key=lambda i: (order.get(i.bucket(today, days), len(order)), sort_key(i)))


def by_contact(items: Iterable[AgendaItem]) -> dict[str, list[AgendaItem]]:
    grouped: dict[str, list[AgendaItem]] = defaultdict(list)
    for item in items:
        for slug in item.contacts:
            grouped[slug].append(item)
    return dict(grouped)


def for_contact(items: Iterable[AgendaItem]) -> tuple[AgendaItem | None, list[AgendaItem]]:
    """A contact page's share of the agenda: the next keep-in-touch date, and the open tasks."""
    items = list(items)
    touch = next((i for i in items if i.kind == "keep-in-touch"), None)
    return touch, [i for i in items if i.is_task and i is not touch]
