"""Next-step nudges: habits that are easy to forget, found in the data, each with the file to edit.

Five rules; their ids are what `quiet:` takes (model.NUDGE_RULES), in a person's file or, for the last, a company's:
- ``ask-for-next-steps``: a meeting that took place in the last ASK_WINDOW days where neither
  "other-people" (more names) nor "stay-in-touch" was picked in ``questions:`` or recorded in
  ``asked:``: the thank-you note, or the next message, can ask instead.
- ``record-preferences``: someone you have met whose file has no ``prefers`` channel or no
  ``stay_in_touch`` line (``stay_in_touch: none`` counts as an answer).
- ``update-referrer``: someone who introduced you to anyone and has not heard from you in
  REFERRER_SILENCE days (the agenda's last touch), unless a meeting with them is planned.
- ``reach-out``: a prospect with no meeting and no touch REACH_OUT_AFTER days after ``added:``.
  A prospect without ``added:`` is taken to have been added long ago.
- ``find-someone``: one of the top targets (derive/targets.py) where nobody is in your handbook
  yet; the company file's ``quiet:`` silences it.

Dormant people get no nudge about keeping in touch. A person silences nudges with
``quiet: [rule, ...]`` or ``quiet: all``; a meeting's nudge is silenced when everyone at it is quiet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from ..book import Handbook
from ..model import NUDGE_RULES, Company, Contact, Meeting, Source
from .agenda import last_touch, names, took_place
from .referrals import ReferralGraph, referral_graph
from .targets import Target, next_step, step_text, targets, top_targets

ASK_WINDOW = 30  # days after a meeting during which asking by message still feels natural
REFERRER_SILENCE = 60  # days without news before a referrer deserves an update
REACH_OUT_AFTER = 14  # days a prospect may wait for a first message
NEXT_STEP_QUESTIONS = ("other-people", "stay-in-touch")  # question ids: more names, permission to follow up
RULE_LABELS = {"ask-for-next-steps": "Ask for next steps", "record-preferences": "Record how to keep in touch",
               "update-referrer": "Update a referrer", "reach-out": "Reach out",
               "find-someone": "Find a way in"}


@dataclass(frozen=True)
class Nudge:
    rule: str  # one of NUDGE_RULES
    contact: str  # the person it is about (for a meeting, its first person)
    meeting: str | None  # the meeting's slug when the nudge is about one; its page is the link target
    title: str  # what to do, short
    why: str  # one sentence: why it came up, and how to clear it
    path: str  # the file to edit
    line: int
    company: str | None = None  # the organisation's slug when the nudge is about one; its page is the link target

    @property
    def label(self) -> str:
        return RULE_LABELS.get(self.rule, self.rule)


def _line(source: Source, *keys: str) -> int:
    """The line of the first of these keys the file has: where the fix goes."""
    for key in keys:
        if (key,) in source.lines:
            return source.lines[(key,)]
    return 1


def is_quiet(record: Contact | Company, rule: str) -> bool:
    return "all" in record.quiet or rule in record.quiet


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def _some_names(handbook: Handbook, slugs: tuple[str, ...], shown: int = 3) -> str:
    """'Ana, Bo and Cy', or 'Ana, Bo, Cy and 4 others' for a long list."""
    if len(slugs) <= shown:
        return names(handbook, slugs)
    return ", ".join(handbook.contacts[s].name for s in slugs[:shown]) + f" and {len(slugs) - shown} others"


def _ask_for_next_steps(handbook: Handbook, meeting: Meeting, today: dt.date) -> Nudge | None:
    if not took_place(meeting, today) or (today - meeting.day).days > ASK_WINDOW:
        return None
    asked = set(meeting.question_ids) | set(handbook.bank.resolve(list(meeting.asked))[0])
    if asked & set(NEXT_STEP_QUESTIONS):
        return None
    who = names(handbook, meeting.with_)
    where = ("in your thank-you note" if meeting.thanked is None else "in your next message")
    why = (f"Neither asking for more names nor asking to stay in touch was on the list for the meeting of "
           f"{meeting.day.isoformat()}; ask {where}, then write `asked: [other-people, stay-in-touch]` "
           "in the meeting file.")
    return Nudge("ask-for-next-steps", meeting.with_[0], meeting.slug,
                 f"Ask {who} for more names and how to stay in touch", why, meeting.source.path,
                 _line(meeting.source, "questions", "status", "date"))


def _record_preferences(handbook: Handbook, contact: Contact, met: bool) -> Nudge | None:
    if not met or contact.status == "dormant":
        return None
    # A line in the file is an answer, even `stay_in_touch: none`; only a missing line is a gap.
    missing = [key for key in ("prefers", "stay_in_touch")
               if getattr(contact, key) is None and (key,) not in contact.source.lines]
    if not missing:
        return None
    gaps = " or ".join(f"`{key}`" for key in missing)
    why = (f"You have met {contact.first_name}, but the file has no {gaps} yet; note the channel they like "
           "and how often to get in touch, or ask in your next message.")
    return Nudge("record-preferences", contact.slug, None, f"Record how {contact.name} likes to keep in touch",
                 why, contact.source.path, _line(contact.source, *missing, "status", "name"))


def _update_referrer(handbook: Handbook, contact: Contact, graph: ReferralGraph, today: dt.date) -> Nudge | None:
    introduced = graph.referred(contact.slug)
    if not introduced or contact.status == "dormant":
        return None
    if any(m.status == "planned" and m.day >= today for m in handbook.meetings_with(contact.slug)):
        return None  # you will see them soon anyway
    last = last_touch(handbook, contact, today)
    if last is not None and (today - last).days < REFERRER_SILENCE:
        return None
    since = "no meeting or touch is logged with them" if last is None else \
        f"you last got in touch {_days((today - last).days)} ago ({last.isoformat()})"
    why = (f"{contact.first_name} introduced you to {_some_names(handbook, introduced)}, and {since}; "
           "send a short update on how things are going, then log it under `touches:`.")
    return Nudge("update-referrer", contact.slug, None, f"Send {contact.name} an update", why, contact.source.path,
                 _line(contact.source, "touches", "status", "name"))


def _reach_out(handbook: Handbook, contact: Contact, today: dt.date) -> Nudge | None:
    if contact.status != "prospect" or contact.touches or handbook.meetings_with(contact.slug):
        return None
    if contact.added is not None and (today - contact.added).days < REACH_OUT_AFTER:
        return None
    since = (f"has been a prospect since {contact.added.isoformat()}" if contact.added is not None
             else "is a prospect with no `added:` date")
    why = (f"{contact.first_name} {since} and you have not written yet; send a short request, then log it "
           "under `touches:` and set `status: contacted`.")
    return Nudge("reach-out", contact.slug, None, f"Write to {contact.name}", why, contact.source.path,
                 _line(contact.source, "added", "status", "name"))


def _find_someone(handbook: Handbook, target: Target, rank: int) -> Nudge | None:
    if target.people or target.company is None:
        return None
    why = (f"{target.name} is number {rank} on your target list and nobody there is in your handbook yet; "
           f"{step_text(next_step(handbook, target))}, then add them with "
           f"`handbook new contact \"...\" --company \"{target.name}\"`.")
    return Nudge("find-someone", "", None, f"Find someone at {target.name}", why, target.company.source.path,
                 _line(target.company.source, "name"), company=target.slug)


def _target_candidates(handbook: Handbook, today: dt.date, graph: ReferralGraph) -> Iterable[tuple[Nudge, bool]]:
    if not handbook.companies:
        return  # only a company file makes a target
    ranked = targets(handbook, today, graph)
    for target in top_targets(ranked):
        nudge = _find_someone(handbook, target, ranked.index(target) + 1)
        if nudge is not None:
            yield nudge, is_quiet(target.company, nudge.rule)


def _candidates(handbook: Handbook, today: dt.date, graph: ReferralGraph) -> Iterable[tuple[Nudge, bool]]:
    """Every nudge the data calls for, with whether `quiet:` silences it."""
    for meeting in handbook.meetings.values():
        nudge = _ask_for_next_steps(handbook, meeting, today)
        if nudge is not None:
            people = [handbook.contacts[s] for s in meeting.with_ if s in handbook.contacts]
            yield nudge, all(is_quiet(p, nudge.rule) for p in people)
    met = {slug for slug, meetings in handbook.meetings_by_contact.items()
           if any(took_place(m, today) for m in meetings)}
    for contact in handbook.contacts.values():
        for nudge in (_record_preferences(handbook, contact, contact.slug in met),
                      _update_referrer(handbook, contact, graph, today), _reach_out(handbook, contact, today)):
            if nudge is not None:
                yield nudge, is_quiet(contact, nudge.rule)
    yield from _target_candidates(handbook, today, graph)


def _order(handbook: Handbook, nudge: Nudge) -> tuple:
    # Nudges about companies tie here and keep their target-list order (the sort is stable).
    contact = handbook.contacts.get(nudge.contact)
    return (NUDGE_RULES.index(nudge.rule), contact.name.casefold() if contact else "", nudge.contact,
            nudge.meeting or "")


def nudges(handbook: Handbook, today: dt.date, graph: ReferralGraph | None = None) -> list[Nudge]:
    """What to do next, rule by rule (in NUDGE_RULES order), then by name. Silenced nudges are left out."""
    found = [n for n, quiet in _candidates(handbook, today, graph or referral_graph(handbook)) if not quiet]
    return sorted(found, key=lambda n: _order(handbook, n))


def silenced(handbook: Handbook, today: dt.date, graph: ReferralGraph | None = None) -> int:
    """How many nudges `quiet:` keeps out of the list."""
    return sum(quiet for _, quiet in _candidates(handbook, today, graph or referral_graph(handbook)))
