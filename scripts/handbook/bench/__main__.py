"""`python -m handbook.bench` (`make bench`): synthetic handbooks of several sizes and shapes, each
built with our pipeline, as the same facts written by hand, and as our exported pages in plain
MkDocs; then the ratios, against the targets of issue 19. See "Performance" in README.md."""

from __future__ import annotations

import json
import pstats
import re
import shutil
import sys
import tempfile
from enum import Enum
from io import StringIO
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..cli.app import find_root
from ..files import replace_file
from . import browser, measure, report, runner
from .runner import Case, Settings
from .synthetic import SHAPES, Shape, Size

REFERENCE = "reference"
DEFAULT_SIZES = ("300/900", "1000/3000")  # the handbook, and 1,000/3,000 of its shape
MATRIX_SIZE = "300/900"
QUICK_SIZE = "60/180"
LARGE_SIZE, LARGE_BESIDE = "10000/30000", "1000/3000"
RESULTS = Path("bench-results") / "bench.json"
PROFILE_LINES = 30
PROFILED = r"(handbook|mkdocs|markdown|material|jinja2|yaml|pymdownx)/"

# Wide enough for the result tables when the output goes to a file or a pipe.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False)
app = typer.Typer(add_completion=False, rich_markup_mode="markdown")


class Format(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


def _sizes(texts: list[str]) -> list[Size]:
    try:
        found = [Size.parse(part.strip()) for text in texts for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--sizes") from None
    return sorted(set(found), key=lambda s: (s.pages, s.people))


def _shape(text: str) -> tuple[str, Shape]:
    if text in SHAPES:
        return text, SHAPES[text]
    try:
        return text.replace(" ", ""), Shape.parse(text)
    except ValueError as exc:
        raise typer.BadParameter(f"{exc}; or name one of {', '.join(SHAPES)}", param_hint="--shape") from None


def cases(sizes: list[Size], shapes: list[tuple[str, Shape]], matrix_size: Size, *, large: bool = False,
          serve: bool = False) -> list[Case]:
    """The reference shape at each size (timing serve, if asked), then each other shape at the
    matrix size, then the large run."""
    if large and Size.parse(LARGE_BESIDE) not in sizes:
        sizes = [*sizes, Size.parse(LARGE_BESIDE)]
    chosen = [Case(REFERENCE, SHAPES[REFERENCE], size, serve=serve) for size in sizes]
    chosen += [Case(name, shape, matrix_size) for name, shape in shapes if Case(name, shape, matrix_size) not in chosen]
    if large:
        chosen.append(Case(REFERENCE, SHAPES[REFERENCE], Size.parse(LARGE_SIZE), large=True))
    return chosen


def _profile(repo: Path, workdir: Path, size: Size, seed: int) -> None:
    """One pipeline build under cProfile: where the time goes, MkDocs and ours together."""
    root = workdir / f"profile-{size.people}-{size.meetings}"
    runner.prepare(repo, root, size, seed)
    stats_file = root / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs", "build",
               "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")]
    measure.run_measured(command, root, runner.build_env(), root / "profile.log")
    for order in ("cumulative", "tottime"):
        text = StringIO()
        # Only the libraries that build the site: not the interpreter's and click's frames around them.
        pstats.Stats(str(stats_file), stream=text).sort_stats(order).print_stats(PROFILED, PROFILE_LINES)
        out.print(f"[bold]cProfile of `mkdocs build` at {size}, by {order} time[/]")
        out.print(re.sub(r"\S*?(site-packages|scripts)/", "", text.getvalue().strip()), markup=False,
                  highlight=False, soft_wrap=True)


