"""The Handbook: every valid contact, meeting, company and question, with references resolved.

``load_handbook`` is the single entry point that the MkDocs build, ``handbook check`` and the
importers share, so they always agree on what is valid.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from slugify import slugify

from .limits import size_problems
from .loading import Document, read_document
from .me import ME_FILE, Me, load_me
from .message_templates import MESSAGES_DIR, MessageTemplate, read_message_templates
from .identity import organisation_slug
from .model import Company, CompanyFields, Contact, Meeting, MeetingFields, PersonFields, Source, parse_day
from .problems import Problem, did_you_mean, errors
from .questions import BUILTIN_BANK, QuestionBank, load_bank
from .read_cache import ReadCache
from .validation import validate

PEOPLE_DIR = "people"
MEETINGS_DIR = "meetings"
COMPANIES_DIR = "companies"
RECORD_DIRS = (PEOPLE_DIR, MEETINGS_DIR, COMPANIES_DIR)  # the folders of *.md files the build reads
USER_BANK = "questions.yml"
MINUTES_PER_QUESTION = 3


@dataclass(frozen=True)
class BrokenFile:
    """A person or meeting file left out for its errors. `mkdocs serve` keeps a page at its address
    that lists them, so a mistake never turns a page into a silent 404."""

    kind: str  # PEOPLE_DIR or MEETINGS_DIR
    slug: str
    path: str  # as problems show it
    problems: tuple[Problem, ...]  # its errors; for a meeting whose people's files are broken, theirs
    day: dt.date | None = None  # a meeting's day, from its date or its file name: it stays on the calendar


@dataclass
class Handbook:
    contacts: dict[str, Contact] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)  # ordered by date, then slug
    bank: QuestionBank = field(default_factory=QuestionBank)
    meetings_by_contact: dict[str, list[Meeting]] = field(default_factory=dict)  # oldest first
    referrals_by_contact: dict[str, list[Contact]] = field(default_factory=dict)  # whom each referred
    me: Me | None = None  # contacts/me.yml, for signing messages
    messages: dict[str, MessageTemplate] = field(default_factory=dict)  # contacts/messages/*.j2
    companies: dict[str, Company] = field(default_factory=dict)  # contacts/companies/*.md, by organisation slug
    broken: list[BrokenFile] = field(default_factory=list)  # files left out for their errors

    def index(self) -> "Handbook":
        """Build the lookup tables once, so no page scans every meeting."""
        by_contact: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in self.meetings.values():
            for slug in meeting.with_:
                by_contact[slug].append(meeting)
        self.meetings_by_contact = dict(by_contact)
        referred: dict[str, list[Contact]] = defaultdict(list)
        for contact in self.contacts.values():
            if contact.referred_by:
                referred[contact.referred_by].append(contact)
        self.referrals_by_contact = dict(referred)
        return self

    def meetings_with(self, slug: str) -> list[Meeting]:
        return self.meetings_by_contact.get(slug, [])

    def referred(self, slug: str) -> list[Contact]:
        return self.referrals_by_contact.get(slug, [])

    def referrer_of(self, contact: Contact) -> Contact | None:
        return self.contacts.get(contact.referred_by or "")


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _kept_aside(path: Path) -> bool:
    return _aside(path.name)


def _aside(name: str) -> bool:
    # Names starting with '.' or '_' are the user's way to keep a file out; '~' ends an editor's backup.
    return name.startswith((".", "_")) or name.endswith("~")


def _entries(folder: Path) -> list[os.DirEntry]:
    """A folder's entries by name; none when it is missing. scandir knows a regular file from its
    directory entry: no stat() per file, thousands of them a build."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _is_record_file(entry: os.DirEntry) -> bool:
    return entry.name.endswith(".md") and entry.is_file()


def _markdown_files(folder: Path) -> list[Path]:
    return [Path(e.path) for e in _entries(folder) if _is_record_file(e) and not _aside(e.name)]


@lru_cache(maxsize=65536)
def file_slug(stem: str) -> str:
    """The slug of a file name: every build asks it of every file, and file names rarely change."""
    return slugify(stem)


def _is_markdown(path: Path) -> bool:
    return path.suffix.lower() in (".md", ".markdown")


def _other_entries(folder: Path) -> list[Path]:
    """What a record folder holds besides its *.md files and what is kept aside."""
    return [Path(e.path) for e in _entries(folder) if not _aside(e.name) and not _is_record_file(e)]


