"""The target list in a real build: the companies index ranked with each way in, a company page with
its score and next step, and a public build that shows nothing from a company file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import copy_handbook, run_mkdocs, serve_directory, write, write_record

SECRET = "Zanzibar-7731"  # in every private part of a company file: motivation aside, none may be public


def people(root: Path, slug: str, **fields) -> None:
    write_record(root / "contacts" / "people" / f"{slug}.md", {"name": slug.replace("-", " ").title(), **fields})


@pytest.fixture(scope="module")
def targets_handbook(tmp_path_factory) -> Path:
    root = copy_handbook(tmp_path_factory.mktemp("targets") / "handbook", with_examples=False)
    write(root / "contacts" / "me.yml", "name: Alex Example\nschool: Example State University\n")
    people(root, "ana-lima", status="met", share=True)
    write(root / "contacts" / "meetings" / "2026-10-01-ana-lima.md",
          "---\ndate: 2026-10-01\nwith: [ana-lima]\nstatus: done\n---\n")
    people(root, "bo-chen", referred_by="ana-lima")
    people(root, "dana-okafor", company="Acme Health", referred_by="bo-chen", share=True)
    people(root, "eli-ward", company="Bluebird Transit", how_we_met="Example State University alumni group")
    people(root, "fay-north", company="Northwind Labs")
    write_record(root / "contacts" / "companies" / "acme-health.md",
                 {"name": "Acme Health", "motivation": 3, "tags": [f"tag-{SECRET}"],
                  "postings": [{"title": f"Analyst {SECRET}", "url": f"https://jobs.example.org/{SECRET}",
                                "seen": "2026-11-12"}]},
                 f"Notes {SECRET}.\n")
    write_record(root / "contacts" / "companies" / "bluebird.md", {"name": "Bluebird Transit", "motivation": 3})
    write_record(root / "contacts" / "companies" / "riverbend.md",
                 {"name": "Riverbend Clinics", "motivation": 2, "postings": 3,
                  "linkedin": f"https://www.linkedin.com/company/{SECRET}"})
    return root


@pytest.fixture(scope="module")
def private_site(targets_handbook: Path) -> Path:
    site = targets_handbook / "site"
    result = run_mkdocs(targets_handbook, "build", "--strict", site=site)
    assert result.returncode == 0, result.stderr
    return site


def text(html: str) -> str:
    """The words a reader sees: cells and blocks apart, inline tags (links, badges) dropped."""
    spaced = re.sub(r"</?(?:td|th|tr|p|li|dt|dd|div|h\d)\b[^>]*>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", "", spaced).split())


def rows(index_html: str) -> list[str]:
    body = index_html[index_html.index("<tbody>"):index_html.index("</tbody>")]
    return [text(row) for row in re.findall(r"<tr\b.*?</tr>", body, re.S)]


def test_the_companies_index_is_the_ranked_target_list_with_each_way_in(private_site):
    index = (private_site / "companies" / "index.html").read_text(encoding="utf-8")
    assert rows(index) == [
        "1 Acme Health 3 1 warm you → Ana Lima → Bo Chen → Dana Okafor 1",
        "2 Bluebird Transit 3 0 alumni Eli Ward went to Example State University, as you did 1",
        "3 Riverbend Clinics 2 3 cold nobody there is in your handbook yet 0",
        "4 Northwind Labs 0 0 cold nobody you know links to Fay North yet 1",
    ]
    assert 'data-way-in="warm" data-motivation="3" data-postings="1"' in index  # what the filters read
    assert '<select data-hb-match="way-in">' in index and '<select data-hb-min="motivation">' in index


def test_a_company_page_shows_its_score_and_the_next_step_with_links(private_site):
    acme = (private_site / "companies" / "acme-health" / "index.html").read_text(encoding="utf-8")
    page = text(acme)
    assert "Rank 1 of 4 on your target list Motivation 3 of 3 Postings 1 of 3 Way in warm" in page
    assert ("Next step: ask Ana Lima to introduce you to Bo Chen, who can introduce you to Dana Okafor."
            in page)
    assert '<a href="../../contacts/ana-lima/">Ana Lima</a> to introduce you to' in acme
    assert f'<a href="https://jobs.example.org/{SECRET}">Analyst {SECRET}</a>' in acme
    riverbend = text((private_site / "companies" / "riverbend-clinics" / "index.html").read_text(encoding="utf-8"))
    assert ("Next step: find someone here: an alumni search (Example State University alumni at Riverbend "
            "Clinics) or the company page.") in riverbend


def test_the_home_page_nudges_to_find_someone_at_a_top_target_and_links_its_page(private_site):
    home = (private_site / "index.html").read_text(encoding="utf-8")
    nudge = re.search(r'<li class="hb-nudge hb-nudge--find-someone".*?</li>', home, re.S).group(0)
    assert '<a class="hb-nudge__link" href="companies/riverbend-clinics/">Find someone at Riverbend Clinics</a>' in nudge
    assert "contacts/companies/riverbend.md:2" in nudge


def test_the_public_build_shows_nothing_from_a_company_file(targets_handbook, tmp_path):
    site = tmp_path / "public"
    result = run_mkdocs(targets_handbook, "build", "--strict", site=site, config="mkdocs.public.yml")
    assert result.returncode == 0, result.stderr
    leaks = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
             and SECRET.encode() in p.read_bytes()]
    assert leaks == []
    index = text((site / "companies" / "index.html").read_text(encoding="utf-8"))
    assert "Acme Health" in index and "Riverbend" not in index  # a shared person's company, no target
    assert not any(word in index for word in ("Motivation", "Postings", "Way in", "warm", "alumni"))
    acme = text((site / "companies" / "acme-health" / "index.html").read_text(encoding="utf-8"))
    assert "Dana Okafor" in acme and not any(word in acme for word in ("Rank", "Next step", "Motivation"))


def test_the_target_list_filters_by_way_in_motivation_and_tag_in_a_browser(page, private_site):
    server, url = serve_directory(private_site)
    try:
        page.goto(url + "companies/")
        page.locator("[data-hb-filter]").wait_for(state="visible")  # the contacts script has started

        def shown() -> list[str]:
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            return page.locator("table[data-hb-targets] tbody tr:visible td:nth-child(2)").all_inner_texts()

        assert shown() == ["Acme Health", "Bluebird Transit", "Riverbend Clinics", "Northwind Labs"]
        page.locator("[data-hb-match='way-in']").select_option("cold")
        assert shown() == ["Riverbend Clinics", "Northwind Labs"]
        page.locator("[data-hb-min='motivation']").select_option("2")
        assert shown() == ["Riverbend Clinics"]
        assert page.locator("[data-hb-filter-count]").inner_text() == "Showing 1 of 4"
        page.locator("[data-hb-match='way-in']").select_option("")
        page.locator("[data-hb-has='tags']").select_option(f"tag-{SECRET}")
        assert shown() == ["Acme Health"]
        page.get_by_placeholder("Name or tag").fill("river")
        assert shown() == [] and page.locator("[data-hb-filter-none]").is_visible()
    finally:
        server.shutdown()
