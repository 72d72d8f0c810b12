"""Rendering on two cores when that is safe: a forked worker takes page and file builders from the
same queue as this process, so `mkdocs build` of a big handbook waits about half as long for them.

Fork is used only on Linux, in a process with a single thread (as `mkdocs build` is): the worker
shares the loaded Handbook without copying it. Anywhere else (`mkdocs serve` runs threads), or if
the worker fails, this process renders everything itself. Results are put together in builder
order, so the output is the same bytes either way.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from typing import Callable

from ..book import Handbook
from .files import FILE_BUILDERS
from .site import PAGE_BUILDERS, RenderOptions

Output = list[tuple[str, "str | bytes"]]
Task = Callable[[Handbook, RenderOptions], Output]


def _page_task(builder) -> Task:
    return lambda handbook, options: [(page.src, page.markdown) for page in builder(handbook, options)]


def _file_task(builder) -> Task:
    return lambda handbook, options: list(builder(handbook, options))


def can_fork() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1


def render_outputs(handbook: Handbook, options: RenderOptions) -> tuple[dict[str, str], dict[str, bytes]]:
    """(page sources, files): what render_pages and render_files return, on two cores if possible."""
    tasks = [_page_task(b) for b in PAGE_BUILDERS] + [_file_task(b) for b in FILE_BUILDERS]
    done = {}
    if len(tasks) > 1 and can_fork():
        try:
            done = _render_forked(tasks, handbook, options)
        except OSError:  # no process or pipe to spare: render everything here
            done = {}
    for index, task in enumerate(tasks):
        if index not in done:  # all of them without a worker; the worker's share if it failed
            done[index] = task(handbook, options)
    pages = {src: markdown for index in range(len(PAGE_BUILDERS)) for src, markdown in done[index]}
    files = {path: data for index in range(len(PAGE_BUILDERS), len(tasks)) for path, data in done[index]}
    return pages, dict(sorted(files.items()))


def _render_forked(tasks: list[Task], handbook: Handbook, options: RenderOptions) -> dict[int, Output]:
    """Both processes claim the next task until none is left; the worker pickles its share back."""
    claimed = multiprocessing.Value("i", 0)

    def work() -> dict[int, Output]:
        results = {}
        while True:
            with claimed.get_lock():
                index = claimed.value
                claimed.value += 1
            if index >= len(tasks):
                return results
            results[index] = tasks[index](handbook, options)

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns, never runs the parent's cleanup
        os.close(read_end)
        code = 1
        try:
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(work(), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        done = work()
    finally:
        with os.fdopen(read_end, "rb") as results:
            data = results.read()
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0 and data:
        done.update(pickle.loads(data))  # noqa: S301 (our own forked worker)
    return done
