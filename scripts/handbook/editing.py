"""Round-trip edits of a user's file: change a few values, keep every other byte as it was.

ruamel.yaml's round-trip mode makes the change on its tree, where comments and key order live.
Its output is not used as it is: ruamel respaces lines it never had to touch (``a:   b`` becomes
``a: b``, ``[a,b]`` becomes ``[a, b]``). Only the lines that differ between its dump of the file
before and after the change are spliced into the original text, so everything else (spacing,
quoting, comments, line ends, a BOM, the notes below the frontmatter) stays byte for byte.

The result is then read back with our own loader and must hold exactly the values intended;
anything else refuses the edit (``EditRefused``) and the file is left alone.

    edit = open_frontmatter(path, "contacts/people/jane-doe.md")
    edit.append("touches", {"date": day, "via": "email", "note": "sent the article"}, after=("tags",))
    print(edit.diff())          # what would change, as a unified diff
    edit.save()                 # temp file + rename; refuses if the file changed meanwhile
"""

from __future__ import annotations

import copy
import difflib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from .files import FileChanged, rewrite_file
from .loading import Document, parse_document, parse_yaml_text
from .problems import Problem
from .validation import validate

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # a line with its own ending; YAML's three kinds
_BOUNDARY = re.compile(r"^-{3,}\s*$")  # the loader's frontmatter boundary
_NEUTRAL = re.compile(r"^\s*(#.*)?$")  # a comment or a blank line: carries no data
_BOM = "\ufeff"

Key = tuple  # a path into the data, e.g. ("follow_ups", 0, "done")


class EditRefused(Exception):
    """The edit cannot be made exactly; ``problem`` says why. Nothing was written."""

    def __init__(self, problem: Problem, problems: Iterable[Problem] = ()):
        super().__init__(str(problem))
        self.problem = problem
        self.problems = [problem, *problems]


@dataclass(frozen=True)
class _Parts:
    """A file cut where its YAML starts and ends; ``head`` and ``tail`` are kept as they are."""

    bom: str
    head: list[str]  # the opening '---' line of a frontmatter; empty for a plain YAML file
    yaml: list[str]  # the YAML lines, each with its own line end
    tail: list[str]  # the closing '---' line and the notes body

    @property
    def first_line(self) -> int:
        return len(self.head) + 1  # the file's line number of yaml[0]


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)


def _bare(line: str) -> str:
    return line.rstrip("\r\n")


def _ending(line: str, fallback: str) -> str:
    return line[len(_bare(line)):] or fallback


def _yaml_text(lines: list[str]) -> str:
    return "".join(_bare(line) + "\n" for line in lines)


def _split(text: str, frontmatter: bool, display: str) -> _Parts:
    bom = _BOM if text.startswith(_BOM) else ""
    lines = _lines(text[len(bom):])
    if not frontmatter:
        return _Parts(bom, [], lines, [])
    closing = next((i for i, line in enumerate(lines[1:], start=1) if _BOUNDARY.match(_bare(line))), None)
    if not lines or not _BOUNDARY.match(_bare(lines[0])) or closing is None:
        raise EditRefused(Problem(display, 1, "frontmatter", "has no '---' lines around its fields",
                                  "run handbook check, fix the file, then try again"))
    return _Parts(bom, lines[:1], lines[1:closing], lines[closing:])


