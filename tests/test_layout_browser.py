"""Every kind of page, at a phone's, a tablet's and a laptop's width, in Chromium (issue 20): nothing
scrolls sideways, no two pieces of text are drawn over each other, no word is cut in two, and axe-core
finds nothing serious in light or dark mode. Two handbooks: the test handbook, and one whose names,
company names and tag lists are as long as real ones get."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_handbook, run_mkdocs, serve_directory, write_record

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1280)
PROBE = (Path(__file__).parent / "layout_probe.js").read_text(encoding="utf-8")
# One page of each kind; for a folder of pages, the longest one (the most there is to lay out).
KINDS = {
    "home": "", "guide": "guide/in-the-meeting/", "questions": "questions/", "contacts": "contacts/",
    "contact": "contacts/*/", "network": "network/", "companies": "companies/", "company": "companies/*/",
    "meetings": "meetings/", "meeting": "meetings/*/", "calendar": "calendar/", "tags": "tags/",
}

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

    axe = Axe()
    name, url, found = handbook
    problems = []
    for kind, path in found.items():
        for width in (390, 1280):
            open_page(page, url + path, width, scheme)
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"][:3]]
                    problems.append(f"{kind} ({path}) at {width} px: {violation['id']}: {violation['help']} {targets}")
    assert not problems, f"{name} handbook, {scheme} mode:\n" + "\n".join(problems)
