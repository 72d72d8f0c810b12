"""The status shown follows the files, and the contacts table, the pipeline chart, the status
filter and the company page agree on it (in Chromium)."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import TODAY, run_mkdocs, serve_directory, write, write_record

pytestmark = pytest.mark.browser

# Everyone's stored status says prospect except Di's hand-written dormant; the files say more.
PEOPLE = {
    "ana-met": ("Ana Met", {}, "met"),
    "bo-wrote": ("Bo Wrote", {"touches": [{"date": "2026-11-20", "note": "asked", "kind": "outreach"}]}, "contacted"),
    "cy-planned": ("Cy Planned", {}, "scheduled"),
    "di-dormant": ("Di Dormant", {"status": "dormant"}, "dormant"),
    "ed-keeps": ("Ed Keeps", {"stay_in_touch": 90}, "keep-in-touch"),
    "fay-new": ("Fay New", {}, "prospect"),
}
MEETINGS = {"2026-11-02-ana-met": ("ana-met", "done"), "2026-12-01-cy-planned": ("cy-planned", "planned"),
            "2026-11-03-di-dormant": ("di-dormant", "done"), "2026-11-04-ed-keeps": ("ed-keeps", "planned")}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    from conftest import copy_handbook

    root = copy_handbook(tmp_path_factory.mktemp("status") / "handbook", with_examples=False)
    for slug, (name, fields, _) in PEOPLE.items():
        write_record(root / "contacts" / "people" / f"{slug}.md",
                     {"name": name, "company": "Acme Health", "status": "prospect", "prefers": "email",
                      "stay_in_touch": "none", **fields})
    for stem, (slug, status) in MEETINGS.items():
        write(root / "contacts" / "meetings" / f"{stem}.md",
              f"---\ndate: {stem[:10]}\nwith: [{slug}]\nstatus: {status}\nthanked: {stem[:10]}\n"
              "questions: [other-people, stay-in-touch]\n---\n")
    site = root / "site"
    result = run_mkdocs(root, "build", "--strict", site=site)
    assert result.returncode == 0, result.stderr
    server, url = serve_directory(site)
    yield url
    server.shutdown()


def table_statuses(page, url) -> dict[str, str]:
    page.goto(url + "contacts/")
    rows = page.locator("table[data-hb-contacts] tbody tr")
    return dict(zip(rows.locator("td:first-child a").all_inner_texts(),
                    rows.locator(".hb-status").all_inner_texts()))


def test_the_table_the_pipeline_and_the_company_page_show_the_same_derived_status(page, site_url):
    expected = {name: status for name, _, status in PEOPLE.values()}
    assert table_statuses(page, site_url) == expected

    page.goto(site_url)
    chart = page.locator("svg[aria-labelledby^='hb-chart-pipeline']")
    counts = {key: int(chart.locator(f"[data-key='{key}'] .hb-chart__value").text_content())
              for key in chart.locator(".hb-chart__row").evaluate_all("rows => rows.map(r => r.dataset.key)")}
    assert {k: v for k, v in counts.items() if v} == dict(Counter(expected.values()))

    page.goto(site_url + "companies/acme-health/")
    rows = page.locator("table[data-hb-people] tbody tr")
    company = dict(zip(rows.locator("td:first-child").all_inner_texts(), rows.locator(".hb-status").all_inner_texts()))
    assert company == expected
    met = {name for name, status in expected.items() if status in ("met", "keep-in-touch", "dormant")}
    warmth = dict(zip(rows.locator("td:first-child").all_inner_texts(), rows.locator(".hb-warmth").all_inner_texts()))
    assert {name for name, level in warmth.items() if level == "met"} == met


def test_the_status_filter_and_the_person_page_use_it_too(page, site_url):
    page.goto(site_url + "contacts/")
    page.locator("[data-hb-filter]").wait_for(state="visible")
    page.locator("[data-hb-filter-status]").select_option("met")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.locator("table[data-hb-contacts] tbody tr:visible td:first-child a").all_inner_texts() == ["Ana Met"]
    page.goto(site_url + "contacts/ed-keeps/")
    assert page.locator(".hb-person .hb-status").inner_text() == "keep-in-touch"
    assert TODAY.isoformat() == "2026-11-25"  # the meetings above are placed around this day
