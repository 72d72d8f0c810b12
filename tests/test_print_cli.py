"""`handbook print`: PDFs of prep sheets from the command line, and clear errors when it cannot."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import TODAY, write
from handbook_cli import handbook, snapshot

HANDBOOK = [sys.executable, "-c", "from handbook.cli import main; main()"]


def run_print(root: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """The real command in its own process: it starts Chromium, which the test session also runs."""
    env = {**os.environ, "HANDBOOK_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "200"}
    return subprocess.run([*HANDBOOK, "print", *args, "--root", str(root)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def page_texts(path: Path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def paper_size(path: Path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return float(box.width), float(box.height)


def meeting(root: Path, name: str, goal: str, status: str = "planned") -> None:
    write(root / f"contacts/meetings/{name}.md",
          f"---\ndate: {name[:10]} 10:00\nwith: [sam-lee]\ngoal: {goal}\nstatus: {status}\n---\n")


@pytest.mark.browser
def test_print_writes_one_meetings_sheet_and_never_overwrites_it_without_force(handbook_copy, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    result = run_print(handbook_copy, out, "2026-12-02-jane-doe", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    pdf = out / "2026-12-02-jane-doe.pdf"
    assert "2026-12-02-jane-doe.pdf" in result.stdout and "letter" in result.stdout
    pages = page_texts(pdf)
    assert len(pages) == 1 and "Get feedback on my first dashboard project" in pages[0]
    assert paper_size(pdf) == pytest.approx((612, 792), abs=1.5)  # US Letter, in points

    before = snapshot(out)
    again = run_print(handbook_copy, out, "jane-doe")  # Jane's next meeting: the same file name
    assert again.returncode == 1 and "already exists" in again.stderr and "--force" in again.stderr
    assert snapshot(out) == before

    forced = run_print(handbook_copy, out, "contacts/meetings/2026-12-02-jane-doe.md", "--force", "--paper", "a4")
    assert forced.returncode == 0, forced.stderr
    assert paper_size(pdf) == pytest.approx((595.3, 841.9), abs=1.5)  # A4, in points
    assert sorted(p.name for p in out.iterdir()) == ["2026-12-02-jane-doe.pdf"]  # no temporary files left


@pytest.mark.browser
def test_upcoming_prints_exactly_the_next_seven_days_in_date_order(handbook_copy, tmp_path):
    meeting(handbook_copy, "2026-11-24-sam-lee", "Yesterday's lunch")
    meeting(handbook_copy, "2026-11-25-sam-lee", "Today's quick call")
    meeting(handbook_copy, "2026-11-28-sam-lee", "Called off", status="cancelled")
    meeting(handbook_copy, "2026-12-03-sam-lee", "Eight days out")
    result = run_print(handbook_copy, tmp_path, "--upcoming")
    assert result.returncode == 0, result.stderr
    pages = page_texts(tmp_path / f"prep-sheets-{TODAY.isoformat()}.pdf")
    # One sheet each, in date order: today's, then the one exactly seven days ahead. Yesterday's
    # meeting may only show up in the history of today's sheet.
    assert [p.split(" WHO ")[0] for p in pages] == ["Sam Lee · 2026-11-25", "Jane Doe · 2026-12-02"]
    assert "Today's quick call" in pages[0] and "Get feedback on my first dashboard project" in pages[1]
    everything = " ".join(pages)
    for left_out in ("Called off", "Eight days out", "Hear how his team hires"):
        assert left_out not in everything


def test_an_unknown_meeting_gets_a_did_you_mean(handbook_copy):
    result = handbook(handbook_copy, "print", "2026-12-02-jnae-doe")
    assert result.exit_code == 2
    assert "unknown meeting '2026-12-02-jnae-doe'" in result.stderr
    assert "did you mean '2026-12-02-jane-doe'?" in result.stderr


def test_an_ambiguous_meeting_lists_what_it_matches(handbook_copy):
    result = handbook(handbook_copy, "print", "2026-12")
    assert result.exit_code == 2
    assert "matches 3 meetings" in result.stderr
    for slug in ("2026-12-02-jane-doe", "2026-12-04-marcus-okafor", "2026-12-09-sam-lee"):
        assert slug in result.stderr


def test_a_missing_chromium_says_how_to_install_it_and_writes_nothing(handbook_copy, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = handbook(handbook_copy, "print", "2026-12-02-jane-doe", env={"HANDBOOK_CHROMIUM": str(tmp_path / "none")})
    assert result.exit_code == 1
    assert "Chromium is not installed" in result.stderr and "apt-get install chromium" in result.stderr
    assert list(here.iterdir()) == []


def test_errors_in_the_files_are_listed_before_anything_is_printed(handbook_copy, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    write(handbook_copy / "contacts/meetings/2026-12-24-x.md", "---\ndate: 2026-12-24\nwith: [jane-do]\n---\n")
    result = handbook(handbook_copy, "print", "2026-12-02-jane-doe")
    assert result.exit_code == 1
    assert "contacts/meetings/2026-12-24-x.md:3: with: unknown contact 'jane-do'" in result.stdout + result.stderr
    assert list(here.iterdir()) == []


def test_print_needs_a_meeting_or_upcoming_but_not_both(handbook_copy):
    assert handbook(handbook_copy, "print").exit_code == 2
    assert handbook(handbook_copy, "print", "jane-doe", "--upcoming").exit_code == 2
    assert "--days only goes with --upcoming" in handbook(handbook_copy, "print", "jane-doe", "--days", "3").stderr


def test_output_must_be_a_pdf_so_force_cannot_replace_a_note(handbook_copy):
    note = handbook_copy / "contacts/people/jane-doe.md"
    before = note.read_bytes()
    result = handbook(handbook_copy, "print", "2026-12-02-jane-doe", "-o", str(note), "--force")
    assert result.exit_code == 2 and "not a .pdf file name" in result.stderr
    assert note.read_bytes() == before


def test_no_meetings_ahead_is_said_plainly_and_writes_nothing(handbook_copy, tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    result = handbook(handbook_copy, "print", "--upcoming", "--days", "3")
    assert result.exit_code == 0 and "No meetings from 2026-11-25 to 2026-11-28" in result.stdout
    assert list(here.iterdir()) == []
