"""Where the build's search documents are written while Pagefind reads them (site/pagefind_index.py):
in memory when there is room, else in the system's temporary folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from handbook.site.pagefind_index import MEMORY_SPARE, STALE_SECONDS, scratch_folder


@pytest.fixture
def memory(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    folder = tmp_path / "shm"
    folder.mkdir()
    stat = os.statvfs(folder)
    if stat.f_bavail * stat.f_frsize < 2 * MEMORY_SPARE:
        pytest.skip("the test's folder has too little room to stand for memory")
    return folder


def parent(folder: Path) -> Path:
    """Where the folder was made; it is deleted."""
    shutil.rmtree(folder)
    return folder.parent


def test_documents_go_to_memory_when_it_has_room_for_them_twice_over(memory):
    assert parent(scratch_folder(1_000_000, memory)) == memory
    stat = os.statvfs(memory)
    too_big = stat.f_bavail * stat.f_frsize // 2
    assert parent(scratch_folder(too_big, memory)) == Path(tempfile.gettempdir())


def test_a_tmpdir_of_the_users_own_and_a_missing_memory_folder_are_respected(memory, monkeypatch, tmp_path):
    assert parent(scratch_folder(0, memory / "missing")) == Path(tempfile.gettempdir())
    own = tmp_path / "mine"
    own.mkdir()
    monkeypatch.setenv("TMPDIR", str(own))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    assert parent(scratch_folder(0, memory)) == own


def test_folders_left_by_killed_builds_are_swept_from_memory_and_nothing_else(memory):
    old, young, other = memory / "handbook-search-old", memory / "handbook-search-young", memory / "someone-else"
    for folder in (old, young, other):
        (folder / "contacts").mkdir(parents=True)
        (folder / "contacts" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    # The filesystem's clock, not the process's: the suite also runs with the clock set a year ahead.
    long_ago = young.stat().st_mtime - STALE_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    made = scratch_folder(0, memory)
    assert not old.exists() and young.is_dir() and other.is_dir() and made.is_dir()
