"""Next-step nudges: habits that are easy to forget, found in the data, each with the file to edit.

The follow-up clock's three rules (``try-someone-else``, ``follow-up-once``, ``let-it-rest``,
see derive/follow_up_clock.py) come first, then five more. Every id is what `quiet:` takes
(model.NUDGE_RULES), in a person's file or, for the last, a company's:
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
from ..me import FollowUpClock
from ..model import NUDGE_RULES, Company, Contact, Meeting, Source
from .agenda import last_touch, names, once_a_build, took_place
from .follow_up_clock import BusinessDays, Step, due_steps, open_request
from ..identity import organisation_slug
from .introductions import Organisation, organisations
from .referrals import ReferralGraph, referral_graph
from .targets import Target, next_step, step_text, targets, top_targets

ASK_WINDOW = 30  # days after a meeting during which asking by message still feels natural
REFERRER_SILENCE = 60  # days without news before a referrer deserves an update
REACH_OUT_AFTER = 14  # days a prospect may wait for a first message
NEXT_STEP_QUESTIONS = ("other-people", "stay-in-touch")  # question ids: more names, permission to follow up
RULE_LABELS = {"try-someone-else": "Write to a second person", "follow-up-once": "Follow up once",
               "let-it-rest": "Let it rest", "ask-for-next-steps": "Ask for next steps",
               "record-preferences": "Record how to keep in touch", "update-referrer": "Update a referrer",
               "reach-out": "Reach out", "find-someone": "Find a way in"}


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
    due: dt.date | None = None  # the day it came up, when the data says

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
           f"{meeting.day.isoformat()}; ask {where}, then record it with "
           f"`handbook asked {meeting.slug} other-people stay-in-touch`.")
    return Nudge("ask-for-next-steps", meeting.with_[0], meeting.slug,
                 f"Ask {who} for more names and how to stay in touch", why, meeting.source.path,
                 _line(meeting.source, "questions", "status", "date"), due=meeting.day)


def _record_preferences(handbook: Handbook, contact: Contact, met: dt.date | None) -> Nudge | None:
    if met is None or contact.status == "dormant":
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
                 why, contact.source.path, _line(contact.source, *missing, "status", "name"), due=met)


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
           f"send a short update on how things are going, then log it with `handbook log {contact.slug} \"...\"`.")
    return Nudge("update-referrer", contact.slug, None, f"Send {contact.name} an update", why, contact.source.path,
                 _line(contact.source, "touches", "status", "name"),
                 due=last + dt.timedelta(days=REFERRER_SILENCE) if last is not None else None)


def _reach_out(handbook: Handbook, contact: Contact, today: dt.date) -> Nudge | None:
    if contact.status != "prospect" or contact.touches or handbook.meetings_with(contact.slug):
        return None
    if contact.added is not None and (today - contact.added).days < REACH_OUT_AFTER:
        return None
    since = (f"has been a prospect since {contact.added.isoformat()}" if contact.added is not None
             else "is a prospect with no `added:` date")
    why = (f"{contact.first_name} {since} and you have not written yet; send a short request, then log it "
           f"with `handbook log {contact.slug} \"...\" --outreach`.")
    return Nudge("reach-out", contact.slug, None, f"Write to {contact.name}", why, contact.source.path,
                 _line(contact.source, "added", "status", "name"),
                 due=contact.added + dt.timedelta(days=REACH_OUT_AFTER) if contact.added is not None else None)


def _weekday(day: dt.date) -> str:
    return f"{day:%a} {day.isoformat()}"


def _reached(handbook: Handbook, slug: str, since: dt.date) -> bool:
    """Whether you wrote to or met this person on or after ``since``."""
    contact = handbook.contacts[slug]
    return (any(t.kind == "outreach" and t.date >= since for t in contact.touches)
            or any(m.status != "cancelled" and m.day >= since for m in handbook.meetings_with(slug)))


def _second_person(handbook: Handbook, org: Organisation | None, slug: str) -> tuple[str, str] | None:
    """(slug, how you know them) of the best other person to write to there: met, warm, then anyone."""
    for reach in org.people if org else ():
        other = handbook.contacts[reach.slug]
        if reach.slug != slug and other.status != "dormant":
            return reach.slug, {"met": "you have met them", "warm": "someone you know can introduce you",
                                "cold": f"a {other.status} in your handbook"}[reach.level]
    return None


def _clock_nudge(handbook: Handbook, step: Step, org: Organisation | None, waited_days: int,
                 clock: FollowUpClock) -> Nudge:
    contact = handbook.contacts[step.request.contact]
    sent = step.request.touch.date
    line = contact.source.line_of("touches", step.request.last if step.rule == "let-it-rest" else step.request.index)
    waited = (f"{contact.first_name} has not answered the request you logged on {_weekday(sent)}, "
              f"{waited_days} business day{'' if waited_days == 1 else 's'} ago")
    if step.rule == "try-someone-else":
        other = _second_person(handbook, org, contact.slug)
        if other is not None:
            person = handbook.contacts[other[0]]
            title = f"Write to {person.name} at {org.name} too"
            why = (f"{waited}; while you wait, write to a second person at {org.name}: {person.name} "
                   f"({other[1]}). Log it with `handbook log {person.slug} \"...\" --outreach`.")
        elif org is not None:
            title = f"Find a second person at {org.name}"
            why = (f"{waited}; while you wait, write to someone else at {org.name}. Nobody else there is in your "
                   f"handbook yet: `handbook path \"{org.name}\"` shows who could introduce you.")
        else:
            title = f"Find a second person where {contact.first_name} works"
            why = (f"{waited}; while you wait, write to someone else at the same organisation. Add `company:` "
                   f"to the file so `handbook path` can suggest people.")
    elif step.rule == "follow-up-once":
        title = f"Send {contact.name} one polite follow-up"
        why = (f"{waited}; send one short, polite follow-up and log it with `handbook log {contact.slug} "
               f"\"...\" --outreach`. Their answer (`--reply`) or a meeting stops the clock.")
    else:
        followed = contact.touches[step.request.last].date
        title = f"Let it rest with {contact.name}"
        why = (f"No answer {clock.stop} business days after your follow-up of {_weekday(followed)}: stop writing "
               f"for now and set `status: dormant` in the file; the clock asks nothing more about this request.")
    # Writing to someone else there links to the organisation's page, which lists them all.
    company = org.slug if step.rule == "try-someone-else" and org is not None else None
    return Nudge(step.rule, contact.slug, None, title, why, contact.source.path, line, company=company, due=step.due)


def _clock_candidates(handbook: Handbook, today: dt.date) -> Iterable[tuple[Nudge, bool]]:
    clock = handbook.me.follow_up_clock if handbook.me else FollowUpClock()
    days: BusinessDays | None = None
    orgs: dict[str, Organisation] | None = None
    for contact in handbook.contacts.values():
        request = open_request(handbook, contact) if contact.status != "dormant" else None
        if request is None:
            continue
        if days is None:  # computed once, and only when someone is waiting for an answer
            days = BusinessDays(handbook.me.country if handbook.me else "")
            orgs = {org.slug: org for org in organisations(handbook, today)}
        org = orgs.get(organisation_slug(contact.company))
        colleagues = [r.slug for r in org.people if r.slug != contact.slug] if org else []
        reached = any(_reached(handbook, slug, request.touch.date) for slug in colleagues)
        waited = days.count(request.touch.date, today)
        for step in due_steps(request, contact, days, clock, today, reached):
            yield _clock_nudge(handbook, step, org, waited, clock), is_quiet(contact, step.rule)


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
    yield from _clock_candidates(handbook, today)
    first_met = {slug: min((m.day for m in meetings if took_place(m, today)), default=None)
                 for slug, meetings in handbook.meetings_by_contact.items()}
    for contact in handbook.contacts.values():
        for nudge in (_record_preferences(handbook, contact, first_met.get(contact.slug)),
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
    """What to do next, rule by rule (in NUDGE_RULES order), then by name. Silenced nudges are left out.
    ``graph`` is the handbook's referral graph, when the caller has it already."""
    def make() -> list[Nudge]:
        found = [n for n, quiet in _candidates(handbook, today, graph or referral_graph(handbook)) if not quiet]
        return sorted(found, key=lambda n: _order(handbook, n))
    return once_a_build("nudges", handbook, today, make)


def silenced(handbook: Handbook, today: dt.date, graph: ReferralGraph | None = None) -> int:
    """How many nudges `quiet:` keeps out of the list."""
    return sum(quiet for _, quiet in _candidates(handbook, today, graph or referral_graph(handbook)))
