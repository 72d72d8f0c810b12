"""A filled-in message checked against what the guide teaches about asking (content/guide/asking.md).

Rules for a first message (the ``outreach`` template, or one of yours named ``outreach-...``):
- ``outreach-length``: at most 100 words after the subject line;
- ``ask-with-time``: the ask is a question with a concrete time in it, 15-20 minutes;
- ``no-job-ask``: no asking for a job, an opening or a resume (saying you are *not* asking is fine);
- ``connection-first``: when someone introduced you, or you share a school, the opening line says so.

Each warning names its rule and the line of the message (1 is the subject line). The linter only
reads text: the facts it needs (the referrer's name, the school) come from the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..derive.message_moments import OUTREACH, lifecycle_name

MAX_WORDS = 100
MAX_MINUTES = 20  # the guide: ask for 15-20 minutes, never more than 30
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MINUTES = re.compile(r"\b(\d+)(?:\s*(?:-|–|to)\s*(\d+))?[\s-]*(?:minutes?|mins?)\b", re.IGNORECASE)
_JOB_ASK = re.compile(r"\b(jobs?|openings?|vacanc(?:y|ies)|open (?:positions?|roles?)|internships?|"
                      r"r[ée]sum[ée]s?|cv|hire me|refer me)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(not|no|never|without)\b|n[’']t\b", re.IGNORECASE)
_ABBREVIATION = re.compile(r"\b(Dr|Mr|Mrs|Ms|Mx|Prof|St|e\.g|i\.e|etc|vs)\.$", re.IGNORECASE)
_GREETING = re.compile(r"^(hi|hello|dear|hey|good (morning|afternoon|evening))\b", re.IGNORECASE)


@dataclass(frozen=True)
class LintWarning:
    rule: str
    line: int  # in the filled-in message; 1 is the subject line
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, {self.rule}: {self.message}"


def _split(line: str) -> list[str]:
    """A line's sentences; "Dr. Okafor" and "e.g. this" are not two."""
    parts: list[str] = []
    for part in _SENTENCE_END.split(line.strip()):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] += " " + part
        elif part:
            parts.append(part)
    return parts


def _sentences(text: str) -> list[tuple[int, str]]:
    """(line, sentence) for every sentence after the subject line and the greeting; a message keeps a
    paragraph per line."""
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if number == 1 and line.startswith("Subject:"):
            continue
        if not found and _GREETING.match(line.strip()):
            found.append((number, line.strip()))  # the greeting: one sentence, whatever its dots
            continue
        found += [(number, part) for part in _split(line)]
    return found


def _too_long(text: str) -> list[LintWarning]:
    count = 0
    for number, line in enumerate(text.split("\n"), 1):
        if number == 1 and line.startswith("Subject:"):
            continue
        before, count = count, count + len(_WORD.findall(line))
        if before <= MAX_WORDS < count:
            total = count + sum(len(_WORD.findall(rest)) for rest in text.split("\n")[number:])
            return [LintWarning("outreach-length", number, f"the message is {total} words; keep a first message "
                                f"to {MAX_WORDS} or fewer (word {MAX_WORDS + 1} is on this line)")]
    return []


def _ask(sentences: list[tuple[int, str]]) -> list[LintWarning]:
    asks = [(number, s, _MINUTES.search(s)) for number, s in sentences if s.rstrip().endswith("?")]
    timed = [(number, m) for number, _, m in asks if m]
    if not timed:
        # Point at the ask as written: a sentence with a time in it, else the first question.
        near = [number for number, s in sentences if _MINUTES.search(s)] + [number for number, _, _ in asks]
        line = near[0] if near else (sentences[0][0] if sentences else 1)
        return [LintWarning("ask-with-time", line, "no question asks for a set time; ask, for example, "
                            "“Would you have 15 minutes for a call next week?”")]
    number, match = timed[0]
    most = int(match.group(2) or match.group(1))
    if most > MAX_MINUTES:
        return [LintWarning("ask-with-time", number, f"asks for {most} minutes; ask for 15–20 (never more than 30)")]
    return []


def _job_asks(sentences: list[tuple[int, str]]) -> list[LintWarning]:
    return [LintWarning("no-job-ask", number, f"mentions “{match.group(1)}”; a first message asks for advice, "
                        "never for a job, an opening or a resume")
            for number, sentence in sentences
            if (match := _JOB_ASK.search(sentence)) and not _NEGATION.search(sentence)]


def _opening(sentences: list[tuple[int, str]]) -> tuple[int, str] | None:
    body = [(n, s) for n, s in sentences if s.strip()]
    if body and _GREETING.match(body[0][1]):
        body = body[1:]
    return body[0] if body else None


def _connection_first(sentences: list[tuple[int, str]], connections: Iterable[str]) -> list[LintWarning]:
    names = [c for c in connections if c]
    opening = _opening(sentences)
    if not names or opening is None:
        return []
    number, sentence = opening
    said = sentence.casefold()
    if any(name.casefold() in said for name in names):
        return []
    return [LintWarning("connection-first", number, f"the opening line does not name {names[0]}; "
                        "start with the connection, who gave you their name or what you share")]


def lint(name: str, text: str, connections: Iterable[str] = ()) -> list[LintWarning]:
    """The guide's rules for this message; ``connections`` are the names that should open it
    (the referrer's full and first name, or a shared school): any one of them will do."""
    if lifecycle_name(name) != OUTREACH:
        return []
    sentences = _sentences(text)
    found = _too_long(text) + _ask(sentences) + _job_asks(sentences) + _connection_first(sentences, connections)
    return sorted(found, key=lambda w: (w.line, w.rule))


def template_line(source: str, filled_line: str) -> int:
    """The line of a template that most likely wrote a line of its output: the one sharing the most
    words with it once the Jinja tags are taken out (1 when none does)."""
    wanted = set(_WORD.findall(filled_line.lower()))
    best, best_line = 0, 1
    for number, line in enumerate(source.split("\n"), 1):
        plain = re.sub(r"{{.*?}}|{%.*?%}|{#.*?#}", " ", line)
        shared = len(wanted & set(_WORD.findall(plain.lower())))
        if shared > best:
            best, best_line = shared, number
    return best_line
