"""`handbook next` and `handbook path` on a copy of the example handbook, with the tests' fixed today."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import TODAY, person, write
from handbook_cli import handbook, snapshot

from handbook.book import load_handbook

LINKEDIN = Path(__file__).parent / "data" / "linkedin" / "Connections.csv"

WIDE = {"COLUMNS": "200"}


def test_next_lists_each_nudge_with_why_and_the_file_to_edit(handbook_copy):
    before = snapshot(handbook_copy / "contacts")
    result = handbook(handbook_copy, "next", env=WIDE)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("Ask for next steps (1)") < out.index("Reach out (1)")
    assert "Ask Priya Raman for more names and how to stay in touch" in out
    assert "contacts/meetings/2026-11-10-priya-raman.md:9" in out
    assert "Write to Lina Park" in out and "contacts/people/lina-park.md:10" in out
    assert "prospect since 2026-11-01" in out
    assert snapshot(handbook_copy / "contacts") == before  # it only reads


def test_next_filters_by_rule_and_counts_what_quiet_silences(handbook_copy):
    lina = handbook_copy / "contacts" / "people" / "lina-park.md"
    lina.write_text(lina.read_text(encoding="utf-8").replace("added: 2026-11-01\n", "added: 2026-11-01\nquiet: all\n"),
                    encoding="utf-8")
    result = handbook(handbook_copy, "next", "--rule", "reach-out", env=WIDE)
    assert result.exit_code == 0
    assert "Nothing to do next for reach-out." in result.stdout and "Lina" not in result.stdout
    assert "1 more silenced by quiet:" in result.stdout
    assert "Priya" in handbook(handbook_copy, "next", env=WIDE).stdout


def test_next_on_an_empty_handbook_says_there_is_nothing(empty_handbook):
    result = handbook(empty_handbook, "next", env=WIDE)
    assert result.exit_code == 0 and "Nothing to do next: no nudges." in result.stdout


def test_next_prints_names_literally_never_as_markup(empty_handbook):
    write(empty_handbook / "contacts" / "people" / "x.md", person("'[red]Zed[/red] Doe'"))
    result = handbook(empty_handbook, "next", env=WIDE)
    assert "Write to [red]Zed[/red] Doe" in result.stdout


def test_path_prints_who_is_met_warm_or_cold_with_the_chain(handbook_copy):
    result = handbook(handbook_copy, "path", "acme  HEALTH", env=WIDE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Acme Health: 2 people, 1 met, 1 warm, 0 cold"
    assert lines[1] == "Best way in: you already know Jane Doe"
    assert lines[2].split() == ["met", "Jane", "Doe,", "Data", "Analyst:", "you", "→", "Jane", "Doe", "(last", "touch",
                                "2026-10-02)"]
    assert lines[3].strip() == "warm  Marcus Okafor, Analytics Manager: you → Jane Doe → Marcus Okafor"


def test_path_to_an_organisation_known_only_through_a_chain(handbook_copy):
    write(handbook_copy / "contacts" / "people" / "omar-haddad.md",
          person("Omar Haddad", company="Globex", referred_by="marcus-okafor"))
    result = handbook(handbook_copy, "path", "Globex", env=WIDE)
    assert result.exit_code == 0
    assert "Best way in: you → Jane Doe → Marcus Okafor → Omar Haddad" in result.stdout
    assert "0 met, 1 warm, 0 cold" in result.stdout


def test_path_to_an_unknown_organisation_suggests_the_closest_name(handbook_copy):
    result = handbook(handbook_copy, "path", "Acme Helth", env=WIDE)
    assert result.exit_code == 1
    assert "no contact works at 'Acme Helth'" in result.stderr and "did you mean 'Acme Health'?" in result.stderr
    assert "Traceback" not in result.output


def test_path_without_any_company_says_how_to_add_one(empty_handbook):
    result = handbook(empty_handbook, "path", "Acme", env=WIDE)
    assert result.exit_code == 1 and "none of your contacts has a company" in result.stderr


def test_help_explains_both_commands(handbook_copy):
    for command, option in (("next", "--rule"), ("path", "Acme Health")):
        result = handbook(handbook_copy, command, "--help", env=WIDE)
        assert result.exit_code == 0 and option in result.stdout


def test_path_prints_user_text_literally(empty_handbook):
    write(empty_handbook / "contacts" / "people" / "x.md", person("'[red]Zed[/red]'", company="'[bold]Acme[/bold] :smile:'"))
    result = handbook(empty_handbook, "path", "bold acme bold smile", env=WIDE)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("[bold]Acme[/bold] :smile:: 1 person") and "[red]Zed[/red]" in result.stdout


def test_new_contacts_and_imported_people_carry_the_day_they_were_added(handbook_copy):
    assert handbook(handbook_copy, "new", "contact", "Ana Lima").exit_code == 0
    assert handbook(handbook_copy, "import", "linkedin", str(LINKEDIN)).exit_code == 0
    book, _ = load_handbook(handbook_copy / "contacts", handbook_copy)
    added = [c for c in book.contacts.values() if c.added == TODAY]
    assert book.contacts["ana-lima"] in added and len(added) > 1
    assert "Write to Ana Lima" not in handbook(handbook_copy, "next", env=WIDE).stdout  # not two weeks yet
    later = {"HANDBOOK_TODAY": (TODAY + dt.timedelta(days=14)).isoformat(), **WIDE}
    assert "Write to Ana Lima" in handbook(handbook_copy, "next", env=later).stdout
