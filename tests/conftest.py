"""Shared fixtures: a fixed "today", throwaway handbook copies, real builds, and a real browser.

Tests never read the repo's own contacts/ (users delete the examples there) nor the wall clock:
the test handbook lives in tests/fixtures/handbook/, and ``fixed_today`` sets HANDBOOK_TODAY for
everything in this process and every subprocess it starts."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "handbook"  # the test handbook: root of contacts/
CONTACTS = FIXTURE / "contacts"
TODAY = dt.date(2026, 11, 25)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SITE_PARTS = ("mkdocs.yml", "mkdocs.public.yml", "content", "overrides")  # the product; contacts/ comes from FIXTURE

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def copy_handbook(dest: Path, with_examples: bool = True, contacts: Path = CONTACTS) -> Path:
    """A runnable handbook: this repo's config, guide and theme, with the test contacts
    (``contacts=REPO / "contacts"`` for the shipped example) and, optionally, without people and meetings."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = REPO / part
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    shutil.copytree(contacts, dest / "contacts")
    if not with_examples:
        for folder in ("people", "meetings", "companies"):
            shutil.rmtree(dest / "contacts" / folder, ignore_errors=True)
            (dest / "contacts" / folder).mkdir(parents=True)
    return dest


ENGINES = ("mkdocs", "properdocs")  # MkDocs 1.6 and its maintained fork: the site builds under both


def run_mkdocs(root: Path, *args: str, site: Path | None = None, env: dict | None = None,
               config: str = "mkdocs.yml", engine: str = "mkdocs") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", engine, *args, "-f", str(root / config)]
    if site is not None:
        command += ["-d", str(site)]
    environ = {**os.environ, "HANDBOOK_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, env=environ, cwd=root, timeout=600)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_record(path: Path, fields: dict, body: str = "") -> Path:
    """A contact or meeting file whose frontmatter is dumped by PyYAML, so any value stays intact."""
    dumped = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
    return write(path, f"---\n{dumped}---\n{body}")


def person(name: str, **fields) -> str:
    lines = [f"name: {name}"] + [f"{k}: {v}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


@pytest.fixture(scope="session", autouse=True)
def fixed_today():
    """One "today" for the whole run, in-process and in every subprocess: no test sees the real date."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HANDBOOK_TODAY", TODAY.isoformat())
        yield TODAY


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def handbook_copy(tmp_path: Path) -> Path:
    return copy_handbook(tmp_path / "handbook")


@pytest.fixture
def empty_handbook(tmp_path: Path) -> Path:
    return copy_handbook(tmp_path / "handbook", with_examples=False)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example handbook built once, privately, with a fixed today."""
    root = copy_handbook(tmp_path_factory.mktemp("example") / "handbook")
    site = root / "site"
    result = run_mkdocs(root, "build", "--strict", site=site)
    assert result.returncode == 0, result.stderr
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_directory(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def example_url(example_site: Path):
    server, url = serve_directory(example_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that fails the test on any request leaving 127.0.0.1 or on a script dialog.
    Its clock reads noon on TODAY: the calendar's script regroups items by the reader's date, and
    a test that wants another day sets ``page.clock`` itself. Playwright's fake clock also replaces
    ``performance``, whose navigation timings a test marked ``real_clock`` reads: that one keeps
    the real clock."""
    context = browser.new_context()
    page = context.new_page()
    if request.node.get_closest_marker("real_clock") is None:
        page.clock.set_fixed_time(dt.datetime.combine(TODAY, dt.time(12, 0)))
    outside: list[str] = []
    dialogs: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.outside_requests = outside
    page.dialogs = dialogs
    yield page
    context.close()
    assert not outside, f"the page made requests outside 127.0.0.1: {outside}"
    assert not dialogs, f"a script dialog fired: {dialogs}"
