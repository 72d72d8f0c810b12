"""Every page has a bounded size, whatever the handbook's size: long lists go onto pages of their
own (contacts, past meetings, calendar months), and the home page shows the top of each list."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import TODAY, copy_handbook
from handbook.bench.synthetic import SHAPES, Size, generate
from handbook.derive.agenda import agenda
from handbook.pipeline import build
from handbook.render import RenderOptions, dashboard, paging
from handbook.render.calendar import CALENDAR_SRC, LIST_ITEMS, OVERDUE_DAYS, page_months

OPTIONS = RenderOptions(today=TODAY)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("bounded") / "handbook", with_examples=False)
    generate(root / "contacts", Size(70, 260), today=TODAY, seed=3, shape=SHAPES["half-overdue"])
    return build(root / "contacts", OPTIONS, root)


def rows_of(page: str, cls: str) -> list[str]:
    table = re.search(rf'<table class="hb-table {cls}".*?</table>', page, re.S)
    return re.findall(r'<tr data-search="([^"]*)"', table.group()) if table else []


def test_paging_splits_rows_and_links_every_page():
    pages = paging.paged("contacts", list(range(7)), size=3)
    assert [rows for _, rows in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    assert [p.src for p, _ in pages] == ["contacts/index.md", "contacts/_pages/2.md", "contacts/_pages/3.md"]
    assert (pages[2][0].first, pages[2][0].last, pages[2][0].total) == (7, 7, 7)
    assert len(paging.paged("meetings", [], size=3)) == 1


def test_the_contacts_index_goes_onto_pages_holding_everyone_once(built, monkeypatch):
    monkeypatch.setattr(paging, "ROWS", 20)
    from handbook.render.site import render_pages
    pages = render_pages(built.handbook, OPTIONS)
    index = sorted(src for src in pages if src == "contacts/index.md" or src.startswith("contacts/_pages/"))
    assert len(index) == 4  # 70 people, 20 a page
    rows = [row for src in index for row in re.findall(r'<tr data-search=', pages[src])]
    assert len(rows) == 70
    names = [c.name for c in built.handbook.contacts.values()]
    shown = "".join(pages[src] for src in index)
    assert all(f">{name}</a>" in shown for name in names)
    assert 'aria-current="page">2<' in pages["contacts/_pages/2.md"]
    assert 'href="../../_pages/3/"' in pages["contacts/_pages/2.md"] or 'href="../3/"' in pages["contacts/_pages/2.md"]
    meeting_pages = ["meetings/index.md"] + sorted((src for src in pages if src.startswith("meetings/_pages/")),
                                                   key=lambda src: int(src.split("/")[-1][:-3]))
    assert len(meeting_pages) == 13  # 260 meetings, 20 a page
    assert all(pages[src].count("<tr><td><a href=") <= 20 for src in meeting_pages)
    listed = [slug for src in meeting_pages for slug in re.findall(r'<tr><td><a href="[./]*(?:meetings/)?([^/"]+)/"', pages[src])]
    assert sorted(listed) == sorted(built.handbook.meetings)  # every meeting once, upcoming ones first
    upcoming = [m.slug for m in built.handbook.meetings.values() if m.day >= TODAY and m.status != "cancelled"]
    assert listed[:len(upcoming)] == upcoming


def test_the_calendar_page_keeps_a_window_and_months_pages_hold_the_rest(built):
    pages = built.pages
    calendar = pages[CALENDAR_SRC]
    grids = re.findall(r'data-hb-month="([0-9-]+)"', calendar)
    assert grids == [f"{first:%Y-%m}" for first in page_months(TODAY)] and len(grids) == 5
    items = agenda(built.handbook, TODAY)
    old = [i for i in items if i.bucket(TODAY) == "overdue" and (TODAY - i.date).days > OVERDUE_DAYS]
    assert old, "the shape makes overdue items older than the window"
    recent = [i for i in items if i.bucket(TODAY) == "overdue" and (TODAY - i.date).days <= OVERDUE_DAYS]
    assert f"And {len(old) + max(0, len(recent) - LIST_ITEMS)} more overdue" in calendar
    month_pages = {src: text for src, text in pages.items() if re.match(r"calendar/\d{4}-\d{2}/index.md$", src)}
    for item in old:
        month = f"calendar/{item.date:%Y-%m}/index.md"
        assert month in month_pages and f'href="{item.date:%Y-%m}/"' in calendar
    overdue = re.search(r'data-hb-list="overdue">(.*?)</ul>', calendar, re.S).group(1)
    oldest = (TODAY - dt.timedelta(days=OVERDUE_DAYS)).isoformat()
    assert overdue.count("<li ") and min(re.findall(r'data-date="([0-9-]+)"', overdue)) >= oldest
    every_uid_on_a_page = all(
        f'data-date="{i.date.isoformat()}"' in (calendar + month_pages.get(f"calendar/{i.date:%Y-%m}/index.md", ""))
        for i in items)
    assert every_uid_on_a_page


def test_the_home_page_shows_the_top_of_each_list(built, monkeypatch):
    monkeypatch.setattr(dashboard, "LIST_ITEMS", 3)
    html = dashboard.render_dashboard(built.handbook, OPTIONS)
    overdue = re.search(r'<ul class="hb-agenda" data-hb-list="overdue">(.*?)</ul>', html, re.S).group(1)
    assert overdue.count("<li ") == 3
    waiting = [i for i in agenda(built.handbook, TODAY) if i.bucket(TODAY) == "overdue"]
    assert f"And {len(waiting) - 3} more on the" in html


def test_the_calendar_page_caps_its_lists_and_each_days_chips(built, monkeypatch):
    from handbook.render import calendar
    monkeypatch.setattr(calendar, "LIST_ITEMS", 5)
    monkeypatch.setattr(calendar, "DAY_CHIPS", 1)
    pages = dict((page.src, page.source) for page in calendar.calendar_pages(built.handbook, OPTIONS))
    page = pages[CALENDAR_SRC]
    for name in ("overdue", "later"):
        shown = re.search(rf'data-hb-list="{name}">(.*?)</ul>', page, re.S).group(1)
        assert shown.count("<li ") == 5
    assert "more overdue, listed on the pages of their months" in page
    cells = re.findall(r'<td class="hb-day[^"]*" data-hb-day="[^"]*">(.*?)</td>', page, re.S)
    assert cells and all(cell.count('class="hb-chip') <= 1 for cell in cells)
    crowded = [cell for cell in cells if "hb-day__more" in cell]
    assert crowded, "some day has more than one item"
    month = re.search(r'class="hb-day__more" href="([0-9-]+)/"', page).group(1)
    month_page = pages[f"calendar/{month}/index.md"]
    items = [i for i in agenda(built.handbook, TODAY) if f"{i.date:%Y-%m}" == month]
    assert month_page.count('<li class="hb-item') == len(items)  # the month's own page lists all of them
