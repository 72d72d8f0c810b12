"""The loader and the model on good and bad input (the golden corpus covers the messages)."""

from __future__ import annotations

import datetime as dt

from conftest import CONTACTS, FIXTURE, person, write

from handbook.book import load_handbook
from handbook.loading import read_document


def test_a_bom_does_not_hide_the_frontmatter(tmp_path):
    path = tmp_path / "x.md"
    path.write_bytes(b"\xef\xbb\xbf---\nname: Bom Person\n---\nHello\n")
    doc, problems = read_document(path, "x.md")
    assert problems == []
    assert doc.meta == {"name": "Bom Person"}
    assert doc.body == "Hello"


def test_every_key_keeps_its_line_number(tmp_path):
    path = write(tmp_path / "m.md", "---\ndate: 2026-12-02\nwith:\n  - jane\n  - sam\nfollow_ups:\n"
                                     "  - {task: A, due: 2026-12-03}\n  - task: B\n    due: 2026-12-04\n---\n")
    doc, _ = read_document(path, "m.md")
    assert doc.line_of(("date",)) == 2
    assert doc.line_of(("with", 1)) == 5
    assert doc.line_of(("follow_ups", 1, "due")) == 9
    assert doc.line_of(("follow_ups", 7, "due")) == 6  # falls back to the nearest known parent


def test_yaml_reinterpretations_keep_what_the_user_typed(tmp_path):
    path = write(tmp_path / "p.md", "---\na: 12:30\nb: 0123\nc: no\nd: 2026-13-01\ne: 42\nf: true\n---\n")
    doc, problems = read_document(path, "p.md")
    assert problems == []
    assert doc.meta == {"a": "12:30", "b": "0123", "c": "no", "d": "2026-13-01", "e": 42, "f": True}


def test_a_meeting_time_without_seconds_becomes_a_datetime(tmp_path):
    root = tmp_path
    write(root / "contacts/people/jane-doe.md", person("Jane Doe"))
    write(root / "contacts/meetings/2026-12-02-jane-doe.md", "---\ndate: 2026-12-02 09:30\nwith: jane-doe\n---\n")
    handbook, problems = load_handbook(root / "contacts", root)
    assert problems == []
    meeting = handbook.meetings["2026-12-02-jane-doe"]
    assert meeting.date == dt.datetime(2026, 12, 2, 9, 30)
    assert meeting.with_ == ["jane-doe"]


def test_every_error_in_a_folder_is_reported_not_just_the_first(tmp_path):
    root = tmp_path
    write(root / "contacts/people/a.md", "---\ncompany: X\n---\n")
    write(root / "contacts/people/b.md", "---\nname: B\nstatus: friend\n---\n")
    (root / "contacts/people/c.md").write_bytes(b"---\nname: \xff\n---\n")
    write(root / "contacts/meetings/2026-01-01-x.md", "---\ndate: 2026-01-01\nwith: [nobody]\n---\n")
    _, problems = load_handbook(root / "contacts", root)
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("contacts/meetings/2026-01-01-x.md", 3, "with"),
        ("contacts/people/a.md", 1, "name"),
        ("contacts/people/b.md", 3, "status"),
        ("contacts/people/c.md", 2, "encoding"),
    ]


def test_references_resolve_both_ways(tmp_path):
    root = tmp_path
    write(root / "contacts/people/sam-lee.md", person("Sam Lee"))
    write(root / "contacts/people/jane-doe.md", person("Jane Doe", referred_by="sam-lee"))
    write(root / "contacts/meetings/2026-12-02-jane.md", "---\ndate: 2026-12-02\nwith: [jane-doe, sam-lee]\n---\n")
    handbook, problems = load_handbook(root / "contacts", root)
    assert problems == []
    jane = handbook.contacts["jane-doe"]
    assert handbook.referrer_of(jane).name == "Sam Lee"
    assert [c.slug for c in handbook.referred("sam-lee")] == ["jane-doe"]
    assert [m.slug for m in handbook.meetings_with("sam-lee")] == ["2026-12-02-jane"]


def test_a_meeting_without_questions_gets_the_default_set(tmp_path):
    root = tmp_path
    write(root / "contacts/people/jane-doe.md", person("Jane Doe"))
    write(root / "contacts/meetings/2026-12-02-jane.md", "---\ndate: 2026-12-02\nwith: jane-doe\n---\n")
    handbook, _ = load_handbook(root / "contacts", root)
    ids = handbook.meetings["2026-12-02-jane"].question_ids
    categories = {handbook.bank.questions[i].category for i in ids}
    assert 5 <= len(ids) <= 6
    assert len(categories) >= 3


def test_all_category_picks_every_question_in_it(tmp_path):
    root = tmp_path
    write(root / "contacts/people/jane-doe.md", person("Jane Doe"))
    write(root / "contacts/meetings/2026-12-02-jane.md",
          "---\ndate: 2026-12-02\nwith: jane-doe\nminutes: 60\nquestions: ['all:next-steps', typical-day]\n---\n")
    handbook, _ = load_handbook(root / "contacts", root)
    ids = handbook.meetings["2026-12-02-jane"].question_ids
    expected = [q.id for q in handbook.bank.in_category("next-steps")] + ["typical-day"]
    assert ids == expected


def test_users_add_their_own_questions_in_contacts(tmp_path):
    root = tmp_path
    write(root / "contacts/questions.yml", "questions:\n  - {id: my-own, category: personal, text: \"What do you read?\"}\n")
    write(root / "contacts/people/jane-doe.md", person("Jane Doe"))
    write(root / "contacts/meetings/2026-12-02-jane.md", "---\ndate: 2026-12-02\nwith: jane-doe\nquestions: [my-own]\n---\n")
    handbook, problems = load_handbook(root / "contacts", root)
    assert problems == []
    assert handbook.meetings["2026-12-02-jane"].question_ids == ["my-own"]


def test_the_test_handbook_is_valid_and_complete():
    handbook, problems = load_handbook(CONTACTS, FIXTURE)
    assert problems == []
    assert len(handbook.contacts) >= 6 and len(handbook.meetings) >= 8
    assert any(c.referred_by for c in handbook.contacts.values())
    assert all(c.email.endswith("@example.org") for c in handbook.contacts.values() if c.email)
