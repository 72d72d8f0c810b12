"""`mkdocs serve` makes a page again only when what it shows changed (render/reuse.py): after any
edit, the pages it keeps must be byte for byte the pages a fresh build makes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from conftest import write

from handbook import pipeline
from handbook.read_cache import RACY_NS, ReadCache
from handbook.render import messages
from handbook.render import RenderOptions
from handbook.render.reuse import Reuse, WatchedHandbook, page, page_from, reusing


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, f"{pattern!r} not found in {path.name}"
    path.write_text(changed, encoding="utf-8")


def built(root: Path, options: RenderOptions, reuse: Reuse | None = None,
          cache: ReadCache | None = None) -> pipeline.Built:
    """A build as `mkdocs serve` makes it when given a ``reuse`` (messages kept between builds too),
    else as `mkdocs build` does."""
    messages._remember = reuse is not None
    try:
        return pipeline.build(root / "contacts", options, root, cache=cache, reuse=reuse)
    finally:
        messages._remember = False


def same_outputs(one: pipeline.Built, other: pipeline.Built) -> None:
    assert sorted(one.pages) == sorted(other.pages)
    changed = [src for src in one.pages if one.pages[src] != other.pages[src]]
    assert changed == [], f"reused pages differ from a fresh build: {changed}"
    assert one.files == other.files and one.dashboard == other.dashboard


PEOPLE, MEETINGS = "contacts/people", "contacts/meetings"
# Each edit a user makes in a day, in turn, on the same handbook: one field at a time, a note, a
# name others show, a follow-up, files that come and go, and the settings every message reads.
EDITS = [
    ("a note", lambda r: (r / PEOPLE / "jane-doe.md").open("a", encoding="utf-8").write("Met her dog.\n")),
    ("a name others show", lambda r: edit(r / PEOPLE / "sam-lee.md", r"^name: .*$", "name: Samuel Lee")),
    ("a company", lambda r: edit(r / PEOPLE / "jane-doe.md", r"^company: .*$", "company: Riverbend Clinics")),
    ("a role", lambda r: edit(r / PEOPLE / "marcus-okafor.md", r"^role: .*$", "role: Head of Data")),
    ("tags", lambda r: edit(r / PEOPLE / "jane-doe.md", r"^tags: .*$", "tags: [example, newtag]")),
    ("a status", lambda r: edit(r / PEOPLE / "tomas-novak.md", r"^status: .*$", "status: met")),
    ("a follow-up done", lambda r: edit(r / MEETINGS / "2026-10-02-jane-doe.md", r"done: true", "done: false")),
    ("a meeting's place", lambda r: edit(r / MEETINGS / "2026-12-04-marcus-okafor.md", r"^place: .*$", "place: Room 4")),
    ("a meeting cancelled", lambda r: edit(r / MEETINGS / "2026-12-09-sam-lee.md", r"^status: .*$", "status: cancelled")),
    ("a template of your own, naming whom each person introduced",  # fits everyone: on every contact page
     lambda r: write(r / "contacts/messages/introductions.md.j2",
                     "Subject: Hello\n\nIntroduced {{ referrals | join(', ') }}; met {{ referrals_met | join(', ') }}.\n")),
    ("the meeting of someone introduced called off", lambda r: edit(r / MEETINGS / "2026-11-10-priya-raman.md",
                                                                    r"^status: .*$", "status: cancelled")),
    ("who referred whom", lambda r: edit(r / PEOPLE / "jane-doe.md", r"^referred_by: .*$", "referred_by: marcus-okafor")),
    ("a new person", lambda r: write(r / PEOPLE / "ola-berg.md", "---\nname: Ola Berg\ncompany: Acme Health\n"
                                                                  "referred_by: jane-doe\n---\nNew.\n")),
    ("a person deleted", lambda r: (r / PEOPLE / "lina-park.md").unlink()),
    ("a broken file", lambda r: edit(r / PEOPLE / "priya-raman.md", r"^name: .*$", "name: [unclosed")),
    ("the broken file fixed", lambda r: edit(r / PEOPLE / "priya-raman.md", r"^name: \[unclosed$", "name: Priya Raman")),
    ("me.yml", lambda r: edit(r / "contacts/me.yml", r"^name: .*$", "name: Robin Example")),
    ("a message template", lambda r: (r / "contacts/messages/thank-you.md.j2").open("a", encoding="utf-8")
     .write("\nP.S. Thanks again.\n")),
]


@pytest.mark.parametrize("profile", ["private", "public"])
@pytest.mark.parametrize("cached", [False, True], ids=["", "file-cache"])
def test_after_every_edit_the_kept_pages_are_what_a_fresh_build_makes(handbook_copy, today, profile, cached):
    # With the file cache, unchanged files give last build's very records: nothing may change them.
    options = RenderOptions(profile=profile, today=today)
    reuse, cache = Reuse(), ReadCache(clock=lambda: time.time_ns() + 10 * RACY_NS) if cached else None
    first = built(handbook_copy, options, reuse, cache)
    same_outputs(first, built(handbook_copy, options))
    assert reuse.made >= len(first.pages) > 5 and reuse.reused == 0  # the first build made every page
    for what, make_edit in EDITS:
        make_edit(handbook_copy)
        reuse.made = reuse.reused = 0
        try:
            same_outputs(built(handbook_copy, options, reuse, cache), built(handbook_copy, options))
        except AssertionError as error:
            raise AssertionError(f"after {what}: {error}") from None


@pytest.mark.parametrize("serving", [False, True])
def test_each_persons_messages_are_filled_once_a_build(handbook_copy, today, monkeypatch, serving):
    # The build checks every template for everyone, then the contact pages show those very messages.
    filled = []
    fill_all = messages._fill_all
    monkeypatch.setattr(messages, "_fill_all", lambda hb, contact, day: filled.append(contact.slug) or fill_all(hb, contact, day))
    result = built(handbook_copy, RenderOptions(today=today), Reuse() if serving else None)
    assert sorted(filled) == sorted(result.handbook.contacts) and len(filled) > 5


def test_a_note_makes_again_only_the_pages_that_show_it(handbook_copy, today):
    options = RenderOptions(today=today)
    reuse = Reuse()
    pages = len(built(handbook_copy, options, reuse).pages)
    (handbook_copy / PEOPLE / "elena-garcia.md").open("a", encoding="utf-8").write("One more line.\n")
    reuse.made = reuse.reused = 0
    with reusing(reuse):  # the block keeps this build's list of pages made until the end
        pipeline.start(handbook_copy / "contacts", options, handbook_copy).finish()
        made = list(reuse.made_pages)
    assert "contacts/elena-garcia/index.md" in made and "meetings/2026-11-18-elena-garcia/index.md" in made
    assert "contacts/jane-doe/index.md" not in made and "questions/index.md" not in made
    assert reuse.reused > pages / 2


def test_a_template_that_reads_more_than_people_is_made_every_time():
    class Book:
        contacts = {"ann": "Ann"}
        meetings = {"m": 1}

    reuse, calls = Reuse(), []
    for _ in range(2):
        with reusing(reuse):
            page("p", (), Book(), lambda hb: calls.append(len(hb.meetings)))
    assert len(calls) == 2
    for _ in range(2):
        with reusing(reuse):
            page("q", (), Book(), lambda hb: calls.append(hb.contacts["ann"]))
    assert calls[2:] == ["Ann"]  # looked up the same person: made once


def test_a_looked_up_person_who_changed_makes_the_page_again():
    reuse, calls = Reuse(), []
    for name in ("Ann", "Ann", "Anna"):
        book = type("Book", (), {"contacts": {"ann": name, "bo": "Bo"}})()
        with reusing(reuse):
            page("p", (), book, lambda hb: calls.append(hb.contacts["ann"]))
    assert calls == ["Ann", "Anna"]


def test_counting_people_is_a_read_too():
    reuse, calls = Reuse(), []
    for people in ({"a": 1}, {"a": 1}, {"a": 1, "b": 2}):
        book = type("Book", (), {"contacts": people})()
        with reusing(reuse):
            page("p", (), book, lambda hb: calls.append(len(hb.contacts)))
    assert calls == [1, 2]


def test_outside_serve_nothing_is_watched_or_kept():
    book = type("Book", (), {"contacts": {}})()
    seen = []
    page("p", (), book, lambda hb: seen.append(hb))
    assert seen == [book] and not isinstance(seen[0], WatchedHandbook)


def test_a_page_from_an_unchanged_basis_is_kept_without_working_out_its_values():
    reuse, worked, made = Reuse(), [], []
    ann = "Ann"
    for basis, name in ((ann, "Ann"), (ann, "Ann"), ("Bo", "Ann"), ("Bo", "Anna")):
        book = type("Book", (), {"contacts": {"ann": name}})()
        with reusing(reuse):
            page_from("p", (basis,), book, lambda: worked.append(basis) or (basis,),
                      lambda hb, inputs: made.append((inputs, hb.contacts["ann"])))
    # The same basis: neither worked out nor made. A new one: worked out (and made, its values
    # changed). The same basis with a looked-up person changed: made again.
    assert worked == ["Ann", "Bo", "Bo"] and made == [(("Ann",), "Ann"), (("Bo",), "Ann"), (("Bo",), "Anna")]