def _unread_files(contacts_dir: Path, root: Path) -> list[Problem]:
    """Warnings for files a user would expect to be read, but that the build passes over."""
    def unread(path: Path, why: str, hint: str) -> Problem:
        return Problem(_display(path, root), 1, "file", f"is not read: {why}", hint, severity="warning")

    found = [unread(path, f"the build reads contacts/{PEOPLE_DIR}/*.md, contacts/{MEETINGS_DIR}/*.md "
                          f"and contacts/{COMPANIES_DIR}/*.md",
                    "move it into one of those folders")
             for path in sorted(contacts_dir.glob("*")) if path.is_file() and _is_markdown(path) and not _kept_aside(path)]
    for name in RECORD_DIRS:
        folder = contacts_dir / name
        for path in _other_entries(folder):
            if path.is_file():
                found.append(unread(path, "the build reads only names ending in '.md', in lower case",
                                    f"rename it to {path.stem}.md, or start its name with '_' to keep it aside"))
            elif path.is_dir():
                found += [unread(inner, f"the build reads contacts/{name}/*.md, not the folders inside it",
                                 f"move it into contacts/{name}/, or start the folder's name with '_' to keep it aside")
                          for inner in sorted(path.rglob("*")) if inner.is_file() and _is_markdown(inner)]
    return found


def person_files(people_dir: Path) -> dict[str, Path]:
    """The slug every person file claims, valid or not: what a new file must not collide with."""
    files: dict[str, Path] = {}
    for path in _markdown_files(people_dir) if people_dir.is_dir() else []:
        files.setdefault(slugify(path.stem), path)
    files.pop("", None)
    return files


def _source(doc: Document) -> Source:
    return Source(path=doc.path, lines=doc.lines)


def _parse_fields(path: Path, display: str, model) -> tuple[Document | None, object, tuple[Problem, ...]]:
    """Read and validate one file: (document or None, fields or None, its problems)."""
    doc, found = read_document(path, display)
    if doc is None:
        return None, None, tuple(found)
    found = [*found, *size_problems(doc)]
    fields, invalid = validate(doc, model)
    return doc, fields, (*found, *invalid)


def _read_fields(path: Path, display: str, model, problems: list[Problem], cache: ReadCache | None = None):
    """Read and validate one file: (document or None, fields or None), problems appended."""
    parse = partial(_parse_fields, path, display, model)
    doc, fields, found = cache.read(path, (display, model.__name__), parse) if cache else parse()
    problems += found
    return doc, fields


def _parse_record(path: Path, display: str, model, make) -> tuple[Document | None, object, tuple[Problem, ...]]:
    doc, fields, found = _parse_fields(path, display, model)
    if fields is None:
        return doc, None, found
    record, more = make(doc, fields)
    return doc, record, (*found, *more)


def _read_record(path: Path, display: str, model, slug: str, make, problems: list[Problem],
                 cache: ReadCache | None):
    """Read, validate and make one file's record: (document or None, record or None), problems
    appended. With a cache, an unchanged file gives last build's very record."""
    parse = partial(_parse_record, path, display, model, partial(make, slug))
    doc, record, found = cache.read(path, (display, model.__name__, slug), parse) if cache else parse()
    problems += found
    return doc, record


def _person(slug: str, doc: Document, fields: PersonFields) -> tuple[Contact | None, tuple[Problem, ...]]:
    if not slugify(fields.name):
        return None, (Problem(doc.path, doc.line_of(("name",)), "name",
                              f"'{fields.name}' has no letters or digits to make a page address from",
                              "write the name with at least one letter"),)
    return Contact.model_construct(**dict(fields), slug=slug, notes=doc.body, source=_source(doc)), ()


def _meeting(slug: str, doc: Document, fields: MeetingFields) -> tuple[Meeting, tuple[Problem, ...]]:
    return Meeting.model_construct(**dict(fields), slug=slug, notes=doc.body, source=_source(doc)), ()


def _duplicate_slug(display: str, slug: str, owner: str) -> Problem:
    return Problem(display, 1, "file", f"duplicate slug '{slug}': {owner} has it too",
                   f"rename this file, e.g. to {slug}-2.md")


def _read_people(folder: Path, root: Path, problems: list[Problem],
                 cache: ReadCache | None = None) -> tuple[dict[str, Contact], dict[str, str]]:
    contacts: dict[str, Contact] = {}
    owners: dict[str, str] = {}  # slug -> file, including files that failed validation
    base = _display(folder, root)
    for path in _markdown_files(folder):
        display = f"{base}/{path.name}"
        slug = file_slug(path.stem)
        if not slug:
            problems.append(Problem(display, 1, "file", f"the file name '{path.name}' gives an empty slug",
                                    "rename it to the person's name, e.g. jane-doe.md"))
            continue
        if slug in owners:
            problems.append(_duplicate_slug(display, slug, owners[slug]))
            continue
        owners[slug] = display
        _, contact = _read_record(path, display, PersonFields, slug, _person, problems, cache)
        if contact is not None:
            contacts[slug] = contact
    return contacts, owners


