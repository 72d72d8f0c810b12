"""Every output at once, rendered on two cores: a forked worker takes page and file builders from
the same queue as this process, so a big handbook waits about half as long for them. This is what
`mkdocs serve` uses (its --dirty mode compares every page with the last build); `mkdocs build`
takes its pages one by one as they are rendered instead (stream.py).

A ``RenderJob`` can start before its result is needed: the MkDocs adapter starts it as soon as the
files are loaded and checked, and joins in when it needs the pages. Fork is used only on Linux:
the worker shares the loaded Handbook without copying it. A process with other threads forks only
when its caller allows it (`mkdocs serve`, whose server and file watcher threads the worker never
touches); should the worker still hang on a lock one of them held, this process stops waiting and
renders the worker's share itself, as it does when the worker fails. Results are put together in
builder order, so the output is the same bytes either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import select
import signal
import sys
import threading
import time
from typing import Callable

from ..book import Handbook
from ..gc_pause import frozen_gc
from .dashboard import render_dashboard
from .files import FILE_BUILDERS
from .site import PAGE_BUILDERS, RenderOptions, contact_pages, meeting_pages

Output = list[tuple[str, "str | bytes"]]
Task = Callable[[Handbook, RenderOptions], Output]


def _page_task(builder) -> Task:
    return lambda handbook, options: [(page.src, page.source) for page in builder(handbook, options)]


def _file_task(builder) -> Task:
    return lambda handbook, options: list(builder(handbook, options))


PATIENCE_S = 10.0  # how much longer than this process took to wait for the worker's share


def can_fork(threads_ok: bool = False) -> bool:
    return sys.platform.startswith("linux") and (threads_ok or threading.active_count() == 1)


class RenderJob:
    def __init__(self, handbook: Handbook, options: RenderOptions, threads_ok: bool = False):
        self.handbook, self.options = handbook, options
        # Files, pages, and the home page's dashboard as one more output: the order of the result.
        self.tasks = ([_file_task(b) for b in FILE_BUILDERS] + [_page_task(b) for b in PAGE_BUILDERS]
                      + [lambda handbook, options: [("", render_dashboard(handbook, options))]])
        # Claimed biggest first (a page per meeting, a page per person), so both processes finish
        # at about the same time.
        big = [len(FILE_BUILDERS) + PAGE_BUILDERS.index(b) for b in (meeting_pages, contact_pages)
               if b in PAGE_BUILDERS]
        self.order = big + [index for index in range(len(self.tasks)) if index not in big]
        self.dashboard = ""  # set by result()
        self.worker: int | None = None
        if len(self.tasks) > 1 and can_fork(threads_ok):
            try:
                self._start_worker()
            except OSError:  # no process or pipe to spare: everything is rendered here
                self.worker = None

    def _claim(self) -> int:
        with self.claimed.get_lock():
            index = self.claimed.value
            self.claimed.value += 1
        return index

    def _work(self) -> dict[int, Output]:
        results = {}
        while (claim := self._claim()) < len(self.order):
            index = self.order[claim]
            results[index] = self.tasks[index](self.handbook, self.options)
        return results

    def _start_worker(self) -> None:
        self.claimed = multiprocessing.Value("i", 0)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns, never runs the parent's cleanup
            os.close(read_end)
            code = 1
            gc.freeze()  # see gc_pause.py; the collector also leaves the shared pages untouched
            try:
                with os.fdopen(write_end, "wb") as out:
                    pickle.dump(self._work(), out, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self.worker, self.results = pid, os.fdopen(read_end, "rb")

    def _join_worker(self, patience: float) -> dict[int, Output]:
        """The worker's share, once it has finished; nothing if it failed or is stuck."""
        ready, _, _ = select.select([self.results], [], [], patience)
        if not ready:
            self.cancel()
            return {}
        with self.results:
            data = self.results.read()
        _, status = os.waitpid(self.worker, 0)
        self.worker = None
        return pickle.loads(data) if os.waitstatus_to_exitcode(status) == 0 and data else {}  # noqa: S301

    def result(self) -> tuple[dict[str, str], dict[str, bytes]]:
        """(page sources, files): what render_pages and render_files return."""
        with frozen_gc():
            return self._result()

    def _result(self) -> tuple[dict[str, str], dict[str, bytes]]:
        done: dict[int, Output] = {}
        if self.worker is not None:
            began = time.monotonic()
            try:
                done = self._work()
            finally:
                done.update(self._join_worker(PATIENCE_S + time.monotonic() - began))
        for index, task in enumerate(self.tasks):
            if index not in done:  # all of them without a worker; the worker's share if it failed
                done[index] = task(self.handbook, self.options)
        first_page, dashboard = len(FILE_BUILDERS), len(self.tasks) - 1
        files = {path: data for index in range(first_page) for path, data in done[index]}
        pages = {src: markdown for index in range(first_page, dashboard) for src, markdown in done[index]}
        self.dashboard = done[dashboard][0][1]
        return pages, dict(sorted(files.items()))

    def cancel(self) -> None:
        """Stop the worker: the build stops before it needs the pages (the files have errors)."""
        if self.worker is not None:
            os.kill(self.worker, signal.SIGKILL)
            self.results.close()
            os.waitpid(self.worker, 0)
            self.worker = None


def render_outputs(handbook: Handbook, options: RenderOptions,
                   threads_ok: bool = False) -> tuple[dict[str, str], dict[str, bytes]]:
    """(page sources, files), on two cores if possible."""
    return RenderJob(handbook, options, threads_ok).result()
