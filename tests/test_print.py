"""The prep sheet as Chromium prints it: one page for a typical meeting, nothing lost for a long one.

One site is built for the whole module (the examples plus two made-up meetings at the limits) and
every PDF comes from the session's one Chromium.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from conftest import CONTACTS, REPO, copy_handbook, person, run_mkdocs, write
from search_index import index_text, indexed_pages

from handbook.book import load_handbook
from handbook.printing import PAPER, serve, sheet_path, sheet_pdf

pytestmark = pytest.mark.browser

PAPERS = sorted(PAPER)
FULL = "2026-12-20-jane-doe"  # the most a typical meeting holds: 8 questions, 150 words of research
LONG = "2026-12-21-ravi-patel"  # far more than a page: 20 questions, 400 words of research
RESEARCH = ("Ravi leads platform analytics at Northwind Freight and wrote the team's public guide to "
            "dashboard reviews, which asks every analyst to explain one chart to a stranger. ").split()


def words(n: int, last: str) -> str:
    return " ".join((RESEARCH * 30)[: n - 1] + [last])


def longest_questions(n: int) -> list[str]:
    bank = yaml.safe_load((REPO / "scripts/handbook/data/questions.yml").read_text(encoding="utf-8"))["questions"]
    return [q["id"] for q in sorted(bank, key=lambda q: (-len(q["text"]) - len(q.get("hint", "")), q["id"]))[:n]]


def add_limit_meetings(root: Path) -> None:
    write(root / "contacts/people/ravi-patel.md",
          person("Ravi Patel", company="Northwind Freight", role="Analytics Lead", email="ravi@example.org",
                 prefers="email", how_we_met="Spoke after his meetup talk", tags="[example, logistics]"))
    write(root / f"contacts/meetings/{FULL}.md",
          f"---\ndate: 2026-12-20 14:00\nwith: [jane-doe]\nkind: video\nminutes: 30\n"
          f"goal: Ask which of the two junior roles fits my background better\n"
          f"research: {words(150, 'FULLEND')}\nquestions: {longest_questions(8)}\n---\n")
    write(root / f"contacts/meetings/{LONG}.md",
          f"---\ndate: 2026-12-21 09:00\nwith: [ravi-patel]\nkind: in-person\nminutes: 90\n"
          f"goal: Walk through his whole hiring process\n"
          f"research: {words(400, 'LONGEND')}\nquestions: {longest_questions(20)}\n---\n")


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    """The built site's handbook, served, ready to print."""
    root = copy_handbook(tmp_path_factory.mktemp("print") / "handbook")
    add_limit_meetings(root)
    result = run_mkdocs(root, "build", site=root / "site")
    assert result.returncode == 0, result.stderr
    handbook, _ = load_handbook(root / "contacts", root)
    with serve(root / "site") as base:
        yield handbook, base, root / "site"


def pdf_pages(page, base: str, slug: str, paper: str) -> list[str]:
    """The text of each printed page, whitespace folded so wrapped lines compare as written."""
    reader = PdfReader(io.BytesIO(sheet_pdf(page, base + sheet_path(slug), paper)))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


def folded(text: str) -> str:
    return " ".join(text.split())


EXAMPLE_MEETINGS = sorted(p.stem for p in (CONTACTS / "meetings").glob("*.md"))


@pytest.mark.parametrize("paper", PAPERS)
def test_every_example_meeting_prints_on_exactly_one_page_with_its_goal_and_questions(page, sheets, paper):
    handbook, base, _ = sheets
    assert EXAMPLE_MEETINGS
    for slug in EXAMPLE_MEETINGS:
        meeting = handbook.meetings[slug]
        pages = pdf_pages(page, base, slug, paper)
        assert len(pages) == 1, f"{slug} printed on {len(pages)} {paper} pages"
        assert folded(meeting.goal) in pages[0]
        for question_id in meeting.question_ids:
            assert folded(handbook.bank.questions[question_id].text) in pages[0], (slug, question_id)


@pytest.mark.parametrize("paper", PAPERS)
def test_a_meeting_at_the_typical_limit_still_fits_one_page(page, sheets, paper):
    handbook, base, _ = sheets
    meeting = handbook.meetings[FULL]
    assert len(meeting.question_ids) == 8 and len(meeting.research.split()) == 150
    pages = pdf_pages(page, base, FULL, paper)
    assert len(pages) == 1
    assert "FULLEND" in pages[0] and "Thank them within 24 hours" in pages[0]


@pytest.mark.parametrize("paper", PAPERS)
def test_a_long_meeting_flows_onto_more_pages_and_no_question_is_split_or_lost(page, sheets, paper):
    handbook, base, _ = sheets
    meeting = handbook.meetings[LONG]
    pages = pdf_pages(page, base, LONG, paper)
    assert len(pages) > 1
    everything = " ".join(pages)
    assert "LONGEND" in everything and folded(meeting.goal) in everything
    assert len(meeting.question_ids) == 20
    for question_id in meeting.question_ids:
        text = folded(handbook.bank.questions[question_id].text)
        # Whole on one page: a question never breaks across two.
        assert any(text in one for one in pages), question_id


