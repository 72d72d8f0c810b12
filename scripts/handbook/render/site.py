"""Page builders: each turns the Handbook into generated page sources for one part of the site."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, Iterable

from markupsafe import Markup

from .. import clock
from ..book import Handbook
from ..derive.agenda import agenda, by_contact, for_contact
from ..derive.history import meeting_history
from ..identity import organisation_slug
from ..derive.nudges import nudges
from ..derive.referrals import referral_graph
from . import reuse, search, urls
from .contacts_index import contacts_index_values
from .environment import environment
from .messages import page_messages
from .headings import anchored
from .notes import notes_html
from .network_tree import pages_holding, tree_pages
from .paging import numbered, page_src, paged
from .text import page_meta


@dataclass(frozen=True)
class RenderOptions:
    profile: str = "private"  # "private" shows everything; "public" only what is shared
    today: dt.date = field(default_factory=clock.today)
    directory_urls: bool = True
    site_url: str = ""  # mkdocs.yml's site_url; files read outside the site (ICS) link back with it

    @property
    def private(self) -> bool:
        return self.profile == "private"


@dataclass(frozen=True)
class Page:
    src: str  # path under docs_dir, e.g. "contacts/jane-doe/index.md"
    source: str  # YAML frontmatter (title, tags), then the finished HTML: MkDocs never parses it as markdown


class PageContext:
    """What every template gets: the data, the options, and links relative to the page drawn."""

    def __init__(self, handbook: Handbook, options: RenderOptions, src: str):
        self.handbook = handbook
        self.options = options
        self.src = src

    def link(self, to_src: str, anchor: str = "") -> str:
        return urls.relative_url(self.src, to_src, self.options.directory_urls, anchor)

    def contact_link(self, slug: str) -> str:
        return self.link(urls.contact_src(slug))

    def meeting_link(self, slug: str) -> str:
        return self.link(urls.meeting_src(slug))

    def company_link(self, company: str) -> str:
        """The organisation's page, or "" when its name makes no address (no letters or digits)."""
        slug = organisation_slug(company)
        return self.link(urls.company_src(slug)) if slug else ""


def render(template: str, handbook: Handbook, options: RenderOptions, src: str, **values) -> Page:
    # In `mkdocs serve`, a page made from what it was made from last time is that page (reuse.py).
    return Page(src, reuse.page(src, (template, options, values), handbook,
                                lambda hb: _render(template, hb, options, src, values)))


def render_from(basis: tuple, template: str, handbook: Handbook, options: RenderOptions, src: str,
                values: Callable[[], dict]) -> Page:
    """As ``render``, for a page whose values take work: ``basis`` names what ``values()`` is worked
    out from, and `mkdocs serve` keeps the page without calling it while that is as last build's."""
    return Page(src, reuse.page_from(src, (template, options, basis), handbook,
                                     lambda: (template, options, values()),
                                     lambda hb, inputs: _render(template, hb, options, src, inputs[2])))


def _render(template: str, handbook, options: RenderOptions, src: str, values: dict) -> str:
    ctx = PageContext(handbook, options, src)
    text = environment().get_template(template).render(
        hb=handbook, opts=options, today=options.today, page=ctx, link=ctx.link,
        contact_link=ctx.contact_link, meeting_link=ctx.meeting_link, company_link=ctx.company_link,
        notes=notes_html, **values,
    )
    return anchored(text)[0]


_METAS: dict[str, Markup] = {}  # `mkdocs serve` writes every page's frontmatter again on each rebuild


def meta(**fields) -> Markup:
    key = json.dumps(fields, sort_keys=True, default=str)
    found = _METAS.get(key)
    if found is None:
        if len(_METAS) >= 65_536:
            _METAS.clear()
        found = _METAS[key] = Markup(page_meta(**fields))
    return found


def contact_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    from .next_steps import code_spans, nudge_src  # it builds on RenderOptions above

    due = by_contact(agenda(handbook, options.today))
    graph = referral_graph(handbook)
    about: dict[str, list] = {}  # each person's nudges, for their page
    for nudge in nudges(handbook, options.today, graph) if options.private else ():
        about.setdefault(nudge.contact, []).append(nudge)
    on_page = pages_holding(tree_pages(graph))  # where each person's entry in the referral tree is
    for contact in sorted(handbook.contacts.values(), key=lambda c: urls.contact_src(c.slug)):
        meetings = sorted(handbook.meetings_with(contact.slug), key=lambda m: (m.start, m.slug), reverse=True)
        next_touch, open_tasks = for_contact(due.get(contact.slug, []))
        yield render("contact.md.j2", handbook, options, urls.contact_src(contact.slug),
                     meta=meta(title=contact.name, search=search.PERSON), contact=contact, meetings=meetings,
                     referrer=handbook.referrer_of(contact), referred=handbook.referred(contact.slug),
                     messages=page_messages(handbook, contact, open_tasks, options.today) if options.private else [],
                     next_touch=next_touch, open_tasks=open_tasks, neighbourhood=graph.neighbourhood(contact.slug),
                     person_nudges=about.get(contact.slug, []), code_spans=code_spans, nudge_src=nudge_src,
                     network=(page_src(urls.NETWORK_FOLDER, on_page[contact.slug]), urls.network_anchor(contact.slug)))


