"""The core pipeline in one call: load -> model -> derive -> render. Used by the MkDocs adapter,
``handbook export-pages`` and the benchmark, so they all produce the very same page sources."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping
from pathlib import Path

from .book import Handbook, load_handbook
from .clock import TODAY_ENV, today as today_from_env  # noqa: F401  (callers import them from here)
from .derive.agenda import agenda_kept
from .derive.privacy import public_view, withheld_contacts
from .derive.status import with_evidence
from .problems import Problem
from .read_cache import ReadCache
from .render import RenderOptions, urls
from .render.dashboard import render_dashboard
from .render.files import render_files
from .render.messages import message_problems
from .render.reuse import Reuse, reusing
from .render.site import render_pages



@dataclass
class Built:
    handbook: Handbook
    pages: Mapping[str, str]  # page path under docs_dir -> its source (render/site.py Page)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # non-page outputs, e.g. follow-ups.ics
    withheld: tuple[str, ...] = ()  # source folders this profile leaves out, e.g. "contacts/lina-park/"
    dashboard: str = ""  # markdown for the end of the home page (private builds only)


def withheld_folders(handbook: Handbook, options: RenderOptions) -> tuple[str, ...]:
    """Where pages of unshared people, of meetings and the calendar would be; empty for the private profile.
    The nav loses their entries, so a visitor sees no Meetings or Calendar tab."""
    if options.private:
        return ()
    return (*(urls.contact_folder(slug) for slug in withheld_contacts(handbook)), urls.MEETINGS_FOLDER,
            urls.CALENDAR_FOLDER)


def without_withheld(outputs: Mapping, withheld: tuple[str, ...]) -> Mapping:
    # A second lock on the door: whatever a page builder makes, nothing under a withheld folder ships.
    if not withheld:
        return outputs
    return {path: data for path, data in outputs.items() if not path.startswith(withheld)}


@dataclass(frozen=True)
class Checked:
    handbook: Handbook  # as the files say
    evident: Handbook  # with statuses as the files show them (derive/status.py): what every view shows
    problems: list[Problem]


def load_checked(contacts_dir: Path, today: dt.date, root: Path | None = None,
                 cache: ReadCache | None = None, reuse: Reuse | None = None) -> Checked:
    """Every problem the build reports: the files, and the message templates filled in for everyone.
    They are filled for the very handbook the pages show (messages are kept by handbook), so once."""
    handbook, problems = load_handbook(contacts_dir, root, cache)
    evident = with_evidence(handbook, today)
    if reuse is not None:
        evident = _as_last_build(evident, reuse)
    return Checked(handbook, evident, problems + message_problems(evident, today))


def _as_last_build(handbook: Handbook, reuse: Reuse) -> Handbook:
    """Unchanged people, meetings and companies as the very objects of the last build."""
    return dataclasses.replace(handbook, contacts=reuse.same_records("contacts", handbook.contacts),
                               meetings=reuse.same_records("meetings", handbook.meetings),
                               companies=reuse.same_records("companies", handbook.companies)).index()


@dataclass
class Started:
    """A build whose files are loaded and checked: the adapter reports the problems first (and
    may stop there), then asks for the pages."""

    problems: list[Problem]
    shown: Handbook
    options: RenderOptions
    withheld: tuple[str, ...]
    reuse: Reuse | None = None  # `mkdocs serve`: outputs whose inputs are as last build's are not made again

    def finish(self) -> Built:
        with reusing(self.reuse), agenda_kept():
            pages = render_pages(self.shown, self.options)
            files = render_files(self.shown, self.options)
            dashboard = render_dashboard(self.shown, self.options)
        return Built(self.shown, without_withheld(pages, self.withheld), self.problems,
                     files=without_withheld(files, self.withheld), withheld=self.withheld, dashboard=dashboard)


def start(contacts_dir: Path, options: RenderOptions, root: Path | None = None,
          cache: ReadCache | None = None, reuse: Reuse | None = None) -> Started:
    """Load and check now; render when ``finish`` is called."""
    checked = load_checked(contacts_dir, options.today, root, cache, reuse)
    # What this profile renders: everything, or only what the public may see.
    shown = checked.evident if options.private else public_view(checked.evident)
    return Started(checked.problems, shown, options, withheld_folders(checked.handbook, options), reuse)


def build(contacts_dir: Path, options: RenderOptions, root: Path | None = None,
          cache: ReadCache | None = None, reuse: Reuse | None = None) -> Built:
    return start(contacts_dir, options, root, cache, reuse).finish()
