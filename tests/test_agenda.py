"""The follow-up agenda, derived from files with a fixed "today"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handbook.book import load_handbook
from handbook.derive.agenda import agenda, by_urgency, last_touch

from conftest import write

D = dt.date


def meeting(root: Path, day: str, who: str = "ana", status: str = "done", extra: str = "") -> str:
    name = f"{day[:10]}-{who}.md"
    write(root / "contacts" / "meetings" / name,
          f"---\ndate: {day}\nwith: [{who}]\nkind: coffee\nminutes: 30\nstatus: {status}\n{extra}---\nNotes.\n")
    return f"contacts/meetings/{name}"


def contact(root: Path, slug: str = "ana", extra: str = "") -> str:
    write(root / "contacts" / "people" / f"{slug}.md", f"---\nname: {slug.title()} Example\n{extra}---\n")
    return f"contacts/people/{slug}.md"


def items(root: Path, today: dt.date, kind: str | None = None):
    handbook, problems = load_handbook(root / "contacts", root)
    assert [p for p in problems if p.is_error] == []
    return [i for i in agenda(handbook, today) if kind is None or i.kind == kind]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    contact(tmp_path)
    return tmp_path


def test_thank_you_is_due_the_day_after_a_meeting(root):
    path = meeting(root, "2026-11-10 10:00")
    [thanks] = items(root, D(2026, 11, 25), "thank-you")
    assert thanks.date == D(2026, 11, 11)
    assert thanks.contacts == ("ana",) and thanks.meeting == "2026-11-10-ana"
    assert (thanks.path, thanks.line) == (path, 6)  # the status line, where `thanked:` goes
    assert thanks.bucket(D(2026, 11, 11)) == "week"
    assert thanks.bucket(D(2026, 11, 12)) == "overdue"


def test_thanked_clears_the_thank_you(root):
    meeting(root, "2026-11-10", extra="thanked: 2026-11-11\n")
    assert items(root, D(2026, 11, 25), "thank-you") == []


def test_only_meetings_that_took_place_need_thanks(root):
    meeting(root, "2026-11-01", status="cancelled")
    meeting(root, "2026-11-20", who="ana", status="planned")  # forgotten status: the day is over
    meeting(root, "2026-11-30", who="ana", status="planned")  # still to come
    thanks = items(root, D(2026, 11, 25), "thank-you")
    assert [t.meeting for t in thanks] == ["2026-11-20-ana"]


def test_a_follow_up_about_thanks_stands_in_for_the_automatic_one(root):
    extra = "follow_ups:\n  - {task: Send Ana a thank-you card, due: 2026-11-12}\n"
    meeting(root, "2026-11-10", extra=extra)
    got = items(root, D(2026, 11, 25))
    assert [(i.kind, i.title) for i in got] == [("follow-up", "Send Ana a thank-you card")]
    meeting(root, "2026-11-10", extra=extra + "thanked: 2026-11-11\n")
    assert items(root, D(2026, 11, 25)) == []


def test_a_follow_up_marked_done_disappears(root):
    path = meeting(root, "2026-11-10", extra="thanked: 2026-11-10\nfollow_ups:\n"
                   "  - {task: Send the article, due: 2026-11-20}\n"
                   "  - {task: Ask about the meetup, due: 2026-11-21, done: true}\n")
    [open_one] = items(root, D(2026, 11, 25), "follow-up")
    assert open_one.title == "Send the article"
    assert (open_one.path, open_one.line, open_one.date) == (path, 9, D(2026, 11, 20))
    meeting(root, "2026-11-10", extra="thanked: 2026-11-10\nfollow_ups:\n"
            "  - {task: Send the article, due: 2026-11-20, done: true}\n")
    assert items(root, D(2026, 11, 25), "follow-up") == []


def test_a_follow_up_without_a_due_date_is_due_the_day_after(root):
    meeting(root, "2026-11-30", status="planned", extra="follow_ups:\n  - {task: Introduce Ana to Bo}\n")
    [follow_up] = items(root, D(2026, 11, 25), "follow-up")
    assert follow_up.date == D(2026, 12, 1)


def test_identical_tasks_get_distinct_uids_that_survive_a_reload(root):
    meeting(root, "2026-11-10", extra="thanked: 2026-11-10\nfollow_ups:\n  - {task: Call}\n  - {task: Call}\n")
    first = [i.uid for i in items(root, D(2026, 11, 25))]
    again = [i.uid for i in items(root, D(2026, 12, 25))]
    assert len(set(first)) == 2 and first == again
    assert all(uid.endswith("@networking-handbook") for uid in first)


def test_a_meeting_on_new_years_eve_is_thanked_on_new_years_day(root):
    meeting(root, "2026-12-31 18:00")
    [thanks] = items(root, D(2027, 1, 5), "thank-you")
    assert thanks.date == D(2027, 1, 1)
    assert thanks.bucket(D(2027, 1, 5)) == "overdue"
    assert thanks.bucket(D(2026, 12, 31)) == "week"


def test_a_meeting_at_the_end_of_a_month_is_thanked_on_the_first(root):
    meeting(root, "2026-04-30")
    [thanks] = items(root, D(2026, 5, 10), "thank-you")
    assert thanks.date == D(2026, 5, 1)


def test_keep_in_touch_counts_from_the_last_meeting(root):
    path = contact(root, extra="stay_in_touch: 30\n")
    meeting(root, "2026-10-01", extra="thanked: 2026-10-01\n")
    [touch] = items(root, D(2026, 10, 5), "keep-in-touch")
    assert (touch.date, touch.until, touch.contacts, touch.meeting) == (D(2026, 10, 31), None, ("ana",), None)
    assert (touch.path, touch.line) == (path, 3)
    assert touch.bucket(D(2026, 11, 1)) == "overdue"


def test_the_cadence_restarts_after_a_logged_touch(root):
    path = contact(root, extra="stay_in_touch: 30\ntouches:\n  - {date: 2026-10-20, via: email}\n")
    meeting(root, "2026-10-01", extra="thanked: 2026-10-01\n")
    [touch] = items(root, D(2026, 11, 25), "keep-in-touch")
    assert touch.date == D(2026, 11, 19)
    assert (touch.path, touch.line) == (path, 4)  # the touches log, where the next one goes


def test_the_cadence_restarts_after_a_new_meeting_but_not_a_planned_one(root):
    contact(root, extra="stay_in_touch: 30\ntouches:\n  - {date: 2026-10-20, via: email}\n")
    meeting(root, "2026-11-01", extra="thanked: 2026-11-01\n")
    meeting(root, "2026-12-20", status="planned")
    [touch] = items(root, D(2026, 11, 25), "keep-in-touch")
    assert touch.date == D(2026, 12, 1)
    handbook, _ = load_handbook(root / "contacts", root)
    assert last_touch(handbook, handbook.contacts["ana"], D(2026, 11, 25)) == D(2026, 11, 1)


@pytest.mark.parametrize("touched, due", [
    ("2028-01-30", D(2028, 2, 29)),  # leap year: February has a 29th
    ("2027-01-30", D(2027, 3, 1)),   # common year: the same gap lands in March
    ("2026-12-15", D(2027, 1, 14)),  # across New Year
])
def test_stay_in_touch_crosses_month_and_year_ends(root, touched, due):
    contact(root, extra=f"stay_in_touch: 30\ntouches:\n  - {{date: {touched}}}\n")
    [touch] = items(root, D(2026, 1, 1), "keep-in-touch")
    assert touch.date == due


def test_an_ideal_and_maximum_interval_is_due_at_ideal_and_overdue_after_max(root):
    contact(root, extra="stay_in_touch: {ideal: 60, max: 90}\ntouches:\n  - {date: 2026-09-01}\n")
    [touch] = items(root, D(2026, 11, 25), "keep-in-touch")
    assert (touch.date, touch.until, touch.deadline) == (D(2026, 10, 31), D(2026, 11, 30), D(2026, 11, 30))
    assert touch.bucket(D(2026, 10, 20)) == "later"
    assert touch.bucket(D(2026, 11, 25)) == "week"  # due since October, not late yet
    assert touch.bucket(D(2026, 11, 30)) == "week"
    assert touch.bucket(D(2026, 12, 1)) == "overdue"


def test_a_contact_never_met_or_touched_or_dormant_gets_no_reminder(root):
    contact(root, "bo", extra="stay_in_touch: 30\n")
    contact(root, "cy", extra="stay_in_touch: 30\nstatus: dormant\ntouches:\n  - {date: 2026-01-01}\n")
    assert items(root, D(2026, 11, 25), "keep-in-touch") == []


def test_upcoming_meetings_start_today(root):
    meeting(root, "2026-11-25 09:30", status="planned")
    meeting(root, "2026-11-24", who="ana", status="planned")
    [today] = items(root, D(2026, 11, 25), "meeting")
    assert (today.date, today.start, today.minutes) == (D(2026, 11, 25), dt.datetime(2026, 11, 25, 9, 30), 30)
    assert today.title == "Coffee with Ana Example"
    assert today.bucket(D(2026, 11, 25)) == "week"
    assert today.bucket(D(2026, 11, 26)) == "past"  # a meeting is never "overdue"


def test_this_week_is_today_and_the_six_days_after(root):
    meeting(root, "2026-11-10", extra="thanked: 2026-11-10\nfollow_ups:\n"
            "  - {task: Sixth day, due: 2026-12-01}\n  - {task: Seventh day, due: 2026-12-02}\n")
    got = {i.title: i.bucket(D(2026, 11, 25)) for i in items(root, D(2026, 11, 25))}
    assert got == {"Sixth day": "week", "Seventh day": "later"}


def test_the_most_urgent_come_first(root):
    contact(root, extra="stay_in_touch: {ideal: 10, max: 60}\ntouches:\n  - {date: 2026-11-01}\n")
    contact(root, "bo")
    meeting(root, "2026-11-20", who="bo", extra="follow_ups:\n  - {task: Later thing, due: 2026-12-24}\n")
    today = D(2026, 11, 25)
    order = [i.kind for i in by_urgency(items(root, today), today)]
    # The thank-you (due the 21st) is late; the touch is due since the 11th but not late.
    assert order == ["thank-you", "keep-in-touch", "follow-up"]
    assert [i.kind for i in items(root, today)] == ["keep-in-touch", "thank-you", "follow-up"]


def test_stay_in_touch_max_below_ideal_is_reported_with_its_line(tmp_path):
    contact(tmp_path, extra="company: X\nstay_in_touch: {ideal: 90, max: 30}\n")
    _, problems = load_handbook(tmp_path / "contacts", tmp_path)
    assert [(p.path, p.line, p.field) for p in problems] == [("contacts/people/ana.md", 4, "stay_in_touch")]
    assert "max" in problems[0].message


def test_one_builds_agenda_is_worked_out_once_per_handbook_and_day(root, monkeypatch):
    from handbook.derive import agenda as module

    meeting(root, "2026-11-10 10:00")
    handbook, _ = load_handbook(root / "contacts", root)
    other, _ = load_handbook(root / "contacts", root)
    worked_out = []
    real = module._agenda
    monkeypatch.setattr(module, "_agenda", lambda h, day: worked_out.append(day) or real(h, day))
    with module.agenda_kept():
        first = agenda(handbook, D(2026, 11, 25))
        first.clear()  # a caller's list is its own
        assert agenda(handbook, D(2026, 11, 25)) == real(handbook, D(2026, 11, 25)) != []
        agenda(handbook, D(2026, 11, 26))
        agenda(other, D(2026, 11, 25))
    assert worked_out == [D(2026, 11, 25), D(2026, 11, 26), D(2026, 11, 25)]
    agenda(handbook, D(2026, 11, 25))  # outside a build: worked out each time
    assert len(worked_out) == 4
