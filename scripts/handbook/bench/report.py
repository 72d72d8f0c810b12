"""The benchmark's results: tables for the terminal, the targets checked, and JSON for tracking."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from statistics import median

import yaml
from rich.table import Table

from .runner import SizeResult

MB = 1_000_000
GOAL_RATIO, MUST_RATIO = 1.05, 1.10  # pipeline build time / plain MkDocs build time
LINEAR = 1.3  # time per page at the largest size, against 1,000 people
RSS_LIMIT = 2_000_000_000
INDEX_SHARE = 0.5  # search index against the naive one
SERVE_SECONDS = 3.0
FULL_SIZE_PEOPLE = 1000  # the ratio and serve targets are about a handbook this big


def _seconds(value: float) -> str:
    return f"{value:.2f}"


def _mb(value: int) -> str:
    return f"{value / MB:,.1f}"


def cpu_ratio(result: SizeResult) -> float:
    return median([r.cpu for r in result.pipeline_runs]) / median([r.cpu for r in result.plain_runs])


def build_table(results: list[SizeResult]) -> Table:
    table = Table(title="Build: our pipeline against the same pages in plain MkDocs (medians)", title_justify="left")
    for name in ("people/meetings", "pages", "pipeline s", "plain s", "ratio", "ratio CPU", "ms/page",
                 "pipeline alone s", "peak RSS MB", "plain RSS MB"):
        table.add_column(name, justify="left" if name == "people/meetings" else "right")
    for r in results:
        table.add_row(str(r.size), f"{r.pages:,}", _seconds(r.pipeline_seconds), _seconds(r.plain_seconds),
                      f"{r.ratio:.3f}", f"{cpu_ratio(r):.3f}", f"{r.per_page_ms:.2f}", _seconds(r.pipeline_only),
                      _mb(max(x.peak_rss for x in r.pipeline_runs)), _mb(max(x.peak_rss for x in r.plain_runs)))
    return table


def output_table(results: list[SizeResult]) -> Table:
    table = Table(title="Site, search index and mkdocs serve", title_justify="left")
    for name in ("people/meetings", "site MB", "index MB", "naive index MB", "index/naive", "same as plain",
                 "serve: on disk s", "serve: served s", "serve --dirty: on disk s", "serve --dirty: served s",
                 "first build in serve s"):
        table.add_column(name, justify="left" if name == "people/meetings" else "right")
    for r in results:
        full, dirty = r.serve.get("full"), r.serve.get("dirty")
        # An edited contact file: seconds until the person's new page is on disk, and until the
        # server answers with it (after the whole rebuild). Medians over the edits.
        edits = [median([getattr(e, when) for e in mode.edits]) if mode else None
                 for mode in (full, dirty) for when in ("on_disk", "served")]
        table.add_row(
            str(r.size), _mb(r.site_bytes["pipeline"]), _mb(r.index_bytes["pipeline"]), _mb(r.index_bytes["naive"]),
            f"{r.index_ratio:.0%}", "yes" if r.same_site else "[red]no[/]",
            *(_seconds(value) if value is not None else "-" for value in edits),
            _seconds(full.first_build) if full else "-",
        )
    return table


def targets(results: list[SizeResult]) -> list[tuple[bool, str]]:
    """(met, sentence) for each target of the issue that these results speak to."""
    checks = []
    big = [r for r in results if r.size.people >= FULL_SIZE_PEOPLE]
    for r in big:
        met = r.ratio <= MUST_RATIO
        goal = "goal met" if r.ratio <= GOAL_RATIO else f"goal is {GOAL_RATIO}"
        checks.append((met, f"{r.size}: build ratio {r.ratio:.3f} (CPU {cpu_ratio(r):.3f}), must be <= {MUST_RATIO}; {goal}"))
    by_people = {r.size.people: r for r in results}
    largest = max(results, key=lambda r: r.size.pages)
    if FULL_SIZE_PEOPLE in by_people and largest.size.people > FULL_SIZE_PEOPLE:
        growth = largest.per_page_ms / by_people[FULL_SIZE_PEOPLE].per_page_ms
        checks.append((growth <= LINEAR, f"time per page at {largest.size} is {growth:.2f}x that at "
                                         f"{by_people[FULL_SIZE_PEOPLE].size} (<= {LINEAR})"))
    peak = max(x.peak_rss for r in results for x in r.pipeline_runs)
    checks.append((peak <= RSS_LIMIT, f"peak RSS {_mb(peak)} MB (<= {_mb(RSS_LIMIT)} MB)"))
    for r in results:
        checks.append((r.index_ratio <= INDEX_SHARE, f"{r.size}: search index {r.index_ratio:.0%} of the naive one "
                                                     f"(<= {INDEX_SHARE:.0%})"))
    for r in big:
        for mode, flag in (("dirty", " --dirty"), ("full", "")):
            if mode in r.serve:
                seconds = median([e.served for e in r.serve[mode].edits])
                checks.append((seconds <= SERVE_SECONDS, f"{r.size}: mkdocs serve{flag} shows an edited contact "
                                                          f"after {seconds:.1f} s (<= {SERVE_SECONDS:.0f} s)"))
    return checks


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def _commit(repo: Path) -> str:
    try:
        found = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                               text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return found.stdout.strip()


def _runs(runs) -> dict:
    return {"wall_s": [round(r.seconds, 3) for r in runs], "cpu_s": [round(r.cpu, 3) for r in runs],
            "peak_rss_bytes": [r.peak_rss for r in runs]}


def as_json(results: list[SizeResult], repo: Path, settings: dict) -> dict:
    sizes = []
    for r in results:
        sizes.append({
            "people": r.size.people, "meetings": r.size.meetings, "pages": r.pages,
            "pipeline": _runs(r.pipeline_runs), "plain": _runs(r.plain_runs),
            "ratio": round(r.ratio, 4), "ratio_cpu": round(cpu_ratio(r), 4), "ms_per_page": round(r.per_page_ms, 3),
            "pipeline_alone_s": round(r.pipeline_only, 3), "site_bytes": r.site_bytes,
            "search_index_bytes": r.index_bytes, "index_vs_naive": round(r.index_ratio, 4), "same_as_plain": r.same_site,
            "serve": {mode: {"first_build_s": round(s.first_build, 3),
                             "edit_on_disk_s": [round(e.on_disk, 3) for e in s.edits],
                             "edit_served_s": [round(e.served, 3) for e in s.edits]}
                      for mode, s in sorted(r.serve.items())},
        })
    return {
        "commit": _commit(repo),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "mkdocs": _version("mkdocs"), "mkdocs-material": _version("mkdocs-material"),
                    "libyaml": bool(yaml.__with_libyaml__)},
        "settings": settings,
        "sizes": sizes,
        "targets": [{"met": met, "target": text} for met, text in targets(results)],
    }
