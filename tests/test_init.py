"""`handbook init` turns the template into your own handbook, and never deletes your own files;
its pre-push hook warns before private notes go to a public host."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handbook_cli import handbook, snapshot
from test_daily_loop import template

from handbook.cli import app
from handbook.me import load_me
from handbook.starting import is_example, public_host


def test_init_writes_me_yml_removes_the_examples_and_keeps_templates(tmp_path):
    root = template(tmp_path / "hb")
    (root / "contacts" / "questions.yml").write_text("questions: []\n")
    result = handbook(root, "init", "--name", "Riley Chen", "--pitch", "Moving into analytics.", "--yes")
    assert result.exit_code == 0, result.output
    assert snapshot(root / "contacts").keys() == {"me.yml", "messages/outreach.md.j2", "questions.yml"}
    me, problems = load_me(root / "contacts" / "me.yml", "me.yml")
    assert problems == [] and (me.name, me.pitch) == ("Riley Chen", "Moving into analytics.")
    assert "keep it private" in result.stderr
    commands = result.stdout.split("Next:")[1].strip().splitlines()
    assert len(commands) == 3 and commands[0].strip().startswith("handbook new contact")


def test_init_asks_for_what_is_missing(tmp_path):
    root = template(tmp_path / "hb")
    result = CliRunner().invoke(app, ["init", "--root", str(root)], input="Riley Chen\n\nriley@example.org\nState U\nus\n")
    assert result.exit_code == 0, result.output
    me, _ = load_me(root / "contacts" / "me.yml", "me.yml")
    assert (me.name, me.email, me.school, me.country) == ("Riley Chen", "riley@example.org", ["State U"], "US")


@pytest.mark.parametrize("own", ["people/jane-doe.md", "meetings/2026-11-20-jane-doe.md", "notes.txt"])
def test_init_refuses_and_changes_nothing_when_contacts_holds_your_own_files(tmp_path, own):
    root = template(tmp_path / "hb")
    (root / "contacts" / own).write_text("---\nname: Jane Doe\n---\n")
    before = snapshot(root / "contacts")
    result = handbook(root, "init", "--name", "Riley Chen", "--yes")
    assert result.exit_code == 1
    assert f"contacts/{own}" in result.stderr and "Nothing was changed" in result.stderr
    assert snapshot(root / "contacts") == before


def test_init_refuses_bad_values_with_exit_2(tmp_path):
    root = template(tmp_path / "hb")
    before = snapshot(root / "contacts")
    assert handbook(root, "init", "--yes").exit_code == 2
    result = handbook(root, "init", "--name", "Riley", "--country", "Narnia", "--yes")
    assert result.exit_code == 2 and "country" in result.stdout
    assert snapshot(root / "contacts") == before


def test_the_example_marker_is_a_comment_in_the_yaml(tmp_path):
    marked = tmp_path / "a.md"
    marked.write_text("---\n# EXAMPLE CONTACT: fictional.\nname: A\n---\n")
    in_notes = tmp_path / "b.md"
    in_notes.write_text("---\nname: B\n---\n# EXAMPLE in the notes does not count\n")
    assert is_example(marked) and not is_example(in_notes)


@pytest.mark.parametrize("url,host", [
    ("git@github.com:riley/handbook.git", "github.com"), ("https://gitlab.com/riley/handbook", "gitlab.com"),
    ("ssh://git@bitbucket.org/riley/handbook.git", "bitbucket.org"), ("https://git.example.org/riley/hb", None),
    ("/srv/git/handbook.git", None), ("https://github.com.example.org/x", None),
])
def test_public_hosts_are_recognised_in_every_url_form(url, host):
    assert public_host(url) == host


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)


def test_the_pre_push_hook_warns_about_a_public_host_and_never_blocks(tmp_path):
    root = template(tmp_path / "hb")
    git(root, "init", "-q")
    assert handbook(root, "init", "--name", "Riley Chen", "--yes").exit_code == 0
    hook = Path(git(root, "rev-parse", "--path-format=absolute", "--git-path", "hooks").stdout.strip()) / "pre-push"
    assert os.access(hook, os.X_OK)
    handbook(root, "new", "contact", "Jane Doe")

    def push(url: str) -> subprocess.CompletedProcess:
        return subprocess.run(["sh", str(hook), "origin", url], cwd=root, capture_output=True, text=True)

    public = push("git@github.com:riley/handbook.git")
    assert public.returncode == 0 and "pushing to github.com" in public.stderr and "private" in public.stderr
    private = push("https://git.example.org/riley/handbook.git")
    assert private.returncode == 0 and "Warning" not in private.stderr
    me = root / "contacts" / "me.yml"
    me.write_text(me.read_text() + "warn_on_public_push: false\n")
    assert "Warning" not in push("git@github.com:riley/handbook.git").stderr


def test_a_pre_push_hook_of_your_own_is_left_alone(tmp_path):
    root = template(tmp_path / "hb")
    git(root, "init", "-q")
    hook = Path(git(root, "rev-parse", "--path-format=absolute", "--git-path", "hooks").stdout.strip()) / "pre-push"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text("#!/bin/sh\necho mine\n")
    result = handbook(root, "init", "--name", "Riley Chen", "--yes")
    assert result.exit_code == 0 and "left as it is" in result.stderr
    assert hook.read_text() == "#!/bin/sh\necho mine\n"
