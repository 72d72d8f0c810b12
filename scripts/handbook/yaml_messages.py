"""PyYAML's parse errors, reworded for someone who types 'key: value' lines, not YAML grammar.

``explain`` returns the 0-based line within the parsed text, a message and a hint.
"""

from __future__ import annotations

import re

import yaml

_START_CHAR = re.compile(r"found character '(.+)' that cannot start any token")


def _line(mark, default: int = 0) -> int:
    return mark.line if mark is not None else default


def explain(exc: yaml.YAMLError, text: str) -> tuple[int, str, str]:
    lines = text.split("\n")
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return line, f"the invisible control character U+{code:04X} is not allowed", "delete it, or retype the line"
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 0, f"YAML syntax: {exc}", "check the quotes and the colons"

    said = f"{exc.context or ''} {exc.problem or ''}"
    here = _line(exc.problem_mark, _line(exc.context_mark))
    started = _line(exc.context_mark, here)  # where the unfinished thing began

    if "single document" in said or "<document start>" in said:
        extra = next((i for i, line in enumerate(lines) if line.rstrip() == "..." or line.startswith("--- ")), here)
        return (extra, "the fields are split into two YAML documents here",
                "keep every field in one block: remove this '...' or '---' line")
    if "unhashable key" in said:
        return here, "a list or a mapping cannot be a field name", "write one 'key: value' per line"
    if "quoted scalar" in said:
        return started, "a quote opened on this line is never closed", "add the closing quote at the end of the value"
    if "flow sequence" in said or "flow mapping" in said:
        bracket = "[" if "sequence" in said else "{"
        return (started, f"a '{bracket}' opened on this line is never closed",
                f"close it with '{']' if bracket == '[' else '}'}' on the same line")
    if "mapping values are not allowed" in said:
        if here < len(lines) and lines[here][:1].isspace():
            return here, "this line is indented, but the line above has no fields under it", "start it at the left margin"
        return (here, "a second ': ' on this line confuses YAML",
                "put the value in quotes, e.g. goal: \"Ask: how did you start?\"")
    if "expected <block end>" in said or "did not find expected key" in said:
        return here, "the indentation of this line does not match the lines above", "line it up with its neighbours"
    if "could not find expected ':'" in said:
        return started, "this line is not a 'key: value' field", "add ': ' after the field name, or remove the line"
    if "undefined alias" in said:
        return here, "a value cannot start with '*'", "put the value in quotes"
    match = _START_CHAR.search(said)
    if match:
        char = match.group(1)
        if char == "\\t":
            return here, "a tab separates a key from its value", "use a space after the ':' instead"
        return here, f"a value cannot start with '{char}'", "put the value in quotes"
    return here, f"YAML syntax: {exc.problem or exc}", "check the indentation, the colons and the quotes on this line"
