"""Pagefind indexes the site's pages: site/pagefind/ holds the index and the script that searches it.

The browser then loads only the fragments of the index a query needs, so the first result comes as
quickly with 4,000 pages as with 40, and everything is served from the site itself (no request
leaves it, offline too). Pagefind reads one small document a page (search_pages.py), written once
MkDocs has read every page, so the public build's index holds only the pages the public build has.

What it indexes is marked in the pages: ``data-pagefind-weight`` where a word counts more or less,
and ``data-search-exclude`` (the attribute Material's search reads) on what search leaves out,
which is mapped to Pagefind's exclude selectors below instead of being written twice in every
template.

``mkdocs build`` starts the index as soon as the documents are written and waits for it at the end:
it runs beside MkDocs drawing the pages. ``mkdocs serve`` must not make an edit wait for it: the
index is written after each rebuild, in the background, into a folder of its own, then moved into
the site in one rename, and the last index is kept through the clean-up at the start of each
rebuild, so search keeps working (a few seconds behind the pages) while a rebuild runs.

Pagefind holds the whole index of what it reads in memory, about 75 KB a page: 3.2 GB at 43,000
pages (measured). A big site is therefore indexed in parts of at most ``part_pages`` pages, one after the
other: ``pagefind/`` holds the first part, ``pagefind/part-1/`` and so on the others, and
``pagefind/parts.json`` lists them, for the browser to search them all as one (Pagefind's
``mergeIndex``). A page's part follows from its path alone, so it stays in its part from one
rebuild to the next.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path
from typing import Callable

from .search_pages import SearchPage, write_documents

BUNDLE = "pagefind"  # the folder in the site, also in overrides/partials/search.html
PART_PAGES = 8_000  # pages an index part holds, about: Pagefind peaked at 0.63 GB on 7,400
PARTS_FILE = "parts.json"  # in the bundle: the other parts, read by assets/javascripts/handbook.js
# Left out of the index: what the templates mark, the ¶ of heading permalinks, and the labels of
# fact lists (Pagefind runs a <dt> into its <dd>: "Kindcoffee" would hide the word "coffee").
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink", ".hb-facts dt")


# Pagefind's own search interfaces, which it writes beside every index: the site searches through
# Material's box and handbook.js instead, so they are 420 KB of every site that nothing loads.
UNUSED_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
                "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


def _drop_unused(bundle: Path) -> None:
    for name in UNUSED_FILES:
        (bundle / name).unlink(missing_ok=True)


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is what it printed."""


class Parts:
    """How the pages at ``paths`` are cut into index parts of at most about ``part_pages`` each."""

    def __init__(self, paths: list[str], part_pages: int = PART_PAGES):
        self._count = max(1, -(-len(paths) // max(part_pages, 1)))
        # A part no page falls in gets no index (Pagefind refuses an empty folder); the first part
        # with pages is the bundle itself, where pagefind.js is.
        self.used = sorted({self.of(path) for path in paths}, key=int) or ["0"]

    def of(self, path: str) -> str:
        """The part a page's document goes to: its folder among the documents."""
        return str(zlib.crc32(path.encode("utf-8")) % self._count)  # not hash(): the same in every process

    def bundle(self, part: str) -> str:
        """Where a part's index goes, inside the bundle."""
        return "" if part == self.used[0] else f"part-{part}"

    def commands(self, documents: Path, output: Path, *, directory_urls: bool) -> list[list[str]]:
        """One Pagefind run a part, the bundle's own first: the others go into folders inside it."""
        return [command(documents / part, output / self.bundle(part), directory_urls=directory_urls)
                for part in self.used]

    def finish(self, output: Path) -> None:
        """Once every part is indexed: the list of the others, and no unused files in any."""
        others = [f"{self.bundle(part)}/" for part in self.used[1:]]
        (output / PARTS_FILE).write_text(json.dumps({"parts": others}) + "\n", encoding="utf-8")
        for part in self.used:
            _drop_unused(output / self.bundle(part))


def command(documents: Path, output: Path, *, directory_urls: bool) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(output), "--silent"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    if not directory_urls:
        args.append("--keep-index-url")  # results link to page.html, as the site's own links do
    return args


def _printed(*outputs: str) -> str:
    return "\n".join(o.strip() for o in outputs if o.strip()) or "Pagefind stopped without a message"


class _Runs:
    """Pagefind on each part in turn, in a thread: one part's index in memory at a time. ``done`` is
    called in that thread with what failed (None when every part was indexed), unless stopped."""

    def __init__(self, commands: list[list[str]], done: Callable[[str | None], None] = lambda failure: None,
                 started: Callable[[int], None] = lambda pid: None):
        self._commands, self._done, self._started = commands, done, started
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._stopped = False
        self.failure: str | None = None
        self._thread = threading.Thread(target=self._run, name="handbook-search-index", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for args in self._commands:
            with self._lock:
                if self._stopped:
                    return
                self._process = process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                                           text=True)
            self._started(process.pid)
            printed, _ = process.communicate()
            if self._stopped:
                return
            if process.returncode != 0:
                self.failure = _printed(printed)
                break
        self._done(self.failure)

    def wait(self) -> str | None:
        self._thread.join()
        return self.failure

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
        self._thread.join(timeout=30)


MEMORY_FOLDER = Path("/dev/shm")  # Linux's shared memory, a tmpfs
MEMORY_SPARE = 256 * 1024 * 1024  # what the documents leave of it, at least
SCRATCH_PREFIX = "handbook-search-"
STALE_SECONDS = 6 * 3600  # no build takes this long: an older scratch folder's build was killed


def scratch_folder(needed: int, memory: Path = MEMORY_FOLDER) -> Path:
    """A new folder for ``needed`` bytes of documents that live only while Pagefind reads them. On
    disk, writing and deleting a file a page cost as much system time as writing the site (measured
    at 300/900: about 8% of a build), so they go to memory when it has room for them twice over
    and ``TMPDIR`` does not name a place of the user's own; else to the system's temporary folder."""
    try:
        free = os.statvfs(memory)
        room = free.f_bavail * free.f_frsize
    except (AttributeError, OSError):  # no such folder, or not on this system
        room = 0
    in_memory = not os.environ.get("TMPDIR") and room >= 2 * needed + MEMORY_SPARE
    made = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=memory if in_memory else None))
    if in_memory:
        _sweep(memory, made)
    return made


