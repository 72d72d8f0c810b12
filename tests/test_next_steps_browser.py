"""The home page's "What to do next" in Chromium: each nudge links to the page of the file to edit,
and the company pages show the chain of introductions as links."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_a_meeting_nudge_on_the_home_page_opens_that_meetings_page(page, example_url):
    page.goto(example_url)
    nudge = page.locator(".hb-nudge[data-rule='ask-for-next-steps']")
    assert nudge.count() == 1
    assert "contacts/meetings/2026-11-10-priya-raman.md:9" in nudge.locator(".hb-nudge__file").inner_text()
    nudge.locator("a.hb-nudge__link").click()
    page.wait_for_load_state()
    assert page.url == example_url + "meetings/2026-11-10-priya-raman/"
    assert "Priya Raman" in page.locator("h1").first.inner_text()


def test_a_person_nudge_on_the_home_page_opens_that_persons_page(page, example_url):
    page.goto(example_url)
    link = page.locator(".hb-nudge[data-rule='reach-out'] a.hb-nudge__link")
    assert link.inner_text() == "Write to Lina Park"
    link.click()
    page.wait_for_load_state()
    assert page.url == example_url + "contacts/lina-park/"
    assert page.locator("h1").first.inner_text() == "Lina Park"


def test_the_company_page_links_each_step_of_the_chain(page, example_url):
    page.goto(example_url + "companies/")
    page.get_by_role("link", name="Acme Health").first.click()
    page.wait_for_load_state()
    assert page.url == example_url + "companies/acme-health/"
    marcus = page.locator(".hb-reach--warm", has_text="Marcus Okafor")
    assert marcus.locator(".hb-chain").inner_text().split() == ["you", "→", "Jane", "Doe", "→", "Marcus", "Okafor"]
    marcus.locator(".hb-chain a", has_text="Jane Doe").click()
    page.wait_for_load_state()
    assert page.url == example_url + "contacts/jane-doe/"
