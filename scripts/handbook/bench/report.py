"""The benchmark's results as rows of one table: each measure of our site beside the hand-written
baseline and the exported pages, as ratios, with the issue's target and whether it is met.

Rows come from ``rows()``; they print as a terminal table, as markdown (for the README) or as JSON.
"""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from statistics import median
from typing import Iterable

import yaml
from rich.table import Table

from .runner import CaseResult, SiteResult

KB, MB, GB = 1_000, 1_000_000, 1_000_000_000
SERVE_PAGES = 4_000  # the serve and absolute search targets are about a handbook this big
LARGE_REFERENCE = (1_000, 3_000)  # the large run's time per page is compared with this size's
COLUMNS = ("case", "measure", "handbook", "by hand", "÷ by hand", "exported", "÷ exported", "target", "met")


@dataclass(frozen=True)
class Target:
    """A limit from the issue: on the ratio to the hand-written baseline, or on our own value.
    ``goal`` is the limit to reach; ``must``, when given, the one never to cross."""

    goal: float
    ratio: bool = True
    must: float | None = None
    unit: str = ""  # for absolute limits: "s", "bytes" or "×"

    def check(self, value: float | None) -> tuple[bool, bool] | None:
        """(goal met, must met) for ``value`` (a ratio or our value), or None without one."""
        if value is None:
            return None
        return value <= self.goal, value <= (self.must if self.must is not None else self.goal)

    def __str__(self) -> str:
        show = (lambda v: f"{v:.1f}×") if self.ratio else (lambda v: _value(v, self.unit, digits=1))
        return f"≤ {show(self.goal)}" + (f" (must ≤ {show(self.must)})" if self.must is not None else "")


@dataclass(frozen=True)
class Row:
    case: str
    measure: str
    unit: str  # "s", "bytes" or "×" (a ratio already)
    values: dict[str, float | None]  # by kind: handbook, by-hand, exported
    notes: dict[str, str] = field(default_factory=dict)  # by kind, e.g. which page is the largest
    target: Target | None = None

    def ratio(self, kind: str) -> float | None:
        ours, other = self.values.get("handbook"), self.values.get(kind)
        return ours / other if ours is not None and other else None

    def status(self) -> tuple[bool, bool] | None:
        if self.target is None:
            return None
        return self.target.check(self.ratio("by-hand") if self.target.ratio else self.values.get("handbook"))

    def mark(self) -> str:
        status = self.status()
        if status is None:
            return "" if self.target is None else "?"
        goal, must = status
        if goal:
            return "✓"
        return "✗ goal, ✓ must" if must else "✗"


def _value(value: float | None, unit: str, digits: int = 2) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.{digits}f} s"
    if unit == "bytes":
        if value >= GB:
            return f"{value / GB:,.{digits}f} GB"
        return f"{value / MB:,.{digits}f} MB" if value >= MB else f"{value / KB:,.0f} KB"
    return f"{value:.{digits}f}×"


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _median(values: Iterable[float]) -> float | None:
    found = list(values)
    return median(found) if found else None


def _by_kind(result: CaseResult, measure) -> dict[str, float | None]:
    return {kind: measure(site) for kind, site in result.sites.items()}


def _build(site: SiteResult) -> float | None:
    return _median(r.seconds for r in site.runs)


def _peak(site: SiteResult) -> float | None:
    return max((r.peak_rss for r in site.runs), default=None)


def _page_url(path: str) -> str:
    return path.removesuffix("index.html") or "/"


