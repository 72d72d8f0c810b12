"""Numbers for the dashboard: the pipeline, monthly activity and where referrals led.

Pure functions of (Handbook, today). A meeting counts once it took place: marked done, or still
planned although its day has passed (the agenda's rule, so the two views agree).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..book import Handbook
from ..model import STATUSES, Meeting
from .agenda import took_place
from .referrals import ReferralGraph, referral_graph

PIPELINE = STATUSES  # prospect -> contacted -> scheduled -> met -> keep-in-touch -> dormant
MONTHS = 12


@dataclass(frozen=True)
class Count:
    key: str  # a status, or a month as YYYY-MM
    label: str  # short: "keep in touch", "Nov"
    name: str  # in full: "keep in touch", "November 2026"
    value: int


def people_by_status(handbook: Handbook) -> list[Count]:
    """How many people are at each pipeline stage, every stage listed, in pipeline order."""
    counts = dict.fromkeys(PIPELINE, 0)
    for contact in handbook.contacts.values():
        counts[contact.status] = counts.get(contact.status, 0) + 1
    return [Count(status, status.replace("-", " "), status.replace("-", " "), value) for status, value in counts.items()]


def month_starts(today: dt.date, months: int = MONTHS) -> list[dt.date]:
    """The first day of the last `months` months, oldest first, ending with today's month."""
    firsts = []
    year, month = today.year, today.month
    for _ in range(months):
        firsts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return firsts[::-1]


def meetings_held(handbook: Handbook, today: dt.date) -> list[Meeting]:
    return [m for m in handbook.meetings.values() if took_place(m, today) and m.day <= today]


def meetings_per_month(handbook: Handbook, today: dt.date, months: int = MONTHS) -> list[Count]:
    """Meetings that took place in each of the last `months` months (today's month included)."""
    firsts = month_starts(today, months)
    counts = dict.fromkeys(firsts, 0)
    for meeting in meetings_held(handbook, today):
        first = meeting.day.replace(day=1)
        if first in counts:
            counts[first] += 1
    return [Count(f"{first:%Y-%m}", f"{first:%b}", f"{first:%B %Y}", value) for first, value in counts.items()]


def from_referral(meeting: Meeting, graph: ReferralGraph) -> bool:
    """A meeting came from a referral when someone in it was introduced to you by a known contact."""
    return any(graph.referrer_of(slug) is not None for slug in meeting.with_)


@dataclass(frozen=True)
class ReferralStats:
    meetings: int  # meetings that took place
    from_referrals: int  # of those, meetings with someone who was referred
    door_openers: list[tuple[str, int]]  # (slug, people they referred), most first, ties by name


def referral_stats(handbook: Handbook, today: dt.date, top: int = 5,
                   graph: ReferralGraph | None = None) -> ReferralStats:
    graph = graph or referral_graph(handbook)
    held = meetings_held(handbook, today)
    return ReferralStats(len(held), sum(from_referral(m, graph) for m in held), graph.top_referrers(top))
