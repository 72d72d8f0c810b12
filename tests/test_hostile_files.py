"""Hostile or odd files (issue 16, part 2): a clear `file:line: field: message` in `handbook check`
and `mkdocs build`, quickly and without a traceback; importers never copy control characters into
files or onto the terminal; exports never write into contacts/.

The files themselves are golden corpus cases (tests/corpus/<case>/), so their exact messages live
in each case's expected.txt.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import run_mkdocs, write
from handbook_cli import handbook, snapshot
from test_corpus import CORPUS, load_case

from handbook.loading import CONTROL

HOSTILE = ["alias-bomb", "alias-recursive", "deep-nesting", "deep-block-nesting", "escape-sequence", "binary-value",
           "set-value", "far-future-meeting", "far-future-touch"]
ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def add_case(root: Path, case: str) -> list[str]:
    """Copy a corpus case (and the people every case may refer to) into a handbook; its golden lines."""
    contacts = root / "contacts"
    for source in (CORPUS / "_base", CORPUS / case):
        for path in source.rglob("*"):
            if path.is_file() and path.name != "expected.txt":
                target = contacts / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_file_is_read_in_well_under_a_second(case, tmp_path):
    started = time.process_time()
    _, problems = load_case(case, tmp_path)
    assert time.process_time() - started < 1.0
    assert [p for p in problems if p.is_error], "each of these files has an error"


@pytest.mark.parametrize("case", HOSTILE)
def test_handbook_check_lists_the_golden_messages(case, empty_handbook):
    expected = add_case(empty_handbook, case)
    result = handbook(empty_handbook, "check")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for line in expected:
        assert line in result.stdout + result.stderr
    assert not ESCAPE.search(result.output), "no control character reaches the terminal"


def test_mkdocs_build_fails_listing_every_hostile_file(empty_handbook):
    expected = [line for case in HOSTILE for line in add_case(empty_handbook, case)]
    started = time.monotonic()
    result = run_mkdocs(empty_handbook, "build", site=empty_handbook / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line in expected:
        assert line.removeprefix("error: ") in result.stderr
    assert f"{len(expected)} error(s) in contacts/" in result.stdout + result.stderr
    assert time.monotonic() - started < 120  # a hang (the alias bomb used to eat memory) fails here


def test_files_the_build_passes_over_are_named_and_do_not_fail_it(empty_handbook):
    expected = add_case(empty_handbook, "files-not-read")
    assert expected and all(line.startswith("warning: ") for line in expected)
    check = handbook(empty_handbook, "check")
    assert check.exit_code == 0
    for line in expected:
        assert line in check.stdout + check.stderr
    result = run_mkdocs(empty_handbook, "build", "--strict", site=empty_handbook / "site")
    assert result.returncode == 0, result.stderr
    assert "contacts/people/archive/old.md:1: file: is not read" in result.stderr


def test_export_vcard_never_writes_into_contacts(empty_handbook, tmp_path):
    add_case(empty_handbook, "ok-networking-habits")
    before = snapshot(empty_handbook / "contacts")
    for target in ("contacts/people/x.md", "contacts/x.vcf", "content/people.vcf"):
        result = handbook(empty_handbook, "export", "vcard", "-o", str(empty_handbook / target))
        assert result.exit_code == 2, target
        assert "which holds your own files" in result.stderr
    assert snapshot(empty_handbook / "contacts") == before
    assert not (empty_handbook / "content" / "people.vcf").exists()
    elsewhere = handbook(empty_handbook, "export", "vcard", "-o", str(tmp_path / "people.vcf"))
    assert elsewhere.exit_code == 0 and (tmp_path / "people.vcf").is_file()


LINKEDIN = ("Notes:\n\"Exported\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Ana\x1b[2J,Ex\x07ample,https://www.linkedin.com/in/ana-example,ana@example.org,"
            "\x1b]8;;https://evil.example\x07Acme\x1b]8;;\x07,Analyst\x9b31m,05 Mar 2024\n")
VCARD = ("BEGIN:VCARD\nVERSION:3.0\nFN:Bo\x1b[2J Example\nORG:Bell\x07 Labs\nTITLE:Lead\x1b[31m\n"
         "NOTE:Met at a meetup.\x1b[2J Likes\x07 tea.\nEND:VCARD\n")


@pytest.mark.parametrize(("kind", "name", "text", "slug"), [
    ("linkedin", "Connections.csv", LINKEDIN, "ana-example"),
    ("vcard", "phone.vcf", VCARD, "bo-example"),
])
def test_importers_drop_control_characters(kind, name, text, slug, empty_handbook, tmp_path):
    source = write(tmp_path / name, text)
    dry = handbook(empty_handbook, "import", kind, str(source), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert f"contacts/people/{slug}.md" in dry.stdout
    assert not ESCAPE.search(dry.output)
    result = handbook(empty_handbook, "import", kind, str(source))
    assert result.exit_code == 0, result.output
    written = (empty_handbook / "contacts" / "people" / f"{slug}.md").read_text(encoding="utf-8")
    assert not CONTROL.search(written) and "\\e" not in written and "\\x" not in written and "\\a" not in written
    check = handbook(empty_handbook, "check")
    assert check.exit_code == 0, check.output
    listed = handbook(empty_handbook, "next")
    assert not ESCAPE.search(listed.output)
    exported = handbook(empty_handbook, "export", "vcard")
    assert exported.exit_code == 0 and not ESCAPE.search(exported.stdout.replace("\r\n", "\n"))


def test_escaped_control_characters_never_reach_the_terminal(empty_handbook):
    add_case(empty_handbook, "escape-sequence")
    for command in (["next"], ["export", "vcard"], ["due"]):
        result = handbook(empty_handbook, *command)
        assert "Traceback" not in result.output
        assert not ESCAPE.search(result.stdout.replace("\r\n", "\n")), command
