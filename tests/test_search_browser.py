"""Search in a real browser (Chromium): what a user types finds what they mean, from the keyboard,
with nothing fetched from beyond the site, in the private and the public build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import CONTACTS, copy_handbook, run_mkdocs, serve_directory, write_record
from search_index import indexed_pages, indexed_parts

pytestmark = pytest.mark.browser
RESULTS = "[data-hb-search-results] .md-search-result__link"


def search(page, url: str, query: str) -> list[str]:
    """The results for ``query``, best first, as paths in the site ("contacts/jane-doe/")."""
    page.goto(url)
    page.locator("[data-hb-search-input]").fill(query)
    status = page.locator("[data-hb-search-status]")
    status.filter(has_text=re.compile(r"matching page|No page matches")).wait_for(timeout=15_000)
    page.wait_for_load_state("networkidle")
    hrefs = page.locator(RESULTS).evaluate_all("links => links.map(a => a.pathname)")
    return [href.removeprefix("/") for href in hrefs]


def fixture_records(folder: str) -> dict[str, dict]:
    records = {}
    for path in sorted((CONTACTS / folder).glob("*.md")):
        records[path.stem] = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    return records


def test_a_name_finds_that_persons_page_first(page, example_url):
    for slug, person in fixture_records("people").items():
        assert search(page, example_url, person["name"])[0] == f"contacts/{slug}/", person["name"]


def test_a_company_finds_the_person_who_works_there_first(page, example_url):
    people = fixture_records("people")
    companies = {}
    for slug, person in people.items():
        companies.setdefault(person["company"], []).append(slug)
    alone = {company: slugs[0] for company, slugs in companies.items() if len(slugs) == 1}
    assert len(alone) >= 3
    for company, slug in alone.items():
        assert search(page, example_url, company)[0] == f"contacts/{slug}/", company
    shared = next(company for company, slugs in companies.items() if len(slugs) > 1)
    assert search(page, example_url, shared)[0] in {f"contacts/{slug}/" for slug in companies[shared]}


def test_a_meeting_kind_finds_meetings_of_that_kind_first(page, example_url):
    meetings = fixture_records("meetings")
    for kind in ("coffee", "video"):
        of_kind = {f"meetings/{slug}/" for slug, meeting in meetings.items() if meeting["kind"] == kind}
        found = search(page, example_url, kind)
        assert found[0] in of_kind, (kind, found[:3])


def test_a_questions_words_find_the_question_bank_then_the_guide_page_that_teaches_it(page, example_url):
    found = search(page, example_url, "started in this field")
    assert found[0] == "questions/", found[:3]
    assert "guide/in-the-meeting/" in found[:3], found[:3]  # "What got you started in this field?"


def test_pages_about_the_handbook_never_outrank_the_users_data(page, tmp_path):
    root = copy_handbook(tmp_path / "handbook")
    sources = (root / "content" / "guide" / "sources.md").read_text(encoding="utf-8")
    author = "Hallie Crawford"
    assert author in sources
    write_record(root / "contacts" / "people" / "ana-ruiz.md",
                 {"name": "Ana Ruiz", "company": "Harbor Books", "status": "met"},
                 f"She swears by {author}'s advice on small requests.\n")
    result = run_mkdocs(root, "build", "--strict", site=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    server, url = serve_directory(tmp_path / "site")
    try:
        found = search(page, url, "Crawford")
    finally:
        server.shutdown()
    assert "guide/sources/" in found  # the sources page is found...
    assert found[0] == "contacts/ana-ruiz/", found  # ...below the user's own note


def test_a_site_indexed_in_parts_is_searched_as_one(page, tmp_path, example_site):
    # A low `search_part_pages` cuts the example's index into parts, as 8,000 pages would.
    root = copy_handbook(tmp_path / "handbook")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    contacts_dir: contacts\n", "    contacts_dir: contacts\n    search_part_pages: 8\n", 1), encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs(root, "build", "--strict", site=site)
    assert result.returncode == 0, result.stderr
    parts = indexed_parts(site)
    assert len(parts) >= 3
    assert sorted(url for urls in parts.values() for url in urls) == sorted(indexed_pages(example_site))
    people = fixture_records("people")
    elsewhere = [slug for slug in people if f"contacts/{slug}/" not in parts[""]]
    assert elsewhere  # some people are only in the other parts
    server, url = serve_directory(site)
    try:
        for slug, person in people.items():
            assert search(page, url, person["name"])[0] == f"contacts/{slug}/", person["name"]
        assert search(page, url, "started in this field")[0] == "questions/"
    finally:
        server.shutdown()


def test_searching_sends_no_request_beyond_the_site(page, example_url):
    for query in ("Jane Doe", "coffee", "started in this field"):
        assert search(page, example_url, query)
    assert page.outside_requests == []  # the `page` fixture also fails on any


def test_search_works_from_the_keyboard_and_tells_screen_readers_what_it_found(page, example_url):
    page.goto(example_url + "guide/why/")
    box = page.locator("[data-hb-search-input]")
    page.keyboard.press("/")
    assert box.evaluate("input => input === document.activeElement")
    assert page.evaluate("document.getElementById('__search').checked")
    assert box.get_attribute("aria-label") and box.get_attribute("aria-controls") == "hb-search-results"
    page.keyboard.type("Priya Raman")
    status = page.locator("#hb-search-status")
    assert status.get_attribute("role") == "status"
    status.filter(has_text="matching page").wait_for(timeout=15_000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.pathname") == "/contacts/priya-raman/"
    page.keyboard.press("ArrowUp")
    assert box.evaluate("input => input === document.activeElement")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    box.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/contacts/priya-raman/$"))
    assert page.locator("h1").first.inner_text() == "Priya Raman"


def test_a_search_with_no_match_says_so(page, example_url):
    assert search(page, example_url, "qqxjzv") == []
    assert "No page matches" in page.locator("#hb-search-status").inner_text()


@pytest.fixture(scope="module")
def public_url(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("public-search") / "handbook")
    result = run_mkdocs(root, "build", "--strict", config="mkdocs.public.yml")
    assert result.returncode == 0, result.stderr
    server, url = serve_directory(root / "site-public")
    yield url
    server.shutdown()


def test_the_public_site_finds_shared_people_and_nobody_else(page, public_url):
    people = fixture_records("people")
    shared = [(slug, p["name"]) for slug, p in people.items() if p.get("share")]
    unshared = [p["name"] for p in people.values() if not p.get("share")]
    assert shared and unshared
    for slug, name in shared:
        assert search(page, public_url, name)[0] == f"contacts/{slug}/"
    for name in unshared:
        found = search(page, public_url, name)
        assert not any(name.split()[0].lower() in path for path in found), (name, found)
        assert name not in page.locator("[data-hb-search-results]").inner_text()


def test_the_not_found_page_searches_too(page, example_url):
    """404.html is served for any missing address, so its links are from the site's root ("/"), not
    relative: its search must not make "//contacts/…" of them (another host to a browser)."""
    name = fixture_records("people")["jane-doe"]["name"]
    assert search(page, f"{example_url}404.html", name)[0] == "contacts/jane-doe/"
