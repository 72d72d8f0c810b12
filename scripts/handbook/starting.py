"""Starting your own handbook from the template: the shipped examples, and the pre-push warning.

Every example file the template ships in contacts/ carries a marker: a YAML comment line that
starts with ``# EXAMPLE`` (in a markdown file, inside its frontmatter). ``handbook init`` removes
exactly those files and refuses while anything else is there. The message templates
(contacts/messages/) and a question bank (contacts/questions.yml) are kept, examples or not.

The repository then holds private notes about people. ``handbook init`` adds a git ``pre-push``
hook that warns, never blocks, when such files are pushed to a public host's URL.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

MARKER = re.compile(r"^\s*#\s*EXAMPLE\b")
_BOUNDARY = re.compile(r"^-{3,}\s*$")
KEPT = ("messages", "questions.yml")  # shipped for you to keep and adapt
PRIVATE_FOLDERS = ("people", "meetings")
# Hosts where anyone may read a repository that is public; pushing there deserves a second look.
PUBLIC_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "git.sr.ht", "gitee.com",
                "sourceforge.net", "huggingface.co")
HOOK_MARK = "# handbook: pre-push warning"


def _yaml_lines(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    if path.suffix != ".md":
        return lines
    if not lines or not _BOUNDARY.match(lines[0]):
        return []
    closing = next((i for i, line in enumerate(lines[1:], start=1) if _BOUNDARY.match(line)), len(lines))
    return lines[1:closing]


def is_example(path: Path) -> bool:
    """A file the template shipped as an example: its YAML has a '# EXAMPLE' comment line."""
    return any(MARKER.match(line) for line in _yaml_lines(path))


def _files(contacts_dir: Path) -> list[Path]:
    kept = {contacts_dir / name for name in KEPT}
    found = []
    for path in sorted(contacts_dir.rglob("*")):
        parts = path.relative_to(contacts_dir).parts
        if path.is_file() and not any(p.startswith(".") for p in parts) and not (kept & {path, *path.parents}):
            found.append(path)
    return found


def examples_and_own(contacts_dir: Path) -> tuple[list[Path], list[Path]]:
    """The files in contacts/ (templates and question bank aside): shipped examples, and the rest."""
    files = _files(contacts_dir)
    examples = [p for p in files if is_example(p)]
    return examples, [p for p in files if p not in examples]


def private_files(contacts_dir: Path) -> list[Path]:
    """Your own notes about people: the people and meetings that are not shipped examples."""
    return [p for folder in PRIVATE_FOLDERS for p in sorted((contacts_dir / folder).glob("*.md"))
            if not is_example(p)]


def public_host(url: str) -> str | None:
    """The public host a remote URL points to (https://, ssh:// or git@host:path), else None."""
    text = url.strip()
    if "://" in text:
        host = urlsplit(text).hostname or ""
    else:  # scp-like: [user@]host:path
        host = text.split(":", 1)[0].rsplit("@", 1)[-1] if ":" in text else ""
    host = host.lower()
    return next((h for h in PUBLIC_HOSTS if host == h or host.endswith("." + h)), None)


def hook_text(handbook_command: str) -> str:
    """A pre-push hook that asks `handbook pre-push` about the remote's URL and never stops a push."""
    return f"""#!/bin/sh
{HOOK_MARK} (added by `handbook init`); it never stops a push.
# git passes the remote's name and URL. Silence it with `warn_on_public_push: false` in contacts/me.yml.
for handbook in '{handbook_command}' "$(command -v handbook)"; do
  if [ -n "$handbook" ] && [ -x "$handbook" ]; then
    "$handbook" pre-push "$2" --root "$(git rev-parse --show-toplevel)" || true
    exit 0
  fi
done
exit 0
"""


def hooks_folder(root: Path) -> Path | None:
    """Where git looks for this repository's hooks, or None outside a git repository."""
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "--path-format=absolute", "--git-path", "hooks"],
                                capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None
