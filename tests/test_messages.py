"""Message templates: filled in per contact from the user's own files, errors as problems,
`handbook message` on the terminal, and on the private contact page escaped with a copy button."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from conftest import TODAY, copy_handbook, run_mkdocs, serve_directory, write
from handbook_cli import handbook
from search_index import indexed_pages

from handbook.book import load_handbook
from handbook.render.messages import contact_messages, date_text, message_problems

EVIL = "<script>alert(1)</script>"


def load(root: Path):
    return load_handbook(root / "contacts", root)


def filled(root: Path, slug: str) -> dict[str, str]:
    book, _ = load(root)
    return {m.name: m.text for m in contact_messages(book, book.contacts[slug], TODAY)}


def test_every_starter_template_fills_in_where_it_fits(handbook_copy):
    book, problems = load(handbook_copy)
    assert problems == [] and message_problems(book, TODAY) == []
    offered = {}
    for contact in book.contacts.values():
        for m in contact_messages(book, contact, TODAY):
            offered.setdefault(m.name, []).append(contact.slug)
            assert m.problem is None and m.text.startswith("Subject: ") and m.subject
            addressee = book.referrer_of(contact) if m.name == "referrer-thanks" else contact
            assert f"Hi {addressee.first_name}," in m.text or f"Dear {addressee.greeting}," in m.text
            assert m.text.rstrip().endswith(book.me.name)
            assert m.warnings == ()  # the shipped wording follows the guide
    # On 25 November: Lina is a prospect, Elena and Tomáš were met and not thanked, Jane has not told
    # how it went with Priya; nobody's keep-in-touch date has come.
    assert offered == {"outreach": ["lina-park"], "thank-you": ["elena-garcia", "tomas-novak"],
                       "referrer-thanks": ["priya-raman"]}


def test_outreach_opens_with_what_you_know_of_their_work(handbook_copy):
    text = filled(handbook_copy, "lina-park")["outreach"]
    assert text.startswith("Subject: 15 minutes on your work at Juniper Learning?\n")
    assert "\nI read your blog post on moving from teaching to design" in text  # from how_we_met
    assert "as a learning experience designer" in text and "I'm Alex Rivera." in text
    assert "came across" not in text and "interview" not in text.lower()


def test_thank_you_mentions_referrals_and_leaves_room_for_what_you_learned(handbook_copy):
    write(handbook_copy / "contacts" / "meetings" / "2026-10-02-jane-doe.md",
          "---\ndate: 2026-10-02\nwith: [jane-doe]\nstatus: done\n---\n")
    book, _ = load(handbook_copy)
    referred = sorted(c.name for c in book.referred("jane-doe"))
    assert len(referred) == 2  # the example has Jane introduce Marcus and Priya
    text = filled(handbook_copy, "jane-doe")["thank-you"]
    assert f"pointing me to {referred[0]} and {referred[1]}." in text
    assert "[One thing they said" in text and "I'll let Sam know" in text


def test_the_thank_you_is_about_the_latest_meeting_that_took_place(handbook_copy):
    book, _ = load(handbook_copy)
    held = [m for m in book.meetings_with("elena-garcia") if m.day <= TODAY and m.status == "done"]
    text = filled(handbook_copy, "elena-garcia")["thank-you"]
    assert f"Thank you for the video call on {date_text(held[-1].day, TODAY)}." in text
    assert date_text(dt.date(2025, 3, 7), TODAY) == "Friday 7 March 2025"
    assert date_text(dt.date(2026, 3, 6), TODAY) == "Friday 6 March"


def test_a_rebuild_fills_again_only_what_an_edit_changed(handbook_copy, monkeypatch):
    # `mkdocs serve` loads the handbook afresh on each save: unchanged messages are not rendered again.
    from handbook.render import messages

    messages.remember_between_builds()  # as the plugin does in `mkdocs serve`
    monkeypatch.setattr(messages, "_remember", True)  # and undone after the test
    before, _ = load(handbook_copy)
    first = {c.slug: contact_messages(before, c, TODAY) for c in before.contacts.values()}
    person = handbook_copy / "contacts" / "people" / "jane-doe.md"
    person.write_text(person.read_text(encoding="utf-8").replace("Jane Doe", "Janet Doe", 1), encoding="utf-8")
    rendered = []
    real = messages._render_message
    monkeypatch.setattr(messages, "_render_message", lambda t, c, v: rendered.append(v["contact"].name) or real(t, c, v))
    after, _ = load(handbook_copy)
    second = {c.slug: contact_messages(after, c, TODAY) for c in after.contacts.values()}
    jane = after.contacts["jane-doe"]
    related = {"jane-doe", *(c.slug for c in after.referred("jane-doe")), after.referrer_of(jane).slug}
    # Of the people whose values name Jane, only Priya has a message that fits today: the thanks to Jane.
    assert "Hi Janet," in second["priya-raman"][0].text
    assert {slug for slug in second if second[slug] != first[slug]} == {"priya-raman"}
    assert sorted(rendered) == sorted(after.contacts[slug].name for slug in related for _ in second[slug])
    assert rendered == ["Priya Raman"] and len(after.contacts) > len(related)


def test_without_me_yml_the_signature_is_a_placeholder(handbook_copy):
    (handbook_copy / "contacts" / "me.yml").unlink()
    assert filled(handbook_copy, "lina-park")["outreach"].rstrip().endswith("[your name]")


def test_me_yml_is_validated_like_any_file(handbook_copy):
    write(handbook_copy / "contacts" / "me.yml", "name: Alex\npich: typo\n")
    _, problems = load(handbook_copy)
    assert [str(p) for p in problems] == [
        "contacts/me.yml:2: pich: unknown key 'pich' (did you mean 'pitch'?)"]


@pytest.mark.parametrize("source, line, words", [
    ("Subject: x\n\n{% if contact.name %}\nno end\n", 3, "endif"),  # the block left open
    ("Subject: x\n\nHi {{ contact.frist_name }}\n", 3, "frist_name"),
    ("Subject: x\n\n\n{{ ''.__class__.__mro__ }}\n", 4, "__class__"),  # the sandbox says no
    ("Subject: x\n{{ 1 // 0 }}\n", 2, "division"),
])
def test_a_template_mistake_becomes_a_problem_with_file_and_line(handbook_copy, source, line, words):
    write(handbook_copy / "contacts" / "messages" / "custom.md.j2", source)
    book, _ = load(handbook_copy)
    problems = message_problems(book, TODAY)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line, problem.field) == ("contacts/messages/custom.md.j2", line, "template")
    assert words in problem.message
    broken = next(m for m in contact_messages(book, book.contacts["sam-lee"], TODAY) if m.name == "custom")  # always offered
    assert broken.problem == problem or broken.problem.message == problem.message


def test_handbook_message_prints_the_text(handbook_copy):
    result = handbook(handbook_copy, "message", "thank-you", "elena-garcia")
    assert result.exit_code == 0, result.output
    assert result.stdout == filled(handbook_copy, "elena-garcia")["thank-you"]
    assert result.stderr == ""


def test_handbook_message_says_to_whom_a_thanks_to_the_referrer_goes(handbook_copy):
    result = handbook(handbook_copy, "message", "referrer-thanks", "priya-raman")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Subject: Thank you for introducing me to Priya Raman\n\nHi Jane,\n")
    assert "To Jane Doe, who introduced you to Priya Raman." in result.stderr


@pytest.mark.parametrize("name, slug, why", [
    ("thank-you", "marcus-okafor", "the meeting on 2026-12-04 has not taken place yet"),
    ("thank-you", "priya-raman", "the meeting on 2026-11-10 is already thanked"),
    ("outreach", "jane-doe", "Jane has a meeting file already"),
    ("referrer-thanks", "sam-lee", "nobody introduced Sam"),
    ("keep-in-touch", "sam-lee", "the next touch with Sam is due on 2026-12-27"),
])
def test_handbook_message_refuses_a_message_that_does_not_fit_yet(handbook_copy, name, slug, why):
    result = handbook(handbook_copy, "message", name, slug)
    assert result.exit_code == 1 and result.stdout == ""
    assert f"{name} does not fit" in result.stderr and why in result.stderr, result.stderr
    assert "messages that fit now:" in result.stderr


def test_handbook_message_warns_on_stderr_where_a_template_strays_from_the_guide(handbook_copy):
    path = handbook_copy / "contacts" / "messages" / "outreach.md.j2"
    path.write_text(path.read_text(encoding="utf-8").replace("I'm after advice, not a job.",
                                                             "I've attached my resume."), encoding="utf-8")
    result = handbook(handbook_copy, "message", "outreach", "lina-park")
    assert result.exit_code == 0 and "I've attached my resume." in result.stdout
    line = result.stdout.split("\n").index(next(l for l in result.stdout.split("\n") if "resume" in l)) + 1
    assert f"warning: outreach, line {line}, no-job-ask:" in result.stderr
    assert "warning" not in result.stdout


def test_handbook_message_lists_templates_and_suggests_contacts(handbook_copy):
    unknown = handbook(handbook_copy, "message", "thanks", "jane-doe")
    assert unknown.exit_code == 1
    assert "available: keep-in-touch, outreach, referrer-thanks, thank-you" in unknown.stderr
    nobody = handbook(handbook_copy, "message", "outreach", "jane")
    assert nobody.exit_code == 1 and "did you mean 'jane-doe'?" in nobody.stderr
    assert "thank-you" in handbook(handbook_copy, "message", "--help").stdout


def test_handbook_message_reports_a_broken_template(handbook_copy):
    write(handbook_copy / "contacts" / "messages" / "outreach.md.j2", "Subject: {{ oops\n")
    result = handbook(handbook_copy, "message", "outreach", "lina-park")
    assert result.exit_code == 1
    assert "contacts/messages/outreach.md.j2:1: template:" in result.stdout


# The contact page: built once with a contact whose name is a script tag, met on 20 November, and a
# first message of the user's own that asks for an opening.

ASKS_FOR_AN_OPENING = "Subject: Hello\n\nHi {{ contact.first_name }},\n\nAre there any openings on your team?\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("messages") / "handbook")
    write(root / "contacts" / "people" / "evil.md",
          f'---\nname: "{EVIL}"\ncompany: "Acme & <b>Sons</b>"\nreferred_by: sam-lee\n---\n')
    write(root / "contacts" / "meetings" / "2026-11-20-evil.md", "---\ndate: 2026-11-20\nwith: [evil]\nstatus: done\n---\n")
    write(root / "contacts" / "messages" / "outreach-note.md.j2", ASKS_FOR_AN_OPENING)
    private = run_mkdocs(root, "build", "--strict", site=root / "site")
    assert private.returncode == 0, private.stderr
    public = run_mkdocs(root, "build", "--strict", site=root / "public", env={"HANDBOOK_PROFILE": "public"})
    assert public.returncode == 0, public.stderr
    return root


def contact_page(site: Path, slug: str = "evil") -> str:
    return (site / "contacts" / slug / "index.html").read_text(encoding="utf-8")


def messages_block(page: str) -> str:
    block = page[page.index('<div class="hb-messages"'):]
    return block[:block.index("</div>")]


def test_the_private_contact_page_shows_each_message_that_fits_escaped(built):
    page = contact_page(built / "site")
    block = messages_block(page)
    assert block.count("<details") == 2 and block.count("data-hb-copy=") == 2  # thank-you, referrer-thanks
    assert "Hi &lt;script&gt;alert(1)&lt;/script&gt;," in block
    assert "Acme &amp; &lt;b&gt;Sons&lt;/b&gt;" in block
    assert EVIL not in page and "<b>Sons</b>" not in page
    assert "assets/javascripts/handbook.js" in page  # the copy buttons are its messages section


def test_thanks_to_a_referrer_is_labelled_with_whom_it_goes_to(built):
    introduced = contact_page(built / "site")  # referred_by: sam-lee
    assert "Referrer thanks to Sam Lee" in introduced and "Hi Sam,\n" in introduced
    sam = contact_page(built / "site", "sam-lee")
    # Nobody introduced Sam: no thanks of Sam's own, only the one about the person Sam introduced.
    assert 'id="hb-message-referrer-thanks"' not in sam
    assert "Referrer thanks (about &lt;script&gt;alert(1)&lt;/script&gt;)" in sam
    assert 'id="hb-message-referrer-thanks"' in introduced


def test_a_message_that_strays_from_the_guide_shows_its_warning_beside_it(built):
    block = messages_block(contact_page(built / "site", "lina-park"))
    assert 'id="hb-message-outreach"' in block and 'id="hb-message-outreach-note"' in block
    summary = block[:block.index('id="hb-message-outreach-note"')].rsplit("<summary>", 1)[1]
    assert "2 to check against the guide" in summary  # seen while the message is still folded
    note = block[block.index('id="hb-message-outreach-note"'):]
    assert "Guide check, line 5, no-job-ask: mentions “openings”" in note
    assert "Guide check, line 5, ask-with-time:" in note
    assert "Guide check" not in block[:block.index('id="hb-message-outreach-note"')]  # the shipped one is clean


def test_message_text_stays_out_of_the_search_index(built):
    text = " ".join(page["content"] for page in indexed_pages(built / "site").values())
    assert "Alex Rivera" not in text and "It was kind of you to make the time" not in text
    assert "Acme Health" in text  # the rest of the contact pages is still searchable


def test_the_public_build_has_no_messages(built):
    for page in (built / "public").rglob("*.html"):
        body = page.read_text(encoding="utf-8")
        assert "hb-messages" not in body and "Alex Rivera" not in body, page


@pytest.mark.browser
def test_the_copy_button_copies_the_plain_text_and_runs_nothing(built, page):
    server, url = serve_directory(built / "site")
    try:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.rstrip("/"))
        page.goto(f"{url}contacts/evil/")  # its messages: thank-you, referrer-thanks
        details = page.locator("details.hb-message").first
        details.locator("summary").click()
        button = details.locator("button[data-hb-copy]")
        assert button.is_visible()
        button.click()
        page.wait_for_function("document.querySelector('button[data-hb-copy]').textContent === 'Copied'")
        copied = page.evaluate("navigator.clipboard.readText()")
        expected = details.locator("pre").text_content()
        assert copied == expected
        assert re.search(r"^Hi <script>alert\(1\)</script>,$", copied, re.MULTILINE)
    finally:
        server.shutdown()


# Greeting, the opening line's facts, and `handbook check`.

def test_a_greeting_is_one_line_with_the_name_only(handbook_copy):
    people = handbook_copy / "contacts" / "people"
    write(people / "ann.md", "---\nname: Ann Ode\ngreeting: 'Dr. Ode,'\n---\n")
    write(people / "bo.md", "---\nname: Bo Li\ngreeting: Dear Professor Li\n---\n")
    book, problems = load(handbook_copy)
    assert book.contacts["ann"].addressed_as == "Dr. Ode"  # the comma is the message's to write
    assert book.contacts["sam-lee"].addressed_as == "Sam"  # no greeting: the first name
    assert [(p.path, p.field) for p in problems] == [("contacts/people/bo.md", "greeting")]
    assert "starts with 'Dear'" in problems[0].message and "e.g. Dr. Okafor" in str(problems[0])


def test_handbook_new_contact_writes_the_greeting(handbook_copy):
    result = handbook(handbook_copy, "new", "contact", "Ada Obi", "--greeting", "Dr. Obi")
    assert result.exit_code == 0, result.output
    text = (handbook_copy / "contacts" / "people" / "ada-obi.md").read_text(encoding="utf-8")
    assert "name: Ada Obi\ngreeting: Dr. Obi\n" in text


@pytest.mark.parametrize("how_we_met, said", [
    ("Read her blog post on moving from teaching to design", "read your blog post on moving from teaching to design"),
    ("heard his talk at the county data meetup.", "heard your talk at the county data meetup"),
    ("Watched their webinar on SQL", "watched your webinar on SQL"),
    ("College roommate", ""),
    ("Interviewed me for a junior analyst role (not hired)", ""),
])
def test_how_we_met_becomes_the_opening_only_when_it_says_what_of_theirs_you_saw(how_we_met, said):
    from handbook.derive.connection import their_work
    assert their_work(how_we_met) == said


def test_a_shared_school_opens_the_outreach(handbook_copy):
    write(handbook_copy / "contacts" / "people" / "ola.md",
          "---\nname: Ola Berg\ncompany: Fjord Data\nhow_we_met: Example State University alumni group\n---\n")
    text = filled(handbook_copy, "ola")["outreach"]
    assert text.startswith("Subject: A fellow Example State University graduate: 15 minutes of advice?\n")
    assert "\nWe both studied at Example State University, and I'd love to hear how you got to Fjord Data." in text
    book, _ = load(handbook_copy)
    outreach = contact_messages(book, book.contacts["ola"], TODAY)[0]
    assert outreach.name == "outreach" and outreach.warnings == ()  # the school counts as the connection, first


@pytest.mark.parametrize("role, said", [
    ("Data Analyst", "a data analyst"), ("Analytics Manager", "an analytics manager"),
    ("UX Researcher", "a UX researcher"), ("SQL Developer", "an SQL developer"),
    ("Hiring Manager, BI team", "a hiring manager, BI team"), ("", ""),
])
def test_a_role_reads_as_a_sentence_says_it(role, said):
    from handbook.render.messages import role_in_a_sentence
    assert role_in_a_sentence(role) == said


def test_no_private_field_reaches_a_shipped_message(handbook_copy):
    # Lina's outreach, with a hiring goal in a meeting file would be the old leak: only the template
    # naming `meeting.goal` may print it, and none of the shipped ones does.
    for path in (handbook_copy / "contacts" / "messages").glob("*.j2"):
        source = path.read_text(encoding="utf-8")
        assert "goal" not in source and "notes" not in source and "research" not in source, path.name
    book, _ = load(handbook_copy)
    for contact in book.contacts.values():
        for m in contact_messages(book, contact, TODAY):
            for meeting in book.meetings_with(contact.slug):
                assert not meeting.goal or meeting.goal not in m.text


def test_handbook_check_warns_at_the_template_line_that_strays_from_the_guide(handbook_copy):
    assert "warning" not in handbook(handbook_copy, "check").stdout  # the shipped templates: none
    write(handbook_copy / "contacts" / "messages" / "outreach-note.md.j2", ASKS_FOR_AN_OPENING)
    result = handbook(handbook_copy, "check", "--format", "json")
    assert result.exit_code == 0  # warnings never fail the check
    found = [p for p in json.loads(result.stdout)["problems"] if p["path"].endswith("outreach-note.md.j2")]
    assert [(p["line"], p["field"], p["severity"]) for p in found] == [
        (5, "ask-with-time", "warning"), (5, "no-job-ask", "warning")]
    assert all("found in the message for lina-park, line 5" in p["hint"] for p in found)


def test_the_contact_page_shows_the_greeting_privately(built):
    assert "<dt>Greeting</dt><dd>Dr. Okafor</dd>" in contact_page(
        built / "site", "marcus-okafor")
    assert "<dt>Greeting</dt>" not in contact_page(built / "site", "sam-lee")
