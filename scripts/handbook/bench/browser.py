"""What a reader waits for, in Chromium (Playwright + /usr/bin/chromium): the home page loading, and
the first search result after typing a name. Each site is served from 127.0.0.1 by a child
``python -m http.server``; any request leaving 127.0.0.1 is refused and counted.

Both are timed by the page's own clock (``performance.now``), from the first input event (the
click in the search box) to the first result on screen: what the reader waits for. Timing from this
process added each of Playwright's round trips (click, fill, key press, polling for the result),
about 0.2 s on this project's machine, to every sample of every engine. For the same reason,
requests are not routed through Playwright (each would wait for this process to let it through):
Chromium's resolver sends any host but 127.0.0.1 nowhere, and the requests are only counted.

The search box differs between engines, so each site's is found from what its build wrote
(``SearchUI``): Material's lunr search, and ours: Pagefind in Material's search box.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .measure import BenchError, free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]  # nothing leaves the machine
LOCAL = ("http://127.0.0.1", "data:", "blob:", "about:")
# Notes, by the page's clock, the first pointer event and the moment a result is first on screen.
WATCH_RESULT = """selector => {
  const times = window.__hbBench = {};
  document.addEventListener("pointerdown", () => { times.start ??= performance.now(); }, true);
  new MutationObserver(() => {
    const found = times.shown === undefined && document.querySelector(selector);
    if (found && found.checkVisibility()) times.shown = performance.now();
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true });
}"""
SHOWN_AFTER = "(({ start, shown }) => ((shown ?? performance.now()) - start) / 1000)(window.__hbBench)"
TIMEOUT_MS = 120_000  # the slowest first search seen at 4,000 pages is a few seconds


@dataclass(frozen=True)
class SearchUI:
    """How to type into one engine's search box and see its first result."""

    name: str
    marker: str  # a file in the built site that says this engine is in use
    box: str  # the search input
    result: str  # one result in the list

    def type_query(self, page, text: str) -> None:
        page.click(self.box)
        page.fill(self.box, text)
        # Material reads the box on keyup (and when its index is ready); a key press serves both.
        page.keyboard.press("End")


MATERIAL = SearchUI("material", "search/search_index.json", "input.md-search__input", ".md-search-result__item")
# Our Pagefind search lives in Material's search box (overrides/partials/search.html).
PAGEFIND = SearchUI("pagefind", "pagefind/pagefind.js", "input[data-hb-search-input]",
                    "[data-hb-search-results] .md-search-result__item")
SEARCH_UIS = (PAGEFIND, MATERIAL)


def search_ui(site: Path) -> SearchUI | None:
    return next((ui for ui in SEARCH_UIS if (site / ui.marker).is_file()), None)


@dataclass(frozen=True)
class Sample:
    seconds: float
    outside: int  # requests refused because they left 127.0.0.1


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    """``site`` on http://127.0.0.1:<port>/ for as long as the block runs."""
    port = free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"could not serve {site} on 127.0.0.1:{port}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=30)


class Browser:
    """One Chromium for the whole run; every sample gets a fresh context, so nothing is cached."""

    def __init__(self) -> None:
        if not Path(CHROMIUM).exists():
            raise BenchError(f"{CHROMIUM} is missing: run `make browser-deps`, or pass --no-browser")
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._chromium = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

    def close(self) -> None:
        self._chromium.close()
        self._playwright.stop()

    @contextlib.contextmanager
    def _page(self) -> Iterator[tuple]:
        context = self._chromium.new_context()
        outside: list[str] = []
        context.on("request", lambda request: None if request.url.startswith(LOCAL) else outside.append(request.url))
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        try:
            yield page, outside
        finally:
            context.close()

    def home_load(self, url: str) -> Sample:
        """Seconds from navigation start to the end of the load event, as the page itself counts them."""
        with self._page() as (page, outside):
            page.goto(url, wait_until="load")
            page.wait_for_function("performance.getEntriesByType('navigation')[0].loadEventEnd > 0")
            millis = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            return Sample(millis / 1000, len(outside))

    def first_result(self, url: str, ui: SearchUI, query: str) -> Sample:
        """Seconds from the click in the search box, as soon as the home page has loaded, through
        typing ``query``, to the first result on screen."""
        with self._page() as (page, outside):
            page.goto(url, wait_until="load")
            page.evaluate(WATCH_RESULT, ui.result)
            ui.type_query(page, query)
            page.wait_for_selector(ui.result, state="visible")
            return Sample(page.evaluate(SHOWN_AFTER), len(outside))
