"""When each message of a relationship fits, and which meeting it is about.

A message is offered only at its moment, so it never says something the files don't show:
- ``outreach``: before any meeting was arranged (no meeting file at all), while the person is a
  prospect or contacted;
- ``thank-you``: after the latest meeting took place (on or before today), until ``thanked:`` is set
  or a follow-up about thanking them is done;
- ``referrer-thanks``: after the first meeting with someone a contact introduced you to, until a
  meeting with them says ``referrer_told:`` (the agenda's "Close the loop" task); it goes to the referrer;
- ``keep-in-touch``: once a ``stay_in_touch`` touch is due.

A template of the user's own named after one of these and a dash (``outreach-linkedin``) shares its
moment; one under any other name has none, and is always offered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..book import Handbook
from ..model import Contact, Meeting
from .agenda import THANKS, keep_in_touch_item, took_place

OUTREACH, THANK_YOU, REFERRER_THANKS, KEEP_IN_TOUCH = "outreach", "thank-you", "referrer-thanks", "keep-in-touch"
LIFECYCLE = (OUTREACH, THANK_YOU, REFERRER_THANKS, KEEP_IN_TOUCH)  # the order of a relationship
BEFORE_MEETING_STATUSES = ("prospect", "contacted")


def lifecycle_name(template: str) -> str | None:
    """The lifecycle message whose moment a template shares: "outreach-linkedin" -> "outreach"."""
    return next((name for name in LIFECYCLE if template == name or template.startswith(name + "-")), None)


@dataclass(frozen=True)
class Moment:
    """A message that fits now: the meeting it is about, and whom it goes to when that is not the contact."""

    name: str
    meeting: Meeting | None = None
    to: Contact | None = None


def held(handbook: Handbook, contact: Contact, today: dt.date) -> list[Meeting]:
    """The meetings with them that took place, on or before today, oldest first."""
    return [m for m in handbook.meetings_with(contact.slug) if took_place(m, today) and m.day <= today]


def was_thanked(meeting: Meeting) -> bool:
    return meeting.thanked is not None or any(f.done and THANKS.search(f.task) for f in meeting.follow_ups)


def referrer_meeting(handbook: Handbook, contact: Contact, today: dt.date) -> Meeting | None:
    """The first meeting their referrer has not yet heard about, if that is still open."""
    referrer = handbook.referrer_of(contact)
    if referrer is None or referrer.slug == contact.slug:
        return None
    meetings = [m for m in held(handbook, contact, today) if referrer.slug not in m.with_]
    if not meetings or any(m.referrer_told for m in meetings):
        return None
    return meetings[0]


def touch_is_due(handbook: Handbook, contact: Contact, today: dt.date) -> bool:
    item = keep_in_touch_item(handbook, contact, today)
    return item is not None and item.date <= today


def moments(handbook: Handbook, contact: Contact, today: dt.date) -> dict[str, Moment]:
    """The lifecycle messages that fit this contact today, by template name."""
    found: dict[str, Moment] = {}
    meetings = held(handbook, contact, today)
    if not handbook.meetings_with(contact.slug) and contact.status in BEFORE_MEETING_STATUSES:
        found[OUTREACH] = Moment(OUTREACH)
    if meetings and not was_thanked(meetings[-1]):
        found[THANK_YOU] = Moment(THANK_YOU, meetings[-1])
    first = referrer_meeting(handbook, contact, today)
    if first is not None:
        found[REFERRER_THANKS] = Moment(REFERRER_THANKS, first, to=handbook.referrer_of(contact))
    if touch_is_due(handbook, contact, today):
        found[KEEP_IN_TOUCH] = Moment(KEEP_IN_TOUCH, meetings[-1] if meetings else None)
    return found


def why_not(handbook: Handbook, contact: Contact, name: str, today: dt.date) -> str:
    """Why a lifecycle message does not fit this contact today, in a sentence; "" when it does."""
    kind = lifecycle_name(name)
    if kind is None or kind in moments(handbook, contact, today):
        return ""
    who = contact.first_name
    meetings = held(handbook, contact, today)
    planned = [m for m in handbook.meetings_with(contact.slug) if m.status == "planned" and m.day >= today]
    if kind == OUTREACH:
        if handbook.meetings_with(contact.slug):
            return f"an outreach goes before any meeting, and {who} has a meeting file already"
        return f"an outreach goes before any meeting, and {who}'s status is {contact.status}"
    if kind in (THANK_YOU, REFERRER_THANKS) and not meetings:
        after = f"the meeting on {planned[0].day.isoformat()} has not taken place yet" if planned else \
            f"no meeting with {who} has taken place"
        return f"it goes after a meeting, and {after}"
    if kind == THANK_YOU:
        return f"the meeting on {meetings[-1].day.isoformat()} is already thanked (thanked: or a done thank-you follow-up)"
    if kind == REFERRER_THANKS:
        referrer = handbook.referrer_of(contact)
        if referrer is None or referrer.slug == contact.slug:
            return f"nobody introduced {who} (no referred_by:)"
        return f"{referrer.first_name} has heard how it went (referrer_told:), or was at the meeting"
    item = keep_in_touch_item(handbook, contact, today)
    if item is None:
        return f"{who} has no stay_in_touch: rhythm with a first contact to count from"
    return f"the next touch with {who} is due on {item.date.isoformat()}"
