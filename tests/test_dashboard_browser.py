"""The home dashboard, the contacts filters and the network page in Chromium, on the example site."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil

import pytest

from conftest import REPO, copy_handbook, person, run_mkdocs, serve_directory, write

pytestmark = pytest.mark.browser

PIPELINE = ["prospect", "contacted", "scheduled", "met", "keep-in-touch", "dormant"]
EXAMPLE_PEOPLE = 7


def visible_names(page) -> list[str]:
    return page.locator("table[data-hb-contacts] tbody tr:visible td:first-child a").all_inner_texts()


def settle(page) -> None:
    """Wait until the contacts script has applied the last input: it filters on the next animation frame."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def open_contacts(page, url: str):
    page.goto(url + "contacts/")
    page.locator("[data-hb-filter]").wait_for(state="visible")  # the contacts script has started
    return page


def test_typing_a_company_leaves_only_its_people(page, example_url):
    open_contacts(page, example_url)
    assert len(visible_names(page)) == EXAMPLE_PEOPLE
    page.get_by_placeholder("Name, company, role or tag").fill("Acme Health")
    settle(page)
    assert visible_names(page) == ["Jane Doe", "Marcus Okafor"]
    assert page.locator("[data-hb-filter-count]").inner_text() == f"Showing 2 of {EXAMPLE_PEOPLE}"


def test_the_filter_ignores_case_and_accents_and_matches_tags_and_roles(page, example_url):
    open_contacts(page, example_url)
    search = page.get_by_placeholder("Name, company, role or tag")
    for query, expected in (("tomas", ["Tomáš Novák"]), ("UX RESEARCH", ["Priya Raman"]),
                            ("inner-circle", ["Sam Lee"]), ("nobody-like-this", [])):
        search.fill(query)
        settle(page)
        assert visible_names(page) == expected, query
    assert page.locator("[data-hb-filter-none]").is_visible()
    search.fill("")
    settle(page)
    assert len(visible_names(page)) == EXAMPLE_PEOPLE


def test_the_status_and_tag_filters_work_alone_and_together(page, example_url):
    open_contacts(page, example_url)
    status = page.locator("[data-hb-filter-status]")
    status.select_option("keep-in-touch")
    settle(page)
    assert visible_names(page) == ["Elena García", "Jane Doe", "Priya Raman", "Sam Lee", "Tomáš Novák"]
    page.locator("[data-hb-filter-tag]").select_option("analytics")
    settle(page)
    assert visible_names(page) == ["Jane Doe", "Tomáš Novák"]
    status.select_option("")
    settle(page)
    assert visible_names(page) == ["Jane Doe", "Marcus Okafor", "Tomáš Novák"]


def test_sorting_by_status_follows_the_pipeline_not_the_alphabet(page, example_url):
    open_contacts(page, example_url)
    header = page.locator("th[data-hb-sort='status'] button")
    header.click()
    statuses = page.locator("[data-hb-contacts] tbody tr").evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert statuses == sorted(statuses, key=PIPELINE.index) and statuses != sorted(statuses)
    assert statuses[0] == "prospect" and statuses[-1] == "keep-in-touch"
    assert page.locator("th[data-hb-sort='status']").get_attribute("aria-sort") == "ascending"
    header.click()
    backwards = page.locator("[data-hb-contacts] tbody tr").evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert backwards == sorted(statuses, key=PIPELINE.index, reverse=True)


def test_sorting_by_next_touch_puts_the_soonest_first_and_blanks_last(page, example_url):
    open_contacts(page, example_url)
    page.locator("th[data-hb-sort='next-touch'] button").click()
    dates = page.locator("[data-hb-contacts] tbody tr").evaluate_all("rows => rows.map(r => r.dataset.nextTouch)")
    filled = [d for d in dates if d]
    assert filled == sorted(filled) and dates == filled + [""] * (len(dates) - len(filled)) and len(filled) >= 3
    assert visible_names(page)[0] == "Sam Lee"  # 60 days after the 28 Oct touch: 27 Dec