def case_rows(result: CaseResult) -> list[Row]:
    name = str(result.case)
    big = result.case.size.pages >= SERVE_PAGES
    rows = [
        Row(name, f"build, median of {len(result.sites['handbook'].runs)}", "s", _by_kind(result, _build),
            target=Target(1.0, must=1.5)),
        Row(name, "build peak memory", "bytes", _by_kind(result, _peak)),
        Row(name, "site", "bytes", _by_kind(result, lambda s: s.bytes), target=Target(1.2)),
        Row(name, "largest page", "bytes", _by_kind(result, lambda s: s.largest[1]),
            notes={kind: _page_url(s.largest[0]) for kind, s in result.sites.items()}),
        Row(name, "home page", "bytes", _by_kind(result, lambda s: s.home_bytes),
            target=Target(150 * KB, ratio=False, unit="bytes")),
        Row(name, "calendar page", "bytes", _by_kind(result, lambda s: s.calendar_bytes),
            target=Target(400 * KB, ratio=False, unit="bytes")),
    ]
    if any(site.home_load for site in result.sites.values()):
        loads = len(result.sites["handbook"].home_load)
        rows.append(Row(name, f"home page load, median of {loads}", "s",
                        _by_kind(result, lambda s: _median(x.seconds for x in s.home_load)), target=Target(1.5)))
    if any(site.first_result for site in result.sites.values()):
        searches = len(result.sites["handbook"].first_result)
        first = _by_kind(result, lambda s: _median(x.seconds for x in s.first_result))
        rows.append(Row(name, f"first search result, median of {searches}", "s", first, target=Target(0.5)))
        if big:
            rows.append(Row(name, "first search result", "s", first, target=Target(0.5, ratio=False, unit="s")))
    for mode, flag in (("dirty", " --dirty"), ("full", "")):
        if mode in result.serve:
            served = median(e.served for e in result.serve[mode].edits)
            rows.append(Row(name, f"serve{flag}: edit shown, median of {len(result.serve[mode].edits)}", "s",
                            {"handbook": served}, target=Target(1.0, ratio=False, must=3.0, unit="s") if big else None))
    return rows


def large_rows(results: list[CaseResult]) -> list[Row]:
    """The large run against the reference shape at 1,000/3,000: time per page and peak memory."""
    rows = []
    reference = next((r for r in results if not r.case.large and r.case.shape_name == "reference"
                      and (r.case.size.people, r.case.size.meetings) == LARGE_REFERENCE), None)
    for result in (r for r in results if r.case.large):
        ours = result.sites["handbook"]
        per_page = _build(ours) / ours.pages
        if reference is not None:
            base = reference.sites["handbook"]
            rows.append(Row(str(result.case), f"build time per page ÷ at {reference.case.size}", "×",
                            {"handbook": per_page / (_build(base) / base.pages)},
                            target=Target(1.2, ratio=False, unit="×")))
        rows.append(Row(str(result.case), "build peak memory", "bytes", _by_kind(result, _peak),
                        target=Target(1.5 * GB, ratio=False, unit="bytes")))
    return rows


def rows(results: list[CaseResult]) -> list[Row]:
    return [row for result in results for row in case_rows(result)] + large_rows(results)


def not_met(found: list[Row]) -> list[Row]:
    return [row for row in found if row.status() is not None and not row.status()[0]]


def _cells(row: Row, last_case: str) -> list[str]:
    def shown(kind: str) -> str:
        value = _value(row.values.get(kind), row.unit)
        note = row.notes.get(kind)
        return f"{value} ({note})" if note and kind in row.values else value
    return [row.case if row.case != last_case else "", row.measure, shown("handbook"), shown("by-hand"),
            _ratio(row.ratio("by-hand")), shown("exported"), _ratio(row.ratio("exported")),
            str(row.target or ""), row.mark()]


def table(found: list[Row], title: str) -> Table:
    grid = Table(title=title, title_justify="left")
    for name in COLUMNS:
        grid.add_column(name, justify="left" if name in ("case", "measure", "target", "met") else "right")
    last = ""
    for row in found:
        cells = _cells(row, last)
        if row.case != last and last:
            grid.add_section()
        last = row.case
        style = "red" if row.status() is not None and not row.status()[1] else None
        grid.add_row(*cells, style=style)
    return grid


