"""`mkdocs serve` with a meeting file that has an error (issue 16, part 5): its page lists the errors
and the calendar keeps the meeting, marked, until the file is fixed."""

from __future__ import annotations

import os

import pytest
from serving import serving, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.wall_clock]

MEETING = "contacts/meetings/2026-12-02-jane-doe.md"
SHOT = os.environ.get("BROKEN_SCREENSHOT")  # a path: where to save the month, to look at it
CHIP = '.hb-month a.hb-item--error[href$="meetings/2026-12-02-jane-doe/"]'


@pytest.mark.parametrize("args", [(), ("--dirty",)], ids=["serve", "serve --dirty"])
def test_a_broken_meeting_keeps_its_page_and_its_place_on_the_calendar(page, handbook_copy, args):
    meeting = handbook_copy / MEETING
    valid = meeting.read_text(encoding="utf-8")
    with serving(handbook_copy, *args) as served:
        wait_for(lambda: "Coffee with Jane Doe" in served.fetch("calendar/"))
        meeting.write_text(valid.replace("minutes: 30", "minutes: half an hour"), encoding="utf-8")
        wait_for(lambda: "hb-item--error" in served.fetch("calendar/"))
        assert served.status("meetings/2026-12-02-jane-doe/") == 200

        page.goto(served.url + "calendar/")
        chip = page.locator(CHIP)
        if SHOT:
            chip.locator("xpath=ancestor::section").screenshot(path=SHOT)
        assert chip.count() == 1 and chip.is_visible()
        assert "error in this file" in chip.inner_text()
        later = page.locator('[data-hb-list] li.hb-item--error', has_text="2026-12-02-jane-doe.md")
        assert "error in this file" in later.inner_text() and f"{MEETING}:7" in later.inner_text()

        chip.click()
        page.wait_for_url("**/meetings/2026-12-02-jane-doe/")
        article = page.locator("article").inner_text()
        assert "Error in this file" in article and f"{MEETING}:7" in article and "minutes" in article
        assert page.locator(".md-banner a.hb-announce-errors").is_visible()

        meeting.write_text(valid, encoding="utf-8")
        wait_for(lambda: "hb-item--error" not in served.fetch("calendar/"))
        assert "Coffee with Jane Doe" in served.fetch("calendar/")
        assert "Error in this file" not in served.fetch("meetings/2026-12-02-jane-doe/")
    assert "Traceback" not in served.output
