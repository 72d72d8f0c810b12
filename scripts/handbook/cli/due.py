"""`handbook due`: what is overdue or coming up, most urgent first, with the file to edit."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Optional

import typer

from ..derive.agenda import WEEK, AgendaItem, agenda, by_urgency, names
from ..pipeline import today_from_env
from ..render.environment import human_date
from .app import ROOT_OPTION, app, find_root, out
from .check import Format
from .feedback import load_readable

_HEADINGS = {"overdue": "Overdue", "week": "Coming up"}


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def when(item: AgendaItem, today: dt.date) -> str:
    """How urgent an item is, in words: 'overdue by 3 days', 'due, late in 5 days', 'today', 'in 2 days'."""
    if item.deadline < today:
        return f"overdue by {_days((today - item.deadline).days)}"
    if item.date < today:
        left = (item.deadline - today).days
        return f"due, late in {_days(left)}" if left else "due, late after today"
    ahead = (item.date - today).days
    return {0: "today", 1: "tomorrow"}.get(ahead, f"in {_days(ahead)}")


def _where(root: Path, item: AgendaItem) -> str:
    # Relative to the current folder when possible, so it can be pasted into an editor command.
    path = root / item.path
    inside = path.resolve().is_relative_to(Path.cwd().resolve())
    return f"{os.path.relpath(path) if inside else path}:{item.line}"


def _print_item(item: AgendaItem, today: dt.date, root: Path, handbook) -> None:
    colour = "red" if item.deadline < today else "yellow" if item.date <= today else "cyan"
    out.print(f"  [{colour}]{when(item, today):<22}[/] {human_date(item.start or item.date):<24} ", end="")
    who = names(handbook, item.contacts)
    # User text is printed literally: never read as rich markup, never wrapped mid-path.
    title = f"{item.label}: {item.title}" + ("" if who in item.title else f" ({who})")
    out.print(title, markup=False, soft_wrap=True)
    out.print(f"  {'':<22} {_where(root, item)}", style="dim", markup=False, soft_wrap=True)


def item_json(item: AgendaItem, today: dt.date, days: int) -> dict:
    """The same stable fields as `handbook next --format json`, plus when it is late and how urgent."""
    return {"rule": item.kind, "person": item.contacts[0] if item.contacts else None, "file": item.path,
            "line": item.line, "due": item.date.isoformat(), "text": item.title, "people": list(item.contacts),
            "meeting": item.meeting, "late_after": item.deadline.isoformat(), "bucket": item.bucket(today, days)}


@app.command()
def due(
    days: int = typer.Option(WEEK, "--days", "-d", min=0, max=3650,
                             help="Also list what falls due in this many days, today included."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text for people, json for scripts."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """List what is overdue and what falls due in the next days (default 7), most urgent first.

    Thank-you notes, promised follow-ups, keep-in-touch dates and upcoming meetings, each with its file and line.
    Always exits 0, so it can run from a shell profile or a cron job.

    Example: handbook due --days 14
    """
    root = find_root(root)
    handbook = load_readable(root)
    today = today_from_env()
    items = [i for i in by_urgency(agenda(handbook, today), today, days) if i.bucket(today, days) in _HEADINGS]
    if format is Format.json:
        print(json.dumps({"today": today.isoformat(), "items": [item_json(i, today, days) for i in items]},
                         indent=2, ensure_ascii=False))
        raise typer.Exit(0)
    window = "today" if days == 1 else f"in the next {days} days"
    if not items:
        out.print("[green]Nothing overdue" + (f", and nothing due {window}.[/]" if days else ".[/]"))
        raise typer.Exit(0)
    for bucket, heading in _HEADINGS.items():
        group = [i for i in items if i.bucket(today, days) == bucket]
        if group:
            out.print(f"[bold]{heading}[/] ({len(group)})" + ("" if bucket == "overdue" else f", {window}"))
            for item in group:
                _print_item(item, today, root, handbook)
    raise typer.Exit(0)
