"""`handbook due`: overdue and coming-up items, most urgent first, each with the file to edit."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from handbook.cli import app

from conftest import TODAY, person, write


def due(root: Path, *args: str):
    result = CliRunner().invoke(app, ["due", *args, "--root", str(root)],
                                env={"HANDBOOK_TODAY": TODAY.isoformat(), "COLUMNS": "200"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_overdue_items_come_first_each_with_its_file_and_line(handbook_copy):
    output = due(handbook_copy)
    lines = output.splitlines()
    assert lines[0].startswith("Overdue (4)")
    # Oldest first: the thank-you late since October, telling Jane about Priya, November's thank-you,
    # then yesterday's follow-up.
    assert [line.split("  ")[1].strip() for line in lines if "overdue by" in line] == [
        "overdue by 35 days", "overdue by 12 days", "overdue by 6 days", "overdue by 1 day"]
    assert "Send a thank-you note to Tomáš Novák" in lines[1]
    assert lines[2].strip().endswith("contacts/meetings/2026-10-20-tomas-novak.md:11")
    assert "Follow-up: Share my draft case study for feedback (Priya Raman)" in output
    assert "Coffee with Jane Doe" not in output  # 2 Dec is eight days away


def test_days_widens_the_window(handbook_copy):
    output = due(handbook_copy, "--days", "10")
    assert "Coming up (3), in the next 10 days" in output
    assert output.index("Overdue") < output.index("in 7 days") < output.index("in 8 days") < output.index("in 9 days")
    assert "Coffee with Jane Doe" in output and "2026-12-02-jane-doe.md:3" in output
    assert "Build one dashboard project" not in output  # 20 Dec is beyond ten days
    assert "Coming up" not in due(handbook_copy, "--days", "0")


def test_a_touch_past_its_ideal_day_is_due_but_not_yet_late(empty_handbook):
    write(empty_handbook / "contacts" / "people" / "ana.md",
          person("Ana", stay_in_touch="{ideal: 30, max: 60}", touches="[{date: 2026-10-10}]"))
    output = due(empty_handbook)
    assert "Overdue" not in output
    assert "due, late in 14 days" in output and "Keep in touch: Get in touch with Ana" in output
    assert "contacts/people/ana.md:4" in output


def test_nothing_due_says_so(empty_handbook):
    assert "Nothing overdue, and nothing due in the next 7 days." in due(empty_handbook)
    assert "nothing due today" in due(empty_handbook, "--days", "1")


def test_a_broken_file_is_mentioned_and_the_rest_still_listed(handbook_copy):
    write(handbook_copy / "contacts" / "people" / "broken.md", "---\nname: [unclosed\n---\n")
    output = due(handbook_copy)
    assert "1 problem(s) in your files" in output and "handbook check" in output
    assert "Overdue (4)" in output


def test_help_explains_the_options(handbook_copy):
    result = CliRunner().invoke(app, ["due", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--days" in result.output and "--root" in result.output


STABLE = {"rule", "person", "file", "line", "due", "text"}  # README, "For scripts": these keys stay


def test_json_gives_the_same_items_with_stable_fields(handbook_copy):
    text = due(handbook_copy)
    payload = json.loads(due(handbook_copy, "--format", "json"))
    assert payload["today"] == TODAY.isoformat()
    items = payload["items"]
    assert items and all(STABLE <= item.keys() for item in items)
    first = items[0]
    assert (first["rule"], first["person"], first["file"], first["line"], first["due"]) == (
        "thank-you", "tomas-novak", "contacts/meetings/2026-10-20-tomas-novak.md", 11, "2026-10-21")
    assert first["text"] in text and first["bucket"] == "overdue"
    assert len(items) == sum(1 for line in text.splitlines() if line.strip().startswith(("overdue", "due", "in ",
                                                                                           "today", "tomorrow")))


def test_next_json_has_the_same_stable_fields(handbook_copy):
    result = CliRunner().invoke(app, ["next", "--format", "json", "--root", str(handbook_copy)],
                                env={"HANDBOOK_TODAY": TODAY.isoformat()}, catch_exceptions=False)
    nudges = json.loads(result.output)["nudges"]
    assert nudges and all(STABLE <= n.keys() for n in nudges)
    reach = next(n for n in nudges if n["rule"] == "reach-out")
    assert (reach["person"], reach["file"], reach["due"]) == ("lina-park", "contacts/people/lina-park.md", "2026-11-15")
