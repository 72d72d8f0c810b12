"""The calendar page and the contact page's follow-up facts, as rendered page sources."""

from __future__ import annotations

import datetime as dt

from handbook import pipeline
from handbook.render import RenderOptions
from handbook.render.calendar import CALENDAR_SRC, add_months, months, page_months

from conftest import TODAY, person, write


def pages(root, today=TODAY, profile="private") -> dict[str, str]:
    built = pipeline.build(root / "contacts", RenderOptions(profile=profile, today=today), root)
    return built.pages


def test_the_page_shows_two_months_either_side_of_this_one_across_new_year():
    assert [m.key for m in months([], page_months(dt.date(2026, 12, 31)))] == [
        "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"]
    assert [f"{m:%Y-%m}" for m in page_months(dt.date(2027, 1, 1))][:2] == ["2026-11", "2026-12"]
    assert add_months(dt.date(2026, 11, 1), 14) == dt.date(2028, 1, 1)
    assert add_months(dt.date(2026, 1, 1), -2) == dt.date(2025, 11, 1)
    february = months([], [dt.date(2028, 2, 1)])[0]
    assert max(day for week in february.weeks for day in week if day.month == 2) == dt.date(2028, 2, 29)


def test_the_public_build_has_no_calendar(handbook_copy):
    private, public = pages(handbook_copy), pages(handbook_copy, profile="public")
    assert "Jane Doe" in private[CALENDAR_SRC] and "data-hb-item" in private[CALENDAR_SRC]
    assert not any(path.startswith("calendar/") for path in public), "nor a page telling a visitor to go elsewhere"


def test_user_text_in_the_calendar_is_escaped(empty_handbook):
    write(empty_handbook / "contacts" / "people" / "ana.md", person("Ana <b>Bold</b>"))
    write(empty_handbook / "contacts" / "meetings" / "2026-11-30-ana.md",
          "---\ndate: 2026-11-30\nwith: ana\nfollow_ups:\n  - {task: '<script>alert(1)</script>'}\n---\n")
    page = pages(empty_handbook)[CALENDAR_SRC]
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in page and "Ana &lt;b&gt;Bold&lt;/b&gt;" in page


def test_the_contact_page_shows_the_next_touch_and_open_follow_ups(empty_handbook):
    people = empty_handbook / "contacts" / "people"
    write(people / "ana.md", person("Ana", stay_in_touch="{ideal: 60, max: 90}", touches="[{date: 2026-09-01}]"))
    write(people / "bo.md", person("Bo", stay_in_touch=30))
    write(people / "cy.md", person("Cy", stay_in_touch=30, status="dormant", touches="[{date: 2026-09-01}]"))
    write(empty_handbook / "contacts" / "meetings" / "2026-11-20-bo.md",
          "---\ndate: 2026-11-20\nwith: bo\nstatus: planned\n"
          "follow_ups:\n  - {task: Send the slides, due: 2026-11-22}\n---\n")
    built = pages(empty_handbook)
    ana, bo, cy = (built[f"contacts/{slug}/index.md"] for slug in ("ana", "bo", "cy"))
    assert "every 60 days, 90 at the most" in ana
    assert 'ideally <time datetime="2026-10-31">' in ana and 'at the latest <time datetime="2026-11-30">' in ana
    assert "hb-item--week" in ana  # due since October, not late until 30 November
    assert "Open follow-ups" not in ana
    # Bo's meeting took place (planned, but its day is over): the cadence and the thank-you start.
    assert 'data-date="2026-12-20"' in bo
    assert ">Open follow-ups<" in bo and "Send the slides" in bo and "Send a thank-you note to Bo" in bo
    assert 'href="../../meetings/2026-11-20-bo/"' in bo
    assert "paused while the status is dormant" in cy


def test_a_contact_never_touched_is_told_when_the_cadence_starts(empty_handbook):
    write(empty_handbook / "contacts" / "people" / "ana.md", person("Ana", stay_in_touch=45))
    page = pages(empty_handbook)["contacts/ana/index.md"]
    assert "every 45 days" in page and "counted from your first meeting or logged touch" in page
