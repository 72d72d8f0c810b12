"""The follow-up clock for a request with no answer: the "3B7" routine careers advisers teach
(from *The 2-Hour Job Search*), counted in business days.

A request starts when you log an outreach (``kind: outreach`` in ``touches:``) and nothing has
answered it since: a reply (``kind: reply``) or a meeting on or after its day stops the clock.
With the days of ``follow_up_clock`` in me.yml (3, 7 and 7 unless set):

- ``try-someone-else``: after 3 business days, write to a second person at the same organisation
  (named when the handbook has one), until you log an outreach to someone there;
- ``follow-up-once``: after 7 business days, send the first person one polite follow-up;
- ``let-it-rest``: once you have followed up (any touch logged after the request), 7 more business
  days with no answer: stop, and set ``status: dormant``. Nothing more comes for that request.

A new outreach after the follow-up counts as following up again, never as a new request, so the
clock never starts over on someone who does not answer. Business days skip weekends and the public
holidays of ``country:`` in me.yml (the holidays package).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..book import Handbook
from ..me import FollowUpClock
from ..model import Contact, Touch

WEEKEND = frozenset({5, 6})  # Saturday, Sunday: where the holidays package knows no other weekend


@lru_cache(maxsize=64)
def _holidays(country: str):
    import holidays  # only a handbook with a pending request pays for the import

    return holidays.country_holidays(country) if country else None


class BusinessDays:
    """Counting days that are neither a weekend nor a public holiday of one country."""

    def __init__(self, country: str = ""):
        self.calendar = _holidays(country)
        self.weekend = frozenset(getattr(self.calendar, "weekend", None) or WEEKEND)

    def is_business_day(self, day: dt.date) -> bool:
        return day.weekday() not in self.weekend and not (self.calendar is not None and day in self.calendar)

    def count(self, start: dt.date, end: dt.date) -> int:
        """Business days after ``start`` up to and including ``end``."""
        return sum(self.is_business_day(start + dt.timedelta(days=n)) for n in range(1, (end - start).days + 1))

    def after(self, day: dt.date, count: int) -> dt.date:
        """The ``count``-th business day after ``day``: 3 after a Monday is Thursday, holidays aside."""
        while count > 0:
            day += dt.timedelta(days=1)
            count -= self.is_business_day(day)
        return day


@dataclass(frozen=True)
class Request:
    """An outreach nobody has answered yet, and what you did about it since."""

    contact: str
    index: int  # the outreach's place in the person's `touches:`
    touch: Touch
    followed_up: tuple[int, ...]  # later touches in the same file: the follow-up, and any after it

    @property
    def last(self) -> int:
        return self.followed_up[-1] if self.followed_up else self.index


def _answered_on(handbook: Handbook, contact: Contact) -> dt.date | None:
    """The last day something answered: their reply, or a meeting (held or planned)."""
    days = [t.date for t in contact.touches if t.kind == "reply"]
    days += [m.day for m in handbook.meetings_with(contact.slug) if m.status != "cancelled"]
    return max(days, default=None)


def open_request(handbook: Handbook, contact: Contact) -> Request | None:
    """The first outreach after the last answer, with the touches that followed it; or None."""
    answered = _answered_on(handbook, contact)
    since = sorted((t.date, i) for i, t in enumerate(contact.touches) if answered is None or t.date > answered)
    starts = [i for _, i in since if contact.touches[i].kind == "outreach"]
    if not starts:
        return None
    first = starts[0]
    later = tuple(i for day, i in since if (day, i) > (contact.touches[first].date, first))
    return Request(contact.slug, first, contact.touches[first], later)


@dataclass(frozen=True)
class Step:
    rule: str  # "try-someone-else", "follow-up-once" or "let-it-rest"
    due: dt.date  # the business day it became due
    request: Request


def due_steps(request: Request, contact: Contact, days: BusinessDays, clock: FollowUpClock,
              today: dt.date, reached_colleague: bool) -> Iterable[Step]:
    """What the clock asks for today about one request."""
    start = request.touch.date
    if request.followed_up:
        rest = days.after(contact.touches[request.last].date, clock.stop)
        if rest <= today:
            yield Step("let-it-rest", rest, request)
        return
    second = days.after(start, clock.second_person)
    if second <= today and not reached_colleague:
        yield Step("try-someone-else", second, request)
    follow_up = days.after(start, clock.follow_up)
    if follow_up <= today:
        yield Step("follow-up-once", follow_up, request)
