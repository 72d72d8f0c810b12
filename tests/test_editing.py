"""Round-trip edits (editing.py): the changed lines change, every other byte stays as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from handbook.editing import EditRefused, open_frontmatter, open_yaml
from handbook.loading import read_document

# Comments (own line, end of line, before the next key), odd spacing, flow lists and mappings,
# a block scalar, and notes with trailing spaces: everything ruamel alone would respace.
PERSON = [
    "---",
    "# EXAMPLE CONTACT: fictional.",
    "name:   Jane Doe   # spaced out on purpose",
    "phone: '0123 4567'",
    "tags: [example,healthcare , 'analytics']",
    "touches:",
    "  - {date: 2026-10-01, via: email, note: sent an article}  # the first one",
    "  # a comment between items",
    "  - {date: 2026-10-20,   via: phone}",
    "# Status comes next.",
    "status: met",
    "stay_in_touch: {ideal: 60,max: 90}",
    "---",
    "Notes with trailing spaces   ",
    "",
    "and a last line without an end",
]
NEW_TOUCH = "  - {date: 2026-11-23, via: email, note: asked for a chat, kind: outreach}"


def write(path: Path, lines: list[str], newline: str = "\n", bom: bool = False, final: bool = False) -> bytes:
    data = expected(lines, newline, bom, final)
    path.write_bytes(data)
    return data


def expected(lines: list[str], newline: str = "\n", bom: bool = False, final: bool = False) -> bytes:
    return (("\ufeff" if bom else "") + newline.join(lines) + (newline if final else "")).encode("utf-8")


def touch() -> dict:
    return {"date": dt.date(2026, 11, 23), "via": "email", "note": "asked for a chat", "kind": "outreach"}


@pytest.mark.parametrize("newline,bom", [("\n", False), ("\r\n", False), ("\r\n", True), ("\n", True)])
def test_appending_a_touch_changes_one_line_and_keeps_every_other_byte(tmp_path, newline, bom):
    path = tmp_path / "jane-doe.md"
    write(path, PERSON, newline, bom)
    edit = open_frontmatter(path, "contacts/people/jane-doe.md")
    edit.append("touches", touch())
    assert edit.save() is True
    after = PERSON[:9] + [NEW_TOUCH] + PERSON[9:]
    assert path.read_bytes() == expected(after, newline, bom)
    assert edit.changed_lines() == [10]
    doc, problems = read_document(path, "x.md")
    assert problems == [] and doc.meta["touches"][-1] == touch() and doc.meta["tags"] == ["example", "healthcare",
                                                                                          "analytics"]


def test_a_new_key_goes_after_the_key_named_and_keeps_the_line_end_of_its_neighbours(tmp_path):
    path = tmp_path / "m.md"
    lines = ["---", "date: 2026-11-20 09:30", "with: [jane-doe]  # who", "status: done", "---", "Body"]
    write(path, lines, "\r\n", final=True)
    edit = open_frontmatter(path)
    edit.set("thanked", dt.date(2026, 11, 21), after=("status",))
    edit.save()
    assert path.read_bytes() == expected(lines[:4] + ["thanked: 2026-11-21"] + lines[4:], "\r\n", final=True)


def test_setting_a_key_inside_a_flow_mapping_rewrites_only_that_item(tmp_path):
    path = tmp_path / "m.md"
    lines = ["---", "date: 2026-11-20", "with: [jane-doe]", "follow_ups:",
             "  - {task: Send thank-you note,due: 2026-11-21}   # soon", "  - task: Send the article",
             "    due: 2026-11-28", "status: done", "---", ""]
    write(path, lines)
    edit = open_frontmatter(path)
    edit.set_in(("follow_ups", 1, "done"), True)
    edit.save()
    assert path.read_bytes() == expected(lines[:7] + ["    done: true"] + lines[7:])
    edit = open_frontmatter(path)
    edit.set_in(("follow_ups", 0, "done"), True)
    edit.save()
    text = path.read_bytes().decode().split("\n")
    assert text[4] == "  - {task: Send thank-you note, due: 2026-11-21, done: true}   # soon"
    assert text[:4] == lines[:4] and text[5:] == lines[5:7] + ["    done: true"] + lines[7:]


def test_appending_to_a_flow_list_changes_that_line_only(tmp_path):
    path = tmp_path / "m.md"
    lines = ["---", "date: 2026-11-20", "with: [jane-doe]", "asked: [typical-day,how-started]  # so far",
             "status: done", "---", "Notes"]
    write(path, lines)
    edit = open_frontmatter(path)
    edit.append("asked", "other-people")
    edit.save()
    assert path.read_bytes() == expected(lines[:3] + ["asked: [typical-day, how-started, other-people]  # so far"]
                                         + lines[4:])


def test_a_missing_list_is_created_in_the_readme_style(tmp_path):
    path = tmp_path / "p.md"
    lines = ["---", "name: Bo Chen", "tags: [a]", "status: prospect", "---", ""]
    write(path, lines)
    edit = open_frontmatter(path)
    edit.append("touches", touch(), after=("tags",))
    edit.append("quiet", "reach-out")
    edit.save()
    assert path.read_bytes() == expected(lines[:3] + ["touches:", NEW_TOUCH] + lines[3:4] + ["quiet: [reach-out]"]
                                         + lines[4:])


def test_block_style_items_get_a_block_style_item(tmp_path):
    path = tmp_path / "p.md"
    lines = ["---", "name: Bo Chen", "touches:", "- date: 2026-10-01", "  via: email", "status: contacted", "---"]
    write(path, lines, final=True)
    edit = open_frontmatter(path)
    edit.append("touches", {"date": dt.date(2026, 11, 2), "note": "yes"})
    edit.save()
    assert path.read_bytes() == expected(lines[:5] + ["- date: 2026-11-02", "  note: yes"] + lines[5:], final=True)
    doc, _ = read_document(path, "p.md")
    assert doc.meta["touches"][1] == {"date": dt.date(2026, 11, 2), "note": "yes"}  # text, never a boolean


def test_text_that_yaml_would_misread_is_quoted_and_reads_back_as_written(tmp_path):
    path = tmp_path / "p.md"
    write(path, ["---", "name: Bo", "---"], final=True)
    edit = open_frontmatter(path)
    for note in ("0123", "12:30", "2026-01-01", "true", "null", "- a", "# not a comment", "a: b", "[x]"):
        edit.append("touches", {"date": dt.date(2026, 11, 2), "note": note})
    edit.save()
    doc, problems = read_document(path, "p.md")
    assert problems == []
    assert [t["note"] for t in doc.meta["touches"]] == ["0123", "12:30", "2026-01-01", "true", "null", "- a",
                                                       "# not a comment", "a: b", "[x]"]


def test_comment_lines_inside_a_block_scalar_stay_inside_it(tmp_path):
    path = tmp_path / "m.md"
    lines = ["---", "date: 2026-11-20", "with: [bo]", "research: |", "  Their team grew.", "", "  # not a comment",
             "---", "Notes"]
    write(path, lines)
    edit = open_frontmatter(path)
    edit.set("thanked", dt.date(2026, 11, 21))
    edit.save()
    doc, _ = read_document(path, "m.md")
    assert doc.meta["research"] == "Their team grew.\n\n# not a comment\n"
    assert doc.meta["thanked"] == dt.date(2026, 11, 21)
    assert path.read_text().split("\n")[:7] == lines[:7]


def test_the_diff_names_the_file_and_shows_only_the_change(tmp_path):
    path = tmp_path / "m.md"
    lines = ["---", "date: 2026-11-20", "with: [bo]", "status: done", "---", "Notes"]
    before = write(path, lines, "\r\n")
    edit = open_frontmatter(path, "contacts/meetings/2026-11-20-bo.md")
    edit.set("thanked", dt.date(2026, 11, 21))
    diff = edit.diff()
    assert diff.startswith("--- a/contacts/meetings/2026-11-20-bo.md\n+++ b/contacts/meetings/2026-11-20-bo.md\n")
    assert [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("---", "+++")] == \
        ["+thanked: 2026-11-21"]
    assert "\r" not in diff
    assert path.read_bytes() == before  # a diff writes nothing


def test_a_file_with_errors_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "p.md"
    before = write(path, ["---", "name: Bo", "name: Bo again", "---"])
    with pytest.raises(EditRefused) as refused:
        open_frontmatter(path, "p.md")
    assert refused.value.problem.line == 3 and "set twice" in refused.value.problem.message
    before_missing = write(path, ["name: Bo"])
    with pytest.raises(EditRefused):
        open_frontmatter(path, "p.md")
    assert path.read_bytes() == before_missing != before


def test_a_file_changed_after_it_was_opened_is_not_overwritten(tmp_path):
    path = tmp_path / "p.md"
    write(path, ["---", "name: Bo", "---"])
    edit = open_frontmatter(path)
    edit.set("status", "contacted")
    theirs = write(path, ["---", "name: Bo Chen", "---"])
    with pytest.raises(EditRefused) as refused:
        edit.save()
    assert "changed on disk" in refused.value.problem.message
    assert path.read_bytes() == theirs


def test_saving_keeps_the_permissions_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "p.md"
    write(path, ["---", "name: Bo", "---"])
    path.chmod(0o600)
    edit = open_frontmatter(path)
    edit.set("status", "contacted")
    edit.save()
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.md"]


def test_a_plain_yaml_file_is_edited_the_same_way(tmp_path):
    path = tmp_path / "me.yml"
    lines = ["# who you are", "name: Riley Chen  # as you sign", "pitch: >", "  Two lines", "  folded."]
    write(path, lines, final=True)
    edit = open_yaml(path, "contacts/me.yml")
    edit.set("country", "US", after=("name",))
    edit.save()
    assert path.read_bytes() == expected(lines[:2] + ["country: US"] + lines[2:], final=True)


def test_the_new_line_of_an_appended_item_is_known_before_saving(tmp_path):
    path = tmp_path / "p.md"
    write(path, PERSON)
    edit = open_frontmatter(path)
    edit.append("touches", touch())
    assert edit.new_line_of(("touches", 2)) == 10
    assert edit.line_of(("status",)) == 11 and edit.new_document().line_of(("status",)) == 12


def test_nothing_to_change_writes_nothing(tmp_path):
    path = tmp_path / "p.md"
    before = write(path, PERSON)
    edit = open_frontmatter(path)
    edit.set("status", "met")
    assert edit.diff() == "" and edit.save() is False and path.read_bytes() == before


_GAP = st.sampled_from([" ", "  ", "   "])
_COMMENT = st.sampled_from(["# a note", "#", "   # indented", "", "# tags: [not, data]"])


@st.composite
def person_files(draw) -> tuple[list[str], str]:
    """Person files as people write them: any spacing, comments anywhere, any line ends."""
    fields = [f"name:{draw(_GAP)}Bo Chen", f"tags:{draw(_GAP)}[a,{draw(_GAP)}b]", "touches:",
              f"  - {{date: 2026-10-01,{draw(_GAP)}via: email}}", f"status:{draw(_GAP)}contacted"]
    lines: list[str] = []
    for field in fields:
        lines += draw(st.lists(_COMMENT, max_size=2)) if field != "  - {date: 2026-10-01, via: email}" else []
        lines.append(field + draw(st.sampled_from(["", "  # end", "   #end"])))
    body = draw(st.text(st.characters(codec="utf-8", exclude_characters="\r\n\x00"), max_size=40))
    return ["---", *lines, "---", body], draw(st.sampled_from(["\n", "\r\n", "\r"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(person_files(), st.booleans())
def test_an_appended_touch_is_the_only_difference_whatever_the_file_looks_like(tmp_path, case, bom):
    lines, newline = case
    path = tmp_path / "bo.md"
    before = write(path, lines, newline, bom, final=True)
    edit = open_frontmatter(path)
    edit.append("touches", touch())
    edit.save()
    after = path.read_bytes()
    changed = edit.changed_lines()
    kept = [line for n, line in enumerate(after.split(newline.encode()), start=1) if n not in changed]
    assert len(changed) == 1 and kept == before.split(newline.encode())
    assert read_document(path, "bo.md")[0].meta["touches"][-1] == touch()