def _yaml(text: str) -> YAML:
    """A round-trip ruamel.yaml that indents new lines the way this text already does."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the user wrote on one line
    try:
        _, indent, offset = load_yaml_guess_indent(text)
    except YAMLError:
        indent, offset = None, None
    # Lists nested as in README ("touches:\n  - {...}") unless the file does otherwise.
    offset = 2 if offset is None else offset
    indent = max(indent or 2, offset + 2)
    yaml.indent(mapping=2, sequence=indent, offset=offset)
    return yaml


def _dump(yaml: YAML, data: Any) -> list[str]:
    if not data:
        return []
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue().split("\n")[:-1]


def _align(original: list[str], baseline: list[str]) -> dict[int, int]:
    """Which original line each line of ruamel's unedited dump stands for. A line ruamel respaced
    still counts as that line (a same-size replacement); lines it regrouped stand for none."""
    mapping: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, baseline, original, autojunk=False)
    for tag, b1, b2, o1, o2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and b2 - b1 == o2 - o1):
            mapping.update(zip(range(b1, b2), range(o1, o2)))
    return mapping


def _same(read: Any, intended: Any) -> bool:
    """Equal values; text may differ in its final line breaks: a ``|`` block that ends the
    frontmatter is read without one, and gains it when a key is added after it."""
    if isinstance(read, str) and isinstance(intended, str):
        return read.rstrip("\n") == intended.rstrip("\n")
    if isinstance(read, dict) and isinstance(intended, dict):
        return read.keys() == intended.keys() and all(_same(read[k], intended[k]) for k in read)
    if isinstance(read, list) and isinstance(intended, list):
        return len(read) == len(intended) and all(map(_same, read, intended))
    return type(read) is type(intended) and read == intended


_COMMENT_END = re.compile(r"(\s+)(#[^'\"]*)$")  # an end-of-line comment, with the gap before it


def _keep_comment_gap(old: str, new: str) -> str:
    """ruamel puts one space before a kept end-of-line comment; the user's gap stays as it was."""
    before, after = _COMMENT_END.search(old), _COMMENT_END.search(new)
    if before and after and before.group(2) == after.group(2):
        return new[:after.start()] + before.group(1) + after.group(2)
    return new


