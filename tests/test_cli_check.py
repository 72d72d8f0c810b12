"""`handbook check`: the build's own validation, exit codes for scripts, JSON for editors and CI,
and warnings about possible duplicates that never fail anything."""

from __future__ import annotations

import json

from conftest import run_mkdocs, write
from handbook_cli import handbook

from handbook.book import load_handbook
from handbook.derive.duplicates import find_duplicates
from handbook.identity import name_key, profile_key


def test_a_clean_handbook_exits_0(handbook_copy):
    result = handbook(handbook_copy, "check")
    assert result.exit_code == 0, result.output
    assert "All files are valid" in result.stdout


def test_errors_exit_1_with_file_line_field_and_hint(handbook_copy):
    write(handbook_copy / "contacts/meetings/2026-12-01-jane.md", "---\ndate: 2026-12-01\nwith: [jane-do]\n---\n")
    result = handbook(handbook_copy, "check")
    assert result.exit_code == 1
    assert ("contacts/meetings/2026-12-01-jane.md:3: with: unknown contact 'jane-do' (did you mean 'jane-doe'?)"
            in result.stdout)
    assert "1 error(s)" in result.stdout


def test_json_output_lists_every_problem(handbook_copy):
    write(handbook_copy / "contacts/people/bad.md", "---\nname: Bad\nstatus: friend\ncolour: red\n---\n")
    result = handbook(handbook_copy, "check", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and payload["errors"] == 2
    fields = {(p["path"], p["line"], p["field"], p["severity"]) for p in payload["problems"]}
    assert fields == {("contacts/people/bad.md", 3, "status", "error"), ("contacts/people/bad.md", 4, "colour", "error")}


def test_json_on_a_clean_handbook_is_ok(handbook_copy):
    payload = json.loads(handbook(handbook_copy, "check", "-f", "json").stdout)
    assert payload == {"ok": True, "errors": 0, "warnings": 0, "problems": []}


def add_lookalikes(root):
    # Same profile written another way, same email in other case, same name without accents.
    write(root / "contacts/people/jd.md", "---\nname: J. Doe\n"
          "linkedin: http://uk.linkedin.com/in/Example-Jane-Doe/?trk=people\n---\n")
    write(root / "contacts/people/janie.md", "---\nname: Janie\nemail: JANE.DOE@example.org \n---\n")
    write(root / "contacts/people/elena-garcia-2.md", "---\nname: elena  GARCIA\n---\n")


def test_possible_duplicates_are_warnings_that_do_not_fail(handbook_copy):
    add_lookalikes(handbook_copy)
    result = handbook(handbook_copy, "check")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "warning: contacts/people/jd.md:3: linkedin: possible duplicate: same LinkedIn profile as " \
           "contacts/people/jane-doe.md" in out
    assert "warning: contacts/people/janie.md:3: email: possible duplicate: same email address as " \
           "contacts/people/jane-doe.md" in out
    assert "warning: contacts/people/elena-garcia-2.md:2: name: possible duplicate: same name as " \
           "contacts/people/elena-garcia.md" in out
    payload = json.loads(handbook(handbook_copy, "check", "--format", "json").stdout)
    assert payload["ok"] is True and payload["warnings"] == 3
    assert {p["severity"] for p in payload["problems"]} == {"warning"}


def test_possible_duplicates_do_not_fail_a_strict_build(handbook_copy, tmp_path):
    add_lookalikes(handbook_copy)
    result = run_mkdocs(handbook_copy, "build", "--strict", site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "possible duplicate" not in result.stderr


def test_different_people_are_not_duplicates(handbook_copy):
    book, _ = load_handbook(handbook_copy / "contacts", handbook_copy)
    assert find_duplicates(book) == []


def test_identity_keys_ignore_spelling_but_not_the_person():
    assert profile_key("https://www.linkedin.com/in/JaneDoe/") == profile_key("linkedin.com/in/janedoe?trk=x#top")
    assert profile_key("https://de.linkedin.com/in/zo%C3%AB") == profile_key("https://linkedin.com/in/zoë")
    assert profile_key("https://linkedin.com/in/janedoe") != profile_key("https://linkedin.com/in/janedoe2")
    assert name_key("Zoë  Ñúñez") == name_key("zoe nunez") != name_key("Zoe Nunes")


def test_a_broken_message_template_is_an_error_with_its_line(handbook_copy, tmp_path):
    template = handbook_copy / "contacts/messages/thank-you.md.j2"
    template.write_text("Subject: Thanks\n\nHi {{ contact.first_name }\n", encoding="utf-8")
    result = handbook(handbook_copy, "check")
    assert result.exit_code == 1
    assert "contacts/messages/thank-you.md.j2:3: template: unexpected '}'" in result.stdout
    build = run_mkdocs(handbook_copy, "build", site=tmp_path / "site")
    assert build.returncode != 0 and "thank-you.md.j2:3: template" in build.stderr


def test_a_misspelt_variable_is_reported_once_with_an_example_contact(handbook_copy):
    template = handbook_copy / "contacts/messages/outreach.md.j2"
    template.write_text("Subject: Hello\n\nHi {{ contact.frist_name }},\n", encoding="utf-8")
    result = handbook(handbook_copy, "check", "--format", "json")
    problems = [p for p in json.loads(result.stdout)["problems"] if p["path"].endswith("outreach.md.j2")]
    assert len(problems) == 1
    assert problems[0]["line"] == 3 and "frist_name" in problems[0]["message"]
    assert "for example when filled in for" in problems[0]["hint"]
