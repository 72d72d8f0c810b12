"""`handbook import linkedin` and `handbook import vcard`: add the network you already have, safely.

Importing twice creates nothing the second time: people are matched by LinkedIn URL, then email,
then file name, and an existing file is never opened for writing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..book import PEOPLE_DIR, load_handbook, person_files
from ..files import FileExists, create_file, first_free
from ..importers.linkedin import read_linkedin
from ..importers.plan import CONFLICT, CREATE, SKIP, THERE, Draft, Outcome, plan_import
from ..importers.vcard import read_vcards
from ..pipeline import today_from_env
from ..problems import Problem, errors
from ..writing import person_text
from .app import ROOT_OPTION, app, contacts_dir, err, find_root
from .check import print_problems
from .feedback import fail, in_handbook, say, shown

import_app = typer.Typer(help="Add people from a LinkedIn export or a vCard file. Existing files are never changed.",
                         no_args_is_help=True, rich_markup_mode="rich")
app.add_typer(import_app, name="import")

PROGRESS_FROM = 200  # rows; smaller imports finish before a bar would be worth drawing
FILE_ARGUMENT = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="The file to import.")
DRY_RUN = typer.Option(False, "--dry-run", "-n", help="Show what would happen and write nothing.")

Reader = Callable[[Path, str], tuple[list[Draft], list[Problem]]]


def _write_all(outcomes: list[Outcome], people_dir: Path) -> None:
    to_create = [o for o in outcomes if o.action == CREATE]
    added = today_from_env()  # the "reach out" nudge counts from the day someone came in
    with Progress(TextColumn("Creating people"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                  disable=len(to_create) < PROGRESS_FROM or not err.is_terminal) as progress:
        task = progress.add_task("create", total=len(to_create))
        for outcome in to_create:
            try:
                create_file(people_dir / f"{outcome.slug}.md",
                            person_text({**outcome.draft.fields, "added": added}, outcome.draft.notes))
            except FileExists:  # appeared while we were working: theirs wins
                outcome.action, outcome.reason = THERE, "created meanwhile"
            progress.advance(task)


def _describe(outcome: Outcome, people_dir: Path, root: Path, dry_run: bool) -> str:
    draft, path = outcome.draft, in_handbook(people_dir / f"{outcome.slug}.md", root)
    if outcome.action == CREATE:
        return f"{'would create' if dry_run else 'created'} {path}  ({draft.name})"
    if outcome.action == THERE:
        return f"already there: {draft.name} is {path} ({outcome.reason})"
    if outcome.action == CONFLICT:
        return (f"conflicting: {draft.where}: {draft.name}: {path} has this name but {outcome.reason}; "
                f"if they are two people, add this one with: handbook new contact --slug {first_free(people_dir, outcome.slug)} ...")
    return f"skipped: {draft.where}: {outcome.reason}"


def _run(reader: Reader, source: Path, root: Optional[Path], dry_run: bool) -> None:
    root = find_root(root)
    people_dir = contacts_dir(root) / PEOPLE_DIR
    drafts, problems = reader(source, shown(source))
    if errors(problems):
        print_problems(problems)
        fail(f"nothing was imported from {shown(source)}")
    print_problems(problems)
    handbook, _ = load_handbook(contacts_dir(root), root)
    outcomes = plan_import(drafts, handbook, person_files(people_dir))
    if not dry_run:
        _write_all(outcomes, people_dir)
    for outcome in outcomes:
        # A real run lists only what needs the user's eyes; a dry run lists everything.
        if dry_run or outcome.action in (CONFLICT, SKIP):
            colour = {CREATE: "green", THERE: "dim", CONFLICT: "yellow", SKIP: "yellow"}[outcome.action]
            say(_describe(outcome, people_dir, root, dry_run), style=colour)
    counts = {action: sum(o.action == action for o in outcomes) for action in (CREATE, THERE, CONFLICT, SKIP)}
    verb = "would create" if dry_run else "created"
    say(f"{verb} {counts[CREATE]} · already there {counts[THERE]} · conflicting {counts[CONFLICT]}"
        f" · skipped {counts[SKIP]}" + ("  (dry run: nothing was written)" if dry_run else ""))


@import_app.command("linkedin")
def import_linkedin(source: Path = FILE_ARGUMENT, dry_run: bool = DRY_RUN, root: Optional[Path] = ROOT_OPTION) -> None:
    """Import LinkedIn's Connections.csv: one prospect per connection, how_we_met: LinkedIn.

    Example: handbook import linkedin ~/Downloads/Connections.csv --dry-run
    """
    _run(read_linkedin, source, root, dry_run)


@import_app.command("vcard")
def import_vcard(source: Path = FILE_ARGUMENT, dry_run: bool = DRY_RUN, root: Optional[Path] = ROOT_OPTION) -> None:
    """Import a .vcf file from a phone or address book: name, email, phone, company, title, LinkedIn, notes.

    Example: handbook import vcard contacts.vcf
    """
    _run(read_vcards, source, root, dry_run)