def _plain(value: Any) -> Any:
    """A value as our own loader would hold it: plain dicts, lists and scalars."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Edit:
    """One file opened for a round-trip edit. Change it with ``set``, ``set_in`` and ``append``,
    look at ``diff()`` or ``changed_lines()``, then ``save()``."""

    def __init__(self, path: Path, display: str, raw: bytes, parts: _Parts, doc: Document, frontmatter: bool):
        self.path = Path(path)
        self.display = display
        self._raw = raw  # the bytes the edit started from: diffs compare with them
        self._on_disk = raw  # what the file must still hold when it is saved
        self._parts = parts
        self._frontmatter = frontmatter
        source = _yaml_text(parts.yaml)
        self._yaml = _yaml(source)
        try:
            self.data = self._yaml.load(source) if source.strip() else CommentedMap()
        except YAMLError as exc:  # e.g. ruamel's stricter view of a duplicate key
            mark = getattr(exc, "problem_mark", None)
            line = parts.first_line + (mark.line if mark else 0)
            raise EditRefused(Problem(display, line, "frontmatter", "cannot be edited safely: "
                                      f"{getattr(exc, 'problem', None) or exc}", "edit this file by hand")) from None
        if not isinstance(self.data, CommentedMap):
            raise EditRefused(Problem(display, parts.first_line, "frontmatter", "is not a set of 'key: value' fields",
                                      "run handbook check and fix the file first"))
        self._baseline = _dump(self._yaml, self.data)
        self._expected = copy.deepcopy(doc.meta)  # what our loader must read back after the edit
        self.document = doc  # the file as it was, with the line of every key
        self._text: str | None = None  # the edited text, made again after each change

    # -- reading -----------------------------------------------------------------------------

    def get(self, *key: Any, default: Any = None) -> Any:
        """The value at a key path as our loader reads it, e.g. get("follow_ups", 0, "task")."""
        value: Any = self._expected
        for part in key:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return default
        return value

    # -- changing ----------------------------------------------------------------------------

    def set(self, key: str, value: Any, after: Iterable[str] = ()) -> None:
        """Set a top-level key. A new key goes after the first of ``after`` the file has, else last."""
        self._text = None
        if key in self.data:
            self.data[key] = value
        else:
            self.data.insert(self._position(after), key, value)
        self._expected[key] = _plain(value)

    def set_in(self, key: Key, value: Any) -> None:
        """Set a key inside an existing mapping, e.g. set_in(("follow_ups", 0, "done"), True)."""
        self._text = None
        *parents, last = key
        node, plain = self.data, self._expected
        for part in parents:
            node, plain = node[part], plain[part]
        if not isinstance(node, dict) or not isinstance(plain, dict):
            raise EditRefused(Problem(self.display, self.line_of(tuple(parents)), ".".join(map(str, parents)),
                                      "is not a set of 'key: value' fields", "edit this file by hand"))
        node[last] = value
        plain[last] = _plain(value)

    def append(self, key: str, item: Any, after: Iterable[str] = ()) -> None:
        """Add ``item`` at the end of a top-level list, written like the items already there
        (``{a: 1}`` or block style; ``[a, b]`` stays a flow list). A missing or empty key becomes
        a list: of ``{...}`` items for mappings, ``[a, b]`` for plain values."""
        self._text = None
        current = self.data.get(key)
        if current is not None and not isinstance(current, list):
            raise EditRefused(Problem(self.display, self.line_of((key,)), key, "is not a list",
                                      f"write it as a list, e.g. {key}: [...], then try again"))
        if isinstance(current, CommentedSeq):
            last = current[-1] if current else None
            flow_items = isinstance(last, CommentedMap) and last.fa.flow_style()
            current.append(self._styled(item, flow=flow_items or not current))
            self._expected[key] = [*(self._expected.get(key) or []), _plain(item)]
            return
        seq = CommentedSeq([self._styled(item, flow=True)])
        if not isinstance(item, dict):
            seq.fa.set_flow_style()  # asked: [a, b]
        self.set(key, seq, after)
        self._expected[key] = [_plain(item)]

    @staticmethod
    def _styled(item: Any, flow: bool) -> Any:
        if not isinstance(item, dict):
            return item
        mapping = CommentedMap(item)
        if flow:
            mapping.fa.set_flow_style()
        return mapping

    def _position(self, after: Iterable[str]) -> int:
        keys = list(self.data)
        for name in after:
            if name in self.data:
                return keys.index(name) + 1
        return len(keys)

    # -- the result --------------------------------------------------------------------------

    def _spliced(self, above_comments: bool) -> list[str]:
        """The file's YAML lines with only the changed ones replaced, each keeping its line end."""
        original = self._parts.yaml
        bare = [_bare(line) for line in original]
        edited = _dump(self._yaml, self.data)
        mapping = _align(bare, self._baseline)
        fallback = _ending(original[0], "\n") if original else _ending((self._parts.head or ["\n"])[0], "\n")
        result = list(original)
        hunks = [op for op in difflib.SequenceMatcher(None, self._baseline, edited, autojunk=False).get_opcodes()
                 if op[0] != "equal"]
        for _, b1, b2, e1, e2 in reversed(hunks):  # from the end, so earlier line numbers stay put
            start, end = self._target(mapping, b1, b2, bare, above_comments)
            near = original[start - 1] if start > 0 else original[start] if start < len(original) else ""
            ending = _ending(near, fallback)
            replaced = original[start:end]
            result[start:end] = [
                _keep_comment_gap(_bare(replaced[i]), line) + _ending(replaced[i], ending) if i < len(replaced)
                else line + ending
                for i, line in enumerate(edited[e1:e2])]
        return result

    def _target(self, mapping: dict[int, int], b1: int, b2: int, bare: list[str],
                above_comments: bool) -> tuple[int, int]:
        """Where in the original lines a change of ruamel's lines b1..b2 goes."""
        if b1 < b2:
            spots = [mapping.get(i) for i in range(b1, b2)]
            if None in spots or spots != list(range(spots[0], spots[0] + len(spots))):
                raise self._inexact()
            return spots[0], spots[-1] + 1
        if b1 == 0:
            start = 0
        elif b1 - 1 in mapping:
            start = mapping[b1 - 1] + 1
        elif b1 in mapping:
            start = mapping[b1]
        else:
            raise self._inexact()
        # ruamel hangs the comments after a list on its last item, so a new item would land below
        # them; they usually introduce what follows, so the new lines go above them.
        while above_comments and start > 1 and _NEUTRAL.match(bare[start - 1]):
            start -= 1
        return start, start

    def _inexact(self) -> EditRefused:
        return EditRefused(Problem(self.display, self._parts.first_line, "frontmatter",
                                   "cannot be changed without rewriting lines around the change",
                                   "make this change by hand in your editor"))

    @property
    def changed(self) -> bool:
        return self.text() != self._original_text

    @property
    def _original_text(self) -> str:
        return self._raw.decode("utf-8")

    def text(self) -> str:
        """The whole edited file. Raises EditRefused when the change cannot be made exactly."""
        if self._text is not None:
            return self._text
        parts = self._parts
        # Above trailing comments first; if that lands inside a block scalar, where ruamel put it.
        for above_comments in (True, False):
            lines = self._spliced(above_comments)
            if self._reads_as_intended(lines):
                self._text = parts.bom + "".join([*parts.head, *lines, *parts.tail])
                return self._text
        raise self._inexact()

    def _reads_as_intended(self, lines: list[str]) -> bool:
        """Our own loader reads exactly the intended values from these YAML lines."""
        text = _yaml_text([*self._parts.head, *lines, *self._parts.tail[:1]])
        doc, problems = (parse_document if self._frontmatter else parse_yaml_text)(text, self.display)
        return doc is not None and not [p for p in problems if p.is_error] and _same(doc.meta, self._expected)

    def new_document(self) -> Document:
        """The edited file as the loader reads it, with its new line numbers."""
        text = self.text()
        normal = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
        doc, problems = (parse_document if self._frontmatter else parse_yaml_text)(normal, self.display)
        if doc is None:
            raise EditRefused(problems[0], problems[1:])
        return doc

    def validate(self, model: type) -> list[Problem]:
        """The problems the edited file would have against ``model`` (PersonFields, MeetingFields...)."""
        _, problems = validate(self.new_document(), model)
        return problems

    def line_of(self, key: Key) -> int:
        """The line of a key in the file as it was (the deepest one it has)."""
        return self.document.line_of(key)

    def new_line_of(self, key: Key) -> int:
        """The line of a key once edited, e.g. of the touch just appended."""
        return self.new_document().line_of(key)

    def changed_lines(self) -> list[int]:
        """The line numbers, in the edited file, of the lines that are new or different."""
        before = self._original_text.removeprefix(_BOM)
        after = self.text().removeprefix(_BOM)
        matcher = difflib.SequenceMatcher(None, _lines(before), _lines(after), autojunk=False)
        return [n + 1 for tag, _, _, a1, a2 in matcher.get_opcodes() if tag != "equal" for n in range(a1, a2)]

    def diff(self) -> str:
        """The change as a unified diff (a/path, b/path); empty when nothing changes."""
        before = [_bare(line) for line in _lines(self._original_text.removeprefix(_BOM))]
        after = [_bare(line) for line in _lines(self.text().removeprefix(_BOM))]
        lines = difflib.unified_diff(before, after, f"a/{self.display}", f"b/{self.display}", lineterm="")
        return "".join(f"{line}\n" for line in lines)

    def save(self) -> bool:
        """Write the edit atomically. False when there was nothing to change."""
        data = self.text().encode("utf-8")
        if data == self._on_disk:
            return False
        try:
            rewrite_file(self.path, data, self._on_disk)
        except FileChanged:
            raise EditRefused(Problem(self.display, 1, "file", "changed on disk while it was being edited",
                                      "run the command again")) from None
        self._on_disk = data
        return True


