"""A bad edit never costs the user their last good site, and no build touches their own files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import run_mkdocs, write
from typer.testing import CliRunner

from handbook.cli import app

PROFILES = [("private", "mkdocs.yml", "site"), ("public", "mkdocs.public.yml", "site-public")]


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder`` with its digest and modification time."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("profile, config, site_dir", PROFILES)
def test_a_failing_build_leaves_the_previous_site_intact(handbook_copy, profile, config, site_dir):
    first = run_mkdocs(handbook_copy, "build", "--strict", config=config)
    assert first.returncode == 0, first.stderr
    site = handbook_copy / site_dir
    before = snapshot(site)
    assert "index.html" in before and "pagefind/pagefind.js" in before

    write(handbook_copy / "contacts/people/broken.md", "---\ncompany: Acme\n---\n")
    second = run_mkdocs(handbook_copy, "build", "--strict", config=config)
    assert second.returncode != 0
    assert "contacts/people/broken.md:1: name: is required" in second.stderr
    assert "Traceback" not in second.stderr + second.stdout
    assert snapshot(site) == before


def test_no_build_writes_into_contacts_or_content(handbook_copy):
    mine = {part: snapshot(handbook_copy / part) for part in ("contacts", "content")}
    for _, config, _ in PROFILES:
        result = run_mkdocs(handbook_copy, "build", "--strict", config=config)
        assert result.returncode == 0, result.stderr
    check = CliRunner().invoke(app, ["check", "--root", str(handbook_copy)])
    assert check.exit_code == 0, check.output
    assert {part: snapshot(handbook_copy / part) for part in ("contacts", "content")} == mine


def test_a_failing_build_writes_nothing_into_contacts(handbook_copy):
    write(handbook_copy / "contacts/meetings/2026-12-24-x.md", "---\ndate: 2026-13-01\nwith: [nobody]\n---\n")
    mine = snapshot(handbook_copy / "contacts")
    result = run_mkdocs(handbook_copy, "build", "--strict")
    assert result.returncode != 0
    assert snapshot(handbook_copy / "contacts") == mine
