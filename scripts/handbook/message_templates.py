"""The user's message templates (contacts/messages/*.md.j2), read as text; render/messages.py fills them in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

MESSAGES_DIR = "messages"
SUFFIXES = (".md.j2", ".txt.j2", ".j2")


@dataclass(frozen=True)
class MessageTemplate:
    name: str  # "thank-you", from thank-you.md.j2
    path: str  # as shown in problems, e.g. contacts/messages/thank-you.md.j2
    source: str


def template_name(filename: str) -> str:
    return next(filename[: -len(s)] for s in SUFFIXES if filename.endswith(s))


def read_message_templates(folder: Path, root: Path) -> tuple[dict[str, MessageTemplate], list[Problem]]:
    templates: dict[str, MessageTemplate] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return templates, problems
    for path in sorted(folder.glob("*.j2")):
        if not path.is_file() or path.name.startswith((".", "_")):
            continue
        try:
            display = path.relative_to(root).as_posix()
        except ValueError:
            display = path.as_posix()
        name = template_name(path.name)
        if name in templates:
            problems.append(Problem(display, 1, "file", f"a second template named '{name}' "
                                    f"({templates[name].path} has it too)", "rename or remove one of them"))
            continue
        try:
            source = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
        except UnicodeDecodeError:
            problems.append(Problem(display, 1, "encoding", "not valid UTF-8", "save the file as UTF-8"))
            continue
        except OSError as exc:
            problems.append(Problem(display, 1, "file", f"cannot be read: {exc.strerror or exc}"))
            continue
        templates[name] = MessageTemplate(name, display, source)
    return templates, problems