def _read_companies(folder: Path, root: Path, problems: list[Problem],
                    cache: ReadCache | None = None) -> dict[str, Company]:
    """The optional company files, keyed like the organisations people name: by the slug of `name`."""
    companies: dict[str, Company] = {}
    for path in _markdown_files(folder) if folder.is_dir() else []:
        display = _display(path, root)
        doc, fields = _read_fields(path, display, CompanyFields, problems, cache)
        if fields is None:
            continue
        slug = organisation_slug(fields.name)
        line = doc.line_of(("name",))
        if not slug:
            problems.append(Problem(display, line, "name", f"'{fields.name}' is not an organisation's name"
                                    if slugify(fields.name or "") else f"'{fields.name}' has no letters or digits"
                                    " to make a page address from", "write the company's name with at least one letter"))
        elif slug in companies:
            problems.append(Problem(display, line, "name", f"'{fields.name}' is already described in "
                                    f"{companies[slug].source.path}", "keep one file per company: merge the two"))
        else:
            companies[slug] = Company.model_construct(**dict(fields), slug=slug, notes=doc.body, source=_source(doc))
    return companies


def _read_meetings(folder: Path, root: Path, problems: list[Problem], cache: ReadCache | None = None
                   ) -> tuple[list[tuple[Meeting | None, Document]], dict[str, tuple[str, Document | None]]]:
    """Every readable meeting file, with its record or None when its fields are invalid; and every
    meeting file by slug, readable or not."""
    meetings = []
    owners: dict[str, tuple[str, Document | None]] = {}  # slug -> file: two files must never become one page
    base = _display(folder, root)
    for path in _markdown_files(folder):
        display = f"{base}/{path.name}"
        slug = file_slug(path.stem) or "meeting"
        if slug in owners:
            problems.append(_duplicate_slug(display, slug, owners[slug][0]))
            continue
        doc, meeting = _read_record(path, display, MeetingFields, slug, _meeting, problems, cache)
        owners[slug] = (display, doc)
        if doc is not None:
            meetings.append((meeting, doc))
    return meetings, owners


def _text_list(value) -> list[str]:
    """The strings in a raw list field, so references are checked even when other fields are invalid."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return [item for item in items if isinstance(item, str)]


def _check_referrals(contacts: dict[str, Contact], owners: dict[str, str], problems: list[Problem]) -> None:
    for contact in contacts.values():
        ref = contact.referred_by
        if not ref:
            continue
        line = contact.source.line_of("referred_by")
        if ref == contact.slug:
            problems.append(Problem(contact.source.path, line, "referred_by", "a person cannot refer themselves",
                                    "use the slug of the person who introduced you"))
        elif ref not in owners:
            problems.append(Problem(contact.source.path, line, "referred_by", f"unknown contact '{ref}'",
                                    did_you_mean(ref, owners) or "use a file name from contacts/people without .md"))
    # A referral chain that loops back on itself cannot be drawn as a tree.
    reported: set[str] = set()
    for start in contacts:
        seen: list[str] = []
        slug = start
        while slug in contacts and slug not in seen:
            seen.append(slug)
            slug = contacts[slug].referred_by or ""
        if slug in seen and slug == start and start not in reported and contacts[start].referred_by != start:
            loop = seen[seen.index(slug):]
            reported.update(loop)
            first = contacts[min(loop)]
            problems.append(Problem(first.source.path, first.source.line_of("referred_by"), "referred_by",
                                    "referral cycle: " + " -> ".join(sorted_cycle(loop)),
                                    "someone in this loop must have been referred by someone else"))


def sorted_cycle(loop: list[str]) -> list[str]:
    start = loop.index(min(loop))
    ordered = loop[start:] + loop[:start]
    return ordered + [ordered[0]]


def _check_meetings(meetings: list[tuple[Meeting | None, Document]], owners: dict[str, str], bank: QuestionBank,
                    problems: list[Problem], cache: ReadCache | None = None) -> list[Meeting]:
    valid = []
    for meeting, doc in meetings:
        check = partial(_check_meeting, meeting, doc, owners, bank)
        # With a cache, an unchanged file whose people all still have a file is checked as before.
        # (An unknown person's hint names the closest file there is now: that one is checked anew.)
        known = cache is not None and all(slug in owners for slug in _text_list(doc.meta.get("with")))
        checked, found = cache.derived(("meeting", doc.path), (meeting, doc, bank), check) if known else check()
        problems += found
        if checked is not None:
            valid.append(checked)
    return valid


def _check_meeting(meeting: Meeting | None, doc: Document, owners: dict[str, str],
                   bank: QuestionBank) -> tuple[Meeting | None, list[Problem]]:
    """The meeting with its questions resolved, or None when it names unknown people or questions."""
    problems: list[Problem] = []
    ok = meeting is not None
    for index, slug in enumerate(_text_list(doc.meta.get("with"))):
        if slug not in owners:
            ok = False
            problems.append(Problem(doc.path, doc.line_of(("with", index)), "with", f"unknown contact '{slug}'",
                                    did_you_mean(slug, owners) or "use a file name from contacts/people without .md"))
    picks = _text_list(doc.meta["questions"]) if doc.meta.get("questions") is not None else None
    ids, unknown = bank.resolve(picks)
    for index, message, hint in unknown:
        ok = False
        problems.append(Problem(doc.path, doc.line_of(("questions", index)), "questions", message, hint))
    # `asked:` records what was really asked, so it names bank questions just like `questions:`.
    for index, message, hint in bank.resolve(_text_list(doc.meta.get("asked")))[1]:
        ok = False
        problems.append(Problem(doc.path, doc.line_of(("asked", index)), "asked", message, hint))
    if not ok:
        return None, problems
    meeting = meeting.model_copy(update={"question_ids": ids})
    if len(ids) * MINUTES_PER_QUESTION > meeting.minutes:
        problems.append(Problem(doc.path, doc.line_of(("questions",)), "questions",
                                f"{len(ids)} questions will not fit in {meeting.minutes} minutes",
                                f"allow about {MINUTES_PER_QUESTION} minutes a question: pick "
                                f"{max(meeting.minutes // MINUTES_PER_QUESTION, 1)} or fewer, or ask for more time",
                                severity="warning"))
    return meeting, problems


_DAY_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _meeting_day(slug: str, doc: Document | None) -> dt.date | None:
    """The day of a meeting whose file has errors: its `date:` if that reads, else its file name's."""
    named = _DAY_PREFIX.match(slug)
    for value in (doc.meta.get("date") if doc is not None else None, named.group(1) if named else None):
        try:
            return parse_day(value)
        except (ValueError, TypeError):
            continue
    return None


