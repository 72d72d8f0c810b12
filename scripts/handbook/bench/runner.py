"""One size of the benchmark: generate a handbook, then build it with our pipeline and as plain
MkDocs pages (alternating runs), measure the sites, the search index, and `mkdocs serve` edits.

Three configs are written beside the synthetic contacts, all with the repo's theme, overrides,
markdown extensions and nav:
- ``mkdocs.yml``: the repo's own, with our plugin;
- ``mkdocs.plain.yml``: no plugin; docs_dir is content/ plus the exported pages;
- ``mkdocs.naive.yml``: the plain config with a hook that drops every search exclusion.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .. import pipeline
from ..book import MEETINGS_DIR, PEOPLE_DIR
from ..mkdocs_yaml import dump_config, read_config, without_plugin
from ..page_export import NOT_IN_NAV, docs_dir, outputs, render_options, write_outputs
from ..problems import errors
from ..site import naive_search
from . import measure
from .synthetic import Size, generate

SITE_PARTS = ("mkdocs.yml", "content", "overrides")  # copied from the repo; contacts/ is generated
PLUGIN = "handbook"
PLAIN_DOCS = "plain-docs"
SEARCH_INDEX = Path("search") / "search_index.json"
DEFAULT_TODAY = dt.date(2026, 11, 25)  # a fixed day keeps the generated data and pages identical between runs

Step = Callable[[str], None]


@dataclass
class SizeResult:
    size: Size
    pipeline_runs: list[measure.Run] = field(default_factory=list)
    plain_runs: list[measure.Run] = field(default_factory=list)
    pipeline_only: float = 0.0  # load + validate + render in-process, the part we add
    pages: int = 0  # every page in the site, guide included
    site_bytes: dict[str, int] = field(default_factory=dict)
    index_bytes: dict[str, int] = field(default_factory=dict)  # pipeline, plain, naive
    same_site: bool = False  # both builds wrote the same set of files and the same search index
    serve: dict[str, measure.ServeResult] = field(default_factory=dict)  # "full" and "dirty"

    @property
    def pipeline_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.pipeline_runs)

    @property
    def plain_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.plain_runs)

    @property
    def ratio(self) -> float:
        return self.pipeline_seconds / self.plain_seconds

    @property
    def per_page_ms(self) -> float:
        return 1000 * self.pipeline_seconds / self.pages

    @property
    def index_ratio(self) -> float:
        return self.index_bytes["pipeline"] / self.index_bytes["naive"]


def fix_today() -> dt.date:
    """The day every build of this run uses, in this process and in the MkDocs children alike."""
    os.environ.setdefault(pipeline.TODAY_ENV, DEFAULT_TODAY.isoformat())
    return pipeline.today_from_env()


def build_env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def prepare(repo: Path, root: Path, size: Size, seed: int) -> None:
    """A handbook folder: the repo's config, guide and overrides, the user's settings in contacts/
    (me.yml, message templates, own questions), and generated people and meetings."""
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
        if item.name in (PEOPLE_DIR, MEETINGS_DIR) or item.name.startswith("."):
            continue
        copy = shutil.copytree if item.is_dir() else shutil.copy2
        copy(item, root / "contacts" / item.name)
    generate(root / "contacts", size, today=fix_today(), seed=seed)


def write_configs(root: Path) -> tuple[Path, Path, Path]:
    config = read_config(root / "mkdocs.yml")
    plain = {**config, "docs_dir": PLAIN_DOCS, "plugins": without_plugin(config.get("plugins"), PLUGIN)}
    plain["not_in_nav"] = NOT_IN_NAV  # what the plugin does for detail pages
    naive = {**plain, "hooks": [*plain.get("hooks", []), naive_search.__file__]}
    paths = root / "mkdocs.yml", root / "mkdocs.plain.yml", root / "mkdocs.naive.yml"
    paths[1].write_text(dump_config(plain), encoding="utf-8")
    paths[2].write_text(dump_config(naive), encoding="utf-8")
    return paths


def export_plain_docs(root: Path, result: SizeResult) -> None:
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


def _index_entries(site: Path) -> list[str]:
    # MkDocs orders pages by how they were found: generated ones come last, files in docs_dir sorted.
    docs = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))["docs"]
    return sorted(json.dumps(entry, sort_keys=True) for entry in docs)


def _tree(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*") if p.is_file()}


def bench_size(repo: Path, workdir: Path, size: Size, *, runs: int, seed: int, serve_edits: int,
               step: Step = lambda _: None) -> SizeResult:
    result = SizeResult(size)
    root = workdir / f"handbook-{size.people}-{size.meetings}"
    step(f"{size}: generating {size.pages:,} files")
    prepare(repo, root, size, seed)
    config, plain, naive = write_configs(root)
    step(f"{size}: exporting the pages for plain MkDocs")
    export_plain_docs(root, result)
    env, logs = build_env(), root / "logs"
    logs.mkdir()

    sites = {"pipeline": root / "site-pipeline", "plain": root / "site-plain", "naive": root / "site-naive"}
    configs = {"pipeline": config, "plain": plain, "naive": naive}

    def build(kind: str, number: int) -> measure.Run:
        step(f"{size}: {kind} build {number}/{runs}")
        command = measure.mkdocs("build", "-f", str(configs[kind]), "-d", str(sites[kind]))
        return measure.run_measured(command, root, env, logs / f"{kind}-{number}.log")

    for number in range(1, runs + 1):
        # Alternate which goes first, so a slow drift of the machine favours neither.
        order = ("pipeline", "plain") if number % 2 else ("plain", "pipeline")
        for kind in order:
            (result.pipeline_runs if kind == "pipeline" else result.plain_runs).append(build(kind, number))
    step(f"{size}: naive search index build")
    build("naive", 1)

    trees = {kind: _tree(site) for kind, site in sites.items()}
    result.pages = sum(1 for path in trees["pipeline"] if path.endswith(".html") and path != "404.html")
    result.site_bytes = {kind: sum(tree.values()) for kind, tree in trees.items()}
    result.index_bytes = {kind: tree[SEARCH_INDEX.as_posix()] for kind, tree in trees.items()}
    result.same_site = (trees["pipeline"].keys() == trees["plain"].keys()
                        and _index_entries(sites["pipeline"]) == _index_entries(sites["plain"]))
    for site in sites.values():
        shutil.rmtree(site)

    if serve_edits:
        person = sorted((root / "contacts" / PEOPLE_DIR).glob("*.md"))[0]
        page = f"contacts/{person.stem}/index.html"
        slowest = 20 * max(r.seconds for r in result.pipeline_runs) + 60
        for mode, dirty in (("full", False), ("dirty", True)):
            step(f"{size}: mkdocs serve{' --dirty' if dirty else ''}, {serve_edits} edit(s)")
            result.serve[mode] = measure.serve_edits(root, config, person, page, env, logs / f"serve-{mode}.log",
                                                     dirty=dirty, edits=serve_edits, timeout=slowest)
    return result
