"""`handbook targets`: the target list, best first, each company with its way in and the next step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..book import Handbook
from ..derive.targets import Target, next_step, reason, step_text, targets
from ..pipeline import today_from_env
from ..render.urls import company_src, page_url
from .app import ROOT_OPTION, app, find_root, out
from .check import Format
from .feedback import load_readable, say, shown

_COLOURS = {"met": "green", "warm": "yellow", "alumni": "magenta", "cold": "blue"}


def target_json(handbook: Handbook, target: Target, rank: int) -> dict:
    """The stable fields scripts read (README, "Target employers")."""
    company = target.company
    openings = [] if company is None or isinstance(company.postings, int) else [
        {"title": p.title, "url": p.url, "seen": p.seen.isoformat() if p.seen else None} for p in company.postings]
    step = next_step(handbook, target)
    return {"rank": rank, "name": target.name, "slug": target.slug, "page": page_url(company_src(target.slug)),
            "file": company.source.path if company else None, "line": company.source.line_of("name") if company else None,
            "motivation": target.motivation, "postings": target.postings, "openings": openings,
            "tags": list(company.tags) if company else [],
            "way_in": {"kind": target.way_in.kind, "why": step_text(reason(handbook, target)),
                       "people": [{"slug": slug, "name": handbook.contacts[slug].name} for slug in target.way_in.people],
                       "school": target.way_in.school or None},
            "next_step": step_text(step) if step else None, "people": len(target.people)}


@app.command("targets")
def list_targets(
    format: Format = typer.Option(Format.text, "--format", "-f", help="text for people, json for scripts."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """List your target employers, best first: by motivation, then postings, then the way in.

    The way in is met (you have met someone there), warm (a chain of introductions reaches someone
    there), alumni (someone there went to a school in contacts/me.yml) or cold. Each company says
    why, with the names, and what to do next. Always exits 0.

    Example: handbook targets --format json
    """
    root = find_root(root)
    handbook = load_readable(root)
    today = today_from_env()
    ranked = targets(handbook, today)
    if format is Format.json:
        print(json.dumps({"today": today.isoformat(),
                          "targets": [target_json(handbook, t, rank) for rank, t in enumerate(ranked, start=1)]},
                         indent=2, ensure_ascii=False))
        raise typer.Exit(0)
    if not ranked:
        out.print("No targets yet: add one with [bold]handbook target \"Acme Health\" --motivation 3[/], "
                  "or write a company in a contact's file.")
        raise typer.Exit(0)
    width = len(str(len(ranked)))
    for rank, target in enumerate(ranked, start=1):
        kind = target.way_in.kind
        out.print(f"[bold]{rank:>{width}}.[/] ", end="")
        # User text is printed literally: never read as rich markup.
        say(f"{target.name}  (motivation {target.motivation}, postings {target.postings})")
        indent = " " * (width + 2)
        out.print(f"{indent}[{_COLOURS[kind]}]{kind}[/]: ", end="")
        say(step_text(reason(handbook, target)))
        step = next_step(handbook, target)
        if step:
            out.print(f"{indent}[dim]next:[/] ", end="")
            say(step_text(step))
        if target.company:
            say(f"{indent}{shown(root / target.company.source.path)}:{target.company.source.line_of('name')}",
                style="cyan")
    raise typer.Exit(0)
