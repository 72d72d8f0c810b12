"""The core pipeline in one call: load -> model -> derive -> render. Used by the MkDocs adapter,
``handbook export-pages`` and the benchmark, so they all produce the very same page sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Mapping
from pathlib import Path

from .book import Handbook, load_handbook
from .clock import TODAY_ENV, today as today_from_env  # noqa: F401  (callers import them from here)
from .gc_pause import paused_gc
from .derive.privacy import public_view, withheld_contacts
from .derive.status import with_evidence
from .problems import Problem
from .read_cache import ReadCache
from .render import RenderOptions, urls
from .render.parallel import RenderJob, can_fork
from .render.stream import LazyPages, StreamedRender
from .render.messages import message_problems



@dataclass
class Built:
    handbook: Handbook
    pages: Mapping[str, str]  # a LazyPages while `mkdocs build` streams them (render/stream.py)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # non-page outputs, e.g. follow-ups.ics
    withheld: tuple[str, ...] = ()  # source folders this profile leaves out, e.g. "contacts/lina-park/"
    dashboard: str = ""  # markdown for the end of the home page (private builds only)


def withheld_folders(handbook: Handbook, options: RenderOptions) -> tuple[str, ...]:
    """Where pages of unshared people and of meetings would be; empty for the private profile."""
    if options.private:
        return ()
    return (*(urls.contact_folder(slug) for slug in withheld_contacts(handbook)), urls.MEETINGS_FOLDER)


def without_withheld(outputs: Mapping, withheld: tuple[str, ...]) -> Mapping:
    # A second lock on the door: whatever a page builder makes, nothing under a withheld folder ships.
    if not withheld:
        return outputs
    if isinstance(outputs, LazyPages):
        return outputs.only(lambda path: not path.startswith(withheld))
    return {path: data for path, data in outputs.items() if not path.startswith(withheld)}


def load_checked(contacts_dir: Path, today: dt.date, root: Path | None = None,
                 cache: ReadCache | None = None) -> tuple[Handbook, list[Problem]]:
    """Every problem the build reports: the files, and the message templates filled in for everyone."""
    with paused_gc():
        handbook, problems = load_handbook(contacts_dir, root, cache)
        return handbook, problems + message_problems(handbook, today)


@dataclass
class Started:
    """A build whose files are loaded and checked, and whose pages are being rendered meanwhile."""

    problems: list[Problem]
    shown: Handbook
    withheld: tuple[str, ...]
    job: RenderJob | StreamedRender

    def finish(self) -> Built:
        pages, files = self.job.result()
        return Built(self.shown, without_withheld(pages, self.withheld), self.problems,
                     files=without_withheld(files, self.withheld), withheld=self.withheld,
                     dashboard=self.job.dashboard)


def start(contacts_dir: Path, options: RenderOptions, root: Path | None = None,
          cache: ReadCache | None = None, threads_ok: bool = False) -> Started:
    """Load and check now; render on a second core if there is one: streamed to a single-threaded
    caller (render/stream.py), all at once to one with threads of its own when ``threads_ok``
    (render/parallel.py)."""
    handbook, problems = load_checked(contacts_dir, options.today, root, cache)
    shown = _shown(handbook, options)
    job = _render_job(shown, options, threads_ok,
                      reload=lambda: _shown(load_checked(contacts_dir, options.today, root)[0], options))
    return Started(problems, shown, withheld_folders(handbook, options), job)


def _shown(handbook: Handbook, options: RenderOptions) -> Handbook:
    """What this profile renders: everything, or only what the public may see; statuses as the
    files show them (derive/status.py), so every page and chart tells the same."""
    handbook = with_evidence(handbook, options.today)
    return handbook if options.private else public_view(handbook)


def _render_job(shown: Handbook, options: RenderOptions, threads_ok: bool,
                reload: Callable[[], Handbook]) -> RenderJob | StreamedRender:
    if can_fork():
        try:
            return StreamedRender(shown, options, reload)
        except OSError:  # no process or pipe to spare
            pass
    return RenderJob(shown, options, threads_ok)


def build(contacts_dir: Path, options: RenderOptions, root: Path | None = None,
          cache: ReadCache | None = None) -> Built:
    return start(contacts_dir, options, root, cache).finish()
