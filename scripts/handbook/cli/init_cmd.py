"""`handbook init`: turn the template into your own handbook; `handbook pre-push`: the hook's check."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Optional

import typer

from ..files import FileExists, create_file, replace_file
from ..me import ME_FILE, Me, load_me
from ..starting import HOOK_MARK, examples_and_own, hook_text, hooks_folder, private_files, public_host
from ..writing import check_fields, dump_fields
from .app import ROOT_OPTION, app, contacts_dir, err, find_root, out
from .check import print_problems
from .feedback import fail, in_handbook, note, say

SHOWN_FILES = 8
ME_HEADER = ("# Who you are: messages are signed with this. Settings (country, follow_up_clock,\n"
             "# warn_on_public_push) are described in README.md, \"Daily use\".\n")


def _ask(value: Optional[str], question: str, yes: bool, required: bool = False) -> str:
    if value is not None or yes:
        return (value or "").strip()
    return typer.prompt(question, default="" if not required else None, show_default=False).strip()


def _refuse_own_files(root: Path, own: list[Path]) -> None:
    listed = "\n".join(f"  {in_handbook(p, root)}" for p in own[:SHOWN_FILES])
    more = f"\n  and {len(own) - SHOWN_FILES} more" if len(own) > SHOWN_FILES else ""
    fail(f"contacts/ already holds files that are not shipped examples:\n{listed}{more}\nNothing was changed.",
         "handbook init only starts a handbook from the template: examples carry a '# EXAMPLE' comment line",
         code=1)


def _install_hook(root: Path) -> str:
    folder = hooks_folder(root)
    if folder is None:
        return "not a git repository: no pre-push hook added (run handbook init again after git init)"
    hook = folder / "pre-push"
    if hook.exists():
        if HOOK_MARK in hook.read_text(encoding="utf-8", errors="replace"):
            return f"the pre-push hook is already there ({hook})"
        return f"{hook} already exists and was left as it is: add the check yourself (handbook pre-push URL)"
    command = shutil.which("handbook") or str(Path(sys.executable).with_name("handbook"))
    create_file(hook, hook_text(command))
    os.chmod(hook, 0o755)
    return f"added a pre-push hook that warns before private files go to a public host ({hook})"


@app.command("init")
def init(
    name: Optional[str] = typer.Option(None, "--name", help='Your name, as you sign messages, e.g. "Riley Chen".'),
    pitch: Optional[str] = typer.Option(None, "--pitch", help="A sentence or two about you, for outreach."),
    email: Optional[str] = typer.Option(None, "--email", help="Your email address."),
    school: Optional[str] = typer.Option(None, "--school", help="Your school, to find fellow alumni at the "
                                         "companies you target."),
    country: Optional[str] = typer.Option(None, "--country", help="Two-letter code (US, GB, DE...): its public "
                                          "holidays are not business days for the follow-up clock."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Ask nothing: use the options given."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Start your own handbook: write contacts/me.yml and remove the example people and meetings.

    The message templates and the question bank stay. Nothing changes when contacts/ already holds
    files of your own.

    Example: handbook init --name "Riley Chen" --country US
    """
    root = find_root(root)
    contacts = contacts_dir(root)
    examples, own = examples_and_own(contacts)
    if own:
        _refuse_own_files(root, own)
    fields = {"name": _ask(name, "Your name", yes, required=True), "pitch": _ask(pitch, "Your pitch (optional)", yes),
              "email": _ask(email, "Your email (optional)", yes), "school": _ask(school, "Your school (optional)", yes),
              "country": _ask(country, "Country code (optional)", yes)}
    if not fields["name"]:
        fail("--name is needed: messages are signed with it", 'e.g. handbook init --name "Riley Chen"', code=2)
    fields = {k: v for k, v in fields.items() if v}
    me_path = contacts / ME_FILE
    problems = check_fields(fields, Me, in_handbook(me_path, root))
    if problems:
        print_problems(problems)
        fail("nothing was changed", "fix the values above and run handbook init again", code=2)
    if "country" in fields:
        fields["country"] = fields["country"].upper()
    text = ME_HEADER + dump_fields(fields)
    # me.yml is either missing or a marked example (anything else refused above).
    replace_file(me_path, text) if me_path.exists() else create_file(me_path, text)
    for path in examples:
        if path != me_path:
            path.unlink()
    say(f"Wrote {in_handbook(me_path, root)} and removed {len(examples)} example file(s); the message "
        "templates and the question bank are yours to adapt.")
    err.print("[yellow]This repository now holds private notes about people: keep it private.[/]")
    try:
        note(_install_hook(root))
    except (OSError, FileExists) as exc:
        note(f"no pre-push hook added: {exc}")
    out.print("\nNext:")
    say('  handbook new contact "Jane Doe" --company "Acme Health"      # someone to ask for a conversation')
    say('  handbook log jane-doe "asked for 20 minutes" --outreach       # when you have written to them')
    say("  make serve                                                     # your handbook on http://127.0.0.1:8000")


@app.command("pre-push", hidden=True)
def pre_push(
    url: str = typer.Argument("", help="The remote's URL, as git passes it to the hook."),
    root: Optional[Path] = ROOT_OPTION,
) -> None:
    """Warn when private files are about to go to a public host. Always exits 0: it never stops a push."""
    root = find_root(root)
    host = public_host(url)
    private = private_files(contacts_dir(root)) if host else []
    me, _ = load_me(contacts_dir(root) / ME_FILE, ME_FILE)
    if host and private and (me is None or me.warn_on_public_push):
        err.print(f"[yellow]Warning:[/] pushing to {host}, and this repository holds private notes about people "
                  f"({len(private)} file(s) in contacts/). Make sure the repository there is private. "
                  "To silence this: warn_on_public_push: false in contacts/me.yml.", markup=True, highlight=False)
    raise typer.Exit(0)
