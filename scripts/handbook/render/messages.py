"""The user's message templates, filled in for one contact.

Only the templates that fit the moment are filled in (derive/message_moments.py), each with the
meeting it is about, and every filled text is checked against the guide (message_lint.py).
The templates are the user's own files, so they run in Jinja's sandbox, in an environment of
their own: the output is plain text to paste into an email, so nothing is HTML-escaped here
(the contact page escapes it when it shows it). A mistake in a template becomes a Problem
with the file and line, never a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import traceback
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from jinja2 import BaseLoader, StrictUndefined, Template, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
from slugify import slugify

from ..book import Handbook
from ..derive.agenda import AgendaItem, referred_met
from ..derive.connection import Connection, connection
from ..derive.message_moments import LIFECYCLE, REFERRER_THANKS, held, lifecycle_name, moments
from ..message_templates import MessageTemplate
from ..model import Contact, Meeting
from ..problems import Problem
from .message_lint import LintWarning, lint, template_line

# LIFECYCLE is the order of a relationship; templates the user adds follow alphabetically.
# REFERRER_THANKS is also filled in on the referrer's page for each open tell-referrer task.
NO_NAME = "[your name]"
HELP = "the variables are listed in contacts/messages/README.md"


@dataclass(frozen=True)
class MePart:
    name: str
    pitch: str = ""


@dataclass(frozen=True)
class PersonPart:
    """What a template may use of a contact (see contacts/messages/README.md)."""

    name: str
    first_name: str
    greeting: str = ""  # how to address them: `greeting:` ("Dr. Okafor"), else the first name
    formal: bool = False  # they have a `greeting:`, so "Dear" rather than "Hi"
    company: str = ""
    role: str = ""
    a_role: str = ""  # the role in a sentence: "a data analyst"
    location: str = ""
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    website: str = ""
    how_we_met: str = ""
    status: str = ""
    tags: tuple[str, ...] = ()

    @classmethod
    def of(cls, contact: Contact) -> "PersonPart":
        return cls(name=contact.name, first_name=contact.first_name, greeting=contact.addressed_as,
                   formal=bool(contact.greeting), company=contact.company, role=contact.role,
                   a_role=role_in_a_sentence(contact.role), location=contact.location, email=contact.email, phone=contact.phone,
                   linkedin=contact.linkedin, website=contact.website, how_we_met=contact.how_we_met,
                   status=contact.status, tags=tuple(contact.tags))


@dataclass(frozen=True)
class MeetingPart:
    date: dt.date
    date_text: str
    kind: str
    minutes: int
    goal: str = ""
    place: str = ""
    status: str = ""


@dataclass(frozen=True)
class Message:
    name: str
    text: str = ""
    problem: Problem | None = None
    about: str = ""  # whom it is about, when that is not the page's own contact (e.g. a referrer's page)
    to: str = ""  # whom it goes to, when that is not the page's own contact (the referrer, from their introduction's page)
    warnings: tuple[LintWarning, ...] = ()  # where it strays from the guide (render/message_lint.py)

    @property
    def title(self) -> str:
        title = self.name.replace("-", " ").replace("_", " ").capitalize()
        if self.to:
            title = f"{title} to {self.to}"
        return f"{title} (about {self.about})" if self.about else title

    @property
    def anchor(self) -> str:
        return "hb-message-" + (slugify(f"{self.name} {self.about}") or "text")

    @property
    def subject(self) -> str:
        first = self.text.split("\n", 1)[0]
        return first[len("Subject:"):].strip() if first.startswith("Subject:") else ""


@dataclass
class Compiled:
    templates: dict[str, tuple[MessageTemplate, Template]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class _Sources(BaseLoader):
    def __init__(self, templates: tuple[MessageTemplate, ...]):
        self.by_path = {t.path: t for t in templates}

    def get_source(self, environment, template):
        if template not in self.by_path:
            raise TemplateNotFound(template)
        # The display path as the file name puts it in the line numbers of runtime errors.
        return self.by_path[template].source, template, lambda: True


def and_list(names: Iterable[str]) -> str:
    """["Ana", "Ben", "Cy"] -> "Ana, Ben and Cy": the `and_list` filter of the templates."""
    names = [str(n) for n in names]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _environment(templates: tuple[MessageTemplate, ...]) -> SandboxedEnvironment:
    # StrictUndefined turns a misspelt variable into a reported mistake instead of a silent gap;
    # `x is defined` still works for optional values.
    env = SandboxedEnvironment(loader=_Sources(templates), autoescape=False, undefined=StrictUndefined,
                               keep_trailing_newline=True)
    env.filters["and_list"] = and_list
    return env


def _ordered(names) -> list[str]:
    return sorted(names, key=lambda n: (LIFECYCLE.index(n) if n in LIFECYCLE else len(LIFECYCLE), n))


@lru_cache(maxsize=8)
def _compile(templates: tuple[MessageTemplate, ...]) -> Compiled:
    env = _environment(templates)
    compiled = Compiled()
    for template in templates:
        try:
            compiled.templates[template.name] = (template, env.get_template(template.path))
        except TemplateSyntaxError as exc:
            compiled.problems.append(Problem(template.path, exc.lineno or 1, "template", exc.message or str(exc),
                                             "fix the Jinja syntax on this line; " + HELP))
    return compiled


def compile_messages(handbook: Handbook) -> Compiled:
    return _compile(tuple(handbook.messages[name] for name in _ordered(handbook.messages)))


def date_text(day: dt.date, today: dt.date) -> str:
    """'Friday 2 October', with the year only when it is not this year."""
    text = f"{day:%A} {day.day} {day:%B}"
    return text if day.year == today.year else f"{text} {day.year}"


def meeting_for(handbook: Handbook, contact: Contact, today: dt.date) -> Meeting | None:
    """The meeting a template of the user's own is about: the latest one up to today, else the next
    one planned (the lifecycle messages take theirs from derive/message_moments.py)."""
    meetings = [m for m in handbook.meetings_with(contact.slug) if m.status != "cancelled"]
    past = [m for m in meetings if m.day <= today]
    if past:
        return past[-1]
    return meetings[0] if meetings else None


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")  # "Data", "Manager": lowered; "UX", "iOS", "McKinsey" kept


@lru_cache(maxsize=4096)  # filled in for every message of everyone, on every build
def role_in_a_sentence(role: str) -> str:
    """A job title as a sentence says it: "Data Analyst" -> "a data analyst", "UX Researcher" ->
    "a UX researcher", "Analytics Manager" -> "an analytics manager"."""
    words = _CAPITALISED.sub(lambda m: m.group().lower(), " ".join(role.split()))
    if not words:
        return ""
    first = words.split()[0]
    # The sound decides: "an analyst", "an SQL developer", but "a UX researcher", "a user researcher".
    spelt = first.isupper() and len(first) > 1
    vowel = first[0] in "AEFHILMNORSX" if spelt else first[0].lower() in "aeio"
    return f"{'an' if vowel else 'a'} {words}"


def message_values(handbook: Handbook, contact: Contact, today: dt.date, meeting: Meeting | None = None) -> dict:
    """The template variables for a contact; ``meeting`` picks the meeting instead of meeting_for()."""
    me = handbook.me
    referrer = handbook.referrer_of(contact)
    meeting = meeting or meeting_for(handbook, contact, today)
    referred = handbook.referred(contact.slug)
    return {
        "me": MePart(me.name, me.pitch) if me else MePart(NO_NAME),
        "contact": PersonPart.of(contact),
        "referrer": PersonPart.of(referrer) if referrer else None,
        "connection": connection(handbook, contact),
        "meeting": MeetingPart(meeting.day, date_text(meeting.day, today), meeting.kind, meeting.minutes,
                               meeting.goal, meeting.place, meeting.status) if meeting else None,
        "referrals": sorted(c.name for c in referred),
        # Those of them you have met: only these may be called "in touch".
        "referrals_met": sorted(c.name for c in referred if held(handbook, c, today)),
        "today": today,
    }


def _runtime_line(exc: BaseException, path: str) -> int:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
    return frames[-1].lineno or 1 if frames else 1


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    return "\n".join(lines) + "\n"


# Filled texts by (compiled template, values), kept between builds by `mkdocs serve` (see
# remember_between_builds): it fills every template for everyone on each rebuild, and after an
# edit nearly all of them are as before. The values are frozen. Only the last build's are kept.
_texts: dict[tuple, Message] = {}
_texts_before: dict[tuple, Message] = {}
# Likewise each person's messages, by slug, with what they were worked out from (_basis).
_people: dict[str, tuple[tuple, list[Message]]] = {}
_people_before: dict[str, tuple[tuple, list[Message]]] = {}
_remember = False


def remember_between_builds(enabled: bool = True) -> None:
    global _remember
    _remember = enabled
    for kept in (_texts, _texts_before, _people, _people_before):
        kept.clear()


def _next_build() -> None:
    """A new handbook: what the last build filled stays at hand; anything older goes."""
    global _texts, _texts_before, _people, _people_before
    _texts, _texts_before = {}, _texts
    _people, _people_before = {}, _people


def _fill(template: MessageTemplate, compiled: Template, values: dict) -> Message:
    if not _remember:
        return _render_message(template, compiled, values)
    key = (template, compiled, *((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(values.items())))
    if key not in _texts:
        found = _texts_before.get(key)
        _texts[key] = found if found is not None else _render_message(template, compiled, values)
    return _texts[key]


def connection_names(values: dict) -> tuple[str, ...]:
    """What the opening line of a first message should name, any one will do: the referrer, or the school."""
    referrer, link = values.get("referrer"), values.get("connection")
    if referrer is not None:
        return (referrer.name, referrer.first_name)
    return (link.school,) if isinstance(link, Connection) and link.school else ()


def _render_message(template: MessageTemplate, compiled: Template, values: dict) -> Message:
    try:
        text = _tidy(compiled.render(values))
    except Exception as exc:  # noqa: BLE001  (the user's template may fail in any way; report it, don't crash)
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        return Message(template.name, problem=Problem(template.path, _runtime_line(exc, template.path), "template",
                                                      message, HELP))
    return Message(template.name, text, warnings=tuple(lint(template.name, text, connection_names(values))))


# The current handbook's filled messages, by (contact, today): the build checks every template for
# everyone (message_problems) and then shows the same messages on the contact pages. They go with
# the handbook.
_filled: tuple[weakref.ref | None, dict] = (None, {})


def _forget(filled: dict) -> None:
    filled.clear()


def contact_messages(handbook: Handbook, contact: Contact, today: dt.date) -> list[Message]:
    """The templates that fit this contact today (derive/message_moments.py), filled in for them
    (or carrying their problem); templates of the user's own always fit."""
    global _filled
    owner, filled = _filled
    if owner is None or owner() is not handbook:
        _filled = owner, filled = weakref.ref(handbook), {}
        weakref.finalize(handbook, _forget, filled)
        if _remember:
            _next_build()
    key = (contact.slug, today)
    if key not in filled:
        filled[key] = _kept_fill_all(handbook, contact, today) if _remember else _fill_all(handbook, contact, today)
    return list(filled[key])


