"""History with the people of a meeting: what came before, for the prep sheet.

Pure functions of the Handbook. "Earlier" follows the Handbook's own order (start time, then
slug), so two meetings on the same day still have a clear before and after.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from functools import lru_cache
from dataclasses import dataclass

from ..book import Handbook
from ..model import FollowUp, Meeting

GIST_WIDTH = 110  # characters: one printed line beside the date

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MARKDOWN_LEAD = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*)")
_MARKDOWN_MARKS = re.compile(r"[*_`]+")


@dataclass(frozen=True)
class EarlierMeeting:
    meeting: Meeting
    gist: str  # one line: the goal, or else the first sentence of the notes


@dataclass(frozen=True)
class OpenFollowUp:
    meeting: Meeting  # the earlier meeting that promised it
    follow_up: FollowUp


@dataclass(frozen=True)
class History:
    earlier: list[EarlierMeeting]  # newest first
    open_follow_ups: list[OpenFollowUp]  # soonest due first, undated ones last

    @property
    def is_empty(self) -> bool:
        return not self.earlier and not self.open_follow_ups


def first_sentence(notes: str) -> str:
    """The first sentence of free markdown notes, as plain text on one line."""
    for paragraph in re.split(r"\n\s*\n", notes or ""):
        lines = [_MARKDOWN_LEAD.sub("", line) for line in paragraph.splitlines()]
        text = _MARKDOWN_MARKS.sub("", " ".join(" ".join(lines).split()))
        if text:
            return _SENTENCE_END.split(text, maxsplit=1)[0]
    return ""


def gist(meeting: Meeting, width: int = GIST_WIDTH) -> str:
    return _gist(meeting.goal, meeting.notes, width)


@lru_cache(maxsize=16_384)  # a meeting's gist shows on every later meeting with the same people
def _gist(goal: str | None, notes: str, width: int) -> str:
    text = goal or first_sentence(notes)
    return textwrap.shorten(text, width=width, placeholder=" …") if text else ""


def _due_order(item: OpenFollowUp) -> tuple:
    due = item.follow_up.due
    return (due is None, due or dt.date.min, item.meeting.start, item.meeting.slug, item.follow_up.task)


def meeting_history(handbook: Handbook, meeting: Meeting) -> History:
    """Earlier meetings with anyone in this meeting, and the follow-ups they left open."""
    here = (meeting.start, meeting.slug)
    seen: dict[str, Meeting] = {}
    for slug in meeting.with_:
        for other in handbook.meetings_with(slug):
            if (other.start, other.slug) < here:
                seen[other.slug] = other
    earlier = sorted(seen.values(), key=lambda m: (m.start, m.slug), reverse=True)
    open_items = [OpenFollowUp(m, f) for m in earlier for f in m.follow_ups if not f.done]
    return History(earlier=[EarlierMeeting(m, gist(m)) for m in earlier],
                   open_follow_ups=sorted(open_items, key=_due_order))
