"""`python -m handbook.bench` (`make bench`): build synthetic handbooks with our pipeline and as plain
MkDocs pages, and print how they compare. See "Performance" in README.md."""

from __future__ import annotations

import json
import pstats
import re
import shutil
import sys
import tempfile
from io import StringIO
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..cli.app import find_root
from ..files import replace_file
from . import measure, report, runner
from .synthetic import Size

DEFAULT_SIZES = ("100/300", "1000/3000")
LARGE_SIZE = "10000/30000"
RESULTS_DIR = "bench-results"
PROFILE_LINES = 30
PROFILED = r"(handbook|mkdocs|markdown|material|jinja2|yaml|pymdownx)/"

# Wide enough for the result tables when the output goes to a file or a pipe.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, highlight=False)
app = typer.Typer(add_completion=False, rich_markup_mode="rich")


def _sizes(texts: list[str]) -> list[Size]:
    try:
        found = [Size.parse(part.strip()) for text in texts for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--sizes") from None
    return sorted(set(found), key=lambda s: (s.pages, s.people))


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
    sizes: Optional[list[str]] = typer.Option(None, "--sizes", help="people/meetings, e.g. 50/150; repeat it or "
                                              "separate with commas. Default: 100/300 and 1000/3000."),
    large: bool = typer.Option(False, "--large", help=f"Add {LARGE_SIZE}: expect an hour on a small machine."),
    runs: int = typer.Option(3, "--runs", min=1, help="Builds of each kind per size; the median counts."),
    serve: bool = typer.Option(True, "--serve/--no-serve", help="Time edits in mkdocs serve (and serve --dirty)."),
    edits: int = typer.Option(3, "--edits", min=1, help="Edits timed in each serve mode."),
    profile: bool = typer.Option(False, "--profile", help="Instead: profile one build of the largest size."),
    seed: int = typer.Option(0, "--seed", help="Seed of the synthetic data: same seed, same files."),
    keep: bool = typer.Option(False, "--keep", help="Keep the generated handbooks, sites' logs and configs."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False,
                                          help=f"JSON results (default: {RESULTS_DIR}/bench-<sizes>.json)."),
    root: Optional[Path] = typer.Option(None, "--root", file_okay=False,
                                        help="The handbook whose config, theme and guide are used."),
) -> None:
    """Time `mkdocs build` with our pipeline against plain MkDocs on the same pages.

    For each size a synthetic handbook is generated; its pages are exported (as handbook
    export-pages does) and built by plain MkDocs with the same theme, plugins and nav.
    """
    repo = find_root(root)
    chosen = _sizes(list(sizes or DEFAULT_SIZES) + ([LARGE_SIZE] if large else []))
    runner.fix_today()
    workdir = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    try:
        if profile:
            _profile(repo, workdir, chosen[-1], seed)
            return
        results = _run(repo, workdir, chosen, runs=runs, seed=seed, edits=edits if serve else 0)
    except measure.BenchError as exc:
        err.print(f"[red]Error:[/] {exc}", markup=True, highlight=False)
        keep = True
        raise typer.Exit(1) from None
    finally:
        if keep:
            err.print(f"Generated handbooks and logs are kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    out.print(report.build_table(results))
    out.print(report.output_table(results))
    for met, text in report.targets(results):
        out.print(f"{'[green]✓' if met else '[red]✗'}[/] ", end="")
        out.print(text, markup=False)
    settings = {"runs": runs, "seed": seed, "edits": edits if serve else 0, "today": runner.fix_today().isoformat()}
    path = output or repo / RESULTS_DIR / f"bench-{'_'.join(f'{s.people}-{s.meetings}' for s in chosen)}.json"
    replace_file(path, json.dumps(report.as_json(results, repo, settings), indent=2, sort_keys=True) + "\n")
    out.print(f"Results written to {path}")


def _run(repo: Path, workdir: Path, sizes: list[Size], *, runs: int, seed: int, edits: int) -> list:
    steps_per_size = 2 + 2 * runs + 1 + (2 if edits else 0)
    results = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("Benchmark", total=steps_per_size * len(sizes))
        done = 0

        def step(description: str) -> None:
            nonlocal done
            progress.update(task, description=description, completed=done)  # steps finished before this one
            done += 1

        for size in sizes:
            results.append(runner.bench_size(repo, workdir, size, runs=runs, seed=seed, serve_edits=edits, step=step))
    return results


if __name__ == "__main__":
    app()
