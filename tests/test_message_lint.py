"""The message linter, rule by rule: each one passes a message that follows the guide and catches
one that does not, with the rule's name and the line of the message."""

from __future__ import annotations

import pytest

from handbook.render.message_lint import MAX_WORDS, lint, template_line

GOOD = """Subject: Sam Lee suggested I get in touch

Hi Jane,

Sam Lee gave me your name as someone to ask about working as a data analyst. I'm Alex.

Would you have 15 minutes for a call in the coming weeks? I'm after advice, not a job.

Best,
Alex
"""


def rules(text: str, name: str = "outreach", connections=("Sam Lee", "Sam")) -> list[tuple[str, int]]:
    return [(w.rule, w.line) for w in lint(name, text, connections)]


def test_a_message_that_follows_the_guide_has_no_warnings():
    assert rules(GOOD) == []


def test_only_first_messages_are_checked():
    bad = "Subject: x\n\nHi Jane,\n\nCould you pass on my resume for the opening?\n"
    assert rules(bad, "thank-you") == [] and rules(bad, "keep-in-touch") == []
    assert ("no-job-ask", 5) in rules(bad, "outreach-linkedin")  # a template of yours shares the outreach moment
    assert rules(bad, "outreachy") == []


def test_outreach_length_counts_the_words_after_the_subject():
    words = len(GOOD.split("\n", 1)[1].split())  # the subject line does not count
    at_limit = GOOD.replace("Best,", " ".join(["word"] * (MAX_WORDS - words)) + "\n\nBest,")
    assert rules(at_limit) == []
    over = GOOD.replace("Hi Jane,\n", "Hi Jane,\n\n" + " ".join(["word"] * MAX_WORDS) + "\n")
    warnings = lint("outreach", over, ("Sam Lee",))
    # "Hi Jane," is words 1-2, so word 101 is on the filler's line, 5.
    assert [(w.rule, w.line) for w in warnings] == [("connection-first", 5), ("outreach-length", 5)]
    assert f"{words + MAX_WORDS} words" in warnings[1].message


@pytest.mark.parametrize("ask, found", [
    ("Would you have 15 minutes for a call in the coming weeks?", []),
    ("Could we talk for 15-20 minutes next week?", []),
    ("Would a 20-minute coffee work for you?", []),
    ("Would you have some time for a call?", [("ask-with-time", 7)]),  # no number
    ("I'd like 15 minutes of your time.", [("ask-with-time", 7)]),  # no question at all
    ("Would you have 30 minutes for a call?", [("ask-with-time", 7)]),
    ("Could we talk for 15 to 30 minutes?", [("ask-with-time", 7)]),
])
def test_the_ask_is_a_question_with_15_to_20_minutes_in_it(ask, found):
    text = GOOD.replace("Would you have 15 minutes for a call in the coming weeks?", ask)
    assert rules(text) == found


@pytest.mark.parametrize("sentence, flagged", [
    ("I'm after advice, not a job.", False),
    ("I'm not asking about openings.", False),
    ("I won't ask you for a job.", False),
    ("Are there any openings on your team?", True),
    ("I've attached my resume.", True),
    ("Could you refer me to the hiring manager?", True),
    ("I'm looking for a job in analytics.", True),
    ("Do you have internships this summer?", True),
    ("My CV is below.", True),
])
def test_no_ask_for_a_job_an_opening_or_a_resume(sentence, flagged):
    text = GOOD.replace("I'm after advice, not a job.", sentence)
    assert (("no-job-ask", 7) in rules(text)) is flagged


def test_the_connection_comes_first_when_there_is_one():
    late = GOOD.replace("Sam Lee gave me your name as someone to ask about working as a data analyst. I'm Alex.",
                        "I'm Alex, a career changer. Sam Lee gave me your name.")
    warnings = lint("outreach", late, ("Sam Lee", "Sam"))
    assert [(w.rule, w.line) for w in warnings] == [("connection-first", 5)]
    assert "Sam Lee" in warnings[0].message
    assert rules(GOOD.replace("Sam Lee gave", "Sam gave")) == []  # the first name is enough
    assert rules(late, connections=()) == []  # no connection known: nothing to name
    school = GOOD.replace("Sam Lee gave me your name as", "We both studied at Example State, so I'm writing as")
    assert rules(school, connections=("Example State",)) == []


def test_a_warning_names_the_rule_and_the_line():
    warning = lint("outreach", GOOD.replace("Would you have 15 minutes", "Would you have an hour"))[0]
    assert str(warning).startswith("line 7, ask-with-time: ")


def test_template_line_finds_the_line_that_wrote_the_text():
    source = "Subject: {{ x }}\n\nHi {{ contact.first_name }},\n\n{% if a %}Are there any openings?{% endif %}\n"
    assert template_line(source, "Are there any openings?") == 5
    assert template_line(source, "Hi Jane,") == 3
    assert template_line(source, "nothing alike") == 1
