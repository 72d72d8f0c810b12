"""Status follows the evidence (derive/status.py), check warns where the file lags, and business
days skip weekends and public holidays (derive/follow_up_clock.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from conftest import TODAY, write
from handbook_cli import handbook

from handbook.book import load_handbook
from handbook.derive.follow_up_clock import BusinessDays
from handbook.derive.status import lagging_statuses, shown_status, with_evidence


def book(tmp_path: Path, people: dict[str, str], meetings: dict[str, str] = {}) -> Path:
    for slug, fields in people.items():
        write(tmp_path / "contacts" / "people" / f"{slug}.md", f"---\nname: {slug.title()}\n{fields}---\n")
    for stem, fields in meetings.items():
        write(tmp_path / "contacts" / "meetings" / f"{stem}.md", f"---\ndate: {stem[:10]}\n{fields}---\n")
    return tmp_path


@pytest.mark.parametrize("fields,meeting,expected", [
    ("", "", "prospect"),
    ("touches: [{date: 2026-11-20, note: hi, kind: outreach}]\n", "", "contacted"),
    ("", "with: [ana]\nstatus: planned\n", "scheduled"),  # on 2026-12-01, after today
    ("", "with: [ana]\nstatus: cancelled\n", "prospect"),
    ("status: met\n", "", "met"),  # written by hand beyond the evidence: it stays
    ("status: keep-in-touch\n", "with: [ana]\nstatus: planned\n", "keep-in-touch"),
    ("status: dormant\n", "with: [ana]\nstatus: planned\n", "dormant"),
])
def test_the_shown_status_follows_the_files(tmp_path, fields, meeting, expected):
    root = book(tmp_path, {"ana": fields}, {"2026-12-01-ana": meeting} if meeting else {})
    handbook_, problems = load_handbook(root / "contacts", root)
    assert problems == []
    assert shown_status(handbook_, handbook_.contacts["ana"], TODAY) == expected


def test_a_meeting_that_took_place_means_met_and_with_a_rhythm_keep_in_touch(tmp_path):
    root = book(tmp_path, {"ana": "", "bo": "stay_in_touch: 60\n", "cy": "stay_in_touch: none\n"},
                {"2026-11-20-ana": "with: [ana, bo, cy]\nstatus: planned\n"})  # planned, but its day is past
    write(root / "contacts" / "companies" / "acme.md", "---\nname: Acme\n---\n")
    write(root / "contacts" / "me.yml", "name: Riley\n")
    handbook_, _ = load_handbook(root / "contacts", root)
    assert handbook_.companies and handbook_.me
    shown = with_evidence(handbook_, TODAY)
    assert {s: c.status for s, c in shown.contacts.items()} == {"ana": "met", "bo": "keep-in-touch", "cy": "met"}
    assert {s: c.status for s, c in handbook_.contacts.items()} == dict.fromkeys(("ana", "bo", "cy"), "prospect")
    kept = [f.name for f in dataclasses.fields(handbook_) if f.name not in ("contacts", "referrals_by_contact")]
    assert all(getattr(shown, name) == getattr(handbook_, name) for name in kept)  # companies, me, broken...


def test_check_warns_once_per_person_and_names_the_status_line(tmp_path):
    root = book(tmp_path, {"ana": "company: Acme\nstatus: prospect\n", "bo": "company: Acme\n"},
                {"2026-11-20-ana": "with: [ana, bo]\nstatus: done\n"})
    handbook_, _ = load_handbook(root / "contacts", root)
    warnings = lagging_statuses(handbook_, TODAY)
    assert [(p.path, p.line, p.severity) for p in warnings] == [("contacts/people/ana.md", 4, "warning"),
                                                                ("contacts/people/bo.md", 2, "warning")]
    assert "says prospect, but the files show met (a meeting on 2026-11-20)" in warnings[0].message
    assert "add a line 'status: met'" in warnings[1].hint
    write(root / "mkdocs.yml", "site_name: x\n")
    result = handbook(root, "check")
    assert result.exit_code == 0 and result.stdout.count("says prospect") == 2


def test_business_days_skip_weekends_and_the_countrys_holidays():
    monday = dt.date(2026, 11, 23)
    assert BusinessDays().after(monday, 3) == dt.date(2026, 11, 26)
    assert BusinessDays("US").after(monday, 3) == dt.date(2026, 11, 27)  # Thanksgiving
    assert BusinessDays("GB").after(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 29)  # Christmas, Boxing Day
    assert BusinessDays().after(dt.date(2026, 11, 27), 1) == dt.date(2026, 11, 30)  # Friday to Monday
    assert BusinessDays("US").count(monday, dt.date(2026, 12, 3)) == 7


def test_an_unknown_country_is_a_problem_with_a_hint(tmp_path):
    root = book(tmp_path, {})
    write(root / "contacts" / "me.yml", "name: Riley\ncountry: UK\n")
    _, problems = load_handbook(root / "contacts", root)
    assert [(p.path, p.line, p.field) for p in problems] == [("contacts/me.yml", 2, "country")]
