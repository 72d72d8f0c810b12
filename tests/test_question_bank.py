"""The built-in question bank: one thing per question, open questions, and old ids that keep working."""

from __future__ import annotations

import re

import pytest
from conftest import person, write

from handbook.book import load_handbook
from handbook.questions import BUILTIN_BANK, load_bank

BANK, BANK_PROBLEMS = load_bank([(BUILTIN_BANK, "handbook/data/questions.yml")])
# Words that open a question a plain "yes" or "no" answers.
YES_NO = re.compile(r"^(is|are|am|was|were|do|does|did|would|could|can|may|might|will|shall|should|have|has|had)\b",
                    re.IGNORECASE)
# Merged questions, by the ids meeting files may still carry.
MERGED = {"younger-self": "wish-knew", "first-spark": "how-started", "climate": "culture",
          "who-succeeds": "skills-traits", "hiring-profile": "skills-traits"}


def test_the_built_in_bank_loads_without_problems():
    assert BANK_PROBLEMS == []


@pytest.mark.parametrize("question", BANK.questions.values(), ids=lambda q: q.id)
def test_each_question_asks_one_thing_and_not_for_a_yes_or_no(question):
    sentences = [s for s in re.split(r"(?<=[?.!])\s+", question.text) if s.endswith("?")]
    assert len(sentences) == 1, f"{question.id} asks {len(sentences)} questions"
    asked = sentences[0]
    assert not YES_NO.match(asked), f"{question.id} can be answered with yes or no: {asked}"
    # "..., and what/how/which ...?" is a second question glued on.
    assert not re.search(r",? (and|or) (what|how|which|why|who|where|when)\b", asked), question.id


@pytest.mark.parametrize("old, new", sorted(MERGED.items()))
def test_a_merged_question_keeps_its_old_id_as_an_alias(old, new):
    assert old not in BANK.questions and BANK.canonical(old) == new


def test_old_ids_keep_working_in_meeting_files(tmp_path):
    write(tmp_path / "contacts/people/jane-doe.md", person("Jane Doe"))
    write(tmp_path / "contacts/meetings/2026-12-02-jane.md",
          "---\ndate: 2026-12-02\nwith: jane-doe\nminutes: 30\n"
          "questions: [younger-self, first-spark, wish-knew, climate]\nasked: [who-succeeds, hiring-profile]\n---\n")
    handbook, problems = load_handbook(tmp_path / "contacts", tmp_path)
    assert problems == []
    meeting = handbook.meetings["2026-12-02-jane"]
    # In the order asked; a question picked twice under two names is listed once.
    assert meeting.question_ids == ["wish-knew", "how-started", "culture"]
    assert handbook.bank.resolve(meeting.asked)[0] == ["skills-traits"]


def test_an_alias_may_not_take_another_questions_id(tmp_path):
    write(tmp_path / "contacts/questions.yml",
          "questions:\n"
          "  - {id: mine, category: personal, text: What do you read?, aliases: [typical-day]}\n"
          "  - {id: climate, category: personal, text: What is the weather like?}\n")
    _, problems = load_handbook(tmp_path / "contacts", tmp_path)
    assert [(p.line, p.field, p.message) for p in problems] == [
        (2, "questions.aliases", "'typical-day' is already the id or alias of another question"),
        (3, "questions.id", "'climate' is the old id of question 'culture'"),
    ]


def test_the_rejection_questions_are_a_group_of_their_own():
    assert [q.id for q in BANK.in_category("after-rejection")][0] == "what-was-missing"
    assert "what-was-missing" not in [q.id for q in BANK.in_category("next-steps")]


@pytest.mark.parametrize("category, question_id", [
    ("changing-careers", "transferable-skills"),
    ("changing-careers", "in-my-place"),
    ("industry", "how-people-get-hired"),
    ("career", "first-year"),
    ("industry", "communities"),
    ("industry", "pay-range"),
])
def test_the_bank_covers_career_changers_hiring_the_first_year_communities_and_pay(category, question_id):
    assert BANK.questions[question_id].category == category


def test_the_pay_question_asks_about_the_field_not_their_salary():
    question = BANK.questions["pay-range"]
    assert "your salary" not in question.text.lower() and "range" in question.text
    assert "never their own salary" in question.hint