def _broken_files(contacts: dict[str, Contact], people: dict[str, str], meetings: set[str],
                  meeting_files: dict[str, tuple[str, Document | None]], problems: list[Problem]) -> list[BrokenFile]:
    """Every person and meeting file that is not in the Handbook, with the errors that kept it out."""
    by_path: dict[str, list[Problem]] = defaultdict(list)
    for problem in errors(problems):
        by_path[problem.path].append(problem)
    broken = [BrokenFile(PEOPLE_DIR, slug, path, tuple(by_path[path]))
              for slug, path in sorted(people.items()) if slug not in contacts]
    for slug, (path, doc) in sorted(meeting_files.items()):
        if slug in meetings:
            continue
        found = by_path[path]
        if not found and doc is not None:  # valid itself, but with someone whose file is broken
            found = [p for other in _text_list(doc.meta.get("with")) for p in by_path[people.get(other, "")]]
        broken.append(BrokenFile(MEETINGS_DIR, slug, path, tuple(found), _meeting_day(slug, doc)))
    return broken


def load_handbook(contacts_dir: Path, root: Path | None = None,
                  cache: ReadCache | None = None) -> tuple[Handbook, list[Problem]]:
    """Read contacts/ into a Handbook. Never raises for bad user data: problems are returned.
    With a ``cache`` (kept across `mkdocs serve` rebuilds) only changed files are read again."""
    root = root or contacts_dir.parent
    problems: list[Problem] = []
    bank_files = [(BUILTIN_BANK, "handbook/data/questions.yml")]
    if (contacts_dir / USER_BANK).is_file():
        bank_files.append((contacts_dir / USER_BANK, _display(contacts_dir / USER_BANK, root)))
    bank, found = load_bank(bank_files)
    bank = cache.same("bank", bank) if cache else bank
    problems += found
    problems += _unread_files(contacts_dir, root)
    contacts, owners = _read_people(contacts_dir / PEOPLE_DIR, root, problems, cache)
    _check_referrals(contacts, owners, problems)
    read, meeting_files = _read_meetings(contacts_dir / MEETINGS_DIR, root, problems, cache)
    meetings = _check_meetings(read, owners, bank, problems, cache)
    # Meetings with someone whose file is broken stay out, so pages never link to a missing contact.
    meetings = [m for m in meetings if all(s in contacts for s in m.with_)]
    meetings.sort(key=lambda m: (m.start, m.slug))
    broken = _broken_files(contacts, owners, {m.slug for m in meetings}, meeting_files, problems)
    me, found = load_me(contacts_dir / ME_FILE, _display(contacts_dir / ME_FILE, root))
    problems += found
    messages, found = read_message_templates(contacts_dir / MESSAGES_DIR, root)
    problems += found
    companies = _read_companies(contacts_dir / COMPANIES_DIR, root, problems, cache)
    handbook = Handbook(contacts=contacts, meetings={m.slug: m for m in meetings}, bank=bank, me=me,
                        messages=messages, companies=companies, broken=broken)
    return handbook.index(), sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message))
