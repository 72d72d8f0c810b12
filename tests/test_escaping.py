"""Hostile values in every field render as inert text: no script runs, no element is injected.

One person and one meeting carry every payload in every string field; a clean person and meeting
built alongside them give the baseline (Material's own inline scripts, for instance).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import copy_handbook, run_mkdocs, serve_directory, write_record
from search_index import indexed_pages

from handbook.render.text import is_safe_url

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><script>alert(2)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "[click me](javascript:alert(1))",
    '*a*{: onclick="alert(1)" } {: onmouseover=alert(1) }',
]
HOSTILE = " ".join(PAYLOADS)
NOTES = "\n\n".join([
    HOSTILE,
    "A markdown link: [x](javascript:alert(1)) and [y](JaVaScRiPt:alert(1)) and <javascript:alert(1)>",
    'An HTML link: <a href="jav&#x61;script:alert(1)">z</a>',
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '![picture](javascript:alert(1) "onerror=alert(1)")',
    "[ref link][evil]\n\n[evil]: javascript:alert(1)",
    # The attr_list extension sets any attribute it is given:
    '[attr link](https://example.org){: onclick="alert(1)" }',
    'A paragraph with a handler\n{: onmouseover="alert(1)" }',
    '![pic](/missing.png){: onerror="alert(1)" }',
    "[re-pointed](https://example.org){: href='javascript:alert(1)' OnClick='alert(1)' }",
]) + "\n"


def hostile(field: str) -> str:
    return f"Evilcorp-{field} {HOSTILE}"


def write_people(contacts: Path) -> None:
    person_fields = ("company", "role", "location", "email", "phone", "linkedin", "website", "how_we_met")
    write_record(contacts / "people" / "hostile.md", {
        "name": hostile("name"), **{f: hostile(f) for f in person_fields},
        "tags": [hostile("tag"), "<b>bold</b>"], "status": "met", "share": True,
        "touches": [{"date": "2026-11-01", "via": hostile("via"), "note": hostile("touch")}],
    }, NOTES)
    write_record(contacts / "meetings" / "2026-12-01-hostile.md", {
        "date": "2026-12-01 10:00", "with": ["hostile"], "kind": "coffee",
        **{f: hostile(f) for f in ("place", "goal", "research")},
        "follow_ups": [{"task": hostile("task"), "due": "2026-12-02"}],
    }, NOTES)
    write_record(contacts / "people" / "calm.md", {
        "name": "Calm Person", "company": "Plaincorp", "role": "Analyst", "email": "calm@example.org",
        "linkedin": "https://www.linkedin.com/in/calm", "tags": ["plain"], "share": True,
        "touches": [{"date": "2026-11-01", "via": "email", "note": "said hello"}],
    }, "Plain notes with a [link](https://example.org).\n")
    write_record(contacts / "meetings" / "2026-12-01-calm.md", {
        "date": "2026-12-01 11:00", "with": ["calm"], "place": "Cafe", "goal": "Learn", "research": "Read",
        "follow_ups": [{"task": "Thank", "due": "2026-12-02"}],
    }, "Plain notes.\n")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("escaping") / "handbook", with_examples=False)
    write_people(root / "contacts")
    built = {}
    for profile, config in (("private", "mkdocs.yml"), ("public", "mkdocs.public.yml")):
        site = root / f"site-{profile}-test"
        result = run_mkdocs(root, "build", "--strict", site=site, config=config)
        assert result.returncode == 0, result.stderr
        built[profile] = site
    return built


class Elements(HTMLParser):
    """Every element with the attributes that can run code or load something."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        handlers = tuple(sorted(name for name, _ in attrs if name.startswith("on")))
        urls = tuple(value or "" for name, value in attrs if name in ("href", "src", "action", "formaction"))
        inline_script = tag == "script" and not dict(attrs).get("src")
        self.found.append((tag, handlers, urls, inline_script))


