"""`handbook log`, `thanked`, `done` and `asked`: one file edited in place, or nothing at all.

Exit codes: 0 done, 1 refused (the file has errors, or the edit cannot be exact), 2 bad arguments.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook_cli import handbook, snapshot

from handbook.book import load_handbook

JANE = ("---\r\n# Jane, from the alumni list\r\nname: Jane Doe\r\ncompany: Acme Health\r\n"
        "tags: [alumni,analytics]   # how I found her\r\nstatus: prospect\r\n---\r\nMet at the fair.  \r\n")
MEETING = ("\ufeff---\ndate: 2026-11-18 17:00\nwith: [jane-doe]\nkind: video\n"
           "questions: [typical-day, how-started]  # picked the day before\n"
           "follow_ups:\n  - {task: Send the SQL course link, due: 2026-11-20}\n"
           "  - {task: Send a thank-you note}\n  - {task: Send the article on hospital analytics}\n"
           "status: done\n---\nNotes.\n")


@pytest.fixture
def book(tmp_path) -> Path:
    root = tmp_path / "hb"
    (root / "contacts" / "people").mkdir(parents=True)
    (root / "contacts" / "meetings").mkdir()
    (root / "contacts" / "people" / "jane-doe.md").write_bytes(JANE.encode())
    (root / "contacts" / "people" / "sam-lee.md").write_text("---\nname: Sam Lee\n---\n")
    (root / "contacts" / "meetings" / "2026-11-18-jane-doe.md").write_bytes(MEETING.encode())
    return root


def person(root: Path) -> Path:
    return root / "contacts" / "people" / "jane-doe.md"


def meeting(root: Path) -> Path:
    return root / "contacts" / "meetings" / "2026-11-18-jane-doe.md"


def test_log_appends_one_line_and_prints_where(book):
    result = handbook(book, "log", "jane-doe", "sent the article on hospital analytics", "--via", "email",
                      "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert re.search(r"contacts/people/jane-doe\.md:8: logged a touch on 2026-11-20$", result.stdout.strip())
    assert person(book).read_bytes() == JANE.replace(
        "status: prospect\r\n", "status: prospect\r\ntouches:\r\n"
        "  - {date: 2026-11-20, via: email, note: sent the article on hospital analytics}\r\n").encode()
    touch = load_handbook(book / "contacts", book)[0].contacts["jane-doe"].touches[0]
    assert (touch.note, touch.via, touch.kind) == ("sent the article on hospital analytics", "email", None)


def test_log_outreach_and_reply_are_marked(book):
    assert handbook(book, "log", "jane-doe", "asked for a chat", "--outreach").exit_code == 0
    assert handbook(book, "log", "jane-doe", "she said yes", "--reply").exit_code == 0
    touches = load_handbook(book / "contacts", book)[0].contacts["jane-doe"].touches
    assert [t.kind for t in touches] == ["outreach", "reply"]
    assert person(book).read_text().count("\n") == JANE.count("\n") + 3  # touches: and two items


def test_dry_run_prints_the_diff_and_writes_nothing(book):
    before = snapshot(book / "contacts")
    result = handbook(book, "log", "jane-doe", "asked for a chat", "--outreach", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("--- a/contacts/people/jane-doe.md\n+++ b/contacts/people/jane-doe.md\n")
    assert "+  - {date: 2026-11-25, note: asked for a chat, kind: outreach}" in result.stdout
    assert "dry run, nothing written" in result.stderr
    assert snapshot(book / "contacts") == before


@pytest.mark.parametrize("args,message", [
    (("log", "jane-do", "hi"), "did you mean 'jane-doe'?"),
    (("log", "jane-doe", "hi", "--outreach", "--reply"), "exclude each other"),
    (("log", "jane-doe", "hi", "--date", "2026-13-01"), "--date"),
    (("log", "jane-doe", "   "), "say what happened"),
    (("thanked", "2026-11-18-jane-do"), "did you mean '2026-11-18-jane-doe'?"),
    (("thanked", "sam-lee"), "Sam Lee has no meeting on or before today"),
    (("done", "jane-doe", "send"), "is in 3 follow-ups"),
    (("done", "jane-doe", "4"), "there is no follow-up 4"),
    (("done", "jane-doe", "coffee"), "no follow-up matches 'coffee'"),
    (("asked", "jane-doe", "typical-dya"), "did you mean 'typical-day'?"),
])
def test_bad_arguments_exit_2_and_change_nothing(book, args, message):
    before = snapshot(book / "contacts")
    result = handbook(book, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert snapshot(book / "contacts") == before


def test_a_person_with_two_past_meetings_must_name_the_file(book):
    second = meeting(book).with_name("2026-11-20-jane-doe.md")
    second.write_text("---\ndate: 2026-11-20\nwith: [jane-doe]\nstatus: done\n---\n")
    before = snapshot(book / "contacts")
    result = handbook(book, "thanked", "jane-doe")
    assert result.exit_code == 2
    assert "2026-11-18-jane-doe" in result.stderr and "2026-11-20-jane-doe" in result.stderr
    assert snapshot(book / "contacts") == before


def test_a_file_with_errors_is_refused_with_exit_1(book):
    person(book).write_text("---\nname: Jane Doe\nstatsu: met\n---\n")
    result = handbook(book, "log", "jane-doe", "hi")
    assert result.exit_code == 1
    assert "unknown key 'statsu'" in result.stdout and "left as it is" in result.stderr
    meeting(book).write_text("---\ndate: 2026-11-18\nwith: [jane-doe]\nminutes: lots\n---\n")
    result = handbook(book, "thanked", "2026-11-18-jane-doe")
    assert result.exit_code == 1 and "minutes" in result.stdout
    assert person(book).read_text() == "---\nname: Jane Doe\nstatsu: met\n---\n"
    assert meeting(book).read_text() == "---\ndate: 2026-11-18\nwith: [jane-doe]\nminutes: lots\n---\n"


def test_an_edit_that_cannot_be_exact_is_refused_with_exit_1(book):
    # A flow list over two lines: ruamel would join them, so appending cannot keep the other line.
    text = "---\nname: Jane Doe\ntouches: [{date: 2026-11-01, note: hi},\n  {date: 2026-11-02, note: again}]\n---\n"
    person(book).write_text(text)
    result = handbook(book, "log", "jane-doe", "third")
    assert result.exit_code == 1, result.output
    assert "by hand" in result.stderr + result.stdout
    assert person(book).read_text() == text


def test_thanked_sets_the_day_after_status_keeping_the_bom(book):
    result = handbook(book, "thanked", "jane-doe", "--date", "2026-11-19")
    assert result.exit_code == 0, result.output
    assert "2026-11-18-jane-doe.md:11: thank-you sent on 2026-11-19" in result.stdout
    assert meeting(book).read_bytes() == MEETING.replace("status: done\n", "status: done\nthanked: 2026-11-19\n").encode()
    again = handbook(book, "thanked", "jane-doe")
    assert again.exit_code == 1 and "already says thanked: 2026-11-19" in again.stderr
    same = handbook(book, "thanked", "jane-doe", "--date", "2026-11-19")
    assert same.exit_code == 0 and "already there" in same.stdout


def test_done_marks_a_follow_up_by_number_or_by_text(book):
    assert handbook(book, "done", "2026-11-18-jane-doe", "2", "--date", "2026-11-19").exit_code == 0
    result = handbook(book, "done", "jane-doe", "hospital")
    assert result.exit_code == 0, result.output
    assert "follow-up 3 done on 2026-11-25" in result.stdout
    expected = MEETING.replace("{task: Send a thank-you note}", "{task: Send a thank-you note, done: 2026-11-19}") \
        .replace("{task: Send the article on hospital analytics}",
                 "{task: Send the article on hospital analytics, done: 2026-11-25}")
    assert meeting(book).read_bytes() == expected.encode()
    follow_ups = load_handbook(book / "contacts", book)[0].meetings["2026-11-18-jane-doe"].follow_ups
    assert [bool(f.done) for f in follow_ups] == [False, True, True]


def test_asked_adds_new_ids_once(book):
    result = handbook(book, "asked", "jane-doe", "other-people", "typical-day", "stay-in-touch")
    assert result.exit_code == 0, result.output
    text = meeting(book).read_bytes().decode()
    assert "asked: [other-people, typical-day, stay-in-touch]\nstatus: done\n" not in text
    assert "status: done\nasked: [other-people, typical-day, stay-in-touch]\n" in text
    again = handbook(book, "asked", "jane-doe", "other-people")
    assert again.exit_code == 0 and "already there" in again.stdout
    assert meeting(book).read_bytes().decode() == text
