"""`handbook check`: the same validation as the build, for the terminal, editors and CI."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..derive.duplicates import find_duplicates
from ..derive.status import lagging_statuses
from ..pipeline import load_checked, today_from_env
from ..problems import Problem, errors
from ..render.messages import message_warnings
from .app import ROOT_OPTION, app, contacts_dir, find_root, out


class Format(str, Enum):
    text = "text"
    json = "json"


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        colour = "red" if problem.is_error else "yellow"
        out.print(f"[{colour}]{problem.severity}:[/] ", end="")
        out.print(str(problem), markup=False, emoji=False, soft_wrap=True)


def check_problems(root: Path) -> list[Problem]:
    """Everything the build would report, plus the checks only the terminal shows (possible duplicates,
    statuses that lag behind the files, your message templates against the guide's advice)."""
    today = today_from_env()
    checked = load_checked(contacts_dir(root), today, root)
    problems = checked.problems + find_duplicates(checked.handbook) + lagging_statuses(checked.handbook, today)
    problems += message_warnings(checked.evident, today)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.field, p.message))


@app.command()
def check(
    root: Optional[Path] = ROOT_OPTION,
    format: Format = typer.Option(Format.text, "--format", "-f", help="text for people, json for editors and CI."),
) -> None:
    """Validate every contact, meeting and company file exactly as the build does. Exits 1 on errors."""
    root = find_root(root)
    problems = check_problems(root)
    failed = bool(errors(problems))
    if format is Format.json:
        payload = {"ok": not failed, "errors": len(errors(problems)),
                   "warnings": len(problems) - len(errors(problems)),
                   "problems": [p.as_dict() for p in problems]}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print_problems(problems)
        n_err = len(errors(problems))
        n_warn = len(problems) - n_err
        if failed:
            out.print(f"[red]✗ {n_err} error(s)[/], {n_warn} warning(s)")
        else:
            out.print(f"[green]✓ All files are valid[/]" + (f", {n_warn} warning(s)" if n_warn else ""))
    raise typer.Exit(1 if failed else 0)
