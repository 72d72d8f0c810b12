"""Real MkDocs builds of the example handbook and of broken ones."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from conftest import copy_handbook, run_mkdocs, write
from search_index import indexed_pages
from serving import serving, wait_for

from handbook.book import load_handbook


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_strict_build_makes_a_page_for_every_person_and_meeting(example_site):
    root = Path(__file__).resolve().parents[1]
    handbook, _ = load_handbook(root / "contacts", root)
    for slug in handbook.contacts:
        assert (example_site / "contacts" / slug / "index.html").is_file()
    for slug in handbook.meetings:
        assert (example_site / "meetings" / slug / "index.html").is_file()
    for index in ("contacts", "meetings", "questions"):
        assert (example_site / index / "index.html").is_file()


def test_nav_lists_index_pages_but_not_single_contacts(example_site):
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert 'href="contacts/"' in home
    assert "contacts/jane-doe/" not in home.split('class="md-content"')[0]


def test_search_index_finds_contacts_by_company(example_site):
    hits = [url for url, page in indexed_pages(example_site).items() if "Bluebird Transit" in page["content"]]
    assert "contacts/priya-raman/" in hits


def test_nothing_generated_is_written_into_the_sources(handbook_copy, tmp_path):
    before = {part: tree_digest(handbook_copy / part) for part in ("content", "contacts")}
    result = run_mkdocs(handbook_copy, "build", "--strict", site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert {part: tree_digest(handbook_copy / part) for part in ("content", "contacts")} == before


def test_two_builds_give_identical_bytes(handbook_copy, tmp_path):
    for name in ("a", "b"):
        result = run_mkdocs(handbook_copy, "build", "--strict", site=tmp_path / name)
        assert result.returncode == 0, result.stderr
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    # sitemap.xml.gz carries a gzip timestamp from MkDocs itself; everything we generate must match.
    first.pop("sitemap.xml.gz"), second.pop("sitemap.xml.gz")
    assert first == second


def test_a_broken_folder_fails_the_build_listing_every_error_without_traceback(handbook_copy, tmp_path):
    people = handbook_copy / "contacts/people"
    write(people / "broken-one.md", "---\ncompany: Acme\n---\n")
    write(people / "broken-two.md", "---\nname: Two\nreferred_by: sam-le\n---\n")
    write(handbook_copy / "contacts/meetings/2026-12-24-x.md", "---\ndate: 2026-12-24\nwith: [jane-do]\nminutes: 12:30\n---\n")
    result = run_mkdocs(handbook_copy, "build", "--strict", site=tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for expected in ("contacts/people/broken-one.md:1: name: is required",
                     "contacts/people/broken-two.md:3: referred_by: unknown contact 'sam-le' (did you mean 'sam-lee'?)",
                     "contacts/meetings/2026-12-24-x.md:3: with: unknown contact 'jane-do' (did you mean 'jane-doe'?)",
                     "contacts/meetings/2026-12-24-x.md:4: minutes:"):
        assert expected in output


@pytest.mark.wall_clock  # real time against file times and timeouts, not dates: not run under faketime
def test_serve_shows_edits_and_keeps_running_with_a_broken_file(handbook_copy):
    with serving(handbook_copy) as served:
        wait_for(lambda: "Jane Doe" in served.fetch("contacts/jane-doe/"))
        jane = handbook_copy / "contacts/people/jane-doe.md"
        jane.write_text(jane.read_text(encoding="utf-8").replace("Data Analyst", "Senior Data Analyst"), encoding="utf-8")
        wait_for(lambda: "Senior Data Analyst" in served.fetch("contacts/jane-doe/"))
        write(handbook_copy / "contacts/people/oops.md", "---\nname: Oops\nstatus: friend\n---\n")
        errors_page = wait_for(lambda: served.fetch("handbook-errors/"))
        assert "contacts/people/oops.md:3" in errors_page
        assert served.process.poll() is None, "mkdocs serve stopped on a broken file"
        assert "Senior Data Analyst" in served.fetch("contacts/jane-doe/")
        time.sleep(3)  # idle: reading contacts/ during a build must not count as a change
    assert "Traceback" not in served.output
    assert 2 <= served.output.count("Detected file changes") <= 3, served.output  # two saves (one may come as two events)


def test_no_error_banner_when_the_files_are_valid(example_site):
    assert "md-banner" not in (example_site / "index.html").read_text(encoding="utf-8")


def test_a_data_warning_is_shown_but_does_not_fail_a_strict_build(handbook_copy, tmp_path):
    write(handbook_copy / "contacts/meetings/2026-12-20-jane.md",
          "---\ndate: 2026-12-20\nwith: jane-doe\nminutes: 10\nquestions: ['all:career']\n---\n")
    result = run_mkdocs(handbook_copy, "build", "--strict", site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "warning: contacts/meetings/2026-12-20-jane.md:5: questions:" in result.stderr
