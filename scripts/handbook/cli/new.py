"""`handbook new contact` and `handbook new meeting`: start a file from the command line, never overwrite one."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from slugify import slugify

from ..book import MEETINGS_DIR, PEOPLE_DIR, load_handbook, person_files
from ..derive.duplicates import duplicate_groups
from ..files import FileExists, create_file, first_free
from ..model import MEETING_KINDS, STATUSES, MeetingFields, PersonFields, parse_when
from ..pipeline import today_from_env
from ..problems import did_you_mean
from ..writing import check_fields, meeting_text, person_text
from .app import ROOT_OPTION, app, contacts_dir, find_root
from .check import print_problems
from .feedback import fail, note, open_in_editor, require_editor, say, shown

new_app = typer.Typer(help="Start a new contact or meeting file. Existing files are never touched.",
                      no_args_is_help=True, rich_markup_mode="rich")
app.add_typer(new_app, name="new")

Kind = Enum("Kind", {k.replace("-", "_"): k for k in MEETING_KINDS}, type=str)
Status = Enum("Status", {s.replace("-", "_"): s for s in STATUSES}, type=str)
DEFAULT_TIME = dt.time(9, 0)
EDIT_OPTION = typer.Option(False, "--edit", "-e", help="Open the new file in $VISUAL or $EDITOR.")


def _slug_option(value: Optional[str], what: str) -> Optional[str]:
    if value is not None and slugify(value) != value:
        fail(f"--slug '{value}' is not a valid {what}: use lowercase letters, digits and dashes",
             f"for example --slug {slugify(value) or 'jane-doe-2'}")
    return value


def _known_person(slug: str, people: dict[str, Path], option: str) -> None:
    if slug not in people:
        fail(f"{option}: unknown contact '{slug}'",
             did_you_mean(slug, people) or "use a file name from contacts/people, without .md")


def _write(path: Path, text: str, retry_hint: str) -> None:
    try:
        create_file(path, text)
    except FileExists:
        fail(f"{shown(path)} already exists; it was left as it is.", retry_hint)


def _split_tags(tags: Optional[str]) -> list[str]:
    return [t.strip() for t in (tags or "").split(",") if t.strip()]


@new_app.command("contact")
def new_contact(
    name: str = typer.Argument(..., help='The full name, e.g. "Jane Doe". The file name is made from it.'),
    greeting: str = typer.Option("", help='How messages address them, e.g. "Dr. Okafor" (default: the first name).'),
    company: str = typer.Option("", help="Where they work."),
    role: str = typer.Option("", help="Their job title."),
    location: str = typer.Option("", help="City or region."),
    email: str = typer.Option("", help="Email address (private)."),
    phone: str = typer.Option("", help="Phone number (private)."),
    linkedin: str = typer.Option("", help="LinkedIn profile URL."),
    tags: Optional[str] = typer.Option(None, help="Comma-separated tags, e.g. healthcare,analytics."),
    referred_by: Optional[str] = typer.Option(None, "--referred-by", help="Slug of the person who introduced you."),
    how_we_met: str = typer.Option("", "--how-we-met", help="e.g. 'alumni search' or 'Introduced by Sam'."),
    status: Status = typer.Option(Status("prospect"), help="Where things stand with them."),
    slug: Optional[str] = typer.Option(None, help="File name without .md (default: made from the name)."),
    edit: bool = EDIT_OPTION,
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Create contacts/people/<slug>.md and print its path.

    Example: handbook new contact "Jane Doe" --company "Acme Health" --referred-by sam-lee
    """
    editor = require_editor() if edit else None
    root = find_root(root)
    people_dir = contacts_dir(root) / PEOPLE_DIR
    name = " ".join(name.split())
    slug = _slug_option(slug, "file name") or slugify(name)
    if not slugify(name):
        fail(f"'{name}' has no letters or digits to make a file name from", 'give a name like "Jane Doe"')
    people = person_files(people_dir)
    if slug in people:
        fail(f"{shown(people[slug])} already exists; it was left as it is.",
             f"if this is someone else, run the command again with --slug {first_free(people_dir, slug, set(people))}")
    if referred_by:
        if referred_by == slug:
            fail("--referred-by: a person cannot refer themselves", "use the slug of the person who introduced you")
        _known_person(referred_by, people, "--referred-by")
    fields = {"name": name, "greeting": greeting, "company": company, "role": role, "location": location,
              "email": email, "phone": phone, "linkedin": linkedin, "referred_by": referred_by, "how_we_met": how_we_met,
              "tags": _split_tags(tags), "status": status.value, "added": today_from_env()}
    fields = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    path = people_dir / f"{slug}.md"
    problems = check_fields(fields, PersonFields, shown(path))
    if problems:
        print_problems(problems)
        fail("nothing was written", "fix the values above and run the command again")
    _write(path, person_text(fields), f"pick another name with --slug {first_free(people_dir, slug)}")
    say(shown(path))
    _mention_duplicates(root, slug)
    if editor:
        open_in_editor(editor, path)


