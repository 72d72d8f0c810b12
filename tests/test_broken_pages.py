"""A file left out for its errors keeps a page listing them, and a broken meeting stays on the calendar, marked."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY, person, write

from handbook import pipeline
from handbook.derive.agenda import agenda, broken_meeting_items
from handbook.render import RenderOptions
from handbook.render.calendar import CALENDAR_SRC

MARK = '<span class="hb-badge hb-item__error">error in this file</span>'


def built(root, profile="private"):
    return pipeline.build(root / "contacts", RenderOptions(profile=profile, today=TODAY), root)


def with_broken_files(root):
    people, meetings = root / "contacts" / "people", root / "contacts" / "meetings"
    write(people / "ana.md", person("Ana"))
    write(people / "oops.md", "---\nname: Oops\nstatus: friend\n---\n")
    # Its own error: the day comes from the file name, since `date:` does not read.
    write(meetings / "2026-12-03-ana.md", "---\ndate: 2026-12-32\nwith: ana\n---\n")
    # Valid itself, but with someone whose file is broken: it carries their error.
    write(meetings / "2026-12-10-oops.md", "---\ndate: 2026-12-10 09:30\nwith: oops\n---\n")
    write(meetings / "2026-11-02-ana.md", "---\ndate: 2026-11-02\nwith: ana\nstatus: dinner\n---\n")  # this month
    write(meetings / "2026-10-01-ana.md", "---\ndate: 2026-10-01\nwith: ana\nstatus: dinner\n---\n")  # long past
    return root


def test_each_broken_file_keeps_its_page_with_its_errors(empty_handbook):
    pages = built(with_broken_files(empty_handbook)).pages
    meeting = pages["meetings/2026-12-03-ana/index.md"]
    assert "Error in this file" in meeting and "<code>contacts/meetings/2026-12-03-ana.md</code>" in meeting
    assert "<code>contacts/meetings/2026-12-03-ana.md:2</code>: <strong>date</strong>" in meeting
    assert 'href="../../handbook-errors/"' in meeting
    oops = pages["meetings/2026-12-10-oops/index.md"]
    assert "<code>contacts/people/oops.md:3</code>: <strong>status</strong>" in oops
    assert "<code>contacts/people/oops.md:3</code>" in pages["contacts/oops/index.md"]
    assert "title: \"Errors in contacts/people/oops.md\"" in pages["contacts/oops/index.md"]
    assert "contacts/ana/index.md" in pages and "Error in this file" not in pages["contacts/ana/index.md"]


def test_the_calendar_keeps_broken_meetings_from_this_month_on_with_the_mark(empty_handbook):
    result = built(with_broken_files(empty_handbook))
    calendar = result.pages[CALENDAR_SRC]
    for slug in ("2026-12-03-ana", "2026-12-10-oops", "2026-11-02-ana"):
        chip = f'href="../meetings/{slug}/" title="Meeting: {slug}.md (error in this file)">{MARK} {slug}.md</a>'
        assert chip in calendar, slug  # in the month grid
    # and in the "Later" list, with the file and line to fix
    assert calendar.count(f'<a href="../meetings/2026-12-03-ana/">2026-12-03-ana.md</a> {MARK}') == 1
    assert "2026-10-01-ana" not in calendar
    assert calendar.count("hb-item--error") == 5
    assert "<code class=\"hb-item__file\">contacts/people/oops.md:3</code>" in calendar


def test_only_the_calendar_shows_broken_meetings(empty_handbook):
    result = built(with_broken_files(empty_handbook))
    assert not [i for i in agenda(result.handbook, TODAY) if i.broken]  # the feed, due and the dashboard
    items = broken_meeting_items(result.handbook, TODAY)
    assert [(i.date, i.meeting) for i in items] == [(dt.date(2026, 11, 2), "2026-11-02-ana"),
                                                    (dt.date(2026, 12, 3), "2026-12-03-ana"),
                                                    (dt.date(2026, 12, 10), "2026-12-10-oops")]
    assert "2026-12-10-oops" not in result.files.get("follow-ups.ics", b"").decode()


def test_the_public_site_makes_no_page_for_a_broken_file(empty_handbook):
    pages = built(with_broken_files(empty_handbook), profile="public").pages
    assert not [src for src in pages if "oops" in src or "2026-12-03" in src]
    assert "oops" not in "".join(pages.values()).lower()
