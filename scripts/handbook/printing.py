"""Prep sheets as PDF: build the site, open meeting pages in Chromium, print them with the print styles (handbook.css).

An adapter, like the MkDocs plugin: the core never imports playwright. The site is built into a
temporary folder by `mkdocs build` (private profile: the sheet is for you), served on 127.0.0.1
only, and every request that would leave this machine is refused.
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .render import urls

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ENV = "HANDBOOK_CHROMIUM"  # another Chromium or Chrome binary, e.g. on macOS
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PAPER = {"a4": "A4", "letter": "Letter"}  # our names -> Chromium's
LOCAL = ("http://127.0.0.1", "data:", "blob:", "about:")


class PrintError(Exception):
    """Printing stopped for a reason outside the user's data; ``details`` say what to do."""

    def __init__(self, message: str, details: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or []


def chromium_path() -> Path:
    return Path(os.environ.get(CHROMIUM_ENV) or CHROMIUM)


def sheet_path(slug: str) -> str:
    """Where a meeting's page lands in the built site, with or without directory URLs."""
    return urls.meeting_src(slug)[: -len(".md")] + ".html"


def _build_problems(stderr: str) -> list[str]:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if any(line.startswith("Traceback") for line in lines):
        return [f"mkdocs stopped with: {lines[-1]}"]  # a crash: its last line says what broke
    problems = []
    for line in lines:
        for prefix in ("ERROR", "WARNING", "-"):
            line = line.removeprefix(prefix).strip()
        if line and not line.startswith("Aborted with"):
            problems.append(line)
    return problems or ["mkdocs build failed without a message"]


def build_site(root: Path, site: Path) -> None:
    """`mkdocs build` of the handbook at ``root`` into ``site``, quietly, always private."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PROFILE": "private"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=root)
    if result.returncode != 0:
        raise PrintError("the handbook did not build", _build_problems(result.stderr))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built site on a free port of 127.0.0.1, for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def require_chromium() -> Path:
    binary = chromium_path()
    if not binary.is_file():
        raise PrintError(f"Chromium is not installed at {binary}",
                         ["install it with: sudo apt-get install chromium",
                          f"or point {CHROMIUM_ENV} at a Chromium or Chrome binary"])
    return binary


@contextmanager
def chromium():
    """A headless Chromium through Playwright, with a clear error when there is none."""
    binary = require_chromium()
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=str(binary), args=CHROMIUM_ARGS, headless=True)
        except Error as exc:
            raise PrintError(f"Chromium at {binary} would not start", str(exc).splitlines()[:3]) from None
        try:
            yield browser
        finally:
            browser.close()


def local_page(browser):
    """A page that may only talk to 127.0.0.1: a prep sheet tells no one whom you are meeting."""
    context = browser.new_context()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(LOCAL) else route.abort())
    return context.new_page()


def sheet_pdf(page, url: str, paper: str) -> bytes:
    """One page of the site printed as Chromium prints it: print media, the given paper."""
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        raise PrintError(f"the built site has no page at {url}")
    page.emulate_media(media="print")
    return page.pdf(format=PAPER[paper], print_background=True)


def merge(pdfs: list[bytes], title: str = "") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(PdfReader(io.BytesIO(data)))
    if title:
        writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def print_sheets(root: Path, slugs: list[str], paper: str, title: str = "",
                 step: Callable[[str], None] = lambda what: None) -> bytes:
    """The prep sheets of ``slugs``, in that order, as one PDF. ``step`` hears of each finished stage."""
    require_chromium()  # before the build, so a missing browser is reported at once
    with tempfile.TemporaryDirectory(prefix="handbook-print-") as temp:
        site = Path(temp) / "site"
        build_site(root, site)
        step("built")
        pdfs = []
        with serve(site) as base, chromium() as browser:
            page = local_page(browser)
            for slug in slugs:
                pdfs.append(sheet_pdf(page, base + sheet_path(slug), paper))
                step(slug)
    return merge(pdfs, title)
