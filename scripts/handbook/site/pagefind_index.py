"""Pagefind indexes the built site: site/pagefind/ holds the index and the script that searches it.

The browser then loads only the fragments of the index a query needs, so the first result comes as
quickly with 4,000 pages as with 40, and everything is served from the site itself (no request
leaves it, offline too). Pagefind reads the HTML MkDocs wrote, so the public build's index holds only
the pages the public build has.

What it indexes is marked in the pages: ``data-pagefind-body`` on the content of every page that is
searched (overrides/main.html), ``data-pagefind-weight`` where a word counts more or less, and
``data-search-exclude`` (the attribute Material's search reads) on what search leaves out, which is
mapped to Pagefind's exclude selectors below instead of being written twice in every template.

``mkdocs build`` waits for the index. ``mkdocs serve`` must not make an edit wait for it: the index
is written in the background into a folder of its own, then moved into the site in one rename, and
the last index is kept through the clean-up at the start of each rebuild, so search keeps working
(a few seconds behind the pages) while a rebuild runs.
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

BUNDLE = "pagefind"  # the folder in the site, also in overrides/partials/search.html
# Left out of the index: what the templates mark, the ¶ of heading permalinks, and the labels of
# fact lists (Pagefind runs a <dt> into its <dd>: "Kindcoffee" would hide the word "coffee").
EXCLUDE_SELECTORS = ("[data-search-exclude]", ".headerlink", ".hb-facts dt")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is what it printed."""


def command(site: Path, output: Path, *, directory_urls: bool) -> list[str]:
    args = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--silent"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    if not directory_urls:
        args.append("--keep-index-url")  # results link to page.html, as the site's own links do
    return args


def write_index(site: Path, *, directory_urls: bool) -> None:
    """Index ``site`` into site/pagefind/, waiting for it (``mkdocs build``)."""
    done = subprocess.run(command(site, site / BUNDLE, directory_urls=directory_urls),
                          capture_output=True, text=True, cwd=site)
    if done.returncode != 0:
        raise SearchIndexError(_printed(done.stdout, done.stderr))


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

    def start(self, site: Path, *, directory_urls: bool) -> None:
        """Index ``site`` in a child process; the new index replaces the old when it is complete."""
        self.cancel()
        fresh = self._scratch / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        started = time.perf_counter()
        process = subprocess.Popen(command(site, fresh, directory_urls=directory_urls), cwd=site,
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
