"""`handbook message NAME SLUG`: one of your message templates, filled in for one contact."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..book import load_handbook
from ..message_templates import MESSAGES_DIR, template_name
from ..derive.status import with_evidence
from ..pipeline import today_from_env
from ..problems import did_you_mean
from ..derive.message_moments import why_not
from ..render.messages import LIFECYCLE, contact_messages
from .app import ROOT_OPTION, app, contacts_dir, err, find_root
from .check import print_problems
from .feedback import fail, say


def _names_here() -> list[str]:
    """The templates of the handbook around the current folder, for --help (the starter set if none)."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        messages = folder / "contacts" / MESSAGES_DIR
        if (folder / "mkdocs.yml").is_file() and messages.is_dir():
            names = sorted(template_name(p.name) for p in messages.glob("*.j2") if not p.name.startswith((".", "_")))
            return names or list(LIFECYCLE)
    return list(LIFECYCLE)


@app.command("message")
def message(
    name: str = typer.Argument(..., help=f"The template: {', '.join(_names_here())} (files in contacts/messages)."),
    slug: str = typer.Argument(..., help="The contact (their file name without .md)."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Print a message template filled in for a contact, ready to paste (first line: Subject).

    Example: handbook message thank-you jane-doe
    """
    root = find_root(root)
    handbook, _ = load_handbook(contacts_dir(root), root)
    handbook = with_evidence(handbook, today_from_env())  # the status a template sees is the one pages show
    if name not in handbook.messages:
        available = ", ".join(sorted(handbook.messages)) or "none (contacts/messages has no *.md.j2 files)"
        close = did_you_mean(name, handbook.messages)
        fail(f"no message template '{name}'", f"{close} available: {available}".strip())
    if slug not in handbook.contacts:
        fail(f"unknown contact '{slug}'", did_you_mean(slug, handbook.contacts)
             or "use a file name from contacts/people without .md (a file with errors is left out: run handbook check)")
    contact, today = handbook.contacts[slug], today_from_env()
    offered = contact_messages(handbook, contact, today)
    filled = next((m for m in offered if m.name == name), None)
    if filled is None:
        fitting = ", ".join(m.name for m in offered) or "none today"
        fail(f"{name} does not fit {contact.name} today: {why_not(handbook, contact, name, today)}",
             f"messages that fit now: {fitting}")
    if filled.problem:
        print_problems([filled.problem])
        raise typer.Exit(1)
    sys.stdout.write(filled.text)  # exactly as rendered: no wrapping, no markup
    if filled.to:
        say(f"To {filled.to}, who introduced you to {contact.name}.", console=err)
    for warning in filled.warnings:  # on stderr, so `| pbcopy` still copies only the message
        say(f"warning: {name}, {warning}", console=err)