def _basis(handbook: Handbook, contact: Contact, today: dt.date) -> tuple:
    """All a person's messages are worked out from (records compared by identity first): the
    templates, you, them and their meetings, who introduced them, and whom they introduced, with
    those people's meetings (whether you met them, and whether you told them how it went)."""
    return (today, handbook.me, tuple(handbook.messages.items()), contact, tuple(handbook.meetings_with(contact.slug)),
            handbook.referrer_of(contact),
            *((person, tuple(handbook.meetings_with(person.slug))) for person in handbook.referred(contact.slug)))


def _kept_fill_all(handbook: Handbook, contact: Contact, today: dt.date) -> list[Message]:
    basis = _basis(handbook, contact, today)
    last = _people_before.get(contact.slug)
    messages = last[1] if last is not None and last[0] == basis else _fill_all(handbook, contact, today)
    _people[contact.slug] = (basis, messages)
    return messages


def _fill_all(handbook: Handbook, contact: Contact, today: dt.date) -> list[Message]:
    compiled = compile_messages(handbook)
    broken = {p.path: p for p in compiled.problems}
    fitting = moments(handbook, contact, today)
    messages = []
    for name in _ordered(handbook.messages):
        kind = lifecycle_name(name)
        if kind is not None and kind not in fitting:
            continue
        moment = fitting.get(kind)
        template = handbook.messages[name]
        to = moment.to.name if moment and moment.to else ""
        if template.path in broken:
            messages.append(Message(name, problem=broken[template.path], to=to))
            continue
        meeting = moment.meeting if moment and moment.meeting else None
        filled = _fill(template, compiled.templates[name][1], message_values(handbook, contact, today, meeting))
        messages.append(dataclasses.replace(filled, to=to))
    return messages