def markdown(found: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
    last = ""
    for row in found:
        cells = _cells(row, last)
        last = row.case
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def footnotes(results: list[CaseResult]) -> list[str]:
    """What the table cannot say: what was typed, which engines answered, and anything suspicious."""
    lines = []
    browsed = [r for r in results if any(site.first_result for site in r.sites.values())]
    if browsed:
        engines = {kind: site.search or "none" for kind, site in browsed[0].sites.items()}
        queries = ", ".join(f"'{r.query}'" for r in browsed[:3]) + (", ..." if len(browsed) > 3 else "")
        lines.append(f"First search result: a person's full name ({queries}) typed as soon as the home page has "
                     "loaded, until the first result shows; engines: "
                     + ", ".join(f"{kind} {engine}" for kind, engine in engines.items()) + ".")
    for r in results:
        outside = sum(x.outside for site in r.sites.values() for x in site.home_load + site.first_result)
        if outside:
            lines.append(f"{r.case}: {outside} requests tried to leave 127.0.0.1 and were refused.")
        if not r.same_files:
            lines.append(f"{r.case}: the exported pages' site does not hold the same files as ours.")
    return lines


def summary(found: list[Row]) -> list[str]:
    """One sentence per target not met."""
    lines = []
    for row in not_met(found):
        value = row.ratio("by-hand") if row.target.ratio else row.values.get("handbook")
        shown = f"{value:.2f}×" if row.target.ratio else _value(value, row.unit)
        lines.append(f"{row.case}: {row.measure} is {shown}, target {row.target}")
    return lines


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


def _site_json(site: SiteResult) -> dict:
    return {
        "build_wall_s": [round(r.seconds, 3) for r in site.runs], "build_cpu_s": [round(r.cpu, 3) for r in site.runs],
        "peak_rss_bytes": [r.peak_rss for r in site.runs], "site_bytes": site.bytes, "pages": site.pages,
        "largest_page": {"path": site.largest[0], "bytes": site.largest[1]}, "home_bytes": site.home_bytes,
        "calendar_bytes": site.calendar_bytes, "search": site.search,
        "home_load_s": [round(x.seconds, 3) for x in site.home_load],
        "first_result_s": [round(x.seconds, 3) for x in site.first_result],
        "requests_outside": sum(x.outside for x in site.home_load + site.first_result),
    }


def _row_json(row: Row) -> dict:
    status = row.status()
    return {"case": row.case, "measure": row.measure, "unit": row.unit, "values": row.values, "notes": row.notes,
            "ratio_by_hand": row.ratio("by-hand"), "ratio_exported": row.ratio("exported"),
            "target": str(row.target) if row.target else None,
            "goal_met": status[0] if status else None, "must_met": status[1] if status else None}


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "mkdocs": _version("mkdocs"),
            "mkdocs-material": _version("mkdocs-material"), "libyaml": bool(yaml.__with_libyaml__)}


def as_json(results: list[CaseResult], repo: Path, settings: dict) -> dict:
    cases = [{
        "case": str(r.case), "shape": r.case.shape_name, "shape_settings": str(r.case.shape),
        "people": r.case.size.people, "meetings": r.case.size.meetings, "query": r.query,
        "pipeline_alone_s": round(r.pipeline_only, 3), "same_files_as_exported": r.same_files,
        "sites": {kind: _site_json(site) for kind, site in r.sites.items()},
        "serve": {mode: {"first_build_s": round(s.first_build, 3),
                         "edit_on_disk_s": [round(e.on_disk, 3) for e in s.edits],
                         "edit_served_s": [round(e.served, 3) for e in s.edits]}
                  for mode, s in sorted(r.serve.items())},
    } for r in results]
    return {"commit": _commit(repo), "machine": machine(), "settings": settings, "cases": cases,
            "rows": [_row_json(row) for row in rows(results)]}
