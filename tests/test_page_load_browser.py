"""What a page makes the browser wait for before its load event, in Chromium, on the example site.

Each file is one more request a page waits for, so our styles and scripts are one file each, and the
search index loads only once the page has. Times are never asserted: `make bench` measures them.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.real_clock]  # it reads navigation timings

OURS = ["assets/javascripts/handbook.js", "assets/stylesheets/handbook.css"]
PAGES = ["", "calendar/", "contacts/", "meetings/2026-12-02-jane-doe/"]

# Counts the calls that load the browser's locale data the first time (tens of milliseconds).
COUNT_LOCALE_CALLS = """
window.localeCalls = [];
for (const [owner, name] of [[Date.prototype, "toLocaleDateString"], [Date.prototype, "toLocaleString"],
                             [Date.prototype, "toLocaleTimeString"], [Intl, "DateTimeFormat"]]) {
  const original = owner[name];
  owner[name] = function (...args) { window.localeCalls.push(name); return original.apply(this, args); };
}
"""


def requests_until_load(page, site: str, path: str = "") -> list[str]:
    """Site paths of what the page at ``path`` requested before its load event ended, in order."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    page.goto(site + path, wait_until="load")
    before = list(seen)
    page.wait_for_function("performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
    return [address.removeprefix(site) for address in before]


def is_ours(path: str) -> bool:
    """Our assets, as opposed to Material's (whose names carry a hash: main.57a0d79d.min.css)."""
    return path.startswith("assets/") and ".min." not in path and not path.startswith("assets/images/")


@pytest.mark.parametrize("path", PAGES)
def test_a_page_loads_one_stylesheet_and_one_script_of_ours(page, example_url, path):
    requested = requests_until_load(page, example_url, path)
    assert requested[0] == path  # the page itself came first
    assert sorted(p for p in requested if is_ours(p)) == OURS
    assert any(p.startswith("assets/javascripts/bundle.") for p in requested)  # Material's, for comparison


def test_the_search_index_waits_until_the_home_page_has_loaded(page, example_url):
    requested = requests_until_load(page, example_url)
    assert not [p for p in requested if p.startswith("pagefind/")]
    # ...and is fetched soon after, unasked, so the first query finds it ready.
    page.wait_for_function("performance.getEntriesByType('resource').some(r => r.name.endsWith('/pagefind/pagefind.js'))")


@pytest.mark.parametrize("path", ["", "calendar/"])
def test_no_script_asks_for_the_locale_while_a_page_opens(page, example_url, path):
    page.add_init_script(COUNT_LOCALE_CALLS)
    page.goto(example_url + path, wait_until="load")
    assert page.locator("[data-hb-today]").count() == 1  # the calendar script had a date to write
    assert page.evaluate("window.localeCalls") == []
