"""The daily loop end to end, in a temporary handbook: init, a new contact, an outreach on a
Monday, the follow-up clock at 3 and 7 business days, and a reply that clears it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from handbook_cli import handbook

MONDAY = dt.date(2026, 11, 23)  # the Thursday after is Thanksgiving, a US public holiday


def template(root: Path) -> Path:
    """A handbook as the template ships it: marked examples, message templates, an example me.yml."""
    contacts = root / "contacts"
    for folder in ("people", "meetings", "messages"):
        (contacts / folder).mkdir(parents=True)
    (contacts / "people" / "ex-ample.md").write_text("---\n# EXAMPLE CONTACT: fictional.\nname: Ex Ample\n---\n")
    (contacts / "meetings" / "2026-01-05-ex-ample.md").write_text(
        "---\n# EXAMPLE MEETING: fictional.\ndate: 2026-01-05\nwith: [ex-ample]\nstatus: done\n---\n")
    (contacts / "me.yml").write_text("# EXAMPLE: who you are.\nname: Alex Rivera\n")
    (contacts / "messages" / "outreach.md.j2").write_text("Hello {{ person.first_name }}\n")
    (root / "mkdocs.yml").write_text("site_name: Test\n")
    return root


def on(day: dt.date) -> dict:
    return {"HANDBOOK_TODAY": day.isoformat()}


def next_json(root: Path, day: dt.date) -> list[dict]:
    result = handbook(root, "next", "--format", "json", env=on(day))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["nudges"]


def clock(nudges: list[dict]) -> list[tuple[str, str]]:
    return [(n["rule"], n["person"]) for n in nudges if n["rule"] in ("try-someone-else", "follow-up-once",
                                                                      "let-it-rest")]


def test_init_outreach_clock_and_reply(tmp_path):
    root = template(tmp_path / "hb")
    started = handbook(root, "init", "--name", "Riley Chen", "--country", "US", "--yes", env=on(MONDAY))
    assert started.exit_code == 0, started.output
    assert not (root / "contacts" / "people" / "ex-ample.md").exists()
    assert (root / "contacts" / "messages" / "outreach.md.j2").exists()
    for name in ("Jane Doe", "Sam Lee"):
        made = handbook(root, "new", "contact", name, "--company", "Acme Health", env=on(MONDAY))
        assert made.exit_code == 0, made.output

    logged = handbook(root, "log", "jane-doe", "asked for 20 minutes about the analyst team", "--via", "email",
                      "--outreach", env=on(MONDAY))
    assert logged.exit_code == 0, logged.output
    printed = re.search(r"contacts/people/jane-doe\.md:(\d+): logged an outreach on 2026-11-23", logged.stdout)
    assert printed, logged.stdout
    line = int(printed.group(1))
    assert (root / "contacts/people/jane-doe.md").read_text().splitlines()[line - 1].startswith("  - {date: 2026-11-23")

    # Tue, Wed and (Thanksgiving skipped) Fri are the 3 business days.
    assert clock(next_json(root, dt.date(2026, 11, 26))) == []
    friday = next_json(root, dt.date(2026, 11, 27))
    assert clock(friday) == [("try-someone-else", "jane-doe")]
    second = next(n for n in friday if n["rule"] == "try-someone-else")
    assert "Sam Lee" in second["text"] and "Acme Health" in second["text"]
    assert second["file"] == "contacts/people/jane-doe.md" and second["line"] == line
    assert second["due"] == "2026-11-27" and second["company"] == "acme-health"  # its page lists who is there

    # 7 business days: Tue 24, Wed 25, Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
    assert ("follow-up-once", "jane-doe") not in clock(next_json(root, dt.date(2026, 12, 2)))
    thursday = next_json(root, dt.date(2026, 12, 3))
    assert clock(thursday) == [("try-someone-else", "jane-doe"), ("follow-up-once", "jane-doe")]
    text = handbook(root, "next", env={**on(dt.date(2026, 12, 3)), "COLUMNS": "250"}).stdout
    assert "Send Jane Doe one polite follow-up" in text and f"contacts/people/jane-doe.md:{line}" in text

    replied = handbook(root, "log", "jane-doe", "happy to talk next week", "--reply", env=on(dt.date(2026, 12, 3)))
    assert replied.exit_code == 0, replied.output
    assert clock(next_json(root, dt.date(2026, 12, 3))) == []
    assert clock(next_json(root, dt.date(2027, 1, 4))) == []


def test_a_follow_up_then_silence_suggests_letting_it_rest_and_nothing_after(tmp_path):
    root = template(tmp_path / "hb")
    handbook(root, "init", "--name", "Riley Chen", "--yes")
    handbook(root, "new", "contact", "Jane Doe", "--company", "Acme Health")
    handbook(root, "log", "jane-doe", "asked for a chat", "--outreach", "--date", "2026-11-23")
    assert handbook(root, "log", "jane-doe", "one polite follow-up", "--outreach", "--date",
                    "2026-12-02").exit_code == 0
    # Without `country:` only weekends are skipped: 7 business days after Wed 2 Dec is Fri 11 Dec.
    assert clock(next_json(root, dt.date(2026, 12, 10))) == []
    rest = next_json(root, dt.date(2026, 12, 11))
    assert clock(rest) == [("let-it-rest", "jane-doe")]
    assert "status: dormant" in next(n for n in rest if n["rule"] == "let-it-rest")["why"]
    person = root / "contacts" / "people" / "jane-doe.md"
    person.write_text(person.read_text().replace("status: prospect", "status: dormant"))
    assert clock(next_json(root, dt.date(2026, 12, 11))) == []


def test_quiet_silences_the_clock_and_a_second_outreach_elsewhere_clears_try_someone_else(tmp_path):
    root = template(tmp_path / "hb")
    handbook(root, "init", "--name", "Riley Chen", "--yes")
    handbook(root, "new", "contact", "Jane Doe", "--company", "Acme Health")
    handbook(root, "new", "contact", "Sam Lee", "--company", "Acme Health")
    handbook(root, "log", "jane-doe", "asked for a chat", "--outreach", "--date", "2026-11-23")
    assert clock(next_json(root, dt.date(2026, 11, 26))) == [("try-someone-else", "jane-doe")]
    handbook(root, "log", "sam-lee", "asked for a chat too", "--outreach", "--date", "2026-11-26")
    assert clock(next_json(root, dt.date(2026, 11, 26))) == []
    person = root / "contacts" / "people" / "jane-doe.md"
    person.write_text(person.read_text().replace("status: prospect", "status: prospect\nquiet: [follow-up-once]"))
    assert ("follow-up-once", "jane-doe") not in clock(next_json(root, dt.date(2026, 12, 3)))
    assert json.loads(handbook(root, "next", "--format", "json", env=on(dt.date(2026, 12, 3))).stdout)["silenced"] >= 1


def test_nobody_else_there_points_to_handbook_path(tmp_path):
    root = template(tmp_path / "hb")
    handbook(root, "init", "--name", "Riley Chen", "--yes")
    handbook(root, "new", "contact", "Jane Doe", "--company", "Acme Health")
    handbook(root, "log", "jane-doe", "asked for a chat", "--outreach", "--date", "2026-11-23")
    (nudge,) = [n for n in next_json(root, dt.date(2026, 11, 26)) if n["rule"] == "try-someone-else"]
    assert 'handbook path "Acme Health"' in nudge["why"]


def test_the_clock_days_are_settings_in_me_yml(tmp_path):
    root = template(tmp_path / "hb")
    handbook(root, "init", "--name", "Riley Chen", "--yes")
    me = root / "contacts" / "me.yml"
    me.write_text(me.read_text() + "follow_up_clock: {second_person: 1, follow_up: 2}\n")
    handbook(root, "new", "contact", "Jane Doe")
    handbook(root, "log", "jane-doe", "asked for a chat", "--outreach", "--date", "2026-11-23")
    assert clock(next_json(root, dt.date(2026, 11, 25))) == [("try-someone-else", "jane-doe"),
                                                             ("follow-up-once", "jane-doe")]
