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

from handbook.book import load_handbook
from handbook.render.messages import contact_messages, date_text, message_problems

EVIL = "<script>alert(1)</script>"


def load(root: Path):
    return load_handbook(root / "contacts", root)


def filled(root: Path, slug: str) -> dict[str, str]:
    book, _ = load(root)
    return {m.name: m.text for m in contact_messages(book, book.contacts[slug], TODAY)}


def test_every_starter_template_fills_in_for_every_example_contact(handbook_copy):
    book, problems = load(handbook_copy)
    assert problems == [] and message_problems(book, TODAY) == []
    for contact in book.contacts.values():
        messages = contact_messages(book, contact, TODAY)
        assert [m.name for m in messages] == ["outreach", "thank-you", "referrer-thanks", "keep-in-touch"]
        for m in messages:
            assert m.problem is None and m.text.startswith("Subject: ") and m.subject
            assert f"Hi {contact.first_name}," in m.text or m.name == "referrer-thanks"
            assert m.text.rstrip().endswith(book.me.name)
        outreach = messages[0].text.lower()
        assert "interview" not in outreach  # the ask is for information and advice


def test_outreach_names_the_referrer_and_the_sender(handbook_copy):
    text = filled(handbook_copy, "jane-doe")["outreach"]
    assert text.startswith("Subject: Sam suggested I get in touch\n")
    assert "Sam Lee gave me your name" in text
    assert "My name is Alex Rivera." in text


def test_thank_you_mentions_referrals_and_leaves_room_for_an_article(handbook_copy):
    book, _ = load(handbook_copy)
    referred = sorted(c.name for c in book.referred("jane-doe"))
    assert referred  # the example has Jane introduce people
    text = filled(handbook_copy, "jane-doe")["thank-you"]
    assert " and ".join(referred) in text
    assert "LINK" in text and "[One specific thing you learned" in text


def test_the_meeting_is_the_latest_one_up_to_today(handbook_copy):
    book, _ = load(handbook_copy)
    past = [m for m in book.meetings_with("jane-doe") if m.day <= TODAY and m.status != "cancelled"]
    text = filled(handbook_copy, "jane-doe")["thank-you"]
    assert date_text(past[-1].day, TODAY) in text
    assert date_text(dt.date(2025, 3, 7), TODAY) == "Friday 7 March 2025"
    assert date_text(dt.date(2026, 3, 6), TODAY) == "Friday 6 March"


def test_a_rebuild_fills_again_only_what_an_edit_changed(handbook_copy, monkeypatch):
    # `mkdocs serve` loads the handbook afresh on each save: unchanged messages are not rendered again.
    from handbook.render import messages

    messages.remember_between_builds()  # as the plugin does in `mkdocs serve`
    monkeypatch.setattr(messages, "_remember", True)  # and undone after the test
    before, _ = load(handbook_copy)
    first = {c.slug: contact_messages(before, c, TODAY) for c in before.contacts.values()}
    person = handbook_copy / "contacts" / "people" / "sam-lee.md"
    person.write_text(person.read_text(encoding="utf-8").replace("Sam Lee", "Samuel Lee", 1), encoding="utf-8")
    rendered = []
    real = messages._render_message
    monkeypatch.setattr(messages, "_render_message", lambda t, c, v: rendered.append(v["contact"].name) or real(t, c, v))
    after, _ = load(handbook_copy)
    second = {c.slug: contact_messages(after, c, TODAY) for c in after.contacts.values()}
    sam = after.contacts["sam-lee"]
    related = {"sam-lee", *(c.slug for c in after.referred("sam-lee"))}
    related |= {after.referrer_of(sam).slug} if after.referrer_of(sam) else set()
    assert "jane-doe" in related and "Samuel Lee" in second["jane-doe"][0].text  # Sam introduced Jane
    assert {slug for slug in second if second[slug] != first[slug]} == related
    assert sorted(rendered) == sorted(after.contacts[slug].name for slug in related for _ in second[slug])
    assert len(after.contacts) > len(related)