def _open(path: Path, display: str | None, frontmatter: bool) -> Edit:
    path = Path(path)
    display = display or path.as_posix()
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise EditRefused(Problem(display, 1, "file", f"cannot be read: {exc.strerror or exc}")) from None
    except UnicodeDecodeError:
        raise EditRefused(Problem(display, 1, "encoding", "is not UTF-8", "save it as UTF-8 in your editor")) from None
    normal = text.removeprefix(_BOM).replace("\r\n", "\n").replace("\r", "\n")
    doc, problems = (parse_document if frontmatter else parse_yaml_text)(normal, display)
    errors = [p for p in problems if p.is_error]
    if doc is None or errors:
        first, *rest = errors or problems
        raise EditRefused(first, rest)
    return Edit(path, display, raw, _split(text, frontmatter, display), doc, frontmatter)


def open_frontmatter(path: Path, display: str | None = None) -> Edit:
    """Open a markdown file's frontmatter for a round-trip edit. Raises EditRefused when the file
    cannot be read or its YAML has errors (the problems say which)."""
    return _open(path, display, frontmatter=True)


def open_yaml(path: Path, display: str | None = None) -> Edit:
    """Open a plain YAML file (such as contacts/me.yml) for a round-trip edit."""
    return _open(path, display, frontmatter=False)

