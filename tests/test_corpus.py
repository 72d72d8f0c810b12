"""Golden bad-input corpus: each case is a folder of contact files and the exact messages it must give.

A case folder holds people/*.md and/or meetings/*.md (and optionally questions.yml), plus
expected.txt with one problem per line. Cases named ok-* must load cleanly. The people in
corpus/_base are added to every case so meetings have someone to refer to.
A case may also hold grow.txt, lines of '<file> <bytes>': that file's notes are padded to the size
given, so a 10 MB note is tested without committing 10 MB.
Regenerate after an intended wording change with:  UPDATE_GOLDEN=1 pytest tests/test_corpus.py
and read every changed message: they are what users see.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from handbook.book import load_handbook

CORPUS = Path(__file__).parent / "corpus"
GROW = "grow.txt"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("_"))


def load_case(case: str, tmp_path: Path):
    contacts = tmp_path / "contacts"
    shutil.copytree(CORPUS / "_base", contacts)
    for part in (CORPUS / case).iterdir():
        if part.is_dir():
            shutil.copytree(part, contacts / part.name, dirs_exist_ok=True)
        elif part.name not in ("expected.txt", GROW):
            shutil.copy2(part, contacts / part.name)
    grow(CORPUS / case / GROW, contacts)
    return load_handbook(contacts, tmp_path)


def grow(instructions: Path, contacts: Path) -> None:
    if not instructions.is_file():
        return
    line = b"Pasted notes that go on and on, as an export sometimes does.\n"
    for entry in instructions.read_text(encoding="utf-8").splitlines():
        name, size = entry.split()
        target = contacts / name
        missing = int(size) - target.stat().st_size
        with target.open("ab") as notes:
            notes.write((line * (missing // len(line) + 1))[:missing])


@pytest.mark.parametrize("case", CASES)
def test_corpus_case_gives_its_golden_messages(case, tmp_path):
    handbook, problems = load_case(case, tmp_path)
    got = "".join(f"{p.severity}: {p}\n" for p in problems)
    expected_file = CORPUS / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(got, encoding="utf-8")
    assert got == expected_file.read_text(encoding="utf-8")
    for problem in problems:
        assert problem.path.startswith("contacts/"), problem
        assert problem.line >= 1
        assert "Traceback" not in problem.message
        assert "\n" not in str(problem) and len(str(problem)) < 300, "one short line per problem"


def test_the_corpus_is_large_enough():
    broken = [c for c in CASES if not c.startswith("ok-")]
    assert len(broken) >= 30, f"only {len(broken)} broken cases"


@pytest.mark.parametrize("case", [c for c in CASES if c.startswith("ok-")])
def test_ok_cases_load_every_file(case, tmp_path):
    handbook, problems = load_case(case, tmp_path)
    assert [p for p in problems if p.is_error] == []
    people = list((CORPUS / case).glob("people/*.md"))
    meetings = list((CORPUS / case).glob("meetings/*.md"))
    assert len(handbook.contacts) == len(people) + len(list((CORPUS / "_base" / "people").glob("*.md")))
    assert len(handbook.meetings) == len(meetings)


def test_yes_no_and_country_codes_mean_what_the_user_typed(tmp_path):
    handbook, _ = load_case("ok-yes-no-booleans", tmp_path)
    nora = handbook.contacts["norway"]
    assert (nora.location, nora.share) == ("NO", True)
    assert [f.done for f in handbook.meetings["2026-12-01-nora"].follow_ups] == [False, True]
