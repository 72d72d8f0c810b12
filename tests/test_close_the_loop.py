"""Close the loop: after the first conversation with someone a contact introduced you to, the agenda
asks you to tell that contact how it went, until the meeting file says `referrer_told:`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest

from handbook.book import load_handbook
from handbook.derive.agenda import REFERRER_UPDATE_DAYS, agenda, last_touch
from handbook.render import RenderOptions
from handbook.render.ics import calendar_bytes
from handbook.render.site import contact_pages

from conftest import CONTACTS, person, write

TODAY = dt.date(2026, 11, 25)


def meeting(root: Path, day: str, who: str, status: str = "done", extra: str = "") -> str:
    name = f"{day}-{who.split(',')[0].strip()}.md"
    write(root / "contacts" / "meetings" / name,
          f"---\ndate: {day}\nwith: [{who}]\nstatus: {status}\n{extra}---\n")
    return f"contacts/meetings/{name}"


def load(root: Path):
    handbook, problems = load_handbook(root / "contacts", root)
    assert [p for p in problems if p.is_error] == []
    return handbook


def loops(root: Path, today: dt.date = TODAY):
    return [i for i in agenda(load(root), today) if i.kind == "tell-referrer"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    people = tmp_path / "contacts" / "people"
    write(people / "sam.md", person("Sam Lee"))
    write(people / "jane.md", person("Jane Doe", referred_by="sam"))
    write(people / "omar.md", person("Omar Haddad"))
    return tmp_path


def test_a_meeting_with_someone_referred_asks_you_to_tell_the_referrer(root):
    path = meeting(root, "2026-11-10", "jane")
    [task] = loops(root)
    assert task.title == "Tell Sam Lee how the conversation with Jane Doe went"
    assert task.date == dt.date(2026, 11, 10) + dt.timedelta(days=REFERRER_UPDATE_DAYS)
    assert task.contacts == ("sam",) and task.meeting == "2026-11-10-jane"
    assert (task.path, task.line) == (path, 4)  # the status line, where `referrer_told:` goes
    assert task.label == "Close the loop" and task.is_task
    assert task.bucket(TODAY) == "overdue" and task.bucket(dt.date(2026, 11, 11)) == "week"


def test_referrer_told_in_the_meeting_file_clears_the_task(root):
    meeting(root, "2026-11-10", "jane", extra="referrer_told: 2026-11-12\n")
    assert loops(root) == []


def test_only_a_meeting_that_took_place_creates_it(root):
    meeting(root, "2026-11-30", "jane", status="planned")
    meeting(root, "2026-11-20", "jane", status="cancelled")
    assert loops(root) == []
    meeting(root, "2026-11-21", "jane", status="planned")  # its day is over: it took place
    assert [t.meeting for t in loops(root)] == ["2026-11-21-jane"]


def test_the_first_conversation_is_the_one_to_report_and_a_later_mark_also_clears_it(root):
    meeting(root, "2026-10-01", "jane")
    meeting(root, "2026-11-10", "jane")
    assert [t.meeting for t in loops(root)] == ["2026-10-01-jane"]
    meeting(root, "2026-11-10", "jane", extra="referrer_told: 2026-11-11\n")
    assert loops(root) == []


def test_no_task_for_people_nobody_referred_or_when_the_referrer_was_there(root):
    meeting(root, "2026-11-10", "omar")
    meeting(root, "2026-11-12", "jane, sam")
    assert loops(root) == []


def test_two_people_from_one_referrer_met_together_make_one_task(root):
    write(root / "contacts" / "people" / "ada.md", person("Ada Byron", referred_by="sam"))
    meeting(root, "2026-11-10", "jane, ada")
    [task] = loops(root)
    assert task.title == "Tell Sam Lee how the conversation with Jane Doe and Ada Byron went"


def test_telling_the_referrer_counts_as_a_touch_with_them(root):
    meeting(root, "2026-11-10", "jane", extra="referrer_told: 2026-11-14\n")
    handbook = load(root)
    assert last_touch(handbook, handbook.contacts["sam"], TODAY) == dt.date(2026, 11, 14)


def test_the_uid_is_stable_and_the_task_is_in_the_feed(root):
    meeting(root, "2026-11-10", "jane")
    [first], [second] = loops(root), loops(root, TODAY + dt.timedelta(days=3))
    assert first.uid == second.uid
    feed = icalendar.Calendar.from_ical(calendar_bytes(load(root), RenderOptions(today=TODAY)))
    [event] = [e for e in feed.walk("VEVENT") if str(e["UID"]) == first.uid]
    assert str(event["SUMMARY"]) == first.title
    assert event.decoded("dtstart") == first.date
    assert "contacts/meetings/2026-11-10-jane.md:4" in str(event["DESCRIPTION"])


def page_of(root: Path, slug: str) -> str:
    handbook = load(root)
    pages = {p.src: p.source for p in contact_pages(handbook, RenderOptions(today=TODAY))}
    return pages[f"contacts/{slug}/index.md"]


def test_the_referrers_page_lists_the_task_and_the_message_filled_in_for_that_meeting(root):
    shutil.copytree(CONTACTS / "messages", root / "contacts" / "messages")  # the starter templates
    meeting(root, "2026-11-10", "jane")
    sam = page_of(root, "sam")
    assert "hb-kind--tell-referrer" in sam and "Tell Sam Lee how the conversation with Jane Doe went" in sam
    assert "Referrer thanks (about Jane Doe)" in sam
    assert 'id="hb-message-referrer-thanks-jane-doe"' in sam
    assert "Hi Sam,\n" in sam and "I met Jane Doe on Tuesday 10 November" in sam
    meeting(root, "2026-11-10", "jane", extra="referrer_told: 2026-11-12\n")
    sam = page_of(root, "sam")
    assert "hb-kind--tell-referrer" not in sam and "about Jane Doe" not in sam
