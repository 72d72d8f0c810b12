"""The question bank: shipped questions plus the user's own, and how meetings pick from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .loading import read_yaml_file
from .model import Category, Question
from .problems import Problem, did_you_mean
from .validation import validate

BUILTIN_BANK = Path(__file__).parent / "data" / "questions.yml"
ALL_PREFIX = "all:"


@dataclass
class QuestionBank:
    categories: list[Category] = field(default_factory=list)
    questions: dict[str, Question] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # a former id -> the question that took it over

    def canonical(self, question_id: str) -> str | None:
        """The id a meeting's pick stands for: itself, the question an old id was merged into, or None."""
        if question_id in self.questions:
            return question_id
        return self.aliases.get(question_id)

    def in_category(self, category_id: str) -> list[Question]:
        return [q for q in self.questions.values() if q.category == category_id]

    def grouped(self) -> list[tuple[Category, list[Question]]]:
        return [(c, self.in_category(c.id)) for c in self.categories if self.in_category(c.id)]

    def default_ids(self) -> list[str]:
        return [q.id for q in self.questions.values() if q.default]

    def resolve(self, picks: list[str] | None) -> tuple[list[str], list[tuple[int, str, str]]]:
        """Expand a meeting's picks into question ids. Returns (ids, [(index, pick, hint)] unknown)."""
        if picks is None:
            return self.default_ids(), []
        ids: list[str] = []
        unknown = []
        for index, pick in enumerate(picks):
            if pick.startswith(ALL_PREFIX):
                category = pick[len(ALL_PREFIX):].strip()
                members = [q.id for q in self.in_category(category)]
                if not members:
                    hint = did_you_mean(category, [c.id for c in self.categories])
                    unknown.append((index, f"unknown category '{category}'", hint))
                ids += members
            elif self.canonical(pick):
                ids.append(self.canonical(pick))
            else:
                unknown.append((index, f"unknown question '{pick}'", did_you_mean(pick, self.questions)))
        return list(dict.fromkeys(ids)), unknown


def _add_aliases(bank: QuestionBank, question: Question, display: str, line: int) -> list[Problem]:
    problems = []
    for alias in question.aliases:
        if alias in bank.questions or alias in bank.aliases:
            problems.append(Problem(display, line, "questions.aliases",
                                    f"'{alias}' is already the id or alias of another question",
                                    "an alias must be an id no other question uses"))
        else:
            bank.aliases[alias] = question.id
    return problems


def load_bank(files: list[tuple[Path, str]]) -> tuple[QuestionBank, list[Problem]]:
    """Merge bank files in order; a later file may add categories and questions, never redefine ids."""
    bank = QuestionBank()
    problems: list[Problem] = []
    for path, display in files:
        doc, found = read_yaml_file(path, display)
        problems += found
        if doc is None:
            continue
        unknown = sorted(set(doc.meta) - {"categories", "questions"})
        problems += [Problem(display, doc.line_of((k,)), k, f"unknown key '{k}'",
                             did_you_mean(k, ["categories", "questions"]) or "use 'categories' and 'questions'")
                     for k in unknown]
        for kind, model, target in (("categories", Category, None), ("questions", Question, bank.questions)):
            items = doc.meta.get(kind) or []
            if not isinstance(items, list):
                problems.append(Problem(display, doc.line_of((kind,)), kind, "should be a list", "write '- id: ...' items"))
                continue
            for index, item in enumerate(items):
                sub = type(doc)(display, item if isinstance(item, dict) else {"_": item},
                                {k[2:]: v for k, v in doc.lines.items() if k[:2] == (kind, index)}, "")
                sub.lines.setdefault((), doc.line_of((kind, index)))
                record, found = validate(sub, model)
                problems += [Problem(p.path, p.line if p.line > 1 else doc.line_of((kind, index)),
                                     f"{kind}[{index}].{p.field}", p.message, p.hint) for p in found]
                if record is None:
                    continue
                line = doc.line_of((kind, index))
                if kind == "categories":
                    if any(c.id == record.id for c in bank.categories):
                        problems.append(Problem(display, line, "categories.id", f"category '{record.id}' is defined twice", "give it another id"))
                    else:
                        bank.categories.append(record)
                elif record.id in target:
                    problems.append(Problem(display, line, "questions.id", f"question '{record.id}' is defined twice",
                                            "give your question another id"))
                elif record.id in bank.aliases:
                    problems.append(Problem(display, line, "questions.id",
                                            f"'{record.id}' is the old id of question '{bank.aliases[record.id]}'",
                                            "give your question another id"))
                else:
                    target[record.id] = record
                    problems += _add_aliases(bank, record, display, line)
    known = {c.id for c in bank.categories}
    for q in bank.questions.values():
        if q.category not in known:
            problems.append(Problem(files[-1][1], 1, "questions.category", f"question '{q.id}' has unknown category '{q.category}'",
                                    did_you_mean(q.category, known) or "add the category to 'categories'"))
    return bank, problems
