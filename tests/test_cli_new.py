"""`handbook new contact` and `handbook new meeting` write valid files and never overwrite one."""

from __future__ import annotations

import sys
from pathlib import Path

from handbook_cli import handbook, snapshot

from handbook.book import load_handbook


def people(root: Path) -> Path:
    return root / "contacts" / "people"


def test_new_contact_writes_a_valid_file_and_prints_its_path(handbook_copy):
    result = handbook(handbook_copy, "new", "contact", "Ana María Ruiz", "--company", "Acme, Inc.", "--role",
                      "Nurse: ICU", "--phone", "0123 4567", "--email", "ana@example.org", "--tags", "health, icu",
                      "--referred-by", "sam-lee", "--how-we-met", "Sam's party")
    assert result.exit_code == 0, result.output
    path = people(handbook_copy) / "ana-maria-ruiz.md"
    assert result.stdout.strip().endswith("contacts/people/ana-maria-ruiz.md")
    book, problems = load_handbook(handbook_copy / "contacts", handbook_copy)
    assert [p for p in problems if p.path.endswith("ana-maria-ruiz.md")] == []
    ana = book.contacts["ana-maria-ruiz"]
    assert (ana.name, ana.company, ana.role, ana.phone) == ("Ana María Ruiz", "Acme, Inc.", "Nurse: ICU", "0123 4567")
    assert (ana.tags, ana.referred_by, ana.how_we_met, ana.status) == (["health", "icu"], "sam-lee", "Sam's party",
                                                                       "prospect")
    assert path.read_text(encoding="utf-8").startswith("---\nname: Ana María Ruiz\n")


def test_new_contact_refuses_a_taken_slug_and_keeps_the_file(handbook_copy):
    before = (people(handbook_copy) / "jane-doe.md").read_bytes()
    result = handbook(handbook_copy, "new", "contact", "Jane Doe", "--company", "Other Co")
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "--slug jane-doe-2" in result.stderr
    assert (people(handbook_copy) / "jane-doe.md").read_bytes() == before
    again = handbook(handbook_copy, "new", "contact", "Jane Doe", "--slug", "jane-doe-2")
    assert again.exit_code == 0, again.output
    assert (people(handbook_copy) / "jane-doe-2.md").is_file()
    third = handbook(handbook_copy, "new", "contact", "Jane Doe")
    assert "--slug jane-doe-3" in third.stderr


def test_new_contact_rejects_an_unknown_referrer_with_a_suggestion(handbook_copy):
    before = snapshot(handbook_copy / "contacts")
    result = handbook(handbook_copy, "new", "contact", "Bo Chen", "--referred-by", "sam-le")
    assert result.exit_code == 1
    assert "unknown contact 'sam-le'" in result.stderr and "did you mean 'sam-lee'?" in result.stderr
    assert snapshot(handbook_copy / "contacts") == before


def test_new_contact_rejects_a_name_without_letters_and_a_bad_slug(handbook_copy):
    assert handbook(handbook_copy, "new", "contact", "!!!").exit_code == 1
    result = handbook(handbook_copy, "new", "contact", "Bo", "--slug", "Bo Chen")
    assert result.exit_code == 1 and "--slug bo-chen" in result.stderr


def test_new_contact_mentions_a_possible_duplicate(handbook_copy):
    result = handbook(handbook_copy, "new", "contact", "J. Doe", "--email", "JANE.DOE@example.org")
    assert result.exit_code == 0
    assert "jane-doe.md has the same email address" in result.stderr