def page_messages(handbook: Handbook, contact: Contact, open_tasks: Iterable[AgendaItem],
                  today: dt.date) -> list[Message]:
    """What a contact's page offers: the templates that fit them now; then one thanks per open
    tell-referrer task of theirs (see loop_messages)."""
    return contact_messages(handbook, contact, today) + loop_messages(handbook, contact, open_tasks, today)


def loop_messages(handbook: Handbook, referrer: Contact, items: Iterable[AgendaItem], today: dt.date) -> list[Message]:
    """The referrer-thanks template for each open tell-referrer task of this referrer: written as if
    from the referred person's page, so it names them and the meeting the task is about."""
    if REFERRER_THANKS not in handbook.messages:
        return []
    compiled = compile_messages(handbook)
    template = handbook.messages[REFERRER_THANKS]
    broken = {p.path: p for p in compiled.problems}
    messages = []
    for item in items:
        if item.kind != "tell-referrer" or item.contacts[0] != referrer.slug:
            continue
        meeting = handbook.meetings[item.meeting]
        for person in referred_met(handbook, item):
            if template.path in broken:
                messages.append(Message(REFERRER_THANKS, problem=broken[template.path], about=person.name))
                continue
            values = message_values(handbook, person, today, meeting)
            filled = _fill(template, compiled.templates[REFERRER_THANKS][1], values)
            messages.append(dataclasses.replace(filled, about=person.name))
    return messages


