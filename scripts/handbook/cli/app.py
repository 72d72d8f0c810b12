"""The `handbook` command's shared pieces: the Typer app, the console, and finding the handbook."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

app = typer.Typer(
    name="handbook",
    help="Your networking handbook: add people and meetings, check files, import, print, follow up.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

ROOT_OPTION = typer.Option(None, "--root", help="The handbook folder (default: found from the current folder).",
                           file_okay=False, dir_okay=True)


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` that holds mkdocs.yml and contacts/."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "contacts").is_dir():
            return folder
    if start is not None:
        return here
    err.print("[red]No handbook here:[/] no folder with mkdocs.yml and contacts/ at or above "
              f"{here}. Run the command inside your handbook, or pass --root.")
    raise typer.Exit(2)


def contacts_dir(root: Path) -> Path:
    return root / "contacts"


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        out.print(f"handbook {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """Your networking handbook: add people and meetings, check files, import, print, follow up."""