def meeting_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    for meeting in sorted(handbook.meetings.values(), key=lambda m: urls.meeting_src(m.slug)):  # as contacts
        # All a meeting page's values come from: the meeting, its people, their meetings (the
        # history) and the question bank.
        basis = (meeting, handbook.bank, *((handbook.contacts.get(slug), tuple(handbook.meetings_with(slug)))
                                           for slug in meeting.with_))
        yield render_from(basis, "meeting.md.j2", handbook, options, urls.meeting_src(meeting.slug),
                          partial(_meeting_values, handbook, meeting))


def _meeting_values(handbook: Handbook, meeting) -> dict:
    people = [handbook.contacts[s] for s in meeting.with_]
    title = f"{', '.join(p.name for p in people)} · {meeting.day.isoformat()}"
    return dict(meta=meta(title=title, search=search.MEETING),  # the people's tags are on their pages
                meeting=meeting, people=people, questions=[handbook.bank.questions[q] for q in meeting.question_ids],
                history=meeting_history(handbook, meeting),
                ends=meeting.start + dt.timedelta(minutes=meeting.minutes) if meeting.has_time else None)


def index_pages(handbook: Handbook, options: RenderOptions) -> Iterable[Page]:
    last_met = {}
    for slug, meetings in handbook.meetings_by_contact.items():
        past = [m for m in meetings if m.status == "done" and m.day <= options.today]
        last_met[slug] = max((m.day for m in past), default=None)
    values = contacts_index_values(handbook, options)
    people = sorted(handbook.contacts.values(), key=lambda c: c.name.lower())  # as Jinja's sort did
    for pager, rows in paged("contacts", people):
        yield render("contacts_index.md.j2", handbook, options, pager.src,
                     meta=meta(title=numbered("Contacts", pager), hide=["navigation", "toc"]),
                     last_met=last_met, rows=rows, pager=pager, **values)
    upcoming = [m for m in handbook.meetings.values() if m.day >= options.today and m.status != "cancelled"]
    coming = {m.slug for m in upcoming}  # a set: comparing models one by one is quadratic
    past = [m for m in reversed(handbook.meetings.values()) if m.slug not in coming]
    # One run of rows, upcoming (soonest first) then past (latest first), cut into pages.
    ahead = len(upcoming)
    for pager, rows in paged("meetings", upcoming + past):
        before = max(0, min(len(rows), ahead - (pager.first - 1)))  # how many of this page's rows are upcoming
        yield render("meetings_index.md.j2", handbook, options, pager.src, meta=meta(title=numbered("Meetings", pager)),
                     upcoming=rows[:before], past=rows[before:], pager=pager)
    yield render("questions.md.j2", handbook, options, "questions/index.md",
                 meta=meta(title="Question bank", search=search.QUESTION_BANK), groups=handbook.bank.grouped())


def render_errors(problems) -> str:
    """The page `mkdocs serve` shows while files have errors, so the server keeps running."""
    return render("errors.md.j2", Handbook(), RenderOptions(), urls.ERRORS_SRC,
                  meta=meta(title="Errors in your contacts"), problems=problems).source


PageBuilder = Callable[[Handbook, RenderOptions], Iterable[Page]]

from .calendar import calendar_pages  # noqa: E402  (it builds on render() and meta() above)
from .network import network_pages  # noqa: E402  (likewise)
from .companies import companies_pages  # noqa: E402  (likewise)
from .broken import broken_pages  # noqa: E402  (likewise)
from .tags import tag_pages  # noqa: E402  (likewise)

# Each feature adds its builder here; order only matters for readability of the output list.
PAGE_BUILDERS: list[PageBuilder] = [index_pages, contact_pages, meeting_pages, calendar_pages, network_pages,
                                     companies_pages, tag_pages, broken_pages]


def render_pages(handbook: Handbook, options: RenderOptions) -> dict[str, str]:
    pages: dict[str, str] = {}
    for builder in PAGE_BUILDERS:
        for page in builder(handbook, options):
            pages[page.src] = page.source
    return pages