def message_problems(handbook: Handbook, today: dt.date) -> list[Problem]:
    """Syntax errors, and errors that only some contacts' data triggers (each reported once)."""
    compiled = compile_messages(handbook)
    found: dict[tuple, Problem] = {(p.path, p.line, p.message): p for p in compiled.problems}
    for contact in sorted(handbook.contacts.values(), key=lambda c: c.slug):
        for message in contact_messages(handbook, contact, today):
            problem = message.problem
            if problem and (problem.path, problem.line, problem.message) not in found:
                found[(problem.path, problem.line, problem.message)] = Problem(
                    problem.path, problem.line, problem.field, problem.message,
                    f"for example when filled in for {contact.slug}; {HELP}")
    return sorted(found.values())


def message_warnings(handbook: Handbook, today: dt.date) -> list[Problem]:
    """The linter's warnings about the user's templates, at the template line that wrote the text;
    each rule once per line, with the first contact it was found for."""
    found: dict[tuple, Problem] = {}
    for contact in sorted(handbook.contacts.values(), key=lambda c: c.slug):
        for message in contact_messages(handbook, contact, today):
            template = handbook.messages[message.name]
            lines = message.text.split("\n")
            for warning in message.warnings:
                line = template_line(template.source, lines[warning.line - 1])
                found.setdefault((template.path, line, warning.rule), Problem(
                    template.path, line, warning.rule, warning.message,
                    f"found in the message for {contact.slug}, line {warning.line}; the guide's page "
                    "Asking for the meeting explains the rule", severity="warning"))
    return sorted(found.values())
