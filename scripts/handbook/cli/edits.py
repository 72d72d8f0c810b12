"""What the commands that record what happened share: finding the file, refusing a file with
errors, and making the change through editing.py (round-trip, atomic, --dry-run shows the diff).

Exit codes: 0 done (or nothing to change), 1 refused (the file has errors, or the change cannot be
made exactly), 2 bad arguments (an unknown slug, an ambiguous meeting, a date that is no date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import typer

from ..book import MEETINGS_DIR, PEOPLE_DIR, Handbook, load_handbook, person_files
from ..derive.meeting_lookup import meetings_to_edit
from ..editing import Edit, EditRefused, open_frontmatter
from ..model import Contact, Meeting, parse_day
from .. import clock
from ..problems import Problem, did_you_mean, errors
from .app import contacts_dir, err
from .check import print_problems
from .feedback import fail, in_handbook, say, shown

REFUSED, BAD_ARGUMENTS = 1, 2
DRY_RUN_OPTION = typer.Option(False, "--dry-run", "-n", help="Show the change as a diff and write nothing.")
DATE_HELP = "The day it happened, e.g. 2026-11-23. Default: today."


@dataclass
class Loaded:
    root: Path
    handbook: Handbook
    problems: list[Problem]
    today: dt.date


def load(root: Path) -> Loaded:
    handbook, problems = load_handbook(contacts_dir(root), root)
    return Loaded(root, handbook, problems, clock.today())


def day_option(value: Optional[str], today: dt.date, option: str = "--date") -> dt.date:
    if value is None:
        return today
    try:
        return parse_day(value.strip())
    except ValueError as exc:
        fail(f"{option}: {exc}", "for example --date 2026-11-23", code=BAD_ARGUMENTS)


def _refuse_broken(loaded: Loaded, path: Path) -> None:
    """Stop when the file has errors: an edit must never touch a file that does not validate."""
    display = in_handbook(path, loaded.root)
    found = [p for p in errors(loaded.problems) if p.path == display]
    if found:
        print_problems(found)
        fail(f"{shown(path)} has {len(found)} error(s); it was left as it is.",
             "fix them first (handbook check lists them), then run the command again", code=REFUSED)


def find_person(loaded: Loaded, slug: str) -> Contact:
    slug = slug.strip().removesuffix(".md")
    files = person_files(contacts_dir(loaded.root) / PEOPLE_DIR)
    if slug in files and slug not in loaded.handbook.contacts:
        _refuse_broken(loaded, files[slug])
    if slug in loaded.handbook.contacts:
        return loaded.handbook.contacts[slug]
    starting = sorted(s for s in files if slug and s.startswith(slug))
    if len(starting) > 1:
        fail(f"'{slug}' could be {', '.join(starting[:6])}", "give the whole file name", code=BAD_ARGUMENTS)
    hint = did_you_mean(slug, files) or (f"did you mean '{starting[0]}'?" if starting else
                                         "use a file name from contacts/people, without .md")
    fail(f"unknown contact '{slug}'", hint, code=BAD_ARGUMENTS)


def find_meeting(loaded: Loaded, query: str) -> Meeting:
    """A meeting by its file name, or by a person with exactly one meeting on or before today."""
    lookup = meetings_to_edit(loaded.handbook, query, loaded.today)
    if lookup.meeting is not None:
        return lookup.meeting
    stem = Path(query.strip()).name.removesuffix(".md")
    path = contacts_dir(loaded.root) / MEETINGS_DIR / f"{stem}.md"
    if path.is_file():
        _refuse_broken(loaded, path)
    if lookup.matches:
        listed = "\n".join(f"  {m.slug}" for m in lookup.matches)
        fail(f"'{query}' has {len(lookup.matches)} meetings on or before today:\n{listed}",
             "give the meeting's file name", code=BAD_ARGUMENTS)
    fail(f"unknown meeting '{query}'", lookup.hint or "give a file name from contacts/meetings without .md, "
         "or the slug of a person with one meeting so far", code=BAD_ARGUMENTS)


def open_for_edit(loaded: Loaded, display: str) -> Edit:
    path = loaded.root / display
    _refuse_broken(loaded, path)
    try:
        return open_frontmatter(path, display)
    except EditRefused as refused:
        print_problems(refused.problems)
        fail(f"{shown(path)} was left as it is.", refused.problem.hint, code=REFUSED)


def write_edit(edit: Edit, model: type, dry_run: bool, done: Callable[[Edit], tuple[tuple, str]]) -> None:
    """Check, then show or save the edit; ``done`` names the key changed and says what was recorded."""
    path = shown(edit.path)
    try:
        problems = errors(edit.validate(model))
        if problems:
            print_problems(problems)
            fail(f"the change would make {path} invalid; it was left as it is.", code=REFUSED)
        key, what = done(edit)
        line = edit.new_line_of(key)
        if not edit.changed:
            say(f"{path}:{edit.line_of(key)}: {what} was already there; nothing to change.")
            raise typer.Exit(0)
        if dry_run:
            typer.echo(edit.diff(), nl=False)
            say(f"dry run, nothing written: {path}:{line}: {what}", style="dim", console=err)
            raise typer.Exit(0)
        edit.save()
    except EditRefused as refused:
        print_problems(refused.problems)
        fail(f"{path} was left as it is.", refused.problem.hint, code=REFUSED)
    say(f"{path}:{line}: {what}")
