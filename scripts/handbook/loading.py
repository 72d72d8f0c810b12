"""Stage 1, load: read one markdown file into its frontmatter mapping, key line numbers and body.

python-frontmatter splits the file; the YAML is parsed with our own loader so that the
well-known PyYAML pitfalls become visible instead of silently changing the data:
``12:30`` (base-60 integer 750), ``0123`` (octal 83), ``yes``/``no`` (booleans), an
impossible date such as ``2026-13-01`` (a bare ValueError) and duplicate keys (last one wins).

A hostile file must not hang or crash a command either. YAML aliases (``*a``) are refused, so a
few hundred bytes can never expand into billions of values; nesting stops at ``MAX_DEPTH``; a
frontmatter block stops at ``FRONTMATTER_LIMIT`` characters; and every decoded value is checked, so
a control character written as an escape (``"\\e[2J"``) or a ``!!binary`` value never reaches a
page or a terminal.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .problems import Problem, field_name
from .yaml_messages import explain

Key = tuple  # a path into the frontmatter, e.g. ("follow_ups", 0, "due")

_PLAIN_DECIMAL = re.compile(r"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
_TRUE_FALSE = {"true": True, "false": False}
_BOUNDARY = re.compile(r"^-{3,}\s*$")  # the same boundary python-frontmatter splits on
# C0 and C1 control characters (and DEL) in a decoded value: they can clear or rewrite a terminal.
# A tab and a line break are text.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A whole terminal escape sequence goes with its control character: "\x1b[2J" leaves no "[2J" behind.
# CSI (colours, clearing), OSC (titles, hyperlinks; ended by BEL or ST), then any other ESC + one char.
_ESCAPE_SEQUENCE = re.compile("(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
                              "|\x1b[@-_]?")

MAX_DEPTH = 20  # levels of lists and mappings; the deepest real field (follow_ups[0].due) needs 3
FRONTMATTER_LIMIT = 64_000  # characters: far more than any contact needs, and parsed well within a second
_PLAIN_TYPES = (str, bool, int, float, dt.date, type(None))  # what the fields may hold, besides lists and mappings


def without_controls(text: str) -> str:
    """Text without control characters or the escape sequences they start."""
    return CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text))


@dataclass
class Document:
    """A file's frontmatter as read, with the line of every key, and its markdown body."""

    path: str
    meta: dict[str, Any]
    lines: dict[Key, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # the file's line where the body (the notes) starts

    def line_of(self, key: Key) -> int:
        """The line of the deepest known key on this path (a field, else its parent, else 1)."""
        key = tuple(key)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


class Refused(yaml.YAMLError):
    """YAML that parses but that the handbook will not read: an alias or nesting too deep."""

    def __init__(self, mark, message: str, hint: str):
        super().__init__(message)
        self.line = mark.line if mark is not None else 0
        self.message, self.hint = message, hint


class TooDeep(Refused):
    """Nesting past MAX_DEPTH: said at once, since the pure parser is slow to reach a deep level."""


def _too_deep(mark) -> Refused:
    return TooDeep(mark, f"lists and mappings are nested more than {MAX_DEPTH} levels deep",
                   "a field holds text, a list, or a list of 'key: value' items: see 'Data format' in README.md")


def _alias(mark, name: str) -> Refused:
    return Refused(mark, f"'*{name}' repeats an earlier value (a YAML alias), which the handbook does not read",
                   "write the value out in full, or put it in quotes if the '*' is part of the text")


class _Careful:
    """A SafeLoader mixin that keeps what the user typed where YAML 1.1 would reinterpret it."""

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []  # key, line of the repeat, line of the first

    def construct_mapping(self, node, deep=False):
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue  # a list or mapping used as a key: PyYAML reports it as unhashable
            line = key_node.start_mark.line
            if key_node.value in seen:
                self.duplicates.append((key_node.value, line, seen[key_node.value]))
            seen.setdefault(key_node.value, line)
        return super().construct_mapping(node, deep=deep)


def _keep_text_unless_plain_number(loader, node):
    # 0123, 0x1F, 1_000 and 12:30 stay the text the user typed; the model decides what it means.
    text = loader.construct_scalar(node)
    if not _PLAIN_DECIMAL.match(text):
        return text
    return float(text) if any(c in text for c in ".eE") else int(text)


def _bool_only_true_false(loader, node):
    # YAML 1.1 reads yes/no/on/off as booleans ("Norway problem"); keep those as text.
    text = loader.construct_scalar(node)
    return _TRUE_FALSE.get(text.lower(), text)


def _timestamp_or_text(loader, node):
    # An impossible date raises a bare ValueError inside PyYAML; keep the text for the model.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


class _Loader(_Careful, yaml.SafeLoader):
    """The pure-Python parser: its error messages are the ones ``explain`` turns into advice."""

    _depth = 0

    def compose_node(self, parent, index):
        # The composer recurses once per level, so the depth is checked before Python's stack runs out.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _alias(event.start_mark, event.anchor)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _too_deep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# libyaml parses a valid file about six times faster, the bulk of loading a big handbook. Only
# a file it takes without complaint uses it; anything else is parsed again by _Loader above.
_FastLoader = type("_FastLoader", (_Careful, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else None

for _cls in filter(None, (_Loader, _FastLoader)):
    _cls.add_constructor("tag:yaml.org,2002:int", _keep_text_unless_plain_number)
    _cls.add_constructor("tag:yaml.org,2002:float", _keep_text_unless_plain_number)
    _cls.add_constructor("tag:yaml.org,2002:bool", _bool_only_true_false)
    _cls.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def _key_lines(root, offset: int) -> dict[Key, int]:
    """The line of every key and list item; the first one wins when a key repeats.

    Breadth first, without recursion, and each node once: a node met twice is an alias and one
    deeper than MAX_DEPTH is refused, so no file can make this walk long (libyaml composes both).
    """
    lines: dict[Key, int] = {}
    seen: set[int] = set()
    queue = deque([(root, (), 1)])
    while queue:
        node, prefix, depth = queue.popleft()
        if id(node) in seen:
            raise _alias(node.start_mark, "alias")  # only libyaml gets here: _Loader stops at the alias
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _too_deep(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    key = prefix + (key_node.value,)
                    lines.setdefault(key, key_node.start_mark.line + offset)
                    queue.append((value_node, key, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                key = prefix + (index,)
                lines.setdefault(key, item.start_mark.line + offset)
                queue.append((item, key, depth + 1))
    return lines


class _Handler(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs):
        return fm  # parsed by read_document, which needs the nodes for line numbers


def _first_tab_line(block: str, offset: int) -> int | None:
    for number, line in enumerate(block.splitlines(), start=offset):
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            return number
    return None


def _read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """The file as text with a BOM dropped and every line end made '\\n', or the problem why not."""

    def fail(line: int, fld: str, message: str, hint: str = ""):
        return None, [Problem(display, line, fld, message, hint)]

    try:
        raw = path.read_bytes()
    except OSError as exc:
        return fail(1, "file", f"cannot be read: {exc.strerror or exc}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fail(1, "encoding", "the file is saved as UTF-16, not UTF-8", "save it again as UTF-8 in your editor")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return fail(line, "encoding", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
                    "save the file as UTF-8 in your editor")
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_document(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read one file. Returns the document, or None with the problems that stopped it."""
    text, problems = _read_text(path, display)
    if text is None:
        return None, problems
    return parse_document(text, display)


def parse_document(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """The same for text already read (BOM dropped, line ends '\\n'): what an edit will write."""

    def fail(line: int, fld: str, message: str, hint: str = ""):
        return None, [Problem(display, line, fld, message, hint)]

    if not text.strip():
        return fail(1, "file", "is empty", "start it with a '---' line, the fields, and another '---' line")
    lines = text.split("\n")
    if not _BOUNDARY.match(lines[0]):
        return fail(1, "frontmatter", "is missing: the first line must be '---'",
                    "put the fields between two '---' lines at the top of the file")
    closing = next((i for i, line in enumerate(lines[1:], start=1) if _BOUNDARY.match(line)), None)
    if closing is None:
        return fail(1, "frontmatter", "is never closed",
                    "add a line with '---' after the last field")

    block = "\n".join(lines[1:closing])
    tab_line = _first_tab_line(block, offset=2)
    if tab_line is not None:
        return fail(tab_line, "frontmatter", "a tab is used for indentation",
                    "YAML allows only spaces: replace the tab with spaces")

    _, body = frontmatter.parse(text, handler=_Handler())
    doc, problems = _parse_mapping(block, display, offset=2, body=body)
    if doc is not None:
        doc.body_line = closing + 2
    return doc, problems


def read_yaml_file(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read a plain YAML data file (such as a question bank) with the same care as frontmatter."""
    text, problems = _read_text(path, display)
    if text is None:
        return None, problems
    return parse_yaml_text(text, display)


def parse_yaml_text(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """The same for text already read, as ``parse_document`` is for frontmatter."""
    tab_line = _first_tab_line(text, offset=1)
    if tab_line is not None:
        return None, [Problem(display, tab_line, "file", "a tab is used for indentation", "replace it with spaces")]
    return _parse_mapping(text, display, offset=1, body="", part="yaml")


def _compose(loader_class: type, block: str, offset: int):
    """(loader, node, key lines, data, keys that are not text) for one YAML block; raises YAMLError."""
    loader = loader_class(block)  # the pure reader checks every character here: a control character fails
    try:
        node = loader.get_single_node()
        lines = _key_lines(node, offset) if node is not None else {}  # before constructing: refuses aliases
        meta = loader.construct_document(node) if node is not None else None
        # Keys YAML reads as something else than text: 1, true, 2026-01-05.
        pairs = node.value if isinstance(node, yaml.MappingNode) else []
        odd_keys = [(k.value, k.start_mark.line) for k, _ in pairs
                    if isinstance(k, yaml.ScalarNode) and not isinstance(loader.construct_object(k), str)]
        return loader, node, lines, meta, odd_keys
    finally:
        loader.dispose()


def _compose_fast(block: str, offset: int):
    """The same with libyaml, or None when it is missing or has any complaint about the block.
    Nesting too deep is the one complaint it reports itself: the pure scanner takes a second to get
    a thousand levels deep, and libyaml stops there ("maximum nesting depth") or is past the limit."""
    if _FastLoader is None or yaml.reader.Reader.NON_PRINTABLE.search(block):
        return None
    try:
        return _compose(_FastLoader, block, offset)
    except TooDeep:
        raise
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem):
            raise _too_deep(exc.problem_mark) from None
        return None
    except Exception:  # noqa: BLE001 (whatever it is, the pure parser decides and explains it)
        return None


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def _field_at(block: str, line: int) -> str | None:
    """The top-level field a 0-based line of the block belongs to (the nearest 'key:' at the margin)."""
    for text in reversed(block.split("\n")[: line + 1]):
        match = _TOP_KEY.match(text)
        if match:
            return match.group(1)
    return None


def _control_name(text: str) -> str:
    return f"U+{ord(CONTROL.search(text).group()):04X}"


def decoded_value_problems(doc: Document) -> list[Problem]:
    """What YAML decoded into something no field may hold: a control character written as an
    escape ("\\e", "\\a", "\\x9b"), or a value of another type (!!binary, !!set). Control characters
    are removed and other values dropped, so even `mkdocs serve`, which keeps going, never shows them."""
    problems: list[Problem] = []

    def report(key: Key, message: str, hint: str) -> None:
        problems.append(Problem(doc.path, doc.line_of(key), field_name(key), message, hint))

    def clean(value: Any, key: Key) -> Any:
        if isinstance(value, str):
            if CONTROL.search(value):
                report(key, f"holds {_control_name(value)}, an invisible control character",
                       "remove it: look for an escape such as \\e, \\a or \\x1b between the quotes")
                return without_controls(value)
            return value
        if isinstance(value, list):
            cleaned = (clean(item, key + (index,)) for index, item in enumerate(value))
            return [item for item in cleaned if item is not _DROP]
        if isinstance(value, dict):
            kept = {}
            for name, item in value.items():
                if isinstance(name, str) and CONTROL.search(name):
                    report(key + (name,), f"the field name holds {_control_name(name)}, an invisible control character",
                           "retype the field name")
                    continue
                item = clean(item, key + (name,))
                if item is not _DROP:
                    kept[name] = item
            return kept
        if isinstance(value, _PLAIN_TYPES):
            return value
        kind = "a !!binary value" if isinstance(value, bytes) else f"a YAML !!{type(value).__name__} value"
        report(key, f"{kind} is not read", "write plain text, a list or 'key: value' lines, without a '!!' tag")
        return _DROP

    doc.meta = clean(doc.meta, ())
    return problems


_DROP = object()  # a value decoded_value_problems leaves out


def _parse_mapping(block: str, display: str, offset: int, body: str,
                   part: str = "frontmatter") -> tuple[Document | None, list[Problem]]:
    def fail(line: int, fld: str, message: str, hint: str = ""):
        return None, [Problem(display, line, fld, message, hint)]

    if len(block) > FRONTMATTER_LIMIT:
        return fail(offset, part, f"is {len(block):,} characters long; the limit is {FRONTMATTER_LIMIT:,}",
                    "keep long text in the notes below the closing '---'")
    try:
        loader, node, lines, meta, odd_keys = _compose_fast(block, offset) or _compose(_Loader, block, offset)
    except Refused as exc:
        return fail(exc.line + offset, _field_at(block, exc.line) or part, exc.message, exc.hint)
    except yaml.YAMLError as exc:
        line, message, hint = explain(exc, block)
        return fail(line + offset, part, message, hint)

    if meta is None:
        if any(line.lstrip().startswith("#") for line in block.split("\n")):
            return fail(offset, part, "holds only comments", "remove the '#' in front of the fields you want to use")
        return fail(max(offset - 1, 1), part, "is empty", "add the fields: README.md, 'Data format', lists them")
    if not isinstance(meta, dict):
        kind = "a list" if isinstance(meta, list) else "a single value"
        return fail(offset, part, f"is {kind}, not a set of 'key: value' fields", "write one 'key: value' per line")

    problems = [
        Problem(display, line + offset, key, f"is set twice, here and on line {first + offset}",
                "remove one of them: YAML would silently keep only this last one")
        for key, line, first in loader.duplicates
    ]
    for text, line in odd_keys:
        problems.append(Problem(display, line + offset, text, f"'{text}' is not a field name",
                                "field names are words, such as 'company' or 'tags'"))
    for key in [k for k in meta if not isinstance(k, str)]:
        meta.pop(key)
    doc = Document(display, meta, lines, body)
    return doc, problems + decoded_value_problems(doc)
