"""Golden texts of the shipped templates: what a contact's page offers, word for word, in each state
of a meeting (none yet, planned, took place, thanked, cancelled, a touch due), for a person with and
without a referrer and a `greeting:`. The files are in tests/data/messages/; after changing the
wording on purpose, run with UPDATE_GOLDEN=1 and read the diff before committing it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import CONTACTS, TODAY, write

from handbook.book import load_handbook
from handbook.derive.agenda import agenda, by_contact, for_contact
from handbook.derive.status import with_evidence
from handbook.render.messages import page_messages

GOLDEN = Path(__file__).resolve().parent / "data" / "messages"
SECRET = "SECRET-GOAL ask whether they are hiring"  # a private note: it must never reach a message
ME = "name: Alex Rivera\npitch: I ran a retail store for six years and I'm now studying data analytics\n"

# Jane's meeting in each state (TODAY is 2026-11-25), and which of her messages fit then.
STATES = {
    "no-meeting": ("", ["outreach"]),
    "planned": ("date: 2026-12-04 09:30\nstatus: planned\n", []),
    "took-place": ("date: 2026-11-20 12:30\nkind: phone\nstatus: done\n", ["thank-you", "referrer-thanks"]),
    "thanked": ("date: 2026-11-20 12:30\nthanked: 2026-11-21\nstatus: done\n", ["referrer-thanks"]),
    "cancelled": ("date: 2026-11-20 12:30\nstatus: cancelled\n", []),
    "touch-due": ("date: 2026-08-04 12:30\nthanked: 2026-08-05\nreferrer_told: 2026-08-06\nstatus: done\n",
                  ["keep-in-touch"]),
}
VARIANTS = {
    "plain": "how_we_met: Read her article on hospital dashboards\n",
    "referrer": "referred_by: sam-lee\nhow_we_met: Introduced by Sam\n",
    "greeting": "greeting: Dr. Doe\nhow_we_met: Read her article on hospital dashboards\n",
    "referrer-greeting": "referred_by: sam-lee\ngreeting: Dr. Doe\nhow_we_met: Introduced by Sam\n",
}


def handbook_in(root: Path, state: str, variant: str):
    shutil.copytree(CONTACTS / "messages", root / "contacts" / "messages")
    write(root / "contacts" / "me.yml", ME)
    people = root / "contacts" / "people"
    write(people / "sam-lee.md", "---\nname: Sam Lee\ncompany: Northwind Labs\nstatus: keep-in-touch\n---\n"
                                 f"{SECRET}\n")
    status = "prospect" if state == "no-meeting" else "met"
    write(people / "jane-doe.md", f"---\nname: Jane Doe\ncompany: Acme Health\nrole: Data Analyst\n"
                                  f"{VARIANTS[variant]}status: {status}\nstay_in_touch: 60\n---\n{SECRET}\n")
    meeting, _ = STATES[state]
    if meeting:
        write(root / "contacts" / "meetings" / "jane.md",
              f"---\n{meeting}with: [jane-doe]\ngoal: {SECRET}\nresearch: {SECRET}\n---\n{SECRET}\n")
    if state == "touch-due":  # someone Jane introduced you to, and met: the update may say so
        write(people / "priya-raman.md", "---\nname: Priya Raman\nreferred_by: jane-doe\n---\n")
        write(root / "contacts" / "meetings" / "priya.md",
              "---\ndate: 2026-09-10\nwith: [priya-raman]\nthanked: 2026-09-10\nreferrer_told: 2026-09-11\n"
              "status: done\n---\n")
    book, problems = load_handbook(root / "contacts", root)
    assert problems == []
    return with_evidence(book, TODAY)


def offered(book, slug: str):
    _, tasks = for_contact(by_contact(agenda(book, TODAY)).get(slug, []))
    return page_messages(book, book.contacts[slug], tasks, TODAY)


def transcript(book) -> str:
    parts = []
    for slug in ("jane-doe", "sam-lee"):
        for message in offered(book, slug):
            parts.append(f"=== on {book.contacts[slug].name}'s page: {message.title}\n{message.text}")
    return "\n".join(parts) or "(nothing offered)\n"


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("state", STATES)
def test_the_messages_offered_match_their_golden_text(tmp_path, state, variant):
    book = handbook_in(tmp_path, state, variant)
    jane = [m.name for m in offered(book, "jane-doe")]
    expected = [n for n in STATES[state][1] if n != "referrer-thanks" or variant.startswith("referrer")]
    assert jane == expected
    messages = offered(book, "jane-doe") + offered(book, "sam-lee")
    assert all(m.problem is None and m.warnings == () for m in messages)  # the shipped wording follows the guide
    text = transcript(book)
    assert "SECRET" not in text and "hiring" not in text  # no private field, no goal, no notes
    golden = GOLDEN / f"{state}--{variant}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        write(golden, text)
    assert text == golden.read_text(encoding="utf-8"), f"differs from {golden.name} (UPDATE_GOLDEN=1 rewrites it)"


def test_the_greeting_and_the_referrer_shape_the_opening(tmp_path):
    plain = transcript(handbook_in(tmp_path / "a", "no-meeting", "plain"))
    formal = transcript(handbook_in(tmp_path / "b", "no-meeting", "referrer-greeting"))
    assert "\nHi Jane,\n\nI read your article on hospital dashboards" in plain
    assert "\nDear Dr. Doe,\n\nSam Lee gave me your name" in formal
    assert "as a data analyst at Acme Health" in formal and "as Data Analyst" not in formal
    assert "Subject: Sam Lee suggested I get in touch\n" in formal
    thanks = transcript(handbook_in(tmp_path / "c", "took-place", "referrer-greeting"))
    # The thanks for the introduction goes to Sam, from Jane's page, and says so.
    assert "=== on Jane Doe's page: Referrer thanks to Sam Lee\n" in thanks
    assert "\nHi Sam,\n\nThanks to your introduction, I spoke with Jane Doe" in thanks
    assert "=== on Sam Lee's page: Referrer thanks (about Jane Doe)\n" in thanks


def test_an_update_claims_only_what_the_files_show(tmp_path):
    text = transcript(handbook_in(tmp_path, "touch-due", "plain"))
    assert "I have also met Priya Raman, thanks to you." in text
    assert "paying off" not in text and "stayed in touch" not in text