@app.command()
def bench(
    sizes: Optional[list[str]] = typer.Option(
        None, "--sizes", help="Sizes of the reference shape, people/meetings, e.g. 300/900; repeat it or separate "
        f"with commas. Default: {', '.join(DEFAULT_SIZES)} ({QUICK_SIZE} with --quick)."),
    shape: Optional[list[str]] = typer.Option(
        None, "--shape", help="A shape of the matrix, built at --matrix-size: a name "
        f"({', '.join(n for n in SHAPES if n != REFERENCE)}) or settings such as "
        "'follow-ups=0-5,referred=60%,notes=2000,overdue=50%' (the rest as in the reference shape: "
        f"{SHAPES[REFERENCE]}). Repeat it for more. Default: every named shape."),
    matrix: Optional[bool] = typer.Option(None, "--matrix/--no-matrix", help="Build the other shapes too, not "
                                          "just the reference one. Default: yes, or no with --quick."),
    matrix_size: str = typer.Option(MATRIX_SIZE, "--matrix-size", help=f"The size of the matrix' shapes "
                                    f"({QUICK_SIZE} with --quick)."),
    quick: bool = typer.Option(False, "--quick", help=f"A few minutes: the reference shape at {QUICK_SIZE}, one "
                               "build of each kind, three browser samples (add --matrix for the other shapes)."),
    runs: Optional[int] = typer.Option(None, "--runs", min=1, help="Builds of each kind per case, interleaved; "
                                       "the median counts. Default 3 (1 with --quick)."),
    loads: Optional[int] = typer.Option(None, "--loads", min=1, help="Browser samples of each kind per case, for "
                                        "the home page and for search; the median counts. Default 5 (3 with --quick)."),
    use_browser: bool = typer.Option(True, "--browser/--no-browser", help="Time the home page and the first "
                                     "search result in Chromium (/usr/bin/chromium)."),
    serve: bool = typer.Option(False, "--serve", help="Also time an edited contact in mkdocs serve and serve "
                               "--dirty, at each size of the reference shape."),
    edits: int = typer.Option(3, "--edits", min=1, help="Edits timed in each serve mode, with --serve."),
    large: bool = typer.Option(False, "--large", help=f"Add {LARGE_SIZE} (ours and by hand, one build each, "
                               f"no browser) beside {LARGE_BESIDE}: time per page and memory. Expect an hour or more."),
    profile: bool = typer.Option(False, "--profile", help="Instead: cProfile one build of the largest size."),
    seed: int = typer.Option(0, "--seed", help="Seed of the synthetic data: same seed, same files."),
    keep: bool = typer.Option(False, "--keep", help="Keep the generated handbooks, sites, logs and configs."),
    output_format: Format = typer.Option(Format.table, "--format", help="How to print the results."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False,
                                          help=f"Where to save the results as JSON (default: {RESULTS})."),
    root: Optional[Path] = typer.Option(None, "--root", file_okay=False,
                                        help="The handbook whose config, theme and guide are used."),
) -> None:
    """Time and weigh our site against the same facts written by hand, in plain MkDocs + Material.

    Each case is a synthetic handbook of one size and shape. It is built three ways, in
    interleaved runs: with our pipeline; as the same facts written by hand (a page per person
    and per meeting, a contacts table, a meetings list); and as our own pages exported for plain
    MkDocs. Ratios are ours against the hand-written site, then against the exported one.
    """
    repo = find_root(root)
    settings = Settings(runs=runs or (1 if quick else 3), loads=loads or (3 if quick else 5), browser=use_browser,
                        edits=edits, seed=seed)
    chosen_sizes = _sizes(list(sizes or ([QUICK_SIZE] if quick else DEFAULT_SIZES)))
    shapes = [_shape(text) for text in shape] if shape else [(n, s) for n, s in SHAPES.items() if n != REFERENCE]
    grid = _sizes([QUICK_SIZE if quick and matrix_size == MATRIX_SIZE else matrix_size])[0]
    chosen = cases(chosen_sizes, shapes if (matrix if matrix is not None else not quick) else [], grid,
                   large=large, serve=serve)
    runner.fix_today()
    workdir = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        if profile:
            _profile(repo, workdir, chosen_sizes[-1], seed)
            return
        results = _run(repo, workdir, chosen, settings, keep)
    except measure.BenchError as exc:
        err.print(f"[red]Error:[/] {exc}", markup=True, highlight=False)
        keep = True
        raise typer.Exit(1) from None
    finally:
        if keep:
            err.print(f"Generated handbooks and logs are kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    data = report.as_json(results, repo, {**settings.__dict__, "today": runner.fix_today().isoformat()})
    rows = report.rows(results)
    if output_format is Format.json:
        out.print_json(json.dumps(data))
    elif output_format is Format.markdown:
        out.print(report.markdown(rows), markup=False, highlight=False, soft_wrap=True)
    else:
        out.print(report.table(rows, "Our site against the same facts written by hand (and against our exported "
                                     "pages in plain MkDocs)"))
    missed = report.summary(rows)
    if output_format is not Format.json:
        for line in report.footnotes(results):
            out.print(line, markup=False)
        out.print("Every target met." if not missed else "Targets not met:", markup=False)
        for line in missed:
            out.print(f"- {line}", markup=False)
    path = output or repo / RESULTS
    replace_file(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    err.print(f"Results written to {path}")


def _run(repo: Path, workdir: Path, chosen: list[Case], settings: Settings, keep: bool) -> list:
    results = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("Benchmark", total=sum(settings.steps(case) for case in chosen))
        done = 0

        def step(description: str) -> None:
            nonlocal done
            progress.update(task, description=description, completed=done)  # steps finished before this one
            done += 1

        chromium = browser.Browser() if settings.browser else None
        try:
            for case in chosen:
                results.append(runner.measure_case(repo, workdir, case, settings, chromium, step, keep))
        finally:
            if chromium is not None:
                chromium.close()
    return results


if __name__ == "__main__":
    app()
