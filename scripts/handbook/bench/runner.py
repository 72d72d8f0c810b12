"""One case of the benchmark (a size and a shape): generate a handbook, build it three ways in
interleaved runs, measure the sites, load them in Chromium, and optionally time `mkdocs serve` edits.

The three builds, each a child `mkdocs build`:
- ``handbook``: the repo's own mkdocs.yml, with our plugin;
- ``by-hand``: the same facts written by hand as plain markdown (``by_hand.py``), the reference;
- ``exported``: the very pages our plugin adds, exported as files, built by plain MkDocs with the
  same theme, overrides, nav and search (``mkdocs.plain.yml``, with ``site/search_hooks.py``). It
  shows what MkDocs itself costs on them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import clock, pipeline
from ..book import COMPANIES_DIR, MEETINGS_DIR, PEOPLE_DIR, Handbook
from ..mkdocs_yaml import dump_config, read_config, without_plugin
from ..page_export import NOT_IN_NAV, docs_dir, outputs, render_options, write_outputs
from ..problems import errors
from ..site import naive_search, search_hooks
from . import browser, by_hand, measure
from .synthetic import Shape, Size, generate

SITE_PARTS = ("mkdocs.yml", "content", "overrides")  # copied from the repo; contacts/ is generated
RECORDS = (PEOPLE_DIR, MEETINGS_DIR, COMPANIES_DIR)  # folders of the user's records, not their settings
PLUGIN = "handbook"
PLAIN_DOCS = "plain-docs"
BY_HAND_DOCS = "by-hand-docs"
KINDS = ("handbook", "by-hand", "exported")
HOME, CALENDAR = "index.html", "calendar/index.html"
DEFAULT_TODAY = dt.date(2026, 11, 25)  # a fixed day keeps the generated data and pages identical between runs

Step = Callable[[str], None]


@dataclass(frozen=True)
class Case:
    """One handbook to measure: its shape (by name) and size. A large case builds only ours and the
    hand-written baseline, once each, with no browser: it is there for time per page and memory.
    ``serve``: also time edits in `mkdocs serve`."""

    shape_name: str
    shape: Shape
    size: Size
    large: bool = False
    serve: bool = False

    def __str__(self) -> str:
        return f"{self.shape_name} {self.size}"

    @property
    def kinds(self) -> tuple[str, ...]:
        return KINDS[:2] if self.large else KINDS


@dataclass(frozen=True)
class Settings:
    runs: int = 3  # builds of each kind; the median counts
    loads: int = 5  # browser samples of each kind, for each measure; the median counts
    browser: bool = True
    edits: int = 3  # edits timed in each serve mode, for a case that times serve
    seed: int = 0

    def steps(self, case: Case) -> int:
        """Progress-bar steps ``measure_case`` reports for ``case``."""
        runs = 1 if case.large else self.runs
        looks = 2 * self.loads if self.browser and not case.large else 0
        return 3 + runs * len(case.kinds) + looks + (2 if case.serve else 0)


@dataclass
class SiteResult:
    """One kind of build of one case."""

    runs: list[measure.Run] = field(default_factory=list)
    bytes: int = 0
    pages: int = 0  # HTML pages, 404 aside
    largest: tuple[str, int] = ("", 0)  # the biggest HTML page: site path, bytes
    home_bytes: int = 0
    calendar_bytes: int | None = None  # only our site has a calendar
    search: str = ""  # the search engine its build set up
    home_load: list[browser.Sample] = field(default_factory=list)
    first_result: list[browser.Sample] = field(default_factory=list)


@dataclass
class CaseResult:
    case: Case
    sites: dict[str, SiteResult] = field(default_factory=dict)
    pipeline_only: float = 0.0  # load + validate + render in this process: the part we add
    query: str = ""  # the name typed into the search box
    same_files: bool = True  # our plugin's site and the exported pages' site hold the same files
    serve: dict[str, measure.ServeResult] = field(default_factory=dict)  # "full" and "dirty"


def fix_today() -> dt.date:
    """The day every build of this run uses, in this process and in the MkDocs children alike."""
    os.environ.setdefault(clock.TODAY_ENV, DEFAULT_TODAY.isoformat())
    return clock.today()


def build_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def prepare(repo: Path, root: Path, size: Size, seed: int, shape: Shape = Shape()) -> None:
    """A handbook folder: the repo's config, guide and overrides, the user's settings in contacts/
    (me.yml, message templates, own questions), and generated people and meetings (no company
    files: the shape says nothing of them)."""
    root.mkdir(parents=True)
    for part in SITE_PARTS:
        source = repo / part
        if source.is_dir():
            shutil.copytree(source, root / part)
        elif source.is_file():
            shutil.copy2(source, root / part)
    contacts = repo / "contacts"
    (root / "contacts").mkdir()
    for item in sorted(contacts.iterdir()) if contacts.is_dir() else []:
        if item.name in RECORDS or item.name.startswith("."):  # the example records stay behind
            continue
        copy = shutil.copytree if item.is_dir() else shutil.copy2
        copy(item, root / "contacts" / item.name)
    generate(root / "contacts", size, today=fix_today(), seed=seed, shape=shape)


def write_configs(root: Path) -> tuple[Path, Path, Path]:
    """Our config, the exported pages' plain config, and that with every search exclusion dropped."""
    config = read_config(root / "mkdocs.yml")
    plain = {**config, "docs_dir": PLAIN_DOCS, "plugins": without_plugin(config.get("plugins"), PLUGIN),
             "hooks": [*config.get("hooks", []), search_hooks.__file__]}  # the same search as ours
    plain["not_in_nav"] = NOT_IN_NAV  # what the plugin does for detail pages
    naive = {**plain, "hooks": [*plain.get("hooks", []), naive_search.__file__]}
    paths = root / "mkdocs.yml", root / "mkdocs.plain.yml", root / "mkdocs.naive.yml"
    paths[1].write_text(dump_config(plain), encoding="utf-8")
    paths[2].write_text(dump_config(naive), encoding="utf-8")
    return paths


