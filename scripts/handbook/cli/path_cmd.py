"""`handbook path ORGANISATION`: who you know there, and the best chain of introductions to everyone else."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from ..derive.introductions import Reach, find_organisation, organisations
from ..pipeline import today_from_env
from .app import ROOT_OPTION, app, find_root, out
from .feedback import fail, load_readable, say

_COLOURS = {"met": "green", "warm": "yellow", "cold": "blue"}


def _chain(handbook, reach: Reach) -> str:
    return " → ".join(["you", *(handbook.contacts[slug].name for slug in reach.chain)])


def _who(handbook, slug: str) -> str:
    contact = handbook.contacts[slug]
    return f"{contact.name}, {contact.role}" if contact.role else contact.name


@app.command("path")
def path(
    organisation: str = typer.Argument(..., help='The company as written in contacts\' files, e.g. "Acme Health" '
                                                 "(case and spacing do not matter)."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Show how to reach each person at an organisation: met, warm (with the chain of introductions) or cold.

    A chain starts with someone you have met and follows referrals either way.

    The best chain is the shortest; between equally short ones, the people you were in touch with
    most recently come first.

    Example: handbook path "Acme Health"
    """
    root = find_root(root)
    handbook = load_readable(root)
    orgs = organisations(handbook, today_from_env())
    if not orgs:
        fail("no organisations yet: none of your contacts has a company", "add `company: ...` to a contact's file")
    org, hint = find_organisation(orgs, organisation)
    if org is None:
        fail(f"no contact works at '{organisation}'", hint or "the names are listed on the Companies page of the site")
    out.print(f"[bold]{escape(org.name)}[/]: {len(org.people)} {'person' if len(org.people) == 1 else 'people'}, "
              f"{org.count('met')} met, {org.count('warm')} warm, {org.count('cold')} cold", emoji=False)
    if org.best is None:
        out.print("Best way in: [dim]none yet; nobody you have met is linked to anyone there by a referral.[/]")
    elif org.best.level == "met":
        out.print("Best way in: you already know ", end="")
        say(handbook.contacts[org.best.slug].name)
    else:
        out.print("Best way in: ", end="")
        say(_chain(handbook, org.best))
    for reach in org.people:
        out.print(f"  [{_COLOURS[reach.level]}]{reach.level:<5}[/] ", end="")
        if reach.level == "warm":
            say(f"{_who(handbook, reach.slug)}: {_chain(handbook, reach)}")
        elif reach.level == "met":
            touched = f" (last touch {reach.last_touch.isoformat()})" if reach.last_touch else ""
            say(f"{_who(handbook, reach.slug)}: you → {handbook.contacts[reach.slug].name}{touched}")
        else:
            say(f"{_who(handbook, reach.slug)}: no chain of introductions yet")
    raise typer.Exit(0)
