"""`handbook next`: the nudges from derive/nudges.py, each with why and the file to edit."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..derive.nudges import RULE_LABELS, Nudge, nudges, silenced
from ..derive.referrals import referral_graph
from ..model import NUDGE_RULES
from ..pipeline import today_from_env
from .app import ROOT_OPTION, app, find_root, out
from .check import Format
from .feedback import load_readable, say, shown

Rule = Enum("Rule", {r.replace("-", "_"): r for r in NUDGE_RULES}, type=str)


def nudge_json(nudge: Nudge) -> dict:
    """The stable fields scripts read (README, "Daily use"): the same keys for `handbook due`."""
    return {"rule": nudge.rule, "person": nudge.contact or None, "file": nudge.path, "line": nudge.line,
            "due": nudge.due.isoformat() if nudge.due else None, "text": nudge.title, "why": nudge.why,
            "meeting": nudge.meeting, "company": nudge.company}


@app.command("next")
def next_steps(
    rule: Optional[Rule] = typer.Option(None, "--rule", "-r", help="Only this kind of nudge."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text for people, json for scripts."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """List what to do next: requests to follow up, next steps to ask for, preferences to record, referrers to
    update, prospects to write to, top targets to find someone at.

    Each nudge says why it came up and which file and line to edit. Always exits 0.

    To silence a kind of nudge about someone (or a company), list its rule id under quiet: in their
    file; quiet: all silences every kind.

    Example: handbook next --rule reach-out
    """
    root = find_root(root)
    handbook = load_readable(root)
    today = today_from_env()
    graph = referral_graph(handbook)
    found = [n for n in nudges(handbook, today, graph) if rule is None or n.rule == rule.value]
    quiet = silenced(handbook, today, graph)
    if format is Format.json:
        print(json.dumps({"today": today.isoformat(), "nudges": [nudge_json(n) for n in found], "silenced": quiet},
                         indent=2, ensure_ascii=False))
        raise typer.Exit(0)
    if not found:
        out.print("[green]Nothing to do next[/]" + (f" for {rule.value}." if rule else ": no nudges."))
    for name in NUDGE_RULES:
        group = [n for n in found if n.rule == name]
        if not group:
            continue
        out.print(f"[bold]{RULE_LABELS[name]}[/] ({len(group)})  [dim]{name}[/]")
        for nudge in group:
            # User text is printed literally: never read as rich markup.
            say(f"  • {nudge.title}")
            say(f"    {nudge.why}", style="dim")
            say(f"    {shown(root / nudge.path)}:{nudge.line}", style="cyan")
    if quiet:
        out.print(f"[dim]{quiet} more silenced by quiet: in your files.[/]")
    raise typer.Exit(0)
