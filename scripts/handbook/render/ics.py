"""follow-ups.ics: the agenda as a calendar feed that Google, Apple and Outlook calendars can subscribe to.

Tasks (thank-yous, follow-ups, keep-in-touch) are all-day events: every calendar app shows those in a
subscribed feed, while to-dos (VTODO) are dropped by most. Meetings are timed events. Meeting times
carry no time zone ("floating"), so each app shows them at the clock time written in the file.
The bytes depend only on the data: DTSTAMP is derived from each item, never from the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable

from ..book import Handbook
from ..derive.agenda import AgendaItem, agenda, names
from . import reuse, urls
from .site import RenderOptions

if TYPE_CHECKING:
    from icalendar import Event

ICS_PATH = "follow-ups.ics"
LOCAL_SITE = "http://127.0.0.1:8000/"  # where `make serve` / `mkdocs serve` shows the site


def page_address(src: str, options: RenderOptions) -> str:
    """An absolute link to a page: under site_url when it is set, else on the local preview server."""
    base = options.site_url or LOCAL_SITE
    return base.rstrip("/") + "/" + urls.page_url(src, options.directory_urls)


def item_page(item: AgendaItem) -> str:
    """The page an item is about: its meeting when it has one, else its (first) contact."""
    return urls.meeting_src(item.meeting) if item.meeting else urls.contact_src(item.contacts[0])


def _description(item: AgendaItem, handbook: Handbook, link: str) -> str:
    lines = [item.title, f"With: {names(handbook, item.contacts)}"]
    if item.is_task:
        due = f"Due: {item.date.isoformat()}"
        if item.until and item.until != item.date:
            due += f" (ideally), overdue after {item.until.isoformat()}"
        lines.append(due)
    lines += [f"Edit: {item.path}:{item.line}", f"Open: {link}"]
    return "\n".join(lines)


def _event(item: AgendaItem, handbook: Handbook, options: RenderOptions) -> Event:
    from icalendar import Event

    link = page_address(item_page(item), options)
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", dt.datetime.combine(item.date, dt.time(), tzinfo=dt.timezone.utc))
    if item.start is not None:
        event.add("dtstart", item.start)
        event.add("dtend", item.start + dt.timedelta(minutes=item.minutes or 30))
    else:
        event.add("dtstart", item.date)
        event.add("dtend", item.date + dt.timedelta(days=1))
    who = names(handbook, item.contacts)
    event.add("summary", item.title if who in item.title else f"{item.title} ({who})")
    event.add("description", _description(item, handbook, link))
    event.add("url", link)
    event.add("categories", [item.label])
    place = _place(item, handbook)
    if place:
        event.add("location", place)
    # Tasks should not make the day look busy to people booking time with you.
    event.add("transp", "OPAQUE" if item.kind == "meeting" else "TRANSPARENT")
    return event


def calendar_bytes(handbook: Handbook, options: RenderOptions) -> bytes:
    items = agenda(handbook, options.today)
    # What each event shows beside its item: in `mkdocs serve` the feed is made again only when one changed.
    shown = [(names(handbook, item.contacts), _place(item, handbook)) for item in items]
    return reuse.kept(ICS_PATH, (options, items, shown), lambda: _calendar(items, handbook, options))


def _place(item: AgendaItem, handbook: Handbook) -> str | None:
    return handbook.meetings[item.meeting].place if item.meeting and item.kind == "meeting" else None


def _calendar(items: list[AgendaItem], handbook: Handbook, options: RenderOptions) -> bytes:
    # Imported here: `mkdocs build` never waits for icalendar to load before it needs it.
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//Networking Handbook//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Networking follow-ups")
    calendar.add("x-published-ttl", "PT6H")  # how often subscribers should fetch it again
    for item in items:
        calendar.add_component(_event(item, handbook, options))
    return calendar.to_ical()


def ics_files(handbook: Handbook, options: RenderOptions) -> Iterable[tuple[str, bytes]]:
    # The public build publishes no feed at all: every item names a person and a private plan.
    if options.private:
        yield ICS_PATH, calendar_bytes(handbook, options)
