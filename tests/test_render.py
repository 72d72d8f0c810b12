"""Rendered page sources: structure, links, escaping and determinism (no MkDocs involved)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CONTACTS, FIXTURE, TODAY, person, write

from handbook.book import load_handbook
from handbook.pipeline import build
from handbook.render import RenderOptions, render_pages
from handbook.render.text import page_meta
from handbook.render.urls import relative_url

HOSTILE = '<script>alert(1)</script>'


def example_pages(**options):
    handbook, problems = load_handbook(CONTACTS, FIXTURE)
    assert problems == []
    return handbook, render_pages(handbook, RenderOptions(today=TODAY, **options))


def test_every_person_and_meeting_gets_a_page():
    handbook, pages = example_pages()
    for slug in handbook.contacts:
        assert f"contacts/{slug}/index.md" in pages
    for slug in handbook.meetings:
        assert f"meetings/{slug}/index.md" in pages
    assert {"contacts/index.md", "meetings/index.md", "questions/index.md"} <= set(pages)


def test_contact_page_links_referrer_and_referrals_and_lists_meetings_newest_first():
    _, pages = example_pages()
    jane = pages["contacts/jane-doe/index.md"]
    assert '<a href="../sam-lee/">Sam Lee</a>' in jane
    assert '<a href="../marcus-okafor/">Marcus Okafor</a>' in jane
    timeline = jane[jane.index('<ol class="hb-timeline"'):]
    timeline = timeline[:timeline.index("</ol>")]
    dates = re.findall(r'href="../../meetings/(\d{4}-\d{2}-\d{2})-jane-doe/"', timeline)
    assert dates == sorted(dates, reverse=True) and len(dates) == 2
    assert "jane.doe@example.org" in jane


def test_meeting_page_shows_exactly_its_chosen_questions():
    handbook, pages = example_pages()
    meeting = handbook.meetings["2026-11-10-priya-raman"]
    page = pages["meetings/2026-11-10-priya-raman/index.md"]
    shown = re.findall(r'data-question="([^"]+)"', page)
    assert shown == meeting.questions == ["typical-day", "least-liked", "culture", "publications", "business-card"]


def test_contacts_index_is_a_table_with_status_company_tags_and_last_met():
    handbook, pages = example_pages()
    index = pages["contacts/index.md"]
    assert len(re.findall(r"<tr [^>]*data-status=", index)) == len(handbook.contacts)
    row = re.search(r'<tr [^>]*data-status="keep-in-touch"[^>]*><td><a href="jane-doe/">Jane Doe</a>.*?</tr>', index).group(0)
    assert "Acme Health" in row and "healthcare" in row and "2026-10-02" in row


def test_meetings_index_lists_upcoming_first_then_past():
    _, pages = example_pages()
    index = pages["meetings/index.md"]
    upcoming, past = index.split(">Past<")
    assert "2026-12-02-jane-doe" in upcoming and "2026-10-02-jane-doe" not in upcoming
    assert "2026-10-02-jane-doe" in past


def test_questions_page_lists_every_category_with_anchors():
    handbook, pages = example_pages()
    page = pages["questions/index.md"]
    for category in handbook.bank.categories:
        assert f'id="category-{category.id}"' in page
    for question_id in handbook.bank.questions:
        assert f'<li class="hb-question" id="{question_id}"' in page


def test_user_values_are_escaped_everywhere(tmp_path):
    write(tmp_path / "contacts/people/x.md",
          person(f'"{HOSTILE}"', company='"\\"><img src=x onerror=alert(1)>"', tags=f'["{HOSTILE}"]',
                 how_we_met='"{{ 7*7 }} {% if true %}x{% endif %}"'))
    write(tmp_path / "contacts/meetings/2026-12-01-x.md",
          f'---\ndate: 2026-12-01\nwith: x\ngoal: "{HOSTILE}"\nplace: "[a](javascript:alert(1))"\n---\n{HOSTILE}\n')
    handbook, problems = load_handbook(tmp_path / "contacts", tmp_path)
    assert problems == []
    pages = render_pages(handbook, RenderOptions(today=TODAY))
    text = "\n".join(pages.values())
    assert "<script>" not in text
    assert "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 7*7 }}" in text and "49" not in text


def test_page_titles_and_tags_are_escaped_in_the_frontmatter():
    meta = page_meta(title="</title><script>x</script>", tags=["<b>"])
    assert "<script>" not in meta and "&lt;/title&gt;" in meta and "&lt;b&gt;" in meta


def test_relative_urls_between_pages():
    assert relative_url("contacts/index.md", "contacts/jane/index.md") == "jane/"
    assert relative_url("contacts/jane/index.md", "meetings/m/index.md") == "../../meetings/m/"
    assert relative_url("index.md", "contacts/index.md") == "contacts/"
    assert relative_url("contacts/jane/index.md", "meetings/m/index.md", directory_urls=False) == "../../meetings/m/index.html"


def test_rendering_is_deterministic():
    _, first = example_pages()
    _, second = example_pages()
    assert first == second


def test_public_profile_renders_only_shared_people_without_private_fields():
    pages = build(CONTACTS, RenderOptions(today=TODAY, profile="public"), FIXTURE).pages
    text = "\n".join(pages.values())
    assert "@example.org" not in text and "555" not in text
    assert "contacts/jane-doe/index.md" in pages and "contacts/priya-raman/index.md" not in pages
    assert not any(src.startswith("meetings/") and src != "meetings/index.md" for src in pages)