def test_the_sheet_shows_its_sections_in_order_without_the_site_around_it(page, sheets):
    _, base, _ = sheets
    page.goto(base + sheet_path("2026-12-02-jane-doe"))
    page.emulate_media(media="print")
    tops = page.evaluate("""() => ['#who', '#when-and-where', '#goal', '#research', '#history', '#questions',
        '.hb-reminders'].map(s => document.querySelector(s).getBoundingClientRect())
        .map(r => [Math.round(r.top), Math.round(r.left)])""")
    who, when, goal, research, history, questions, reminders = tops
    assert who[0] == when[0] and who[1] < when[1]  # side by side
    assert when[0] < goal[0] < research[0] < history[0] < questions[0] < reminders[0]
    hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer', '.md-search',
        '[data-hb-print]', '.headerlink'].map(s => [...document.querySelectorAll(s)]
        .filter(e => e.getClientRects().length > 0).length)""")
    assert hidden == [0] * 7
    pages = pdf_pages(page, base, "2026-12-02-jane-doe", "a4")
    for chrome in ("Print prep sheet", "Made with", "Search", "Table of contents", "Follow-ups"):
        assert chrome not in pages[0]


def test_every_question_gets_ruled_room_for_an_answer_only_on_paper(page, sheets):
    _, base, _ = sheets
    page.goto(base + sheet_path("2026-12-02-jane-doe"))
    # The room is what a question takes below its text and hint: none on screen.
    room = ("() => [...document.querySelectorAll('.hb-question')].map(e => e.getBoundingClientRect().height"
            " - e.querySelector('.hb-question__ask').getBoundingClientRect().height)")
    assert page.evaluate(room) == [0] * 4
    page.emulate_media(media="print")
    heights = page.evaluate(room)
    assert len(heights) == 4 and min(heights) > 100  # CSS px: five ruled lines of 5.5 mm when there are four questions
    breaks = page.evaluate("() => [...document.querySelectorAll('.hb-question')].map(e => getComputedStyle(e).breakInside)")
    assert breaks == ["avoid"] * 4  # a question, its hint and its lines stay on one page


def test_the_print_button_is_visible_and_opens_the_print_dialog(page, sheets):
    _, base, _ = sheets
    page.goto(base + sheet_path("2026-12-02-jane-doe"))
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button = page.get_by_role("button", name="Print prep sheet")
    assert button.is_visible()
    button.click()
    assert page.evaluate("() => window.__printed") == 1


def test_the_reminder_box_stays_out_of_the_search_index(sheets):
    _, _, site = sheets
    pages = indexed_pages(site)
    meeting_text = " ".join(p["content"] for url, p in pages.items() if url.startswith("meetings/2026-12-02"))
    assert "Get feedback on my first dashboard project" in meeting_text
    assert not re.search(r"Thank them within 24 hours|Print prep sheet", index_text(site))


def ink_rows(pdf: bytes, tmp_path: Path) -> list[bool]:
    """Each pixel row of the first page, rasterised by pdftoppm at 30 dpi in grey: does it hold any ink?"""
    import subprocess

    source = tmp_path / "sheet.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(source), str(tmp_path / "page")],
                   check=True, timeout=60)
    data = next(tmp_path.glob("page*.pgm")).read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    width, height = int(width), int(height)
    return [min(pixels[row * width:(row + 1) * width]) < 245 for row in range(height)]  # a faint rule counts


@pytest.mark.skipif(not Path("/usr/bin/pdftoppm").exists(), reason="poppler-utils is not installed")
@pytest.mark.parametrize("paper", PAPERS)
def test_a_short_sheet_lists_its_questions_in_one_column_and_fills_the_page(page, sheets, paper, tmp_path):
    _, base, _ = sheets
    slug = "2026-12-02-jane-doe"  # four questions
    pdf = sheet_pdf(page, base + sheet_path(slug), paper)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    lefts = page.evaluate("() => [...document.querySelectorAll('.hb-question')].map(e => e.getBoundingClientRect())"
                          ".map(r => [Math.round(r.left), Math.round(r.top)])")
    assert len({left for left, _ in lefts}) == 1, "one column"
    assert [top for _, top in lefts] == sorted(top for _, top in lefts), "in the order asked"
    rows = ink_rows(pdf, tmp_path)
    first_ink, last_ink = rows.index(True), max(i for i, ink in enumerate(rows) if ink)
    assert last_ink > 0.85 * len(rows), f"the sheet ends {last_ink / len(rows):.0%} down the page"
    blank_run = longest = 0
    for ink in rows[first_ink:last_ink]:
        blank_run = 0 if ink else blank_run + 1
        longest = max(longest, blank_run)
    assert longest < 0.06 * len(rows), "no wide blank band: the answers share the room"