def test_without_javascript_the_table_shows_everyone(browser, example_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(example_url + "contacts/")
        assert len(visible_names(page)) == EXAMPLE_PEOPLE
        assert not page.locator("[data-hb-filter]").is_visible()
    finally:
        context.close()


def test_a_thousand_rows_filter_and_sort_without_touching_unchanged_rows(page, example_site, tmp_path):
    # The example contacts page with its rows copied to 1,000 people, served from a copy of the site.
    site = tmp_path / "site"
    shutil.copytree(example_site, site)
    html = (site / "contacts" / "index.html").read_text(encoding="utf-8")
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    rows = re.findall(r"<tr .*?</tr>", body.group(1), re.S)
    many = [row.replace("Acme Health", f"Acme Health {n:04d}") for n in range(143) for row in rows][:1000]
    (site / "contacts" / "index.html").write_text(html.replace(body.group(1), "\n".join(many)), encoding="utf-8")
    server, url = serve_directory(site)
    try:
        open_contacts(page, url)
        assert page.locator("[data-hb-contacts] tbody tr").count() == 1000
        search = page.get_by_placeholder("Name, company, role or tag")
        search.fill("acme health 0007")
        settle(page)
        assert page.locator("[data-hb-filter-count]").inner_text() == "Showing 2 of 1000"
        # One more letter that keeps the same rows must not touch the table at all.
        page.evaluate("""() => {
            window.hbMutations = 0;
            new MutationObserver(list => { window.hbMutations += list.length; })
              .observe(document.querySelector('[data-hb-contacts]'), {attributes: true, subtree: true, childList: true});
        }""")
        search.press("End")
        search.type(" ")
        settle(page)
        assert page.evaluate("window.hbMutations") == 0
        search.fill("")
        page.locator("th[data-hb-sort='status'] button").click()
        ranks = page.locator("[data-hb-contacts] tbody tr").evaluate_all("rows => rows.map(r => +r.dataset.rank)")
        assert len(ranks) == 1000 and ranks == sorted(ranks)
    finally:
        server.shutdown()


def test_the_network_page_draws_every_example_person(page, example_url):
    page.goto(example_url + "network/")
    diagram = page.locator("svg.hb-network")
    assert diagram.is_visible()
    drawn = diagram.locator("a.hb-network__person text").all_text_contents()
    listed = page.locator("ul.hb-tree li > a").all_inner_texts()
    assert len(drawn) == len(set(drawn)) == EXAMPLE_PEOPLE
    assert sorted(drawn) == sorted(listed)
    assert {"Sam Lee", "Jane Doe", "Marcus Okafor", "Priya Raman"} <= set(drawn)
    # Every box leads to that person's page.
    diagram.locator("a.hb-network__person", has_text="Priya Raman").click()
    page.wait_for_url(re.compile(r"/contacts/priya-raman/$"))


def test_the_dashboard_follows_the_landing_text_and_charts_the_data(page, example_url):
    page.goto(example_url)
    content = page.locator(".md-content")
    text = content.inner_text()
    assert text.index("Welcome.") < text.index("Start here") < text.index("Today") < text.index("Pipeline")
    pipeline = page.locator("svg[aria-labelledby^='hb-chart-pipeline']")
    assert pipeline.get_attribute("role") == "img"
    keeping = pipeline.locator("[data-key='keep-in-touch'] .hb-chart__value").text_content()
    assert keeping == "5"
    assert page.get_by_role("img", name="People by status").is_visible()
    openers = page.locator(".hb-door-openers li").all_inner_texts()
    assert openers[0].startswith("Jane Doe introduced you to 2")


def test_today_on_the_dashboard_uses_the_readers_clock(page, example_url):
    page.clock.set_fixed_time(dt.datetime(2026, 12, 3, 12, 0))
    page.goto(example_url)
    overdue = page.locator('[data-hb-list="overdue"] > li:visible').all_inner_texts()
    week = page.locator('[data-hb-list="week"] > li:visible').all_inner_texts()
    assert not any("Coffee with Jane Doe" in entry for entry in overdue + week)  # 2 Dec is over
    assert any("In-person meeting with Marcus Okafor" in entry for entry in week)  # 4 Dec is this week now
    assert page.locator("[data-hb-today]").get_attribute("datetime") == "2026-12-03"
    assert page.locator("[data-hb-today]").inner_text() == "Thu 3 Dec 2026"  # as the build writes dates


def test_a_tag_named_like_a_script_is_text_and_clicking_it_finds_its_people(page, tag_site_url):
    page.goto(tag_site_url + "contacts/ann/")
    chip = page.locator(".hb-person .hb-tag", has_text="alert(1)")
    assert chip.inner_text() == "<script>alert(1)</script>"
    chip.click()
    page.wait_for_url("**/tags/script-alert-1-script--*/")
    assert page.locator("article h1").inner_text() == "Tag: <script>alert(1)</script>"
    page.locator("article table").get_by_role("link", name="Ann").click()
    page.wait_for_url("**/contacts/ann/")
    page.goto(tag_site_url + "tags/")
    names = page.locator("article table .hb-tag").all_inner_texts()
    assert sorted(names) == ["<script>alert(1)</script>", "a&b"]
    assert page.locator("script:not([src])", has_text="alert(1)").count() == 0


def test_screenshots_of_the_home_and_network_pages(browser, example_url):
    """The README's pictures. Set HANDBOOK_SCREENSHOTS=docs to write them; otherwise only taken."""
    folder = os.environ.get("HANDBOOK_SCREENSHOTS", "")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(dt.datetime(2026, 11, 25, 12, 0))
        for path, name in (("", "home.png"), ("network/", "network.png")):
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(example_url + path)
            page.wait_for_load_state("networkidle")
            # Show the whole page at once, and let Material's tabs finish fading in after the resize.
            page.set_viewport_size({"width": 1280, "height": page.evaluate("document.documentElement.scrollHeight")})
            page.wait_for_function("getComputedStyle(document.querySelector('.md-tabs__item:last-child')).opacity === '1'")
            shot = page.screenshot(full_page=True)
            assert shot[:8] == b"\x89PNG\r\n\x1a\n"
            if folder:
                (REPO / folder / name).write_bytes(shot)
    finally:
        context.close()


@pytest.fixture(scope="module")
def tag_site_url(tmp_path_factory):
    root = copy_handbook(tmp_path_factory.mktemp("tags") / "handbook", with_examples=False)
    write(root / "contacts" / "people" / "ann.md", person("Ann", tags='["<script>alert(1)</script>", "a&b"]'))
    site = root / "site"
    result = run_mkdocs(root, "build", "--strict", site=site)
    assert result.returncode == 0, result.stderr
    server, url = serve_directory(site)
    yield url
    server.shutdown()
