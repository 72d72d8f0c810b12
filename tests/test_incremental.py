"""Rebuilding fast in `mkdocs serve` without ever showing stale pages: the file cache and --dirty."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import write
from search_index import indexed_pages
from serving import serving, wait_for

from handbook.book import load_handbook
from handbook.read_cache import RACY_NS, ReadCache

FUTURE = lambda: time.time_ns() + 10 * RACY_NS  # noqa: E731  (a clock for which every file is old)


def person_file(folder: Path, name: str, extra: str = "") -> Path:
    return write(folder / "contacts/people" / f"{name.lower().replace(' ', '-')}.md", f"---\nname: {name}\n{extra}---\n")


def test_an_unchanged_file_is_read_once(tmp_path):
    path = write(tmp_path / "a.md", "one")
    cache, reads = ReadCache(clock=FUTURE), []
    for _ in range(3):
        assert cache.read(path, "k", lambda: reads.append(1) or path.read_text()) == "one"
    assert len(reads) == 1 and cache.hits == 2


def test_an_edit_of_the_same_size_is_read_again(tmp_path):
    path = write(tmp_path / "a.md", "one")
    cache = ReadCache(clock=FUTURE)
    cache.read(path, "k", path.read_text)
    stat = path.stat()
    path.write_text("two", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # one nanosecond later, same size
    assert cache.read(path, "k", path.read_text) == "two"


@pytest.mark.wall_clock  # real time against file times and timeouts, not dates: not run under faketime
def test_a_file_written_just_now_is_never_kept(tmp_path):
    path = write(tmp_path / "a.md", "one")
    cache = ReadCache()  # the real clock: the file is younger than the racy window
    cache.read(path, "k", path.read_text)
    cache.read(path, "k", path.read_text)
    assert (cache.hits, cache.misses) == (0, 2)


def test_a_cached_handbook_still_reports_a_broken_file_until_it_is_fixed(empty_handbook):
    cache = ReadCache(clock=FUTURE)
    broken = person_file(empty_handbook, "Ann Lee", "status: friend\n")
    for _ in range(2):
        _, problems = load_handbook(empty_handbook / "contacts", empty_handbook, cache)
        assert [(p.path, p.field) for p in problems] == [("contacts/people/ann-lee.md", "status")]
    broken.write_text("---\nname: Ann Lee\nstatus: met\n---\n", encoding="utf-8")
    handbook, problems = load_handbook(empty_handbook / "contacts", empty_handbook, cache)
    assert problems == [] and handbook.contacts["ann-lee"].status == "met"
    broken.unlink()
    handbook, _ = load_handbook(empty_handbook / "contacts", empty_handbook, cache)
    assert handbook.contacts == {}


def test_a_kept_meeting_is_checked_again_when_its_person_or_the_question_bank_changes(empty_handbook):
    # An unchanged meeting file keeps last build's check only while its people and the bank stand.
    cache = ReadCache(clock=FUTURE)
    person = person_file(empty_handbook, "Ann Lee")
    write(empty_handbook / "contacts/questions.yml",
          "questions:\n  - {id: my-own, category: personal, text: \"What do you read?\"}\n")
    write(empty_handbook / "contacts/meetings/2026-03-02-ann-lee.md",
          "---\ndate: 2026-03-02\nwith: ann-lee\nquestions: [my-own]\n---\n")

    def load() -> list[tuple[str, str]]:
        handbook, problems = load_handbook(empty_handbook / "contacts", empty_handbook, cache)
        return [(p.field, p.message) for p in problems] or [("meetings", str(len(handbook.meetings)))]

    assert load() == load() == [("meetings", "1")]
    person.unlink()
    assert load() == [("with", "unknown contact 'ann-lee'")]
    person_file(empty_handbook, "Ann Lee")
    assert load() == [("meetings", "1")]
    write(empty_handbook / "contacts/questions.yml",
          "questions:\n  - {id: renamed, category: personal, text: \"What do you read?\"}\n")
    assert [field for field, _ in load()] == ["questions"]


@pytest.mark.wall_clock  # real time against file times and timeouts, not dates: not run under faketime
def test_serve_dirty_rebuilds_what_changed_and_keeps_the_nav_and_search_right(handbook_copy, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    with serving(handbook_copy, "--dirty", env={"TMPDIR": str(scratch)}) as served:
        wait_for(lambda: "Jane Doe" in served.fetch("contacts/jane-doe/"))
        site = next(scratch.glob("mkdocs_*"))
        unrelated = site / "meetings/2026-10-20-tomas-novak/index.html"
        before = unrelated.stat().st_mtime_ns
        home_before = (site / "index.html").stat().st_mtime_ns
        jane = handbook_copy / "contacts/people/jane-doe.md"
        jane.write_text(jane.read_text(encoding="utf-8").replace("Data Analyst", "Senior Data Analyst"), encoding="utf-8")
        wait_for(lambda: "Senior Data Analyst" in served.fetch("contacts/jane-doe/"))
        page = served.fetch("contacts/jane-doe/")
        # Every page that shows her role was rebuilt; a page that does not was left alone.
        assert "Senior Data Analyst" in served.fetch("meetings/2026-12-02-jane-doe/")
        assert "Senior Data Analyst" in served.fetch("contacts/")
        assert unrelated.stat().st_mtime_ns == before
        # A local server's sitemap is never read: serve does not draw it.
        assert not (site / "sitemap.xml").exists() and served.status("sitemap.xml") == 404
        # Her role is not on the dashboard: the home page was left alone too.
        assert (site / "index.html").stat().st_mtime_ns == home_before
        # Pages skipped in this build keep their titles in the nav of the rebuilt ones.
        assert "Why have these conversations" in page
        # The search index follows in the background, and still holds the pages that were not rebuilt.
        wait_for(lambda: "Senior Data Analyst" in indexed_pages(site).get("contacts/jane-doe/", {}).get("content", ""))
        assert "meetings/2026-10-20-tomas-novak/" in indexed_pages(site)
        oops = person_file(handbook_copy, "Oops", "status: friend\n")
        assert "contacts/people/oops.md:3" in wait_for(lambda: served.fetch("handbook-errors/"))
        # The error banner is on every page, also on those whose own text did not change.
        assert "hb-announce-errors" in served.fetch("meetings/2026-10-20-tomas-novak/")
        oops.write_text("---\nname: Oops\nstatus: met\n---\n", encoding="utf-8")
        wait_for(lambda: "Oops" in served.fetch("contacts/oops/"))
        assert "hb-announce-errors" not in served.fetch("meetings/2026-10-20-tomas-novak/")
        assert "hb-announce-errors" not in served.fetch()
        # A deleted person's page goes too: a dirty build alone would leave it behind.
        (handbook_copy / "contacts/people/oops.md").unlink()
        wait_for(lambda: not (site / "contacts/oops/index.html").exists())
        assert "Oops" not in served.fetch("contacts/")
        assert len(indexers(site)) <= 1  # the last rebuild's index at most
        assert served.process.poll() is None
    assert "Traceback" not in served.output
    wait_for(lambda: not indexers(site))  # and stopping the server stops the last one


def indexers(site: Path) -> list[int]:
    """The Pagefind processes indexing ``site`` (Linux: read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            args = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(b"pagefind" in a for a in args[:3]) and str(site).encode() in args:
            found.append(int(entry.name))
    return found


def test_every_rebuild_of_serve_uses_one_search_index(handbook_copy):
    """`mkdocs serve` loads a new config for each rebuild; the search plugin in each must be the same,
    so a rebuild stops the index the last one started and shutting down stops the last one."""
    from mkdocs.config import load_config

    configs = [load_config(str(handbook_copy / "mkdocs.yml")) for _ in range(2)]
    handbook = configs[0].plugins["handbook"]
    handbook.on_startup(command="serve", dirty=True)
    for config in configs:
        config.plugins["handbook"] = handbook  # what MkDocs does for a plugin with on_startup
        handbook.on_config(config)
    first, second = (config.plugins["material/search"] for config in configs)
    assert first is second and first.background is not None
    first.on_shutdown()
