"""The /calendar/ page: the agenda as Overdue / This week / Later lists and as month grids.

The lists are grouped with the build's "today"; calendar.js groups them again with the reader's
clock, so a site built on Monday and read on Friday still shows what has become overdue.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..book import Handbook
from ..derive.agenda import BUCKETS, KIND_LABELS, AgendaItem, agenda, broken_meeting_items, sort_key
from .ics import ICS_PATH
from .site import Page, RenderOptions, meta, render

CALENDAR_SRC = "calendar/index.md"
MONTHS_SHOWN = 3  # the current month and the next two; the page links to the others
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Month:
    first: dt.date
    weeks: list[list[dt.date]]
    items: dict[dt.date, list[AgendaItem]]

    @property
    def key(self) -> str:
        return f"{self.first:%Y-%m}"

    @property
    def title(self) -> str:
        return f"{self.first:%B %Y}"


def add_months(first: dt.date, count: int) -> dt.date:
    years, month = divmod(first.month - 1 + count, 12)
    return dt.date(first.year + years, month + 1, 1)


def months(items: list[AgendaItem], today: dt.date) -> list[Month]:
    """The three months from today's, plus every other month that has something on it."""
    this_month = today.replace(day=1)
    firsts = {add_months(this_month, n) for n in range(MONTHS_SHOWN)} | {i.date.replace(day=1) for i in items}
    grid = stdlib_calendar.Calendar(firstweekday=0)  # weeks start on Monday, as in ISO 8601
    by_day: dict[dt.date, list[AgendaItem]] = {}
    for item in items:
        by_day.setdefault(item.date, []).append(item)
    return [Month(first, grid.monthdatescalendar(first.year, first.month),
                  {day: found for day, found in by_day.items() if day.replace(day=1) == first})
            for first in sorted(firsts)]


def calendar_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    # Everything on it is on the meeting and contact pages too: searching it would only repeat them.
    page_meta = meta(title="Calendar", search={"exclude": True})
    if not options.private:
        # The nav still lists the page, so the public build gets one that names nobody.
        yield render("calendar_public.md.j2", handbook, options, CALENDAR_SRC, meta=page_meta)
        return
    items = sorted(agenda(handbook, options.today) + broken_meeting_items(handbook, options.today), key=sort_key)
    lists = {name: [i for i in items if i.bucket(options.today) == name] for name in BUCKETS}
    yield render("calendar.md.j2", handbook, options, CALENDAR_SRC, meta=page_meta, lists=lists,
                 months=months(items, options.today), weekdays=WEEKDAYS, legend=KIND_LABELS.items(),
                 ics=ICS_PATH, positions={item.uid: n for n, item in enumerate(items)})
