"""`mkdocs build` gets each page as soon as it is rendered, not after all of them.

MkDocs needs the list of pages at once, but the text of a page only when it comes to it, one page
about every ten milliseconds. So a forked worker lists the pages (running the builders with
rendering switched off, see ``site.planning``) while MkDocs cleans the site folder, then renders
the dashboard, the files and every page, and streams them over a pipe in about the order MkDocs
reads them. A reader thread here files away what arrives; MkDocs waits only for a page the worker
has not sent yet. Should the worker fail or stop sending, this process renders whatever is missing
itself: the same bytes either way.

Memory: MkDocs reads a page in about five times the worker's time to render it, so the reader
thread stays at most AHEAD pages ahead of MkDocs (the pipe then fills and the worker waits). And
this process keeps no Handbook when it is told how to load it again for a fallback. At 10,000
people that is half a gigabyte of records and another of page texts that would otherwise sit
beside every page MkDocs holds.

Only for a single-threaded process on Linux (`mkdocs build`): `mkdocs serve --dirty` compares every
page with its last build, so it needs them all at once (parallel.py).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
from typing import Callable, Iterable, Iterator, Mapping

from ..book import Handbook
from .dashboard import render_dashboard
from .files import FILE_BUILDERS, render_files
from .site import PAGE_BUILDERS, RenderOptions, planning, render_pages

PATIENCE_S = 120.0  # the longest wait for one output before the worker counts as stuck
FLUSH_EVERY = 64  # pages per write to the pipe
AHEAD = 256  # pages received but not yet taken by MkDocs, at most (unless a reader waits for one)
PLAN, DASHBOARD, FILE, PAGE, FILES_DONE, END = "plan", "dashboard", "file", "page", "files-done", "end"


# MkDocs reads the pages sorted by path: calendar/, companies/, contacts/ (the index first), meetings/.
READ_ORDER = ("calendar_pages", "companies_pages", "index_pages", "contact_pages", "meeting_pages")


def _stream_order(builders: list) -> list:
    """The builders in about the order MkDocs reads their pages; any others after them."""
    rank = {name: n for n, name in enumerate(READ_ORDER)}
    return sorted(builders, key=lambda b: rank.get(b.__name__, len(rank)))


def _listed(handbook: Handbook, options: RenderOptions) -> list[str]:
    """Every page's path, in the order of render_pages."""
    with planning():
        return list(dict.fromkeys(page.src for builder in PAGE_BUILDERS for page in builder(handbook, options)))


class LazyPages(Mapping):
    """Page sources by path, known by name at once and by text when the worker has sent them."""

    def __init__(self, keys: Iterable[str], fetch: Callable[[str, bool], str]):
        self._keys = list(keys)
        self._known = set(self._keys)
        self._fetch = fetch

    def __getitem__(self, src: str) -> str:
        if src not in self._known:
            raise KeyError(src)
        return self._fetch(src, False)

    def take(self, src: str) -> str:
        """The page's text, no longer kept here: for a reader that keeps it itself."""
        if src not in self._known:
            raise KeyError(src)
        return self._fetch(src, True)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def only(self, keep: Callable[[str], bool]) -> "LazyPages":
        return LazyPages([k for k in self._keys if keep(k)], self._fetch)