def _sweep(memory: Path, made: Path) -> None:
    """Delete what builds killed before their end left in memory: it stays there until a reboot.
    Age is read from the filesystem's clock (the new folder's time), not the process's, which
    can differ (a clock set ahead by faketime, a container's)."""
    cutoff = made.stat().st_mtime - STALE_SECONDS
    for folder in memory.glob(f"{SCRATCH_PREFIX}*"):
        try:
            if folder != made and folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass


class Indexing:
    """The index for ``mkdocs build``: started once the documents are known, awaited at the end."""

    def __init__(self, pages: list[SearchPage], output: Path, *, directory_urls: bool, part_pages: int = PART_PAGES,
                 size: int = 0):
        self._output = output
        self._documents = scratch_folder(size)  # ``size``: about what the documents hold, in bytes
        self._parts = Parts([page.path for page in pages], part_pages)
        write_documents(self._documents, pages, part=self._parts.of)
        self._runs = _Runs(self._parts.commands(self._documents, output, directory_urls=directory_urls))

    def wait(self) -> None:
        try:
            failure = self._runs.wait()
            if failure is not None:
                raise SearchIndexError(failure)
            self._parts.finish(self._output)
        finally:
            shutil.rmtree(self._documents, ignore_errors=True)

    def cancel(self) -> None:
        """The build failed: no index."""
        self._runs.stop()
        shutil.rmtree(self._documents, ignore_errors=True)


def _yield_to_rebuilds(pid: int) -> None:
    """Run the background index at a lower priority: the next save's rebuild comes first."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 10)
    except (AttributeError, OSError):  # not on this system, or the process is gone already
        pass


class BackgroundIndex:
    """The index for ``mkdocs serve``: written after each rebuild without holding it up."""

    def __init__(self, report: Callable[[str], None]):
        self.report = report  # told when an index could not be written
        self._scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
        self._documents = self._scratch / "pages"  # kept between rebuilds: only changed pages are written
        self._written: dict[str, str] = {}
        self._runs: _Runs | None = None
        self._stale = 0
        self._lock = threading.Lock()  # the swap into the site against a rebuild starting
        self.seconds: float | None = None  # how long the last index took, for a log line

    def keep(self, site: Path) -> None:
        """Before MkDocs empties ``site``: put the current index aside (a rebuild may be under way)."""
        self.cancel()
        held = self._scratch / "held"
        if (site / BUNDLE).is_dir():  # else a failed build left it aside already: keep that one
            shutil.rmtree(held, ignore_errors=True)
            shutil.move(site / BUNDLE, held)

    def put_back(self, site: Path) -> None:
        """Once ``site`` is emptied: the last index serves searches until the new one is ready."""
        held = self._scratch / "held"
        if held.is_dir() and not (site / BUNDLE).exists():
            shutil.move(held, site / BUNDLE)

    def start(self, pages: list[SearchPage], site: Path, *, directory_urls: bool, part_pages: int = PART_PAGES) -> None:
        """Index ``pages`` in child processes; the new index replaces the one in ``site`` when complete."""
        self.cancel()
        parts = Parts([page.path for page in pages], part_pages)
        self._written = write_documents(self._documents, pages, self._written, part=parts.of)
        fresh = self._scratch / "fresh"
        if fresh.exists():  # a cancelled index's part: deleted in the background, not on the rebuild's time
            self._stale += 1
            fresh.rename(self._scratch / f"stale-{self._stale}")
        started = time.perf_counter()
        runs: _Runs

        def done(failure: str | None) -> None:
            for stale in self._scratch.glob("stale-*"):
                shutil.rmtree(stale, ignore_errors=True)
            with self._lock:
                if self._runs is not runs:  # cancelled: a rebuild has begun
                    return
                self._runs = None
                if failure is not None:
                    self.report(f"search index not updated: {failure}")
                    return
                parts.finish(fresh)
                self._swap(fresh, site / BUNDLE)
                self.seconds = time.perf_counter() - started

        with self._lock:  # `done` must see this run as the current one
            runs = self._runs = _Runs(parts.commands(self._documents, fresh, directory_urls=directory_urls),
                                      done, started=_yield_to_rebuilds)

    def _swap(self, fresh: Path, bundle: Path) -> None:
        old = self._scratch / "old"
        shutil.rmtree(old, ignore_errors=True)
        if bundle.is_dir():
            shutil.move(bundle, old)
        shutil.move(fresh, bundle)
        shutil.rmtree(old, ignore_errors=True)

    def cancel(self) -> None:
        """Stop an index still being written (its pages are about to change) and wait for it."""
        with self._lock:
            runs, self._runs = self._runs, None
        if runs is not None:
            runs.stop()

    def close(self) -> None:
        self.cancel()
        shutil.rmtree(self._scratch, ignore_errors=True)