def test_new_meeting_lists_the_default_questions_and_passes_check(handbook_copy):
    result = handbook(handbook_copy, "new", "meeting", "tomas-novak", "--with", "lina-park", "--date",
                      "2026-12-02T09:30", "--kind", "video", "--minutes", "45", "--goal", "Ask: how 'hiring' works")
    assert result.exit_code == 0, result.output
    path = handbook_copy / "contacts" / "meetings" / "2026-12-02-tomas-novak.md"
    assert result.stdout.strip().endswith("contacts/meetings/2026-12-02-tomas-novak.md")
    text = path.read_text(encoding="utf-8")
    book, problems = load_handbook(handbook_copy / "contacts", handbook_copy)
    meeting = book.meetings["2026-12-02-tomas-novak"]
    defaults = book.bank.default_ids()
    assert meeting.questions == defaults and meeting.with_ == ["tomas-novak", "lina-park"]
    assert (meeting.kind, meeting.minutes, meeting.goal) == ("video", 45, "Ask: how 'hiring' works")
    assert meeting.start.isoformat() == "2026-12-02T09:30:00"
    for qid in defaults:  # each question's text is in the file, as a comment beside its id
        assert f"#   {qid}: {book.bank.questions[qid].text}" in text
    check = handbook(handbook_copy, "check")
    assert check.exit_code == 0, check.output


def test_new_meeting_accepts_a_space_or_a_plain_date_and_defaults_to_tomorrow_at_nine(handbook_copy):
    meetings = handbook_copy / "contacts" / "meetings"
    assert handbook(handbook_copy, "new", "meeting", "lina-park", "--date", "2026-12-03 14:00").exit_code == 0
    assert "date: 2026-12-03 14:00\n" in (meetings / "2026-12-03-lina-park.md").read_text()
    assert handbook(handbook_copy, "new", "meeting", "lina-park", "--date", "2026-12-04").exit_code == 0
    assert "date: 2026-12-04\n" in (meetings / "2026-12-04-lina-park.md").read_text()
    assert handbook(handbook_copy, "new", "meeting", "lina-park").exit_code == 0
    assert "date: 2026-11-26 09:00\n" in (meetings / "2026-11-26-lina-park.md").read_text()  # TODAY + 1


def test_new_meeting_refuses_to_overwrite_and_suggests_a_suffix(handbook_copy):
    existing = handbook_copy / "contacts" / "meetings" / "2026-12-02-jane-doe.md"
    before = existing.read_bytes()
    result = handbook(handbook_copy, "new", "meeting", "jane-doe", "--date", "2026-12-02 15:00")
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "--slug 2026-12-02-jane-doe-2" in result.stderr
    assert existing.read_bytes() == before
    again = handbook(handbook_copy, "new", "meeting", "jane-doe", "--date", "2026-12-02 15:00",
                     "--slug", "2026-12-02-jane-doe-2")
    assert again.exit_code == 0 and existing.read_bytes() == before


def test_new_meeting_rejects_unknown_people_and_bad_dates(handbook_copy):
    before = snapshot(handbook_copy / "contacts")
    unknown = handbook(handbook_copy, "new", "meeting", "jane-doe", "--with", "sam-le")
    assert unknown.exit_code == 1 and "did you mean 'sam-lee'?" in unknown.stderr
    bad = handbook(handbook_copy, "new", "meeting", "jane-doe", "--date", "2026-13-01")
    assert bad.exit_code == 1 and "not a real date" in bad.stderr
    assert snapshot(handbook_copy / "contacts") == before


def test_edit_opens_the_editor_on_the_new_file(handbook_copy, tmp_path):
    log = tmp_path / "opened.txt"
    editor = tmp_path / "editor.py"
    editor.write_text(f"import sys\nopen({str(log)!r}, 'w').write(sys.argv[1])\n")
    result = handbook(handbook_copy, "new", "meeting", "jane-doe", "--date", "2026-12-24", "--edit",
                      env={"EDITOR": f"{sys.executable} {editor}"})
    assert result.exit_code == 0, result.output
    assert log.read_text().endswith("2026-12-24-jane-doe.md")


def test_edit_without_an_editor_says_so_and_writes_nothing(handbook_copy):
    before = snapshot(handbook_copy / "contacts")
    result = handbook(handbook_copy, "new", "contact", "Bo Chen", "--edit")
    assert result.exit_code == 2 and "$EDITOR" in result.stderr
    assert snapshot(handbook_copy / "contacts") == before
