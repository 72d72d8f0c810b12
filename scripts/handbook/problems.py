"""Problems are values: every stage appends to a list, and the edge prints them all at once."""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: str = "error"  # "error" fails a build; "warning" is shown but never fails

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def as_dict(self) -> dict:
        return asdict(self)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A "did you mean 'x'?" hint, or "" when nothing is close."""
    close = difflib.get_close_matches(str(value), sorted(set(choices)), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def field_name(loc: tuple) -> str:
    """How a problem names a field: ("follow_ups", 0, "due") -> 'follow_ups[0].due'."""
    parts = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1]}[{part}]" if parts else f"[{part}]"]
        else:
            parts.append("with" if part == "with_" else str(part))
    return ".".join(parts) or "frontmatter"


PER_FILE = 20  # problems described for one file's fields; past that, one line says how many more


def not_listed(path: str, line: int, count: int) -> Problem:
    """The line that stands for a file's problems past PER_FILE: a pasted export with thousands of
    bad keys gives a readable list, quickly, not thousands of lines."""
    return Problem(path, line, "file", f"{count} more problem(s) in this file are not listed",
                   "fix the ones above and check again")


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if not p.is_error]
