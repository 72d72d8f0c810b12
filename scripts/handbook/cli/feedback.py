"""How commands talk to the user: one-line coloured errors with a hint, paths they can paste."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import NoReturn

import typer

from rich.console import Console

from ..book import Handbook, load_handbook
from ..files import user_folder_at
from ..derive.status import with_evidence
from .. import clock
from ..problems import errors
from .app import contacts_dir, err, out


def say(text: str, style: str | None = None, console: Console = out) -> None:
    """Print user-supplied text literally: no markup, no :emoji: codes, no wrapping."""
    console.print(text, style=style, markup=False, emoji=False, highlight=False, soft_wrap=True)


def fail(message: str, hint: str = "", code: int = 1) -> NoReturn:
    """Stop the command with a red message (user text is printed literally, never as markup)."""
    err.print("[red]Error:[/] ", end="")
    say(message, console=err)
    if hint:
        say(f"  {hint}", style="dim", console=err)
    raise typer.Exit(code)


def refuse_user_folder(output: Path | None, root: Path) -> None:
    """Stop before an output file would land among the user's own files (contacts/, content/)."""
    name = user_folder_at(output, root) if output is not None else None
    if name:
        fail(f"{shown(output)} is inside {name}/, which holds your own files; nothing was written.",
             "choose a path outside contacts/ and content/, e.g. in the handbook folder itself", code=2)


def note(message: str) -> None:
    err.print("[yellow]Note:[/] ", end="")
    say(message, console=err)


def load_readable(root: Path) -> Handbook:
    """The handbook for a listing command: files with errors are left out, with a one-line note.
    Statuses are the ones the pages show (derive/status.py)."""
    handbook, problems = load_handbook(contacts_dir(root), root)
    if errors(problems):
        err.print(f"[yellow]Note:[/] {len(errors(problems))} problem(s) in your files: those files are left out. "
                  "Run handbook check.")
    return with_evidence(handbook, clock.today())


def shown(path: Path) -> str:
    """The path relative to the current folder when it is inside it, so it can be pasted as is."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd().resolve()) else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def in_handbook(path: Path, root: Path) -> str:
    """The path as problems show it: relative to the handbook folder, e.g. contacts/people/jane-doe.md."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def editor_command() -> list[str] | None:
    """$VISUAL, else $EDITOR, split like a shell would ('code --wait' is two words)."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    return None


def require_editor() -> list[str]:
    command = editor_command()
    if not command:
        fail("--edit needs an editor, and neither $VISUAL nor $EDITOR is set.",
             "set one, e.g. export EDITOR=nano, or leave out --edit; nothing was written", code=2)
    return command


def open_in_editor(command: list[str], path: Path) -> None:
    try:
        subprocess.run([*command, str(path)], check=False)
    except OSError as exc:
        fail(f"could not start the editor '{command[0]}': {exc.strerror or exc}",
             f"the file is saved at {shown(path)}; check $VISUAL / $EDITOR")
