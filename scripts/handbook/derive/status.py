"""The status a person is shown with: what the files say happened, not only their `status:` line.

- a logged touch (an outreach, their reply, any contact) -> ``contacted``;
- a planned meeting still to come -> ``scheduled``;
- a meeting that took place (the agenda's rule) -> ``met``, or ``keep-in-touch`` with a
  ``stay_in_touch`` rhythm;
- ``dormant`` written by hand always wins.

Evidence only moves a person forward along the pipeline: a stage written by hand beyond what the
files show (``met`` at an event with no meeting file) stays. The stored ``status:`` stays the
user's; ``handbook check`` warns where it lags behind (``lagging_statuses``).

Every view that shows a status (pages, charts, filters, commands) renders ``with_evidence(handbook,
today)``, so the contacts table, the pipeline chart and the company pages cannot disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..book import Handbook
from ..model import STATUSES, Contact
from ..problems import Problem
from .agenda import took_place


@dataclass(frozen=True)
class Evidence:
    status: str
    reason: str  # "a meeting on 2026-11-18", for the check's warning


def evidence(handbook: Handbook, contact: Contact, today: dt.date) -> Evidence | None:
    """The furthest stage the files show for this person, or None when they show nothing yet."""
    meetings = [m for m in handbook.meetings_with(contact.slug) if m.status != "cancelled"]
    held = [m for m in meetings if took_place(m, today)]
    if held:
        reason = f"a meeting on {held[-1].day.isoformat()}"
        if contact.stay_in_touch is not None:
            return Evidence("keep-in-touch", f"{reason} and stay_in_touch: {contact.stay_in_touch}")
        return Evidence("met", reason)
    coming = [m for m in meetings if m.status == "planned" and m.day >= today]
    if coming:
        return Evidence("scheduled", f"a meeting planned for {coming[0].day.isoformat()}")
    if contact.touches:
        last = max(contact.touches, key=lambda t: t.date)
        what = "an outreach" if last.kind == "outreach" else "a reply" if last.kind == "reply" else "a touch"
        return Evidence("contacted", f"{what} logged on {last.date.isoformat()}")
    return None


def _rank(status: str) -> int:
    return STATUSES.index(status)


def shown_status(handbook: Handbook, contact: Contact, today: dt.date) -> str:
    """The status to show: the stored one, moved forward by the evidence; hand-written dormant wins."""
    if contact.status == "dormant":
        return "dormant"
    found = evidence(handbook, contact, today)
    if found is None or _rank(found.status) <= _rank(contact.status):
        return contact.status
    return found.status


def with_evidence(handbook: Handbook, today: dt.date) -> Handbook:
    """The same handbook, with each person's ``status`` the one to show."""
    changed = {}
    for slug, contact in handbook.contacts.items():
        status = shown_status(handbook, contact, today)
        if status != contact.status:
            changed[slug] = contact.model_copy(update={"status": status})
    if not changed:
        return handbook
    contacts = {slug: changed.get(slug, contact) for slug, contact in handbook.contacts.items()}
    # Everything else kept as it is; indexed again, so the referral lists hold the updated people too.
    return dataclasses.replace(handbook, contacts=contacts).index()


def lagging_statuses(handbook: Handbook, today: dt.date) -> list[Problem]:
    """One warning for each person whose stored status lags behind what their files show."""
    problems = []
    for contact in handbook.contacts.values():
        shown = shown_status(handbook, contact, today)
        if shown == contact.status:
            continue
        found = evidence(handbook, contact, today)
        written = (contact.status, "status") if ("status",) in contact.source.lines else ("prospect", "name")
        line = contact.source.line_of(written[1])
        hint = f"change it to 'status: {shown}'" if written[1] == "status" else f"add a line 'status: {shown}'"
        problems.append(Problem(contact.source.path, line, "status",
                                f"says {written[0]}, but the files show {shown} ({found.reason})",
                                f"{hint}; pages already show {shown}", severity="warning"))
    return problems
