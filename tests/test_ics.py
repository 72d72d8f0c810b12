"""follow-ups.ics: parses with icalendar, lists every task and meeting with a link, and is stable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from handbook import pipeline
from handbook.book import load_handbook
from handbook.derive.agenda import agenda
from handbook.render import RenderOptions
from handbook.render.ics import ICS_PATH, LOCAL_SITE

from conftest import TODAY, copy_handbook, run_mkdocs, write


def events(data: bytes) -> list:
    return icalendar.Calendar.from_ical(data).walk("VEVENT")


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> list[Path]:
    roots = []
    for name in ("first", "second"):
        root = copy_handbook(tmp_path_factory.mktemp(name) / "handbook")
        result = run_mkdocs(root, "build", "--strict", site=root / "site")
        assert result.returncode == 0, result.stderr
        roots.append(root)
    return roots


def test_the_feed_parses_and_lists_every_task_and_meeting(two_builds):
    root = two_builds[0]
    handbook, _ = load_handbook(root / "contacts", root)
    expected = agenda(handbook, TODAY)
    assert {i.kind for i in expected} == {"meeting", "thank-you", "tell-referrer", "follow-up", "keep-in-touch"}
    found = {str(e["UID"]): e for e in events((root / "site" / ICS_PATH).read_bytes())}
    assert set(found) == {i.uid for i in expected}
    for item in expected:
        event = found[item.uid]
        assert item.title in str(event["SUMMARY"])
        assert f"{item.path}:{item.line}" in str(event["DESCRIPTION"])


def test_every_event_links_back_to_a_page_that_exists(two_builds):
    site = two_builds[0] / "site"
    for event in events((site / ICS_PATH).read_bytes()):
        link = str(event["URL"])
        assert link in str(event["DESCRIPTION"])
        assert link.startswith(LOCAL_SITE)  # no site_url in mkdocs.yml: the `make serve` address
        assert (site / link.removeprefix(LOCAL_SITE) / "index.html").is_file(), link


def test_uids_and_bytes_are_equal_across_two_builds(two_builds):
    first, second = ((root / "site" / ICS_PATH).read_bytes() for root in two_builds)
    assert [str(e["UID"]) for e in events(first)] == [str(e["UID"]) for e in events(second)]
    assert first == second


def test_tasks_are_all_day_and_meetings_are_timed(two_builds):
    for event in events((two_builds[0] / "site" / ICS_PATH).read_bytes()):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert event.decoded("DTSTAMP").tzinfo is not None  # UTC, derived from the item's date
        if "Meeting" in event["CATEGORIES"].cats:
            assert isinstance(start, dt.datetime) and end > start
            assert str(event["TRANSP"]) == "OPAQUE"
        else:
            assert not isinstance(start, dt.datetime) and end == start + dt.timedelta(days=1)
            assert str(event["TRANSP"]) == "TRANSPARENT"


def test_links_use_site_url_when_it_is_set(empty_handbook):
    write(empty_handbook / "contacts" / "people" / "ana.md", "---\nname: Ana\nstay_in_touch: 30\n"
          "touches:\n  - {date: 2026-11-01}\n---\n")
    options = RenderOptions(today=TODAY, site_url="https://me.example.org/handbook/", directory_urls=False)
    built = pipeline.build(empty_handbook / "contacts", options, empty_handbook)
    [event] = events(built.files[ICS_PATH])
    assert str(event["URL"]) == "https://me.example.org/handbook/contacts/ana/index.html"


def test_user_text_with_ical_punctuation_survives(empty_handbook):
    write(empty_handbook / "contacts" / "people" / "ana.md", "---\nname: 'Ana; the, \"Boss\"'\n---\n")
    write(empty_handbook / "contacts" / "meetings" / "2026-11-20-ana.md",
          "---\ndate: 2026-11-20\nwith: ana\nstatus: done\nthanked: 2026-11-20\nfollow_ups:\n"
          "  - task: \"Send slides; notes, and links\\nthen call\"\n---\n")
    built = pipeline.build(empty_handbook / "contacts", RenderOptions(today=TODAY), empty_handbook)
    [event] = events(built.files[ICS_PATH])
    assert str(event["SUMMARY"]) == 'Send slides; notes, and links\nthen call (Ana; the, "Boss")'


def test_the_public_build_has_no_feed(handbook_copy):
    options = RenderOptions(profile="public", today=TODAY)
    built = pipeline.build(handbook_copy / "contacts", options, handbook_copy)
    assert ICS_PATH not in built.files
    private = pipeline.build(handbook_copy / "contacts", RenderOptions(today=TODAY), handbook_copy)
    assert ICS_PATH in private.files
