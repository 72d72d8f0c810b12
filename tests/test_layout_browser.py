"""Every kind of page, at a phone's, a tablet's and a laptop's width, in Chromium (issue 20): nothing
scrolls sideways, no two pieces of text are drawn over each other, no word is cut in two, and axe-core
finds nothing serious in light or dark mode. Two handbooks: the test handbook, and one whose names,
company names and tag lists are as long as real ones get."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import TODAY, copy_handbook, run_mkdocs, serve_directory, write_record

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1280)
PROBE = (Path(__file__).parent / "layout_probe.js").read_text(encoding="utf-8")
# One page of each kind; for a folder of pages, the longest one (the most there is to lay out).
KINDS = {
    "home": "", "guide": "guide/in-the-meeting/", "questions": "questions/", "contacts": "contacts/",
    "contact": "contacts/*/", "network": "network/", "companies": "companies/", "company": "companies/*/",
    "meetings": "meetings/", "meeting": "meetings/*/", "calendar": "calendar/", "tags": "tags/",
    "tag": "tags/*/",
}

# The WCAG 2.1 A and AA rules (axe's best-practice rules left out), violations only.
AXE_RUN = """axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                                resultTypes: ["violations"]}).then(results => results.violations)"""
SIDEBARS_SIZED = """[...document.querySelectorAll('.md-sidebar__scrollwrap')]
                     .every(wrap => wrap.style.height !== '' || wrap.offsetParent === null
                            || getComputedStyle(wrap.parentElement).position !== 'sticky')"""
LONG_TAGS = [f"{word}-{n}" for n, word in enumerate(
    ["healthcare", "analytics", "public-sector", "volunteering", "mentoring", "data-engineering",
     "visualisation", "statistics", "operations", "research", "nonprofit", "alumni", "hiring",
     "leadership", "product", "design", "insurance", "transport", "education", "community"])]
LONG_COMPANY = "Northern Interprovincial Cooperative for Community Healthcare Analytics and Research"


def long_handbook(root: Path) -> Path:
    """Long names, long company names, 20 tags, a two-person meeting and a target company."""
    people = root / "contacts" / "people"
    meetings = root / "contacts" / "meetings"
    write_record(people / "maximiliana-featherstonehaugh.md", {
        "name": "Maximiliana Featherstonehaugh-Wolfeschlegel", "company": LONG_COMPANY,
        "role": "Principal Population Health Informatics Specialist", "email":
        "maximiliana.featherstonehaugh-wolfeschlegel@northern-interprovincial.example.org",
        "phone": "+1 555 0199 2231", "prefers": "email", "referred_by": "bartholomew-okonkwo-castellanos",
        "how_we_met": "Introduced by Bartholomew after the regional data meetup", "tags": LONG_TAGS,
        "status": "met", "stay_in_touch": 60, "share": True})
    write_record(people / "bartholomew-okonkwo-castellanos.md", {
        "name": "Bartholomew Okonkwo-Castellanos", "company": "Self-employed",
        "role": "Independent Consultant in Organisational Transformation", "tags": LONG_TAGS[:12],
        "how_we_met": "Met at the county library's career evening", "status": "contacted", "share": True})
    write_record(people / "wilhelmina-vanderstraaten.md", {
        "name": "Wilhelmina Vanderstraaten", "company": "Consolidated Metropolitan Transit Authority",
        "role": "Data Analyst", "tags": LONG_TAGS[5:9], "status": "prospect"})
    write_record(meetings / "2026-11-20-maximiliana-featherstonehaugh.md", {
        "date": "2026-11-20 16:30", "with": ["maximiliana-featherstonehaugh"], "kind": "video", "minutes": 30,
        "goal": "Understand how the population health informatics team decides which dashboards to retire",
        "status": "done", "follow_ups": [{"task": "Send the article about interoperability standards", "due": "2026-11-27"}]})
    write_record(meetings / "2026-12-03-maximiliana-featherstonehaugh.md", {
        "date": "2026-12-03 08:15", "with": ["maximiliana-featherstonehaugh", "bartholomew-okonkwo-castellanos"],
        "kind": "coffee", "minutes": 45,
        "place": "The Reading Room Café on the second floor of the Central Metropolitan Library",
        "goal": "Hear how consultants and in-house analysts divide up a transformation programme",
        "research": "Their annual report lists three interoperability programmes.",
        "questions": ["how-hired", "other-people", "anything-else", "review-resume", "stay-in-touch", "how-started"],
        "status": "planned"})
    write_record(root / "contacts" / "companies" / "consolidated-metropolitan-transit-authority.md", {
        "name": "Consolidated Metropolitan Transit Authority", "motivation": 3, "postings": 2, "tags": LONG_TAGS[:6]})
    return root


def pages(site: Path) -> dict[str, str]:
    found = {}
    for kind, path in KINDS.items():
        if "*" in path:
            candidates = sorted(site.glob(path + "index.html"), key=lambda p: (-p.stat().st_size, str(p)))
            if candidates:
                found[kind] = candidates[0].parent.relative_to(site).as_posix() + "/"
        elif (site / path / "index.html").exists():
            found[kind] = path
    return found


def build(root: Path) -> tuple[Path, dict[str, str]]:
    site = root / "site"
    result = run_mkdocs(root, "build", site=site)
    assert result.returncode == 0, result.stderr
    return site, pages(site)


@pytest.fixture(scope="module", params=["example", "long"])
def handbook(request, tmp_path_factory):
    """(url, {kind: path}) of one built handbook, served for the module."""
    root = copy_handbook(tmp_path_factory.mktemp(request.param) / "handbook",
                         with_examples=request.param == "example")
    if request.param == "long":
        long_handbook(root)
    site, found = build(root)
    server, url = serve_directory(site)
    yield request.param, url, found
    server.shutdown()


def open_page(page, url: str, width: int, scheme: str = "light"):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready")
    # Material's script sizes each sidebar after load; until then a sidebar is 0 px high, which
    # axe would report as a scrollable region without keyboard access.
    page.wait_for_function(SIDEBARS_SIZED)


def serious_violations(page) -> list[str]:
    """axe's serious and critical findings on the open page, each with up to three of its elements."""
    return [f"{v['id']}: {v['help']} {[node['target'] for node in v['nodes'][:3]]}"
            for v in page.evaluate(AXE_RUN) if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_kind_of_page_fits_the_screen_and_no_text_overlaps(page, handbook, width):
    name, url, found = handbook
    assert {"home", "contact", "meeting", "company", "calendar"} <= set(found), found
    problems = []
    for kind, path in found.items():
        open_page(page, url + path, width)
        seen = page.evaluate(PROBE)
        scroll_width, client_width = seen["scroll"]
        if scroll_width > client_width:
            problems.append(f"{kind} ({path}): {scroll_width} px wide in a {client_width} px window")
        problems += [f"{kind} ({path}): overlapping text {pair}" for pair in seen["overlaps"][:5]]
        problems += [f"{kind} ({path}): word cut across lines: {word}" for word in seen["broken"][:5]]
    assert not problems, f"{name} handbook at {width} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_on_any_kind_of_page(page, handbook, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page.context.add_init_script(Axe().axe_script)  # in every page before it loads: one injection each
    name, url, found = handbook
    problems = []
    width = 1280 if scheme == "light" else 390  # each scheme at one width keeps the run short
    for kind, path in found.items():
        open_page(page, url + path, width, scheme)
        problems += [f"{kind} ({path}) at {width} px: {found}" for found in serious_violations(page)]
    assert not problems, f"{name} handbook, {scheme} mode:\n" + "\n".join(problems)


# The calendar's script restyles items by the reader's date: a meeting whose day is over, a task
# that became overdue after the build. Those states must stay readable too.
LATER_DAYS = (8, 40)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_when_the_site_is_read_days_after_the_build(page, handbook, scheme):
    from axe_playwright_python.sync_playwright import Axe

    name, url, found = handbook
    page.context.add_init_script(Axe().axe_script)
    problems = []
    for days in LATER_DAYS:
        page.clock.set_fixed_time(dt.datetime.combine(TODAY + dt.timedelta(days=days), dt.time(12, 0)))
        for kind in ("home", "calendar", "contact"):
            open_page(page, url + found[kind], 1280, scheme)
            assert page.locator(".hb-item--past, .hb-item--overdue").count() or kind != "calendar"
            problems += [f"{kind} read {days} days later: {found}" for found in serious_violations(page)]
    assert not problems, f"{name} handbook, {scheme} mode:\n" + "\n".join(problems)


# What only the handbook's owner can act on: commands, their files and fields, filters nobody set.
OWNER_FACING = re.compile(
    r"\bhandbook (init|new|log|next|due|target|path|check|message|thanked|done|asked|print|export|import)\b"
    r"|\bmake (serve|build|public|check|test)\b|contacts/|\.(ya?ml|md|j2)\b|your own computer"
    r"|\b(meeting|contact's|person's|company) file\b|matches these filters|\bWrite an? ")


@pytest.fixture(scope="module", params=["example", "nobody shared"])
def public_site(request, tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("public") / "handbook", with_examples=request.param == "example")
    if request.param == "nobody shared":
        write_record(root / "contacts/people/ana-lima.md", {"name": "Ana Lima", "company": "Acme Health"})
    site = root / "site-public"
    result = run_mkdocs(root, "build", site=site, config="mkdocs.public.yml")
    assert result.returncode == 0, result.stderr
    server, url = serve_directory(site)
    yield url, sorted(p.parent.relative_to(site).as_posix() for p in site.glob("**/index.html"))
    server.shutdown()


def test_every_public_page_is_written_for_a_visitor(page, public_site):
    url, paths = public_site
    assert "contacts" in paths and not any(p.startswith(("calendar", "meetings")) for p in paths)
    found = []
    for path in paths:
        page.goto(url + ("" if path == "." else path + "/"), wait_until="load")
        text = page.locator("article").inner_text()
        found += [f"{path}: {m.group(0)!r} in …{text[max(0, m.start() - 40):m.end() + 40]}…"
                  for m in OWNER_FACING.finditer(text)]
        tabs = page.locator(".md-tabs__link").all_inner_texts()
        if tabs:
            assert not {"Calendar", "Meetings"} & {t.strip() for t in tabs}, tabs
    assert not found, "\n".join(found)


def test_screenshots_of_every_kind_of_page(browser, handbook):
    """The README's screenshots of each kind of page at 390 and 1280 px, from the test handbook.
    Only with HANDBOOK_SCREENSHOTS=docs, which writes them to docs/screens/."""
    import os

    from conftest import REPO

    folder = os.environ.get("HANDBOOK_SCREENSHOTS", "")
    name, url, found = handbook
    if not folder or name != "example":
        pytest.skip("set HANDBOOK_SCREENSHOTS=docs to refresh the screenshots")
    (REPO / folder / "screens").mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light")
        page = context.new_page()
        page.clock.set_fixed_time(dt.datetime.combine(TODAY, dt.time(12)))  # the calendar script groups by the clock
        for kind, path in found.items():
            page.goto(url + path, wait_until="networkidle")
            page.evaluate("window.scrollTo(0, 0)")  # Material fades its tabs out below the top
            if width > 1219:
                page.wait_for_function("getComputedStyle(document.querySelector('.md-tabs__item:last-child')).opacity === '1'")
            height = min(page.evaluate("document.documentElement.scrollHeight"), 2400)  # the top of a long page
            shot = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
            (REPO / folder / "screens" / f"{kind}-{width}.png").write_bytes(shot)
        context.close()
