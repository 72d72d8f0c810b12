"""What the prep sheet knows beyond the meeting file: history with the person, and finding meetings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import CONTACTS, FIXTURE, TODAY, person, write

from handbook.book import load_handbook
from handbook.derive.history import first_sentence, gist, meeting_history
from handbook.derive.meeting_lookup import find_meetings, upcoming_meetings
from handbook.render import RenderOptions, render_pages


def example():
    handbook, problems = load_handbook(CONTACTS, FIXTURE)
    assert not [p for p in problems if p.is_error]
    return handbook


def meeting_file(root: Path, name: str, *lines: str, notes: str = "") -> None:
    write(root / "contacts/meetings" / f"{name}.md", "---\n" + "\n".join(lines) + f"\n---\n{notes}")


def small_handbook(root: Path):
    write(root / "contacts/people/ana.md", person("Ana Ruiz"))
    write(root / "contacts/people/bo.md", person("Bo Lind"))
    meeting_file(root, "2026-01-10-ana", "date: 2026-01-10", "with: ana", "status: done",
                 "follow_ups:", "  - {task: Send the article, due: 2026-01-12, done: true}",
                 "  - {task: Introduce her to Bo}",
                 notes="## Went well\n\n**Ana** moved from teaching. She likes short emails.\n")
    meeting_file(root, "2026-03-01-ana-bo", "date: 2026-03-01 10:00", "with: [ana, bo]", "goal: Meet both at once",
                 "status: done", "follow_ups:", "  - {task: Share the slides, due: 2026-03-05}")
    meeting_file(root, "2026-03-01-bo", "date: 2026-03-01 09:00", "with: bo", "status: cancelled",
                 "follow_ups:", "  - {task: Book a new date, due: 2026-02-20}")
    meeting_file(root, "2026-05-01-ana", "date: 2026-05-01", "with: ana", "goal: Catch up",
                 "follow_ups:", "  - {task: Thank her}")
    meeting_file(root, "2026-06-01-ana", "date: 2026-06-01", "with: ana", "goal: Later still")
    handbook, problems = load_handbook(root / "contacts", root)
    assert problems == []
    return handbook


def test_history_lists_earlier_meetings_with_anyone_present_newest_first(tmp_path):
    handbook = small_handbook(tmp_path)
    history = meeting_history(handbook, handbook.meetings["2026-05-01-ana"])
    assert [e.meeting.slug for e in history.earlier] == ["2026-03-01-ana-bo", "2026-01-10-ana"]
    # A meeting with both people shows everything either of them had before it, once each.
    both = meeting_history(handbook, handbook.meetings["2026-03-01-ana-bo"])
    assert [e.meeting.slug for e in both.earlier] == ["2026-03-01-bo", "2026-01-10-ana"]


def test_the_gist_is_the_goal_or_else_the_first_sentence_of_the_notes(tmp_path):
    handbook = small_handbook(tmp_path)
    gists = {e.meeting.slug: e.gist for e in meeting_history(handbook, handbook.meetings["2026-05-01-ana"]).earlier}
    assert gists == {"2026-03-01-ana-bo": "Meet both at once", "2026-01-10-ana": "Went well"}
    assert first_sentence("\n\n- **Ana** moved from teaching. She likes email.") == "Ana moved from teaching."
    long = handbook.meetings["2026-01-10-ana"].model_copy(update={"goal": "word " * 100})
    assert len(gist(long)) <= 110 and gist(long).endswith("…")


def test_open_follow_ups_come_from_earlier_meetings_only_soonest_due_first(tmp_path):
    handbook = small_handbook(tmp_path)
    history = meeting_history(handbook, handbook.meetings["2026-06-01-ana"])
    tasks = [(i.meeting.slug, i.follow_up.task) for i in history.open_follow_ups]
    # Done ones are gone, undated ones come last; Bo's cancelled meeting is not Ana's history.
    assert tasks == [("2026-03-01-ana-bo", "Share the slides"), ("2026-01-10-ana", "Introduce her to Bo"),
                     ("2026-05-01-ana", "Thank her")]
    own = meeting_history(handbook, handbook.meetings["2026-05-01-ana"])
    assert "Thank her" not in [i.follow_up.task for i in own.open_follow_ups]
    assert meeting_history(handbook, handbook.meetings["2026-01-10-ana"]).is_empty


def test_a_meeting_is_found_by_file_name_path_prefix_or_contact(tmp_path):
    handbook = small_handbook(tmp_path)
    day = dt.date(2026, 4, 1)
    assert find_meetings(handbook, "2026-05-01-ana", day).meeting.slug == "2026-05-01-ana"
    assert find_meetings(handbook, "contacts/meetings/2026-05-01-ana.md", day).meeting.slug == "2026-05-01-ana"
    assert find_meetings(handbook, "2026-06", day).meeting.slug == "2026-06-01-ana"
    assert [m.slug for m in find_meetings(handbook, "2026-03", day).matches] == ["2026-03-01-bo", "2026-03-01-ana-bo"]
    # A contact means their next meeting from today; with none ahead, every meeting is a candidate.
    assert find_meetings(handbook, "ana", day).meeting.slug == "2026-05-01-ana"
    assert len(find_meetings(handbook, "bo", day).matches) == 2
    missing = find_meetings(handbook, "2026-05-01-anna", day)
    assert missing.matches == [] and "2026-05-01-ana" in missing.hint


def test_upcoming_takes_today_to_the_last_day_and_skips_cancelled(tmp_path):
    handbook = small_handbook(tmp_path)
    # 22 Feb + 7 days is 1 Mar: the last day counts; Bo's cancelled meeting that morning does not.
    assert [m.slug for m in upcoming_meetings(handbook, dt.date(2026, 2, 22), 7)] == ["2026-03-01-ana-bo"]
    assert [m.slug for m in upcoming_meetings(handbook, dt.date(2026, 2, 21), 7)] == []
    assert [m.slug for m in upcoming_meetings(handbook, dt.date(2026, 5, 1), 31)] == ["2026-05-01-ana", "2026-06-01-ana"]
    assert [m.slug for m in upcoming_meetings(handbook, dt.date(2026, 5, 2), 29)] == []


def test_the_meeting_page_carries_history_questions_and_reminders_in_sheet_order():
    handbook = example()
    page = render_pages(handbook, RenderOptions(today=TODAY))["meetings/2026-12-02-jane-doe/index.md"]
    headings = re.findall(r"<h2[^>]*>([^<]+)<a class=\"headerlink\"", page)
    assert headings[:6] == ["Who", "When and where", "Goal", "Research", "History", "Questions"]
    assert page.index(">Questions<") < page.index('class="admonition tip hb-reminders" data-search-exclude')
    assert 'href="../2026-10-02-jane-doe/"' in page and "Learn how she moved from nursing into analytics" in page
    assert 'data-hb-print' in page and 'data-hb-checklist="2026-12-02-jane-doe"' in page
    assert 'Introduced by <a href="../../contacts/sam-lee/">Sam</a></dd>' in page  # the referrer, once


def test_private_fields_stay_off_the_sheet_outside_the_private_build():
    handbook = example()  # a public build drops meetings entirely; the template still guards itself
    src = "meetings/2026-12-02-jane-doe/index.md"
    private = render_pages(handbook, RenderOptions(today=TODAY))[src]
    public = render_pages(handbook, RenderOptions(profile="public", today=TODAY))[src]
    for secret in ("jane.doe@example.org", "+1 555 0100", "<strong>email</strong>"):
        assert secret in private and secret not in public
