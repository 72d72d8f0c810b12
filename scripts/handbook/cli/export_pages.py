"""`handbook export-pages DIR`: the generated page sources as plain markdown files.

The bridge to plain MkDocs or another site generator: the folder holds exactly what the MkDocs
plugin adds in memory during a build.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from .. import pipeline
from ..files import FileExists
from ..page_export import NOT_IN_NAV, Refused, check_destination, docs_dir, outputs, render_options, write_outputs
from ..problems import errors, warnings
from .app import ROOT_OPTION, app, contacts_dir, err, find_root
from .check import print_problems
from .feedback import fail, say, shown

PROGRESS_FROM = 200  # files; fewer are written before a bar would be worth drawing


class Profile(str, Enum):
    private = "private"
    public = "public"


@app.command("export-pages")
def export_pages(
    dest: Path = typer.Argument(..., help="A new or empty folder for the pages (created if missing)."),
    profile: Profile = typer.Option(Profile.private, "--profile", "-p",
                                    help="private: everything; public: shared people only, as mkdocs.public.yml."),
    force: bool = typer.Option(False, "--force", help="Write into a folder that is not empty, replacing the "
                               "generated files there; other files are left alone."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Write every generated page (contacts, meetings, indexes...) and file as the site build adds them.

    Together with content/ the folder is a docs_dir that plain MkDocs builds into the same site.
    Nothing is written when your files have errors (run handbook check).

    Example: handbook export-pages build/pages --profile public
    """
    root = find_root(root)
    try:
        check_destination(dest, root, force)
    except Refused as refused:
        fail(str(refused), refused.hint, code=2)
    options = render_options(root, profile.value)
    built = pipeline.build(contacts_dir(root), options, root)
    print_problems(warnings(built.problems))
    if errors(built.problems):
        print_problems(errors(built.problems))
        fail(f"{len(errors(built.problems))} error(s) in contacts/; nothing was written.",
             "fix them (handbook check lists them) and export again")
    found = outputs(built, docs_dir(root))
    with Progress(TextColumn("Writing pages"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                  disable=len(found) < PROGRESS_FROM or not err.is_terminal) as progress:
        task = progress.add_task("write", total=len(found))
        try:
            write_outputs(found, dest, replace=force, advance=lambda: progress.advance(task))
        except FileExists as exists:  # appeared while we were writing: theirs wins
            fail(f"{shown(exists.path)} appeared while exporting; it was left as it is.",
                 "export into a new folder, or pass --force")
    say(f"{len(built.pages)} pages and {len(built.files)} other files written to {shown(dest)}")
    say(f"To build them with plain MkDocs: copy content/ in without replacing these pages "
        f"(cp -rn content/. {shown(dest)}/), make the folder the docs_dir of a mkdocs.yml without the "
        f"handbook plugin, and add not_in_nav: \"{NOT_IN_NAV}\" to keep single pages out of the nav.",
        style="dim")