def elements(path: Path) -> list[tuple]:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def risky(found: list[tuple]) -> dict:
    return {
        "handlers": sorted(h for _, handlers, _, _ in found for h in handlers),
        "inline scripts": sum(1 for *_, inline in found if inline),
        "img src=x": sum(1 for tag, _, urls, _ in found if tag == "img" and "x" in urls),
        "unsafe urls": sorted(u for _, _, urls, _ in found for u in urls if not is_safe_url(u)),
    }


PAGES = {"contact": ("contacts/hostile/index.html", "contacts/calm/index.html"),
         "meeting": ("meetings/2026-12-01-hostile/index.html", "meetings/2026-12-01-calm/index.html")}


@pytest.mark.parametrize("profile", ["private", "public"])
def test_no_element_or_handler_is_injected_into_any_page(sites, profile):
    site = sites[profile]
    for kind, (bad, calm) in PAGES.items():
        if not (site / calm).exists():
            continue  # the public build has no meetings
        assert risky(elements(site / bad)) == risky(elements(site / calm)), (profile, kind)
    # Pages that list everyone, the home page's dashboard among them, have no calm twin to compare.
    for page in ("contacts/index.html", "index.html", "calendar/index.html", "companies/index.html"):
        if (site / page).exists():
            found = risky(elements(site / page))
            assert found["unsafe urls"] == [] and found["handlers"] == [], (profile, page, found)


def test_payloads_show_as_the_text_the_user_typed(sites):
    for page in ("contacts/hostile/index.html", "meetings/2026-12-01-hostile/index.html"):
        source = (sites["private"] / page).read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", source))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
        assert "{{ 7*7 }}" in text and "{% raw %}" in text
        assert "onerror=alert(1)>" in text and "<script>alert(1)</script>" in text
        assert not re.search(r"<script>alert|<img src=x|<svg onload|\bonerror=alert\(1\)>(?!</)", source)
    # The title reaches <title> escaped, so '</title>' cannot close it early.
    head = (sites["private"] / "contacts/hostile/index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert head.count("</title>") == 1


def test_search_index_holds_payloads_as_the_text_the_user_typed(sites):
    # Pagefind keeps a page's words as plain text, never as markup: the payload is there as typed,
    # and the search box shows it with textContent (the browser test below).
    page = indexed_pages(sites["private"])["contacts/hostile/"]
    assert "Evilcorp-company" in page["content"] and "<script>alert(1)</script>" in page["content"]
    assert page["meta"]["title"].startswith("Evilcorp-name")


BAD_ELEMENTS = "img[src=x], script:not([src]), svg[onload], [onerror], [onload]"
JS_LINKS = "[...document.querySelectorAll('[href],[src]')].filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || '')).length"


def count_injected(page) -> tuple[int, int]:
    page.wait_for_load_state("networkidle")
    return (page.evaluate(f"document.querySelectorAll({BAD_ELEMENTS!r}).length"), page.evaluate(JS_LINKS))


@pytest.fixture(scope="module")
def hostile_url(sites):
    server, url = serve_directory(sites["private"])
    yield url
    server.shutdown()


@pytest.mark.browser
@pytest.mark.parametrize("bad, calm", [
    ("contacts/hostile/", "contacts/calm/"),
    ("meetings/2026-12-01-hostile/", "meetings/2026-12-01-calm/"),
    ("contacts/", "guide/why/"),
])
def test_a_browser_runs_nothing_from_the_data(page, hostile_url, bad, calm):
    page.goto(hostile_url + calm)
    baseline = count_injected(page)
    page.goto(hostile_url + bad)
    assert count_injected(page) == baseline
    assert baseline[1] == 0
    assert "<script>alert(1)</script>" in page.locator("article").inner_text()
    # The `page` fixture fails the test if any alert() dialog fired.


@pytest.mark.browser
def test_search_results_for_a_hostile_company_stay_text(page, hostile_url):
    page.goto(hostile_url)
    baseline = count_injected(page)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Evilcorp")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=15_000)
    assert count_injected(page) == baseline
    assert "<script>alert(1)</script>" in page.locator(".md-search-result").inner_text()
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url(re.compile(r"/contacts/hostile/"))
    assert count_injected(page) == baseline
