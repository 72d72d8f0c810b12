"""`handbook thanked`, `handbook done` and `handbook asked`: record what happened after a meeting."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..model import MeetingFields
from ..problems import did_you_mean
from .app import ROOT_OPTION, app, find_root
from .edits import BAD_ARGUMENTS, DRY_RUN_OPTION, REFUSED, day_option, find_meeting, load, open_for_edit, write_edit
from .feedback import fail

MEETING_HELP = "The meeting's file name (2026-11-18-jane-doe), or a person's slug when they have one meeting so far."
NEW_KEYS_AFTER = ("status",)  # where thanked: and asked: go when the file has none: the agenda points there


@app.command("thanked")
def thanked(
    meeting: str = typer.Argument(..., help=MEETING_HELP),
    date: Optional[str] = typer.Option(None, "--date", help="When the thank-you went out. Default: today."),
    dry_run: bool = DRY_RUN_OPTION,
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Record that the thank-you note went out (sets thanked: in the meeting file).

    Example: handbook thanked 2026-11-18-jane-doe --date 2026-11-19
    """
    loaded = load(find_root(root))
    day = day_option(date, loaded.today)
    found = find_meeting(loaded, meeting)
    if found.thanked not in (None, day) and date is None:
        fail(f"{found.slug} already says thanked: {found.thanked.isoformat()}; it was left as it is.",
             "to change the day, pass it: --date YYYY-MM-DD", code=REFUSED)

    def record(edit):
        edit.set("thanked", day, after=NEW_KEYS_AFTER)
        return ("thanked",), f"thank-you sent on {day.isoformat()}"

    write_edit(open_for_edit(loaded, found.source.path), MeetingFields, dry_run, record)


def _task_index(tasks: list[str], query: str) -> int:
    """The follow-up TASK names: its number (from 1), or a piece of its text found in one task only."""
    text = " ".join(query.split())
    if text.isdigit():
        number = int(text)
        if 1 <= number <= len(tasks):
            return number - 1
        fail(f"there is no follow-up {number}: the meeting has {len(tasks)}", _listed(tasks), code=BAD_ARGUMENTS)
    found = [i for i, task in enumerate(tasks) if text and text.casefold() in task.casefold()]
    if len(found) == 1:
        return found[0]
    if found:
        fail(f"'{text}' is in {len(found)} follow-ups", "give its number instead:\n" + _listed(tasks),
             code=BAD_ARGUMENTS)
    close = did_you_mean(text, tasks)
    fail(f"no follow-up matches '{text}'", (close + "\n" if close else "") + _listed(tasks), code=BAD_ARGUMENTS)


def _listed(tasks: list[str]) -> str:
    return "\n".join(f"    {n}. {task}" for n, task in enumerate(tasks, start=1)) or "    (no follow_ups: yet)"


@app.command("done")
def done(
    meeting: str = typer.Argument(..., help=MEETING_HELP),
    task: str = typer.Argument(..., help="The follow-up: its number in the meeting file (1 is the first), or a "
                                         "piece of its text."),
    date: Optional[str] = typer.Option(None, "--date", help="When it was done. Default: today."),
    dry_run: bool = DRY_RUN_OPTION,
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Mark a follow-up of a meeting done (writes done: with the day).

    Example: handbook done 2026-11-18-jane-doe "send the article"
    """
    loaded = load(find_root(root))
    day = day_option(date, loaded.today)
    found = find_meeting(loaded, meeting)
    index = _task_index([f.task for f in found.follow_ups], task)

    def record(edit):
        edit.set_in(("follow_ups", index, "done"), day)
        return ("follow_ups", index), f"follow-up {index + 1} done on {day.isoformat()}: {found.follow_ups[index].task}"

    write_edit(open_for_edit(loaded, found.source.path), MeetingFields, dry_run, record)


@app.command("asked")
def asked(
    meeting: str = typer.Argument(..., help=MEETING_HELP),
    questions: list[str] = typer.Argument(..., help="Question ids from the Questions page (or all:<category>)."),
    dry_run: bool = DRY_RUN_OPTION,
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Record the questions you really asked (adds them to asked: in the meeting file).

    Example: handbook asked 2026-11-18-jane-doe other-people stay-in-touch
    """
    loaded = load(find_root(root))
    found = find_meeting(loaded, meeting)
    bank = loaded.handbook.bank
    wanted = list(dict.fromkeys(q.strip() for q in questions if q.strip()))
    for query in wanted:
        _, unknown = bank.resolve([query])
        if unknown:
            _, message, hint = unknown[0]
            fail(f"{message}", hint or did_you_mean(query, bank.questions), code=BAD_ARGUMENTS)
    new = [q for q in wanted if q not in found.asked]

    def record(edit):
        count = len(edit.get("asked") or [])
        for query in new:
            edit.append("asked", query, after=NEW_KEYS_AFTER)
        return ("asked", max(count, 0)), f"asked {', '.join(wanted)}"

    write_edit(open_for_edit(loaded, found.source.path), MeetingFields, dry_run, record)
