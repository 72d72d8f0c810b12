"""`handbook log SLUG TEXT`: add a touch to a person's `touches:` (an email, a call, their reply)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..model import PersonFields
from .app import ROOT_OPTION, app, find_root
from .edits import BAD_ARGUMENTS, DATE_HELP, DRY_RUN_OPTION, find_person, load, open_for_edit, day_option, write_edit
from .feedback import fail

TOUCHES_AFTER = ("stay_in_touch", "status", "tags", "how_we_met", "name")  # where a new `touches:` goes


@app.command("log")
def log(
    slug: str = typer.Argument(..., help="Who (their file name in contacts/people, without .md)."),
    text: str = typer.Argument(..., help='What happened, e.g. "sent the article on hospital analytics".'),
    via: str = typer.Option("", "--via", help="How: email, phone, linkedin, in-person..."),
    date: Optional[str] = typer.Option(None, "--date", help=DATE_HELP),
    outreach: bool = typer.Option(False, "--outreach", help="A request sent: a first message, or asking for a "
                                  "meeting. Starts the follow-up clock."),
    reply: bool = typer.Option(False, "--reply", help="They answered. Stops the follow-up clock."),
    dry_run: bool = DRY_RUN_OPTION,
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Log a touch in the person's file, and print the file and line.

    Example: handbook log jane-doe "asked for 20 minutes about the analyst team" --via email --outreach
    """
    if outreach and reply:
        fail("--outreach and --reply exclude each other", "a touch is a request you sent or their answer",
             code=BAD_ARGUMENTS)
    note = " ".join(text.split())
    if not note:
        fail("say what happened, e.g. \"sent the article\"", code=BAD_ARGUMENTS)
    loaded = load(find_root(root))
    day = day_option(date, loaded.today)
    contact = find_person(loaded, slug)
    edit = open_for_edit(loaded, contact.source.path)
    touch = {"date": day, **({"via": via.strip()} if via.strip() else {}), "note": note}
    kind = "outreach" if outreach else "reply" if reply else None
    if kind:
        touch["kind"] = kind

    def record(edit):
        count = len(edit.get("touches") or [])
        edit.append("touches", touch, after=TOUCHES_AFTER)
        what = {"outreach": "an outreach", "reply": "their reply"}.get(kind, "a touch")
        return ("touches", count), f"logged {what} on {day.isoformat()}"

    write_edit(edit, PersonFields, dry_run, record)
