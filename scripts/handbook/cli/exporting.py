"""`handbook export vcard`: your people as a .vcf file, for a phone or an address book."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..book import load_handbook
from ..files import FileExists, create_file, user_folder_at
from ..problems import did_you_mean, errors
from ..render.vcard import vcard_text
from .app import ROOT_OPTION, app, contacts_dir, find_root
from .feedback import fail, note, refuse_user_folder, say, shown

export_app = typer.Typer(help="Write your handbook's data in other formats.", no_args_is_help=True,
                         rich_markup_mode="rich")
app.add_typer(export_app, name="export")


@export_app.command("vcard")
def export_vcard(
    slugs: Optional[list[str]] = typer.Argument(None, help="Who to export (file names without .md). Default: everyone."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False,
                                          help="Write to this new file (never overwritten). Default: print it."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Export people as vCard 3.0 (name, email, phone, company, title, LinkedIn, website, tags).

    Example: handbook export vcard jane-doe sam-lee -o contacts.vcf
    """
    root = find_root(root)
    refuse_user_folder(output, root)
    handbook, problems = load_handbook(contacts_dir(root), root)
    if errors(problems):
        note(f"{len(errors(problems))} error(s) in your files; people whose file has errors are left out "
             "(run handbook check)")
    chosen = list(dict.fromkeys(slugs or sorted(handbook.contacts)))
    for slug in chosen:
        if slug not in handbook.contacts:
            fail(f"unknown contact '{slug}'", did_you_mean(slug, handbook.contacts) or "use file names from contacts/people")
    text = vcard_text(handbook.contacts[s] for s in chosen)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        create_file(output, text)
    except FileExists:
        fail(f"{shown(output)} already exists; it was left as it is.", "choose another name with -o")
    say(f"{len(chosen)} people written to {shown(output)}")
