"""`handbook targets` (the ranked list, as text and as JSON) and `handbook target` (create or edit a
company file, round-trip), on throwaway handbooks with the tests' fixed today."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TODAY, copy_handbook, write, write_record
from handbook_cli import handbook, snapshot

WIDE = {"COLUMNS": "200"}


def people(root: Path, slug: str, **fields) -> None:
    write_record(root / "contacts" / "people" / f"{slug}.md", {"name": slug.replace("-", " ").title(), **fields})


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A warm path two introductions long into Acme Health, an alumna at Bluebird, nobody at Riverbend."""
    root = copy_handbook(tmp_path / "handbook", with_examples=False)
    write(root / "contacts" / "me.yml", "name: Alex Example\nschool: Example State University\n")
    people(root, "ana-lima")
    write(root / "contacts" / "meetings" / "2026-10-01-ana-lima.md",
          "---\ndate: 2026-10-01\nwith: [ana-lima]\nstatus: done\n---\n")
    people(root, "bo-chen", referred_by="ana-lima")
    people(root, "dana-okafor", company="Acme Health", referred_by="bo-chen")
    people(root, "eli-ward", company="bluebird transit", tags=["example-state-university"])
    write_record(root / "contacts" / "companies" / "acme.md",
                 {"name": "Acme Health", "motivation": 3,
                  "postings": [{"title": "Analyst", "url": "https://jobs.example.org/1", "seen": "2026-11-12"}]})
    write_record(root / "contacts" / "companies" / "riverbend.md", {"name": "Riverbend Clinics", "motivation": 2})
    return root


def test_targets_as_json_gives_each_rank_way_in_and_next_step(root):
    before = snapshot(root / "contacts")
    result = handbook(root, "targets", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["today"] == TODAY.isoformat()
    acme, riverbend, bluebird = data["targets"]
    assert acme == {
        "rank": 1, "name": "Acme Health", "slug": "acme-health", "page": "companies/acme-health/",
        "file": "contacts/companies/acme.md", "line": 2, "motivation": 3, "postings": 1,
        "openings": [{"title": "Analyst", "url": "https://jobs.example.org/1", "seen": "2026-11-12"}], "tags": [],
        "way_in": {"kind": "warm", "why": "you → Ana Lima → Bo Chen → Dana Okafor",
                   "people": [{"slug": "ana-lima", "name": "Ana Lima"}, {"slug": "bo-chen", "name": "Bo Chen"},
                              {"slug": "dana-okafor", "name": "Dana Okafor"}], "school": None},
        "next_step": "ask Ana Lima to introduce you to Bo Chen, who can introduce you to Dana Okafor",
        "people": 1}
    assert (riverbend["rank"], riverbend["way_in"]["kind"], riverbend["people"]) == (2, "cold", 0)
    assert riverbend["next_step"].startswith("find someone here: an alumni search (Example State University")
    assert (bluebird["name"], bluebird["file"], bluebird["motivation"]) == ("bluebird transit", None, 0)
    assert (bluebird["way_in"]["kind"], bluebird["way_in"]["school"]) == ("alumni", "Example State University")
    assert snapshot(root / "contacts") == before  # it only reads


def test_targets_as_text_lists_the_same_order_with_why_and_the_file(root):
    result = handbook(root, "targets", env=WIDE)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "1. Acme Health  (motivation 3, postings 1)"
    assert lines[1] == "   warm: you → Ana Lima → Bo Chen → Dana Okafor"
    assert lines[2] == "   next: ask Ana Lima to introduce you to Bo Chen, who can introduce you to Dana Okafor"
    assert lines[3].endswith("contacts/companies/acme.md:2")
    assert [line for line in lines if line[:1].isdigit()] == [
        "1. Acme Health  (motivation 3, postings 1)", "2. Riverbend Clinics  (motivation 2, postings 0)",
        "3. bluebird transit  (motivation 0, postings 0)"]


def test_targets_on_an_empty_handbook_says_how_to_start(tmp_path):
    root = copy_handbook(tmp_path / "handbook", with_examples=False)
    result = handbook(root, "targets", env=WIDE)
    assert result.exit_code == 0 and "No targets yet" in result.stdout
    assert json.loads(handbook(root, "targets", "-f", "json").stdout)["targets"] == []


def test_targets_prints_user_text_literally(root):
    write_record(root / "contacts" / "companies" / "odd.md", {"name": "[bold]Odd[/bold] :smile: Co", "motivation": 3})
    result = handbook(root, "targets", env=WIDE)
    assert "[bold]Odd[/bold] :smile: Co  (motivation 3, postings 0)" in result.stdout
