"""New files: created atomically, never over an existing one, and their frontmatter reads back exactly."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slugify import slugify

from handbook.book import load_handbook
from handbook.files import FileExists, create_file, first_free
from handbook.model import PersonFields, Question
from handbook.writing import check_fields, meeting_text, person_text

HOSTILE = [
    "O'Brien \"the best\"", "Acme: Health", "0123", "12:30", "yes", "no", "null", "~", "2026-12-02", "1e3", ".5",
    "0x1F", "- a dash", "# not a comment", "a #b", "[a, b]", "{a: b}", "&anchor", "*alias", "!tag", "%directive",
    "@handle", "`tick`", "| pipe", "> fold", "---", "...", "Zoë Ñúñez", "李 小龍", "<script>alert(1)</script>",
    "line one\nline two", "a\n---\nb", "tab\there", "back\\slash", "😀 emoji", "+1 555 0100", "true", "False",
]


def write_person(contacts: Path, slug: str, fields: dict, notes: str = "") -> None:
    create_file(contacts / "people" / f"{slug}.md", person_text(fields, notes))


def read_back(contacts: Path):
    return load_handbook(contacts, contacts.parent)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_value_reads_back_exactly(tmp_path, value):
    contacts = tmp_path / "contacts"
    fields = {"name": f"X {value}", "company": value, "role": value, "email": value, "phone": value,
              "how_we_met": value, "tags": [value, "plain"], "linkedin": value}
    write_person(contacts, "x", fields, notes="Notes stay notes.\n---\nStill notes.")
    book, problems = read_back(contacts)
    assert problems == []
    x = book.contacts["x"]
    for key, expected in fields.items():
        assert getattr(x, key) == expected, key
    assert x.notes.strip() == "Notes stay notes.\n---\nStill notes."


# Control characters are refused (see test_control_characters_are_refused_before_writing); a tab and a
# line break are in HOSTILE above.
printable = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).map(str.strip)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=printable.filter(slugify), company=printable)  # a name must give a page address
def test_any_text_reads_back_exactly(tmp_path_factory, name, company):
    contacts = tmp_path_factory.mktemp("prop") / "contacts"
    write_person(contacts, "someone", {"name": name, "company": company})
    book, problems = read_back(contacts)
    assert problems == [], person_text({"name": name, "company": company})
    assert (book.contacts["someone"].name, book.contacts["someone"].company) == (name, company)


def test_control_characters_are_refused_before_writing():
    problems = check_fields({"name": "Ana\x1b[2J", "tags": ["ok", "bell\x07"]}, PersonFields, "people/ana.md")
    assert [(p.field, p.message) for p in problems] == [
        ("name", "holds U+001B, an invisible control character"),
        ("tags[1]", "holds U+0007, an invisible control character")]


def test_a_meeting_file_reads_back_with_its_questions(tmp_path):
    contacts = tmp_path / "contacts"
    write_person(contacts, "jane", {"name": "Jane"})
    questions = [Question(id="typical-day", category="career", text="What is a # typical: day?"),
                 Question(id="other-people", category="next-steps", text="Who else\nshould I ask?")]
    fields = {"date": dt.datetime(2026, 12, 2, 9, 30), "with": ["jane"], "kind": "video", "minutes": 45,
              "goal": "Learn: 'how'", "place": "", "status": "planned"}
    create_file(contacts / "meetings" / "2026-12-02-jane.md", meeting_text(fields, questions))
    book, problems = read_back(contacts)
    meeting = book.meetings["2026-12-02-jane"]
    assert problems == []
    assert (meeting.date, meeting.with_, meeting.kind, meeting.minutes, meeting.goal) == (
        dt.datetime(2026, 12, 2, 9, 30), ["jane"], "video", 45, "Learn: 'how'")
    assert meeting.questions == ["typical-day", "other-people"]


def test_create_file_never_replaces_an_existing_file(tmp_path):
    target = tmp_path / "people" / "jane.md"
    create_file(target, "first\n")
    with pytest.raises(FileExists) as caught:
        create_file(target, "second\n")
    assert "already exists" in str(caught.value)
    assert target.read_text() == "first\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["jane.md"]  # no temporary file left behind


def test_create_file_refuses_a_symlink_even_a_dangling_one(tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(FileExists):
        create_file(link, "x")
    assert not (tmp_path / "nowhere.md").exists()


def test_create_file_gives_ordinary_permissions(tmp_path):
    path = create_file(tmp_path / "a.md", "x")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_first_free_counts_up_past_taken_names(tmp_path):
    (tmp_path / "jane.md").write_text("x")
    (tmp_path / "jane-2.md").write_text("x")
    assert first_free(tmp_path, "jane") == "jane-3"
    assert first_free(tmp_path, "jane", taken={"jane-3"}) == "jane-4"
    assert first_free(tmp_path, "sam") == "sam"


def test_one_key_a_line_in_reading_order_with_lists_inline():
    text = person_text({"tags": ["a", "b c"], "status": "prospect", "company": "Acme, Inc.", "name": "Zoë",
                        "notes_hidden": ""})
    assert text == "---\nname: Zoë\ncompany: Acme, Inc.\ntags: [a, b c]\nstatus: prospect\n---\n"
