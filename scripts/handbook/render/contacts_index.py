"""What the contacts index needs beyond the contacts: each person's next touch, the tag list and
the pipeline order, so the contacts script (handbook.js) can filter and sort the table in the browser without a framework."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..book import Handbook
from ..derive.agenda import agenda, by_contact, for_contact
from ..model import STATUSES

if TYPE_CHECKING:  # site.py imports this module
    from .site import RenderOptions


def contacts_index_values(handbook: Handbook, options: RenderOptions) -> dict:
    due = by_contact(agenda(handbook, options.today)) if options.private else {}
    # The same "next touch" as on each contact page: the keep-in-touch date from the agenda.
    next_touch = {slug: for_contact(items)[0] for slug, items in due.items()}
    tags = sorted({tag for contact in handbook.contacts.values() for tag in contact.tags}, key=str.casefold)
    return {"next_touch": {slug: item for slug, item in next_touch.items() if item is not None},
            "all_tags": tags, "statuses": STATUSES, "status_rank": {s: n for n, s in enumerate(STATUSES)}}
