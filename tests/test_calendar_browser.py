"""The calendar page in Chromium: the reader's clock decides what is overdue, not the build's."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import pytest

from handbook.book import load_handbook
from handbook.derive.agenda import agenda
from handbook.render.calendar import windowed_lists

from conftest import CONTACTS, FIXTURE, TODAY

pytestmark = pytest.mark.browser

LISTS = ("overdue", "week", "later")
THANKS_JANE = "Send thank-you note"  # a follow-up due 3 Dec in the example, "Later" on 25 Nov


def open_calendar(page, url: str, day: dt.date | None = None):
    if day is not None:
        page.clock.set_fixed_time(dt.datetime.combine(day, dt.time(12, 0)))
    page.goto(url + "calendar/")
    return page


def grouping(page) -> dict[str, str]:
    """Title -> the list it shows in (hidden entries left out)."""
    found = {}
    for name in LISTS:
        for title in page.locator(f'[data-hb-list="{name}"] > li:visible > a:first-of-type').all_inner_texts():
            found[title] = name
    return found


def test_a_task_upcoming_at_build_time_is_overdue_on_a_later_clock(browser, page, example_url):
    static = browser.new_context(java_script_enabled=False)
    try:
        built = grouping(open_calendar(static.new_page(), example_url))
    finally:
        static.close()
    assert built[THANKS_JANE] == "later"

    open_calendar(page, example_url, dt.date(2026, 12, 10))
    later = grouping(page)
    assert later[THANKS_JANE] == "overdue"
    entry = page.locator('[data-hb-list="overdue"] > li', has_text=THANKS_JANE)
    assert "hb-item--overdue" in entry.get_attribute("class")
    assert entry.locator(".hb-item__late").is_visible()
    assert "Coffee with Jane Doe" not in later  # the 2 Dec meeting is over: neither late nor ahead
    assert page.locator('[data-hb-day="2026-12-10"]').get_attribute("class").split().count("hb-day--today") == 1
    assert "hb-day--today" not in page.locator(f'[data-hb-day="{TODAY.isoformat()}"]').get_attribute("class")
    assert page.locator("[data-hb-today]").get_attribute("datetime") == "2026-12-10"


@pytest.mark.parametrize("day", [TODAY, dt.date(2026, 12, 3), dt.date(2026, 12, 31), dt.date(2027, 3, 1)])
def test_the_browser_groups_exactly_like_the_build_rule(page, example_url, day):
    handbook, _ = load_handbook(CONTACTS, FIXTURE)
    on_page, _ = windowed_lists(agenda(handbook, TODAY), TODAY)  # the rest is on the months' own pages
    expected = {i.title: i.bucket(day) for items in on_page.values() for i in items if i.bucket(day) != "past"}
    assert grouping(open_calendar(page, example_url, day)) == expected


def test_the_month_grid_pages_three_months_at_a_time(page, example_url):
    # The page holds the build's month and two either side (September to January for 25 November).
    open_calendar(page, example_url, dt.date(2026, 10, 10))
    visible = lambda: page.locator("[data-hb-month]:visible").evaluate_all(
        "els => els.map(e => e.dataset.hbMonth)")
    assert visible() == ["2026-10", "2026-11", "2026-12"]
    page.get_by_role("button", name="Later ›").click()
    assert visible() == ["2026-11", "2026-12", "2027-01"]
    assert page.get_by_role("button", name="Later ›").is_disabled()
    page.get_by_role("button", name="‹ Earlier").click()
    page.get_by_role("button", name="‹ Earlier").click()
    assert visible() == ["2026-09", "2026-10", "2026-11"]
    assert page.get_by_role("button", name="‹ Earlier").is_disabled()
    page.locator('[data-hb-month-link="2027-01"]').click()
    assert visible()[-1] == "2027-01"


def test_a_reader_days_later_sees_the_last_months_the_page_holds(page, example_url):
    open_calendar(page, example_url, dt.date(2027, 2, 10))
    assert page.locator("[data-hb-month]:visible").evaluate_all("els => els.map(e => e.dataset.hbMonth)") == [
        "2026-11", "2026-12", "2027-01"]


def test_without_javascript_every_month_is_shown(browser, example_url):
    static = browser.new_context(java_script_enabled=False)
    try:
        page = open_calendar(static.new_page(), example_url)
        months = page.locator("[data-hb-month]")
        assert months.count() >= 3 and page.locator("[data-hb-month]:visible").count() == months.count()
        assert page.locator("[data-hb-month-step]:visible").count() == 0
    finally:
        static.close()


def test_the_contact_page_marks_a_late_touch_by_the_readers_clock(page, example_url):
    page.clock.set_fixed_time(dt.datetime(2027, 1, 5, 12, 0))  # Jane's next touch is 31 Dec 2026
    page.goto(example_url + "contacts/jane-doe/")
    touch = page.locator(".hb-facts .hb-kind--keep-in-touch")
    assert "31 Dec 2026" in touch.inner_text()
    assert touch.locator(".hb-item__late").is_visible()


def test_calendar_links_lead_to_pages_that_exist(example_site: Path):
    html = (example_site / "calendar" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li class="hb-item[^"]*"[^>]*>.*?</li>|<a class="hb-chip [^"]*"[^>]*>', html, re.S)
    links = {href for entry in entries for href in re.findall(r'href="([^"#]+)"', entry)}
    assert len(links) >= 10 and any("/contacts/" in href for href in links)
    for href in links:
        target = example_site / posixpath.normpath(posixpath.join("calendar", href))
        assert (target / "index.html").is_file(), href
    assert (example_site / "follow-ups.ics").is_file()
