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
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

from .search_pages import SearchPage, write_documents

BUNDLE = "pagefind"  # the folder in the site, also in overrides/partials/search.html
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


def command(documents: Path, output: Path, *, directory_urls: bool) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(output), "--silent"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    if not directory_urls:
        args.append("--keep-index-url")  # results link to page.html, as the site's own links do
    return args


class Indexing:
    """The index for ``mkdocs build``: started once the documents are known, awaited at the end."""

    def __init__(self, pages: list[SearchPage], output: Path, *, directory_urls: bool):
        self._output = output
        self._documents = Path(tempfile.mkdtemp(prefix="handbook-search-"))
        write_documents(self._documents, pages)
        self._process = subprocess.Popen(command(self._documents, output, directory_urls=directory_urls),
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def wait(self) -> None:
        try:
            printed, _ = self._process.communicate()
            if self._process.returncode != 0:
                raise SearchIndexError(_printed(printed))
            _drop_unused(self._output)
        finally:
            shutil.rmtree(self._documents, ignore_errors=True)

    def cancel(self) -> None:
        """The build failed: no index."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.communicate()
        shutil.rmtree(self._documents, ignore_errors=True)


def _yield_to_rebuilds(pid: int) -> None:
    """Run the background index at a lower priority: the next save's rebuild comes first."""
    try:
        os.setpriority(os.PRIO_PROCESS, pid, 10)
    except (AttributeError, OSError):  # not on this system, or the process is gone already
        pass


def _printed(*outputs: str) -> str:
    return "\n".join(o.strip() for o in outputs if o.strip()) or "Pagefind stopped without a message"


class BackgroundIndex:
    """The index for ``mkdocs serve``: written after each rebuild without holding it up."""

    def __init__(self, report: Callable[[str], None]):
        self.report = report  # told when an index could not be written
        self._scratch = Path(tempfile.mkdtemp(prefix="handbook-search-"))
        self._documents = self._scratch / "pages"  # kept between rebuilds: only changed pages are written
        self._written: set[str] = set()
        self._process: subprocess.Popen | None = None
        self._waiter: threading.Thread | None = None
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

    def start(self, pages: list[SearchPage], site: Path, *, directory_urls: bool) -> None:
        """Index ``pages`` in a child process; the new index replaces the one in ``site`` when complete."""
        self.cancel()
        self._written = write_documents(self._documents, pages, self._written)
        fresh = self._scratch / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        started = time.perf_counter()
        process = subprocess.Popen(command(self._documents, fresh, directory_urls=directory_urls),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._process = process
        _yield_to_rebuilds(process.pid)

        def finish() -> None:
            printed, _ = process.communicate()
            with self._lock:
                if self._process is not process:  # cancelled: a rebuild has begun
                    return
                self._process = None
                if process.returncode != 0:
                    self.report(f"search index not updated: {_printed(printed)}")
                    return
                _drop_unused(fresh)
                self._swap(fresh, site / BUNDLE)
                self.seconds = time.perf_counter() - started

        self._waiter = threading.Thread(target=finish, name="handbook-search-index", daemon=True)
        self._waiter.start()

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
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
        if self._waiter is not None:
            self._waiter.join(timeout=30)
            self._waiter = None

    def close(self) -> None:
        self.cancel()
        shutil.rmtree(self._scratch, ignore_errors=True)
