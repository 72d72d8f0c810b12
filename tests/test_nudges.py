"""Next-step nudges, one rule at a time, with a fixed today: when each fires, when it does not, and
how `quiet:` silences it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook.book import load_handbook
from handbook.derive.nudges import ASK_WINDOW, REACH_OUT_AFTER, REFERRER_SILENCE, nudges, silenced
from handbook.render.next_steps import code_spans

from conftest import person, write

TODAY = dt.date(2026, 11, 25)
DAY = dt.timedelta(days=1)


def people(root: Path, slug: str, name: str, **fields) -> str:
    write(root / "contacts" / "people" / f"{slug}.md", person(name, **fields))
    return f"contacts/people/{slug}.md"


def meeting(root: Path, day: dt.date, who: str, status: str = "done", **fields) -> str:
    name = f"{day.isoformat()}-{who}.md"
    lines = "".join(f"{k}: {v}\n" for k, v in fields.items())
    write(root / "contacts" / "meetings" / name, f"---\ndate: {day}\nwith: [{who}]\nstatus: {status}\n{lines}---\n")
    return f"contacts/meetings/{name}"


def found(root: Path, rule: str, today: dt.date = TODAY):
    handbook, problems = load_handbook(root / "contacts", root)
    assert [p for p in problems if p.is_error] == []
    return [n for n in nudges(handbook, today) if n.rule == rule]


def quiet_count(root: Path) -> int:
    handbook, _ = load_handbook(root / "contacts", root)
    return silenced(handbook, TODAY)


# Everyone below has a channel and a cadence unless a test says otherwise, so one rule fires at a time.
SETTLED = {"prefers": "email", "stay_in_touch": 90}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path


# ask-for-next-steps

def test_a_meeting_without_the_next_step_questions_nudges_you_to_ask(root):
    people(root, "ana", "Ana Lima", **SETTLED)
    path = meeting(root, TODAY - 5 * DAY, "ana", questions="[typical-day, how-started]")
    [nudge] = found(root, "ask-for-next-steps")
    assert (nudge.contact, nudge.meeting, nudge.path, nudge.line) == ("ana", f"{TODAY - 5 * DAY}-ana", path, 5)
    assert "Ana Lima" in nudge.title and "thank-you note" in nudge.why and "handbook asked 2026-11-20-ana" in nudge.why


def test_after_the_thank_you_the_nudge_says_to_ask_in_the_next_message(root):
    people(root, "ana", "Ana Lima", **SETTLED)
    meeting(root, TODAY - 5 * DAY, "ana", questions="[typical-day]", thanked=TODAY - 4 * DAY)
    [nudge] = found(root, "ask-for-next-steps")
    assert "next message" in nudge.why and "thank-you note" not in nudge.why


@pytest.mark.parametrize("fields", [
    {"questions": "[typical-day, other-people]"},  # picked for the meeting
    {"questions": "[typical-day]", "asked": "[stay-in-touch]"},  # not picked, but asked
    {"questions": "[typical-day]", "asked": "[all:next-steps]"},
    {},  # no questions: line, so the defaults were on the prep sheet, and they include both
])
def test_picking_or_recording_either_question_keeps_it_quiet(root, fields):
    people(root, "ana", "Ana Lima", **SETTLED)
    meeting(root, TODAY - 5 * DAY, "ana", **fields)
    assert found(root, "ask-for-next-steps") == []


def test_only_recent_meetings_that_took_place_count(root):
    people(root, "ana", "Ana Lima", **SETTLED)
    meeting(root, TODAY - (ASK_WINDOW + 1) * DAY, "ana", questions="[typical-day]")
    meeting(root, TODAY + 3 * DAY, "ana", status="planned", questions="[typical-day]")
    meeting(root, TODAY - 2 * DAY, "ana", status="cancelled", questions="[typical-day]")
    assert found(root, "ask-for-next-steps") == []
    assert len(found(root, "ask-for-next-steps", TODAY - 2 * DAY)) == 1  # then the old one was recent


def test_a_meeting_nudge_is_silenced_only_when_everyone_there_is_quiet(root):
    people(root, "ana", "Ana Lima", quiet="[ask-for-next-steps]", **SETTLED)
    people(root, "bo", "Bo Chen", **SETTLED)
    write(root / "contacts" / "meetings" / "2026-11-20-ana.md",
          "---\ndate: 2026-11-20\nwith: [ana, bo]\nstatus: done\nquestions: [typical-day]\n---\n")
    assert len(found(root, "ask-for-next-steps")) == 1
    people(root, "bo", "Bo Chen", quiet="all", **SETTLED)
    assert found(root, "ask-for-next-steps") == [] and quiet_count(root) == 1


# record-preferences

def test_someone_met_without_a_channel_or_cadence_is_nudged(root):
    path = people(root, "ana", "Ana Lima", prefers="email", status="met")
    meeting(root, TODAY - 40 * DAY, "ana")
    [nudge] = found(root, "record-preferences")
    assert (nudge.contact, nudge.meeting, nudge.path) == ("ana", None, path)
    assert "`stay_in_touch`" in nudge.why and "`prefers`" not in nudge.why
    assert nudge.line == 4  # the status line: there is no stay_in_touch line to point at yet


@pytest.mark.parametrize("fields", [
    {"prefers": "phone", "stay_in_touch": 60},
    {"prefers": "phone", "stay_in_touch": "none"},  # "none" is an answer too
    {"status": "dormant"},
])
def test_a_recorded_answer_or_a_dormant_status_keeps_it_quiet(root, fields):
    people(root, "ana", "Ana Lima", **fields)
    meeting(root, TODAY - 40 * DAY, "ana")
    assert found(root, "record-preferences") == []


def test_nobody_is_asked_for_preferences_before_meeting(root):
    people(root, "ana", "Ana Lima")
    meeting(root, TODAY + 2 * DAY, "ana", status="planned")
    assert found(root, "record-preferences") == []


def test_record_preferences_can_be_silenced(root):
    people(root, "ana", "Ana Lima", quiet="record-preferences")
    meeting(root, TODAY - 40 * DAY, "ana")
    assert found(root, "record-preferences") == [] and quiet_count(root) == 1


# update-referrer

def test_a_referrer_not_heard_from_in_sixty_days_is_nudged(root):
    path = people(root, "sam", "Sam Lee", touches=f"[{{date: {TODAY - REFERRER_SILENCE * DAY}}}]", **SETTLED)
    people(root, "jane", "Jane Doe", referred_by="sam", **SETTLED)
    [nudge] = found(root, "update-referrer")
    assert (nudge.contact, nudge.path, nudge.line) == ("sam", path, 3)  # the touches line: log the update there
    assert "Jane Doe" in nudge.why and f"{REFERRER_SILENCE} days ago" in nudge.why


def test_a_referrer_touched_lately_or_told_about_the_meeting_is_not_nudged(root):
    people(root, "sam", "Sam Lee", touches=f"[{{date: {TODAY - (REFERRER_SILENCE - 1) * DAY}}}]", **SETTLED)
    people(root, "jane", "Jane Doe", referred_by="sam", **SETTLED)
    assert found(root, "update-referrer") == []
    people(root, "sam", "Sam Lee", touches="[{date: 2026-01-01}]", **SETTLED)
    assert len(found(root, "update-referrer")) == 1
    meeting(root, TODAY - 20 * DAY, "jane", referrer_told=TODAY - 10 * DAY)  # telling Sam was a touch
    assert found(root, "update-referrer") == []


def test_a_referrer_never_touched_is_nudged_unless_a_meeting_is_planned(root):
    people(root, "sam", "Sam Lee", **SETTLED)
    people(root, "jane", "Jane Doe", referred_by="sam", **SETTLED)
    [nudge] = found(root, "update-referrer")
    assert "no meeting or touch" in nudge.why
    meeting(root, TODAY + 7 * DAY, "sam", status="planned")
    assert found(root, "update-referrer") == []


def test_people_who_referred_nobody_or_are_dormant_or_quiet_get_no_update_nudge(root):
    people(root, "omar", "Omar Haddad", **SETTLED)
    people(root, "sam", "Sam Lee", status="dormant", **SETTLED)
    people(root, "jane", "Jane Doe", referred_by="sam", quiet="[update-referrer]", **SETTLED)
    people(root, "ada", "Ada Byron", referred_by="jane", **SETTLED)
    assert found(root, "update-referrer") == [] and quiet_count(root) == 1


# reach-out

def test_a_prospect_added_two_weeks_ago_with_no_outreach_is_nudged(root):
    path = people(root, "lina", "Lina Park", status="prospect", added=TODAY - REACH_OUT_AFTER * DAY)
    [nudge] = found(root, "reach-out")
    assert (nudge.contact, nudge.path, nudge.line) == ("lina", path, 4)  # the added line
    assert (TODAY - REACH_OUT_AFTER * DAY).isoformat() in nudge.why


def test_a_prospect_without_added_counts_as_added_long_ago(root):
    people(root, "lina", "Lina Park")  # status defaults to prospect
    [nudge] = found(root, "reach-out")
    assert "no `added:` date" in nudge.why


@pytest.mark.parametrize("fields", [
    {"added": TODAY - (REACH_OUT_AFTER - 1) * DAY},  # not two weeks yet
    {"touches": "[{date: 2026-11-02, via: email}]"},  # written to
    {"status": "contacted"},
    {"quiet": "[reach-out]"},
    {"quiet": "true"},
])
def test_recent_touched_contacted_or_quiet_prospects_are_not_nudged(root, fields):
    people(root, "lina", "Lina Park", **fields)
    assert found(root, "reach-out") == []


def test_a_prospect_with_a_meeting_already_is_not_nudged(root):
    people(root, "lina", "Lina Park", added="2026-01-01")
    meeting(root, TODAY + 3 * DAY, "lina", status="planned")
    assert found(root, "reach-out") == []


# the list as a whole

def test_nudges_come_rule_by_rule_then_by_name_and_never_repeat(root):
    for slug, name in (("zoe", "Zoe Adams"), ("bo", "Bo Chen")):
        people(root, slug, name)
        meeting(root, TODAY - 3 * DAY, slug, questions="[typical-day]")
    people(root, "lina", "Lina Park")
    handbook, _ = load_handbook(root / "contacts", root)
    got = [(n.rule, n.contact) for n in nudges(handbook, TODAY)]
    assert got == [("ask-for-next-steps", "bo"), ("ask-for-next-steps", "zoe"), ("record-preferences", "bo"),
                   ("record-preferences", "zoe"), ("reach-out", "lina")]
    assert got == [(n.rule, n.contact) for n in nudges(handbook, TODAY)]


def test_an_unknown_rule_in_quiet_is_reported_with_the_file_and_line(root):
    people(root, "ana", "Ana Lima", quiet="[reach-out, update-referer]")
    _, problems = load_handbook(root / "contacts", root)
    [problem] = problems
    assert (problem.path, problem.line, problem.field) == ("contacts/people/ana.md", 3, "quiet[1]")
    assert "'update-referrer'" in problem.hint


def test_backticks_in_a_why_become_code_and_nothing_else_becomes_html():
    assert code_spans("set `status: contacted` for <b>Ana</b>") == \
        "set <code>status: contacted</code> for &lt;b&gt;Ana&lt;/b&gt;"
    assert code_spans("`<script>`") == "<code>&lt;script&gt;</code>"