def test_without_me_yml_the_signature_is_a_placeholder(handbook_copy):
    (handbook_copy / "contacts" / "me.yml").unlink()
    assert filled(handbook_copy, "sam-lee")["keep-in-touch"].rstrip().endswith("[your name]")


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
    broken = next(m for m in contact_messages(book, book.contacts["sam-lee"], TODAY) if m.name == "custom")
    assert broken.problem == problem or broken.problem.message == problem.message


def test_handbook_message_prints_the_text(handbook_copy):
    result = handbook(handbook_copy, "message", "thank-you", "jane-doe")
    assert result.exit_code == 0, result.output
    assert result.stdout == filled(handbook_copy, "jane-doe")["thank-you"]


def test_handbook_message_lists_templates_and_suggests_contacts(handbook_copy):
    unknown = handbook(handbook_copy, "message", "thanks", "jane-doe")
    assert unknown.exit_code == 1
    assert "available: keep-in-touch, outreach, referrer-thanks, thank-you" in unknown.stderr
    nobody = handbook(handbook_copy, "message", "outreach", "jane")
    assert nobody.exit_code == 1 and "did you mean 'jane-doe'?" in nobody.stderr
    assert "thank-you" in handbook(handbook_copy, "message", "--help").stdout


def test_handbook_message_reports_a_broken_template(handbook_copy):
    write(handbook_copy / "contacts" / "messages" / "outreach.md.j2", "Subject: {{ oops\n")
    result = handbook(handbook_copy, "message", "outreach", "jane-doe")
    assert result.exit_code == 1
    assert "contacts/messages/outreach.md.j2:1: template:" in result.stdout


# The contact page: built once with a contact whose name is a script tag.

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("messages") / "handbook")
    write(root / "contacts" / "people" / "evil.md",
          f'---\nname: "{EVIL}"\ncompany: "Acme & <b>Sons</b>"\nreferred_by: sam-lee\n---\n')
    private = run_mkdocs(root, "build", "--strict", site=root / "site")
    assert private.returncode == 0, private.stderr
    public = run_mkdocs(root, "build", "--strict", site=root / "public", env={"HANDBOOK_PROFILE": "public"})
    assert public.returncode == 0, public.stderr
    return root


def evil_page(site: Path) -> str:
    return (site / "contacts" / "evil" / "index.html").read_text(encoding="utf-8")


def test_the_private_contact_page_shows_each_message_escaped(built):
    page = evil_page(built / "site")
    block = page[page.index('<div class="hb-messages" data-search-exclude'):]
    block = block[:block.index("</div>")]
    assert block.count("<details") == 4 and block.count("data-hb-copy=") == 4
    assert "Hi &lt;script&gt;alert(1)&lt;/script&gt;," in block
    assert "Acme &amp; &lt;b&gt;Sons&lt;/b&gt;" in block
    assert EVIL not in page and "<b>Sons</b>" not in page
    assert "assets/javascripts/messages.js" in page


def test_thanks_to_a_referrer_is_offered_only_for_someone_who_was_introduced(built):
    introduced = evil_page(built / "site")  # referred_by: sam-lee
    assert "Thank you for introducing me to" in introduced
    sam = (built / "site" / "contacts" / "sam-lee" / "index.html").read_text(encoding="utf-8")
    # Sam introduced people but nobody introduced Sam: the other messages, and no thanks of Sam's own.
    assert "hb-messages" in sam and 'id="hb-message-outreach"' in sam
    assert 'id="hb-message-referrer-thanks"' not in sam
    assert 'id="hb-message-referrer-thanks"' in introduced


def test_message_text_stays_out_of_the_search_index(built):
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Alex Rivera" not in text and "Sam Lee gave me your name" not in text
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
        page.goto(f"{url}contacts/evil/")
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
