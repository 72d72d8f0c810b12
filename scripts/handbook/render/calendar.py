"""The /calendar/ page: the agenda as Overdue / This week / Later lists and as month grids.

The lists are grouped with the build's "today"; the calendar script (handbook.js) groups them again
with the reader's clock, so a site built on Monday and read on Friday still shows what has become
overdue.

The page has a bounded size, however big the handbook: it holds the month grids from two months
back to two ahead with a few chips a day, and at most LIST_ITEMS of each list (overdue items of the
last 90 days, later ones within those months). Every month with something on it has a page of its
own (calendar/YYYY-MM/) listing all of it; the grids' "+N more" and the counts link there.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..book import Handbook
from ..derive.agenda import BUCKETS, KIND_LABELS, AgendaItem, agenda, broken_meeting_items, sort_key
from . import urls
from .ics import ICS_PATH
from .site import Page, RenderOptions, meta, render

CALENDAR_SRC = f"{urls.CALENDAR_FOLDER}index.md"
MONTHS_BEFORE, MONTHS_AFTER = 2, 2  # the month grids on the page, around today's month
OVERDUE_DAYS = 90  # older overdue items are counted, and listed on their month's page
LIST_ITEMS = 60  # of each list on the calendar page; the rest are counted
DAY_CHIPS = 3  # chips in a day's cell of a grid; then "+N more" to the month's page
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

    @property
    def count(self) -> int:
        return sum(len(found) for found in self.items.values())


def add_months(first: dt.date, count: int) -> dt.date:
    years, month = divmod(first.month - 1 + count, 12)
    return dt.date(first.year + years, month + 1, 1)


def window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first day of the first month on the calendar page, and of the month after its last."""
    this_month = today.replace(day=1)
    return add_months(this_month, -MONTHS_BEFORE), add_months(this_month, MONTHS_AFTER + 1)


def months(items: list[AgendaItem], firsts: Iterable[dt.date]) -> list[Month]:
    """The month grids starting on ``firsts``, each with its items."""
    grid = stdlib_calendar.Calendar(firstweekday=0)  # weeks start on Monday, as in ISO 8601
    by_month: dict[dt.date, dict[dt.date, list[AgendaItem]]] = {}
    for item in items:
        by_month.setdefault(item.date.replace(day=1), {}).setdefault(item.date, []).append(item)
    return [Month(first, grid.monthdatescalendar(first.year, first.month), by_month.get(first, {}))
            for first in sorted(set(firsts))]


def page_months(today: dt.date) -> list[dt.date]:
    start, _ = window(today)
    return [add_months(start, n) for n in range(MONTHS_BEFORE + 1 + MONTHS_AFTER)]


def month_src(first: dt.date) -> str:
    return f"{urls.CALENDAR_FOLDER}{first:%Y-%m}/index.md"


def windowed_lists(items: list[AgendaItem], today: dt.date) -> tuple[dict[str, list[AgendaItem]], dict[str, int]]:
    """The page's Overdue / This week / Later lists, and how many items each leaves to the month pages:
    overdue ones older than OVERDUE_DAYS, later ones after the page's last month, any past LIST_ITEMS."""
    _, end = window(today)
    oldest = today - dt.timedelta(days=OVERDUE_DAYS)
    lists: dict[str, list[AgendaItem]] = {name: [] for name in BUCKETS}
    left: dict[str, int] = {name: 0 for name in BUCKETS}
    for item in items:
        bucket = item.bucket(today)
        if bucket not in lists:
            continue
        kept = item.date >= oldest if bucket == "overdue" else item.date < end if bucket == "later" else True
        if kept and len(lists[bucket]) < LIST_ITEMS:
            lists[bucket].append(item)
        else:
            left[bucket] += 1
    return lists, left


def calendar_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    # Everything on it is on the meeting and contact pages too: searching it would only repeat them.
    page_meta = meta(title="Calendar", search={"exclude": True})
    if not options.private:  # whom you meet and what you promised: the public build has no calendar tab
        return
    today = options.today
    items = sorted(agenda(handbook, today) + broken_meeting_items(handbook, today), key=sort_key)
    lists, left = windowed_lists(items, today)
    shown = page_months(today)
    busy_firsts = {i.date.replace(day=1) for i in items}  # each of these months gets a page of its own
    grids = {month.first: month for month in months(items, busy_firsts | set(shown))}
    busy = [grids[first] for first in sorted(busy_firsts)]
    positions = {item.uid: n for n, item in enumerate(items)}
    common = dict(weekdays=WEEKDAYS, legend=KIND_LABELS.items(), ics=ICS_PATH, positions=positions,
                  month_src=month_src, index=CALENDAR_SRC, chips=DAY_CHIPS)
    yield render("calendar.md.j2", handbook, options, CALENDAR_SRC, meta=page_meta, lists=lists, left=left,
                 oldest=today - dt.timedelta(days=OVERDUE_DAYS), months=[grids[first] for first in shown],
                 every_month=busy, busy=busy_firsts, **common)
    for month in busy:
        month_items = [item for day in sorted(month.items) for item in month.items[day]]
        yield render("calendar_month.md.j2", handbook, options, month_src(month.first),
                     meta=meta(title=f"Calendar: {month.title}", search={"exclude": True}),
                     month=month, month_items=month_items, **common)