def export_plain_docs(root: Path, result: CaseResult) -> Handbook:
    """The very pages the plugin adds, as files, with the guide beside them: a plain docs_dir."""
    options = render_options(root)
    start = time.perf_counter()
    built = pipeline.build(root / "contacts", options, root)
    result.pipeline_only = time.perf_counter() - start
    if errors(built.problems):
        raise measure.BenchError(f"the synthetic handbook has errors: {errors(built.problems)[:3]}")
    docs = root / PLAIN_DOCS
    guide = docs_dir(root)
    write_outputs(outputs(built, guide), docs)
    for source in sorted(guide.rglob("*")):
        target = docs / source.relative_to(guide)
        if source.is_file() and not target.exists():  # a generated page wins, as in the plugin
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return built.handbook


def write_by_hand(root: Path, handbook: Handbook) -> Path:
    config = by_hand.write_site(handbook, root / "mkdocs.yml", docs_dir(root), root, BY_HAND_DOCS)
    path = root / "mkdocs.by-hand.yml"
    path.write_text(dump_config(config), encoding="utf-8")
    return path


def search_query(handbook: Handbook) -> str:
    """A name to type: the person in the middle of the alphabet, the same for every kind of site."""
    names = sorted(c.name for c in handbook.contacts.values())
    return names[len(names) // 2]


def measure_site(site: Path, result: SiteResult) -> None:
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*") if p.is_file()}
    pages = {path: size for path, size in sizes.items() if path.endswith(".html") and path != "404.html"}
    result.bytes = sum(sizes.values())
    result.pages = len(pages)
    result.largest = max(pages.items(), key=lambda item: (item[1], item[0]))
    result.home_bytes = pages.get(HOME, 0)
    result.calendar_bytes = pages.get(CALENDAR)
    ui = browser.search_ui(site)
    result.search = ui.name if ui else ""


def rotated(kinds: tuple[str, ...], number: int) -> tuple[str, ...]:
    """The order of the ``number``-th round: each kind goes first as often as the others, so a slow
    drift of the machine favours none of them."""
    turn = number % len(kinds)
    return kinds[turn:] + kinds[:turn]


def _browse(chromium: browser.Browser, sites: dict[str, Path], result: CaseResult, loads: int, step: Step) -> None:
    with contextlib.ExitStack() as stack:
        urls = {kind: stack.enter_context(browser.served(site)) for kind, site in sites.items()}
        uis = {kind: browser.search_ui(site) for kind, site in sites.items()}
        for url in urls.values():
            chromium.home_load(url)  # once untimed: the server and the file cache warm up alike
        for number in range(loads):
            step(f"{result.case}: home page load {number + 1}/{loads}")
            for kind in rotated(tuple(sites), number):
                result.sites[kind].home_load.append(chromium.home_load(urls[kind]))
        for number in range(loads):
            step(f"{result.case}: first search result {number + 1}/{loads}")
            for kind in rotated(tuple(sites), number):
                if uis[kind]:
                    result.sites[kind].first_result.append(chromium.first_result(urls[kind], uis[kind], result.query))


def measure_case(repo: Path, workdir: Path, case: Case, settings: Settings, chromium: browser.Browser | None,
                 step: Step = lambda _: None, keep: bool = False) -> CaseResult:
    result = CaseResult(case, sites={kind: SiteResult() for kind in case.kinds})
    root = workdir / f"{case.shape_name}-{case.size.people}-{case.size.meetings}"
    step(f"{case}: generating {case.size.pages:,} files")
    prepare(repo, root, case.size, settings.seed, case.shape)
    config, plain, _ = write_configs(root)
    step(f"{case}: exporting our pages for plain MkDocs")
    handbook = export_plain_docs(root, result)
    step(f"{case}: writing the same facts by hand")
    configs = {"handbook": config, "by-hand": write_by_hand(root, handbook), "exported": plain}
    result.query = search_query(handbook)
    del handbook
    env, logs = build_env(), root / "logs"
    logs.mkdir()
    sites = {kind: root / f"site-{kind}" for kind in case.kinds}

    runs = 1 if case.large else settings.runs
    for number in range(runs):
        for kind in rotated(case.kinds, number):
            step(f"{case}: {kind} build {number + 1}/{runs}")
            command = measure.mkdocs("build", "-f", str(configs[kind]), "-d", str(sites[kind]))
            result.sites[kind].runs.append(measure.run_measured(command, root, env, logs / f"{kind}-{number + 1}.log"))
    for kind, site in sites.items():
        measure_site(site, result.sites[kind])
    if "exported" in sites:
        result.same_files = _files(sites["handbook"]) == _files(sites["exported"])
    if chromium is not None and not case.large:
        _browse(chromium, sites, result, settings.loads, step)
    if not keep:
        for site in sites.values():
            shutil.rmtree(site)

    if case.serve:
        person = sorted((root / "contacts" / PEOPLE_DIR).glob("*.md"))[0]
        page = f"contacts/{person.stem}/index.html"
        slowest = 20 * max(r.seconds for r in result.sites["handbook"].runs) + 60
        for mode, dirty in (("full", False), ("dirty", True)):
            step(f"{case}: mkdocs serve{' --dirty' if dirty else ''}, {settings.edits} edit(s)")
            result.serve[mode] = measure.serve_edits(root, config, person, page, env, logs / f"serve-{mode}.log",
                                                     dirty=dirty, edits=settings.edits, timeout=slowest)
    return result


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