def _mention_duplicates(root: Path, slug: str) -> None:
    handbook, _ = load_handbook(contacts_dir(root), root)
    for _, label, group in duplicate_groups(handbook):
        others = [c.source.path for c in group if c.slug != slug]
        if len(others) < len(group):
            note(f"{', '.join(others)} has the same {label}; if it is the same person, merge the files")


def _when(value: Optional[str], today: dt.date) -> dt.datetime | dt.date:
    if value is None:
        return dt.datetime.combine(today + dt.timedelta(days=1), DEFAULT_TIME)
    try:
        return parse_when(value.strip())
    except ValueError as exc:
        fail(f"--date: {exc}", "for example --date 2026-12-02T09:30, --date '2026-12-02 09:30' or --date 2026-12-02")


@new_app.command("meeting")
def new_meeting(
    slug: str = typer.Argument(..., help="The contact you are meeting (their file name without .md)."),
    with_: list[str] = typer.Option([], "--with", help="Someone else at the meeting; repeat for more people."),
    date: Optional[str] = typer.Option(None, help="2026-12-02T09:30, '2026-12-02 09:30' or 2026-12-02. "
                                                  "Default: tomorrow at 09:00."),
    kind: Kind = typer.Option(Kind("coffee"), help="How you meet."),
    minutes: int = typer.Option(30, min=5, max=600, help="How long you asked for."),
    place: str = typer.Option("", help="Where, e.g. a cafe or a video link."),
    goal: str = typer.Option("", help="What you most want to learn."),
    file_slug: Optional[str] = typer.Option(None, "--slug", help="File name without .md (default: <date>-<contact>)."),
    edit: bool = EDIT_OPTION,
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Create contacts/meetings/<date>-<slug>.md with the default questions, and print its path.

    Example: handbook new meeting jane-doe --date 2026-12-02T09:30 --kind video --goal "How she got started"
    """
    editor = require_editor() if edit else None
    root = find_root(root)
    when = _when(date, today_from_env())
    _slug_option(file_slug, "file name")
    handbook, _ = load_handbook(contacts_dir(root), root)
    people_files = person_files(contacts_dir(root) / PEOPLE_DIR)
    attendees = list(dict.fromkeys(s.strip() for s in [slug, *with_] if s.strip()))
    for index, person in enumerate(attendees):
        _known_person(person, people_files, "--with" if index else "contact")
    meetings_dir = contacts_dir(root) / MEETINGS_DIR
    day = when.date() if isinstance(when, dt.datetime) else when
    stem = file_slug or f"{day.isoformat()}-{attendees[0]}"
    path = meetings_dir / f"{stem}.md"
    retry = f"for a second meeting that day, run the command again with --slug {first_free(meetings_dir, stem)}"
    if path.exists():
        fail(f"{shown(path)} already exists; it was left as it is.", retry)
    fields = {"date": when, "with": attendees, "kind": kind.value, "place": place.strip(), "minutes": minutes,
              "goal": goal.strip(), "status": "planned"}
    problems = check_fields(fields, MeetingFields, shown(path))
    if problems:
        print_problems(problems)
        fail("nothing was written", "fix the values above and run the command again")
    questions = [handbook.bank.questions[q] for q in handbook.bank.default_ids()]
    _write(path, meeting_text(fields, questions), retry)
    say(shown(path))
    if editor:
        open_in_editor(editor, path)
