"""Stage 2, model: typed, validated records for what the user writes in contacts/.

``PersonFields``, ``MeetingFields`` and ``CompanyFields`` are the frontmatter contract (see README,
"Data format"). ``Contact``, ``Meeting`` and ``Company`` add what the file itself supplies: slug,
path, line numbers, notes.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, WrapValidator,
                      model_serializer, model_validator)

STATUSES = ("prospect", "contacted", "scheduled", "met", "keep-in-touch", "dormant")
CHANNELS = ("email", "phone", "video", "in-person")
MEETING_KINDS = ("coffee", "phone", "video", "in-person", "event")
MEETING_STATUSES = ("planned", "done", "cancelled")
TOUCH_KINDS = ("outreach", "reply")  # a request you sent (the follow-up clock starts), their answer (it stops)
# Next-step nudges a person can silence with `quiet:` (derive/nudges.py explains each; "all" silences every one).
NUDGE_RULES = ("try-someone-else", "follow-up-once", "let-it-rest",  # the follow-up clock (derive/follow_up_clock.py)
               "ask-for-next-steps", "record-preferences", "update-referrer", "reach-out", "find-someone")
COMPANY_NUDGES = ("find-someone",)  # about a company: its file's `quiet:` silences them, a person's cannot
PERSON_NUDGES = tuple(rule for rule in NUDGE_RULES if rule not in COMPANY_NUDGES)

# The years a date may have. The calendar counts days and months from each date (a keep-in-touch
# date is up to ten years on), and 9999-12-31 plus one day does not exist.
FIRST_YEAR, LAST_YEAR = 1900, 2199
_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def _text(value: Any) -> Any:
    # Numbers and dates typed where text is expected are kept as the text they look like.
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    return value


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _one_or_many(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, (str, int)):
        return [value]
    return value


def _quoted(value: Any) -> str:
    text = " ".join(str(value).split())
    text = text if len(text) <= 40 else text[:39] + "…"
    return f"'{text}'" if isinstance(value, str) else text


# Validators word errors as "what is wrong; how to fix it": validation.py splits them there.
def _in_range(when: dt.datetime | dt.date, value: Any) -> dt.datetime | dt.date:
    if not FIRST_YEAR <= when.year <= LAST_YEAR:
        raise ValueError(f"{_quoted(str(value))} is out of range; write a date between {FIRST_YEAR} and {LAST_YEAR}, "
                         "e.g. 2026-12-02")
    return when


def parse_when(value: Any) -> dt.datetime | dt.date:
    """A date, or a date with a time, from 1900 to 2199. PyYAML leaves '2026-12-02 09:30' (no seconds) as text."""
    if isinstance(value, dt.datetime):
        return _in_range(value.replace(tzinfo=None), value)
    if isinstance(value, dt.date):
        return _in_range(value, value)
    if value is None or value == "":
        raise ValueError("is empty; write a date like 2026-12-02 or 2026-12-02 09:30")
    match = _DATE_TIME.match(value.strip()) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"{_quoted(value)} is not a date; write it like 2026-12-02 or 2026-12-02 09:30")
    day_text, hour, minute, second = match.groups()
    try:
        day = dt.date.fromisoformat(day_text)
        when = day if hour is None else dt.datetime.combine(day, dt.time(int(hour), int(minute), int(second or 0)))
    except ValueError as exc:
        raise ValueError(f"{_quoted(value)} is not a real date: {exc}; the order is year-month-day, "
                         "e.g. 2026-12-02") from None
    return _in_range(when, value)


def parse_day(value: Any) -> dt.date:
    when = parse_when(value)
    return when.date() if isinstance(when, dt.datetime) else when


Text = Annotated[str, BeforeValidator(_text), BeforeValidator(_strip)]
Day = Annotated[dt.date, BeforeValidator(parse_day)]
Slugs = Annotated[list[Text], BeforeValidator(_one_or_many)]
Texts = Annotated[list[Text], BeforeValidator(_one_or_many), AfterValidator(lambda tags: [t for t in tags if t])]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Touch(_Strict):
    """A lightweight contact that needs no meeting file: an email, a call, a comment."""

    date: Day
    via: Text = ""
    note: Text = ""
    kind: Optional[Literal[TOUCH_KINDS]] = None  # type: ignore[valid-type]


_BOOL = TypeAdapter(bool)


def _done(value: Any) -> Any:
    # `done: true` or the day it was done; anything else gets one message, not one per type.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, (bool, dt.date)):
        return value
    try:
        return _BOOL.validate_python(value)  # yes, no, on, off, 1, 0...
    except ValueError:
        pass
    raise ValueError(f"{_quoted(value)} is not true or false; write true or false, or the day it was done")


class FollowUp(_Strict):
    task: Text = Field(min_length=1)
    due: Optional[Day] = None
    done: Annotated[Union[bool, dt.date], BeforeValidator(_done)] = False  # true, or the day (`handbook done`)


def _days_or_none(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("none", "never", "", "off"):
        return None
    return value


Days = Annotated[int, Field(ge=1, le=3650)]
_DAYS = TypeAdapter(Days)


class Cadence(_Strict):
    """How often to get in touch: due after ``ideal`` days, overdue after ``max`` (default: ideal)."""

    ideal: Days
    max: Optional[Days] = None

    @model_validator(mode="after")
    def _max_not_below_ideal(self) -> "Cadence":
        if self.max is not None and self.max < self.ideal:
            raise ValueError(f"max ({self.max}) is shorter than ideal ({self.ideal}); write max >= ideal")
        return self

    @model_serializer
    def _plain_when_single(self) -> Any:
        # A plain `stay_in_touch: 90` dumps back as 90, so files written from the model stay simple.
        return self.ideal if self.max is None else {"ideal": self.ideal, "max": self.max}

    def __str__(self) -> str:
        return str(self.ideal) if self.max in (None, self.ideal) else f"{self.ideal}–{self.max}"


def _cadence(value: Any, handler) -> Any:
    # A plain number keeps its errors on `stay_in_touch` itself; a mapping is checked key by key.
    if value is None or isinstance(value, (dict, Cadence)):
        return handler(value)
    return Cadence(ideal=_DAYS.validate_python(value))


_SALUTATIONS = ("hi", "hello", "dear", "hey")


def _greeting(value: str) -> str:
    # Only the name to address them by: the message writes the "Hi" or "Dear" itself.
    if "\n" in value:
        raise ValueError("is more than one line; write how to address them on one line, e.g. Dr. Okafor")
    first = value.split()[0].strip(",").lower() if value.split() else ""
    if first in _SALUTATIONS:
        raise ValueError(f"starts with '{value.split()[0]}'; write only the name to address them by, "
                         "e.g. Dr. Okafor (the message adds the hello)")
    return value.rstrip(",").strip()


def _quiet(value: Any) -> Any:
    # `quiet: true` silences every nudge for the person, `quiet: false` none; else rule ids.
    if value is True:
        return ["all"]
    if value is False:
        return []
    return _one_or_many(value)


class PersonFields(_Strict):
    name: Text = Field(min_length=1)
    greeting: Annotated[Text, AfterValidator(_greeting)] = ""  # "Dr. Okafor": how messages address them
    company: Text = ""
    role: Text = ""
    location: Text = ""
    email: Text = ""
    phone: Text = ""
    linkedin: Text = ""
    website: Text = ""
    prefers: Optional[Literal[CHANNELS]] = None  # type: ignore[valid-type]
    referred_by: Optional[Text] = None
    how_we_met: Text = ""
    tags: Texts = []
    status: Literal[STATUSES] = "prospect"  # type: ignore[valid-type]
    # Days between touches: 90, or {ideal: 60, max: 90}. The wrap runs after _days_or_none.
    stay_in_touch: Annotated[Optional[Cadence], WrapValidator(_cadence), BeforeValidator(_days_or_none)] = None
    touches: list[Touch] = []
    share: bool = False
    added: Optional[Day] = None  # when the person went into the handbook: "reach out" counts from it
    quiet: Annotated[list[Literal[PERSON_NUDGES + ("all",)]], BeforeValidator(_quiet)] = []  # type: ignore[valid-type]


class MeetingFields(_Strict):
    date: Annotated[dt.datetime | dt.date, BeforeValidator(parse_when)]
    with_: Annotated[Slugs, Field(alias="with", min_length=1)]
    kind: Literal[MEETING_KINDS] = "coffee"  # type: ignore[valid-type]
    place: Text = ""
    minutes: int = Field(default=30, ge=5, le=600)
    goal: Text = ""
    research: Text = ""
    questions: Optional[Annotated[list[Text], BeforeValidator(_one_or_many)]] = None
    follow_ups: list[FollowUp] = []
    thanked: Optional[Day] = None
    referrer_told: Optional[Day] = None  # when you told whoever introduced you how it went
    asked: Annotated[list[Text], BeforeValidator(_one_or_many)] = []  # question ids asked, picked or not
    status: Literal[MEETING_STATUSES] = "planned"  # type: ignore[valid-type]


Score = Annotated[int, Field(ge=0, le=3)]  # the 0-3 scale of a target list: 0 none, 3 the most
_SCORE = TypeAdapter(Score)


class Posting(_Strict):
    """An opening seen at a company: what it was called, where, and when you last saw it up."""

    title: Text = ""
    url: Text = ""
    seen: Optional[Day] = None

    @model_validator(mode="after")
    def _title_or_url(self) -> "Posting":
        if not (self.title or self.url):
            raise ValueError("has neither a title nor a url; write at least one, e.g. {title: Data Analyst, "
                             "url: https://...}")
        return self


_POSTINGS = TypeAdapter(list[Posting])


def _postings(value: Any, handler) -> Any:
    # A list is checked item by item; anything else must be the 0-3 score itself.
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return _POSTINGS.validate_python(list(value))
    if isinstance(value, bool) or not isinstance(value, int) and not (isinstance(value, str) and value.isdigit()):
        raise ValueError("is neither a number nor a list; write a number from 0 to 3, or list each opening "
                         "on its own '- {title: ..., url: ..., seen: 2026-11-20}' line")
    return _SCORE.validate_python(value)


class CompanyFields(_Strict):
    name: Text = Field(min_length=1)  # matched to people's `company`, whatever the case or accents
    motivation: Score = 0  # how much you want to work there
    # The openings you saw there, or just how well they post roles in your field (0-3).
    postings: Annotated[Union[Score, list[Posting]], WrapValidator(_postings)] = []
    tags: Texts = []
    website: Text = ""
    linkedin: Text = ""
    quiet: Annotated[list[Literal[COMPANY_NUDGES + ("all",)]], BeforeValidator(_quiet)] = []  # type: ignore[valid-type]

    @property
    def posting_score(self) -> int:
        """The postings as a 0-3 score: the number given, or how many openings are listed (at most 3)."""
        return self.postings if isinstance(self.postings, int) else min(len(self.postings), 3)


class Source(BaseModel):
    """Where a record came from, so later stages can still point at a file and line."""

    model_config = ConfigDict(frozen=True)
    path: str
    lines: dict[tuple, int] = {}

    def line_of(self, *key) -> int:
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


class Contact(PersonFields):
    slug: str
    notes: str = ""
    source: Source

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def addressed_as(self) -> str:
        """How a message greets them: their `greeting:` ("Dr. Okafor"), else the first name."""
        return self.greeting or self.first_name


class Meeting(MeetingFields):
    slug: str  # the file's stem, e.g. 2026-12-02-jane-doe
    notes: str = ""
    source: Source
    question_ids: list[str] = []  # the resolved picks, in order, after defaults and all:<category>

    @property
    def day(self) -> dt.date:
        return self.date.date() if isinstance(self.date, dt.datetime) else self.date

    @property
    def has_time(self) -> bool:
        return isinstance(self.date, dt.datetime)

    @property
    def start(self) -> dt.datetime:
        return self.date if isinstance(self.date, dt.datetime) else dt.datetime.combine(self.date, dt.time())


class Company(CompanyFields):
    slug: str  # the organisation's address, from its name: the same as its people's `company` gives
    notes: str = ""
    source: Source


class Category(_Strict):
    id: Text = Field(min_length=1)
    title: Text = Field(min_length=1)


class Question(_Strict):
    id: Text = Field(min_length=1)
    category: Text = Field(min_length=1)
    text: Text = Field(min_length=1)
    hint: Text = ""
    default: bool = False
    aliases: Annotated[list[Text], BeforeValidator(_one_or_many)] = []  # former ids, still accepted in meetings