class StreamedRender:
    def __init__(self, handbook: Handbook, options: RenderOptions,
                 reload: Callable[[], Handbook] | None = None):
        """``reload`` loads the same handbook again: given it, this process keeps no Handbook of its
        own, and loads one only should the worker fail."""
        self.handbook, self.options, self._reload = handbook, options, reload
        self._received: dict[tuple[str, str], object] = {}
        self._buffered = 0  # pages in _received
        self._wanted: set[tuple[str, str]] = set()  # what callers wait for and has not come yet
        self._cancelled = False
        self._done = False  # the stream has ended, completely or not
        self._complete = False  # ...with everything in it
        self._rendered_here = False
        self._lock = threading.Condition()
        self._room = threading.Condition(self._lock)  # the reader waits on it for MkDocs to catch up
        self.dashboard = ""
        read_end, write_end = os.pipe()
        self.worker: int | None = os.fork()
        if self.worker == 0:  # the worker: never returns, never runs the parent's cleanup
            os.close(read_end)
            self._serve(write_end)
        os.close(write_end)
        if reload is not None:
            self.handbook = None
        self._reader = threading.Thread(target=self._read, args=(os.fdopen(read_end, "rb"),), daemon=True)
        self._reader.start()

    # The worker

    def _serve(self, write_end: int) -> None:
        code = 1
        gc.freeze()  # see gc_pause.py
        try:
            with os.fdopen(write_end, "wb") as out:
                def send(kind: str, key: str, value, flush: bool = False) -> None:
                    pickle.dump((kind, key, value), out, protocol=pickle.HIGHEST_PROTOCOL)
                    if flush:
                        out.flush()

                send(PLAN, "", _listed(self.handbook, self.options), flush=True)
                send(DASHBOARD, "", render_dashboard(self.handbook, self.options), flush=True)
                for builder in FILE_BUILDERS:
                    for path, data in builder(self.handbook, self.options):
                        send(FILE, path, data)
                send(FILES_DONE, "", None, flush=True)
                for builder in _stream_order(PAGE_BUILDERS):
                    for number, page in enumerate(builder(self.handbook, self.options), 1):
                        send(PAGE, page.src, page.source, flush=number % FLUSH_EVERY == 0)
                    out.flush()
                send(END, "", None, flush=True)
            code = 0
        finally:
            os._exit(code)

    # This process

    def _read(self, stream) -> None:
        try:
            with stream:
                while True:
                    kind, key, value = pickle.load(stream)
                    if kind == END:
                        with self._lock:
                            self._complete = True
                            self.handbook = None  # nothing is rendered here now
                        break
                    with self._lock:
                        self._received[(kind, key)] = value
                        self._wanted.discard((kind, key))
                        self._lock.notify_all()
                        if kind == PAGE:
                            self._buffered += 1
                            # Stop reading (the worker then blocks on the full pipe) until MkDocs
                            # catches up, or someone waits for a page further on.
                            self._room.wait_for(lambda: self._buffered < AHEAD or self._wanted or self._cancelled)
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # the worker failed: what is missing is rendered here
        finally:
            self._reap()
            with self._lock:
                self._done = True
                self._lock.notify_all()

    def _pop(self, wanted: tuple[str, str]):
        """Take a received output (the lock held); the reader may go on once MkDocs caught up."""
        value = self._received.pop(wanted)
        if wanted[0] == PAGE:
            self._buffered -= 1
            if self._buffered == AHEAD // 2:
                self._room.notify_all()
        return value

    def _reap(self) -> None:
        worker, self.worker = self.worker, None
        if worker:
            try:
                os.waitpid(worker, 0)
            except ChildProcessError:
                pass

    def _wait(self, kind: str, key: str, take: bool):
        wanted = (kind, key)
        with self._lock:
            arrived = True
            if wanted not in self._received:
                self._wanted.add(wanted)  # lets the reader run on past AHEAD until it comes
                self._room.notify_all()
                try:
                    arrived = self._lock.wait_for(lambda: wanted in self._received or self._done,
                                                  timeout=PATIENCE_S)
                finally:
                    self._wanted.discard(wanted)
            if wanted in self._received:
                return self._pop(wanted) if take else self._received[wanted]
            complete = self._complete
        if complete:  # everything came, and this was taken before
            raise KeyError(key)
        if not arrived:  # stuck: stop it, and the reader thread ends the stream
            self.cancel()
            self._reader.join()
        self._render_here()
        with self._lock:
            if wanted not in self._received:
                raise KeyError(key)
            return self._pop(wanted) if take else self._received[wanted]

    def _render_here(self) -> None:
        """Everything the worker did not send, rendered by this process (same builders, same bytes)."""
        with self._lock:
            if self._rendered_here:
                return
            self._rendered_here = True
        handbook = self.handbook if self.handbook is not None else self._reload()
        pages = render_pages(handbook, self.options)
        outputs = {(PLAN, ""): list(pages), (DASHBOARD, ""): render_dashboard(handbook, self.options),
                   (FILES_DONE, ""): None}
        outputs.update(((FILE, path), data) for path, data in render_files(handbook, self.options).items())
        outputs.update(((PAGE, src), text) for src, text in pages.items())
        with self._lock:
            for key, value in outputs.items():
                if key not in self._received:
                    self._received[key] = value
                    self._buffered += key[0] == PAGE

    def result(self) -> tuple[LazyPages, dict[str, bytes]]:
        """(page sources, as they arrive; files): like RenderJob.result()."""
        planned = self._wait(PLAN, "", take=True)
        self.dashboard = self._wait(DASHBOARD, "", take=True)
        self._wait(FILES_DONE, "", take=True)
        with self._lock:
            files = {key: self._pop((kind, key)) for kind, key in list(self._received) if kind == FILE}
        return LazyPages(planned, lambda src, take: self._wait(PAGE, src, take)), dict(sorted(files.items()))

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            self._room.notify_all()
        if self.worker:
            try:
                os.kill(self.worker, signal.SIGKILL)
            except ProcessLookupError:
                pass
