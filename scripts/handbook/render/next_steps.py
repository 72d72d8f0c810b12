"""The "What to do next" list on the home page: the nudges, each linked to the page of what it is
about, with the file and line to edit. ``handbook next`` prints the same list in full."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..book import Handbook
from ..derive.nudges import Nudge, nudges
from ..derive.referrals import ReferralGraph
from . import urls
from .site import RenderOptions

SHOWN = 8  # the rest are counted and left to `handbook next`
_CODE = re.compile(r"`([^`]+)`")


def code_spans(text: str) -> Markup:
    """Plain text with `backticked` parts as <code>: escaped first, so nothing else becomes HTML."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text))))


def nudge_src(nudge: Nudge) -> str:
    """The page a nudge links to: its meeting or its company when it has one, else its person."""
    if nudge.meeting:
        return urls.meeting_src(nudge.meeting)
    return urls.company_src(nudge.company) if nudge.company else urls.contact_src(nudge.contact)


def next_steps_values(handbook: Handbook, options: RenderOptions, graph: ReferralGraph) -> dict:
    found = nudges(handbook, options.today, graph)
    return {"nudges": found[:SHOWN], "more_nudges": len(found) - len(found[:SHOWN]), "nudge_src": nudge_src,
            "code_spans": code_spans}
