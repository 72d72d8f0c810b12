"""The pre-commit hook definition and the README's example configs have the shape pre-commit expects."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def readme_configs() -> list[dict]:
    blocks = re.findall(r"```yaml\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.DOTALL)
    return [yaml.safe_load(b) for b in blocks if "handbook-check" in b]


def test_the_hook_runs_handbook_check_once_per_commit_touching_contacts():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "handbook-check" and hook["entry"] == "handbook check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("contacts/people/jane-doe.md") and files.search("contacts/messages/outreach.md.j2")
    assert not files.search("content/guide/why.md") and not files.search("scripts/handbook/cli/check.py")


def test_the_readme_shows_a_remote_and_a_local_config():
    configs = readme_configs()
    assert len(configs) == 2
    remote, local = configs
    assert remote["repos"][0]["hooks"] == [{"id": "handbook-check"}] and "rev" in remote["repos"][0]
    (hook,) = local["repos"][0]["hooks"]
    assert local["repos"][0]["repo"] == "local"
    assert hook["id"] == "handbook-check" and hook["entry"].endswith("handbook check")
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert re.compile(hook["files"]).search("contacts/people/jane-doe.md")
