"""What a user does in a real browser (Debian's Chromium via Playwright) on the example site."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_open_a_contact_page_from_the_contacts_index(page, example_url):
    page.goto(example_url + "contacts/")
    page.get_by_role("link", name="Priya Raman").click()
    page.wait_for_url(re.compile(r"/contacts/priya-raman/$"))
    assert page.locator("h1").first.inner_text() == "Priya Raman"
    assert page.get_by_text("Bluebird Transit").first.is_visible()


def test_search_for_a_company_reaches_that_contacts_page(page, example_url):
    page.goto(example_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Bluebird")
    result = page.locator(".md-search-result__link", has_text="Priya Raman").first
    result.wait_for(timeout=15_000)
    result.click()
    page.wait_for_url(re.compile(r"/contacts/priya-raman/"))
    assert "Priya Raman" in page.title()


def test_a_ticked_question_is_still_ticked_after_a_reload(page, example_url):
    page.goto(example_url + "meetings/2026-12-02-jane-doe/")
    box = page.locator("[data-hb-checklist] input[data-question='how-hired']")
    assert not box.is_checked()
    box.check()
    page.reload()
    assert page.locator("[data-hb-checklist] input[data-question='how-hired']").is_checked()
    assert not page.locator("[data-hb-checklist] input[data-question='review-resume']").is_checked()


def test_the_site_takes_no_fonts_or_scripts_from_third_parties(page, example_url):
    # The page fixture fails the test on any request leaving 127.0.0.1.
    for path in ("", "contacts/", "meetings/2026-12-02-jane-doe/", "questions/"):
        page.goto(example_url + path)
        page.wait_for_load_state("networkidle")
    assert page.outside_requests == []


def test_materials_script_runs_on_the_sites_settings_without_an_error(page, example_url):
    """The site gives Material's script only the settings it uses (overrides/main.html): it must
    still start on every kind of page, and its dark-mode switch still work."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in ("", "contacts/", "contacts/priya-raman/", "calendar/", "guide/why/", "404.html"):
        page.goto(example_url + path)
        page.wait_for_load_state("load")
        assert "js" in page.evaluate("() => document.documentElement.classList.value").split(), path
    page.goto(example_url)
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^='__palette']:visible").click()
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {scheme!r}")
    assert errors == []
