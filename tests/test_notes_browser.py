"""Notes in a real browser: an invisible overlay link covers nothing, and a remote picture is never fetched.

The notes come from a person's file, from a vCard NOTE through `handbook import vcard`, from a
meeting's research and notes and from a company file: every way user-written markdown reaches a page.
"""

from __future__ import annotations

import os

import pytest
from conftest import copy_handbook, run_mkdocs, serve_directory, write, write_record
from handbook_cli import handbook

OVERLAY = '[Read me](https://ok.example/){: style="position:fixed;inset:0;opacity:0;z-index:9999" .md-overlay }'
TRACKER = "https://tracker.example/p.png"
PICTURE = f"![The chart]({TRACKER})"
NOTES = f"Met at the fair. {OVERLAY}\n\n{PICTURE}\n"
# The same notes as a phone would export them: ';' and ',' escaped with a backslash.
VCARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vera Card\r\nN:Card;Vera;;;\r\n"
         "NOTE:Met at the fair. [Read me](https://ok.example/){: style=\"position:fixed\\;inset:0\\;opacity:0\\;"
         f"z-index:9999\" .md-overlay }}\\n\\n{PICTURE}\r\nEND:VCARD\r\n")
SHOT = os.environ.get("NOTES_SCREENSHOT")  # a path: where to save the page, to look at it
PAGES = ["contacts/hostile-notes/", "contacts/vera-card/", "meetings/2026-11-20-hostile-notes/",
         "companies/trackco/"]


@pytest.fixture(scope="module")
def notes_url(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("notes") / "handbook", with_examples=False)
    contacts = root / "contacts"
    write_record(contacts / "people" / "hostile-notes.md", {"name": "Hostile Notes", "company": "Trackco"}, NOTES)
    write_record(contacts / "meetings" / "2026-11-20-hostile-notes.md",
                 {"date": "2026-11-20", "with": ["hostile-notes"], "status": "done", "research": NOTES}, NOTES)
    write_record(contacts / "companies" / "trackco.md", {"name": "Trackco"}, NOTES)
    card = write(root.parent / "phone.vcf", VCARD)
    imported = handbook(root, "import", "vcard", str(card))
    assert imported.exit_code == 0, imported.output
    assert "Read me" in (contacts / "people" / "vera-card.md").read_text(encoding="utf-8")
    result = run_mkdocs(root, "build", "--strict", site=root / "site")
    assert result.returncode == 0, result.stderr
    server, url = serve_directory(root / "site")
    yield url
    server.shutdown()


def overlay_box(page) -> dict:
    link = page.locator("article a", has_text="Read me")
    assert link.count() >= 1, f"no 'Read me' link on {page.url}"
    return link.first.evaluate("""a => { const s = getComputedStyle(a), r = a.getBoundingClientRect();
        return {position: s.position, opacity: s.opacity, width: r.width, height: r.height,
                viewport: [innerWidth, innerHeight], classes: a.className, style: a.getAttribute('style')}; }""")


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_the_overlay_link_is_an_ordinary_link_that_covers_nothing(page, notes_url, path):
    page.goto(notes_url + path)
    box = overlay_box(page)
    assert box["style"] is None and box["classes"] == ""
    assert box["position"] == "static" and box["opacity"] == "1"
    width, height = box["viewport"]
    assert box["width"] < width / 4 and box["height"] < height / 10, box
    # Wherever one clicks in the page's corners and middle, it is not on that link.
    hits = page.evaluate("""() => [[5, 5], [innerWidth - 5, innerHeight - 5], [innerWidth / 2, 60],
        [innerWidth / 2, innerHeight - 20]].map(([x, y]) => {
            const e = document.elementFromPoint(x, y); return !!(e && e.closest('a[href="https://ok.example/"]')); })""")
    assert hits == [False, False, False, False]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_a_remote_picture_is_a_link_and_no_request_leaves_the_computer(page, notes_url, path):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(notes_url + path)
    page.wait_for_load_state("networkidle")
    assert requests and all(url.startswith("http://127.0.0.1:") for url in requests), requests
    assert page.locator(f'img[src*="tracker"]').count() == 0
    picture = page.locator(f'article a[href="{TRACKER}"]', has_text="The chart")
    assert picture.count() >= 1
    # The `page` fixture also fails the test if anything outside 127.0.0.1 was even asked for.


@pytest.mark.browser
def test_the_contact_page_reads_as_usual(page, notes_url):
    page.goto(notes_url + PAGES[0])
    if SHOT:
        page.locator("article").screenshot(path=SHOT)
    text = page.locator("article").inner_text()
    assert "Met at the fair. Read me" in text and "The chart" in text
