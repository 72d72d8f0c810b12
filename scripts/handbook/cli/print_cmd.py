"""`handbook print`: a meeting's one-page prep sheet as a PDF, or every sheet for the week ahead."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..book import load_handbook
from ..derive.meeting_lookup import find_meetings, upcoming_meetings
from ..files import FileExists, create_file
from ..model import Meeting
from ..pipeline import today_from_env
from ..printing import PrintError, print_sheets
from ..problems import errors
from .app import ROOT_OPTION, app, contacts_dir, err, find_root
from .check import print_problems
from .feedback import fail, refuse_user_folder, say, shown


UPCOMING_DAYS = 7


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


def _label(meeting: Meeting, handbook) -> str:
    names = ", ".join(handbook.contacts[s].name for s in meeting.with_)
    status = "" if meeting.status == "planned" else f" [{meeting.status}]"
    return f"{meeting.slug}  ({names}, {meeting.kind}){status}"


def _pick_one(handbook, query: str, today) -> Meeting:
    found = find_meetings(handbook, query, today)
    if found.meeting is not None:
        return found.meeting
    if not found.matches:
        fail(f"unknown meeting '{query}'", found.hint or "give a file name from contacts/meetings, "
             "e.g. 2026-12-02-jane-doe, or a contact's slug", code=2)
    lines = "\n".join(f"  {_label(m, handbook)}" for m in found.matches)
    fail(f"'{query}' matches {len(found.matches)} meetings:\n{lines}", "type more of the file name", code=2)


def _output_path(output: Optional[Path], default_name: str, force: bool) -> Path:
    path = Path(output) if output else Path.cwd() / default_name
    if path.is_dir():
        path = path / default_name
    if path.suffix.lower() != ".pdf":  # --force must never be able to replace a note or a config file
        fail(f"{shown(path)} is not a .pdf file name", "end the name with .pdf, or give a folder", code=2)
    if path.exists() and not force:
        fail(f"{shown(path)} already exists; it was left as it is.",
             "pass --force to replace it, or choose another name with -o", code=1)
    return path


def _replace_file(path: Path, data: bytes) -> None:
    """Atomic replacement for --force: the old PDF stays whole until the new one is complete."""
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=f".{path.name}.") as staging:
        os.replace(create_file(Path(staging) / path.name, data), path)


def _write_pdf(path: Path, data: bytes, force: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        create_file(path, data)
    except FileExists:
        if not force:  # appeared while Chromium was printing: theirs wins
            fail(f"{shown(path)} appeared while printing; it was left as it is.", "run again with --force or -o")
        _replace_file(path, data)


def _pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


@app.command("print")
def print_command(
    meeting: Optional[str] = typer.Argument(
        None, show_default=False,
        help="The meeting: its file name (2026-12-02-jane-doe), a path to the file, the start of a file "
             "name, or a contact's slug (their next meeting)."),
    upcoming: bool = typer.Option(False, "--upcoming", help="Print every meeting of the next --days days into one PDF."),
    days: Optional[int] = typer.Option(None, "--days", min=0, max=366, show_default=False,
                                       help="How many days --upcoming looks ahead of today.  [default: 7]"),
    paper: Paper = typer.Option(Paper.a4, "--paper", case_sensitive=False, help="Paper size: a4 or letter."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="The PDF to write, or a folder for it. Default: the current folder."),
    force: bool = typer.Option(False, "--force", help="Replace the PDF if it already exists."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Print prep sheets to PDF with Chromium: one meeting, or all of the coming week.

    Examples:  handbook print 2026-12-02-jane-doe --paper letter

    handbook print jane-doe -o ~/Desktop      (Jane's next meeting)

    handbook print --upcoming                 (the next 7 days, one PDF)
    """
    if upcoming == (meeting is not None):
        fail("name one meeting, or use --upcoming for all of the coming days",
             "e.g. handbook print 2026-12-02-jane-doe, or handbook print --upcoming", code=2)
    if days is not None and not upcoming:
        fail("--days only goes with --upcoming", "e.g. handbook print --upcoming --days 14", code=2)
    root = find_root(root)
    handbook, problems = load_handbook(contacts_dir(root), root)
    if errors(problems):
        print_problems(errors(problems))
        fail(f"{len(errors(problems))} error(s) in your files stop the build", "fix them, then print again")
    today = today_from_env()
    if upcoming:
        days = UPCOMING_DAYS if days is None else days
        chosen = upcoming_meetings(handbook, today, days)
        if not chosen:
            say(f"No meetings from {today} to {today + dt.timedelta(days=days)}: nothing to print.")
            raise typer.Exit(0)
        name, title = f"prep-sheets-{today.isoformat()}.pdf", f"Prep sheets from {today.isoformat()}"
    else:
        chosen = [_pick_one(handbook, meeting, today)]
        name, title = f"{chosen[0].slug}.pdf", f"Prep sheet: {chosen[0].slug}"
    path = _output_path(output, name, force)
    refuse_user_folder(path, root)

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                  transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("Building the site", total=len(chosen) + 1)

        def step(done: str) -> None:  # the build counts as one step, then each sheet
            progress.update(task, advance=1, description="Printing prep sheets")

        try:
            data = print_sheets(root, [m.slug for m in chosen], paper.value, title, step)
        except PrintError as problem:
            failure = problem
        else:
            failure = None
    if failure is not None:
        fail("\n".join([failure.message, *(f"  {line}" for line in failure.details)]), "nothing was written")
    _write_pdf(path, data, force)
    say(f"Wrote {shown(path)}: {len(chosen)} prep sheet(s), {_pages(data)} page(s), {paper.value}.")
