"""Rendering on two cores gives the very bytes one core gives, even when the worker fails.

Each check runs in a fresh interpreter: fork is only used in a single-threaded process, and the
pytest process may hold threads from other tests (the browser).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.wall_clock  # workers stopped by timeouts: not run under faketime

from conftest import FIXTURE, TODAY

SCRIPT = """
import datetime as dt, os, sys
from pathlib import Path
from handbook.book import load_handbook
from handbook.render import RenderOptions, parallel, site
from handbook.render.files import render_files

root = Path({root!r})
handbook, _ = load_handbook(root / "contacts", root)
options = RenderOptions(today=dt.date.fromisoformat({today!r}))
expected = (site.render_pages(handbook, options), render_files(handbook, options))
parent, forks = os.getpid(), []
real_fork = os.fork
os.fork = lambda: forks.append(1) or real_fork()
if {break_worker!r} == "fail":
    # Every builder fails in the worker: the parent must render the worker's share itself.
    for index, builder in enumerate(site.PAGE_BUILDERS):
        def failing(h, o, builder=builder):
            if os.getpid() != parent:
                raise RuntimeError("worker failure")
            return builder(h, o)
        site.PAGE_BUILDERS[index] = failing
if {break_worker!r} == "hang":
    # The worker blocks for good, as on a lock another thread held when it forked: the parent stops
    # waiting and renders the worker's share.
    import threading, time
    threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
    parallel.PATIENCE_S = 1.0
    for index, builder in enumerate(site.PAGE_BUILDERS):
        def hanging(h, o, builder=builder):
            if os.getpid() != parent:
                time.sleep(600)
            return builder(h, o)
        site.PAGE_BUILDERS[index] = hanging
    assert not parallel.can_fork() and parallel.can_fork(threads_ok=True)
else:
    assert parallel.can_fork(), "a fresh interpreter has one thread"
pages, files = parallel.render_outputs(handbook, options, threads_ok=True)
assert forks == [1], forks
assert list(pages.items()) == list(expected[0].items()), "pages differ"
assert list(files.items()) == list(expected[1].items()), "files differ"
print("same", len(pages), len(files))
"""


def run_script(template: str, **fields) -> subprocess.CompletedProcess:
    code = template.format(root=str(FIXTURE), today=TODAY.isoformat(), **fields)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300, cwd=FIXTURE)


def run(break_worker: str) -> subprocess.CompletedProcess:
    return run_script(SCRIPT, break_worker=break_worker)


def test_two_cores_render_the_same_pages_and_files_in_the_same_order():
    result = run(break_worker="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("same ")


CANCEL = """
import datetime as dt, os
from pathlib import Path
from handbook.book import load_handbook
from handbook.render import RenderOptions, parallel

root = Path({root!r})
handbook, _ = load_handbook(root / "contacts", root)
job = parallel.RenderJob(handbook, RenderOptions(today=dt.date.fromisoformat({today!r})))
assert job.worker is not None
job.cancel()
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError:
    print("no worker left")
"""


def test_a_cancelled_job_leaves_no_worker_behind():
    result = run_script(CANCEL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no worker left"


def test_a_failing_worker_costs_time_but_never_a_page():
    result = run(break_worker="fail")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("same ")


def test_a_stuck_worker_is_stopped_and_its_share_rendered_here():
    result = run(break_worker="hang")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("same ")


STREAM = """
import datetime as dt, os, time
from pathlib import Path
from handbook.book import load_handbook
from handbook.render import RenderOptions, site, stream
from handbook.render.dashboard import render_dashboard
from handbook.render.files import render_files

root = Path({root!r})
handbook, _ = load_handbook(root / "contacts", root)
options = RenderOptions(today=dt.date.fromisoformat({today!r}))
expected = site.render_pages(handbook, options), render_files(handbook, options), render_dashboard(handbook, options)
parent, reloads = os.getpid(), []
if {mode!r}:
    # The worker fails, or blocks for good, after its first page (or while it lists the pages):
    # this process renders the rest.
    stream.PATIENCE_S = 1.0
    real = site.PAGE_BUILDERS[:]
    def spoiled(builder):
        def pages(h, o):
            for number, page in enumerate(builder(h, o)):
                if os.getpid() != parent and number == 1 and site._planning == ({mode!r} == "fail-listing"):
                    if {mode!r} != "hang":
                        raise RuntimeError("worker failure")
                    time.sleep(600)
                yield page
        pages.__name__ = builder.__name__
        return pages
    site.PAGE_BUILDERS[:] = [spoiled(b) for b in real]

def reload():
    reloads.append(1)
    return load_handbook(root / "contacts", root)[0]

job = stream.StreamedRender(handbook, options, reload if {reload!r} else None)
del handbook
pages, files = job.result()
if {reload!r}:
    assert job.handbook is None, "this process kept a Handbook it can load again"
assert job.dashboard == expected[2], "dashboard differs"
assert files == expected[1], "files differ"
assert sorted(pages) == sorted(expected[0]), "the plan lists other pages"
taken = {{src: pages.take(src) for src in sorted(pages)}}
assert taken == expected[0], "pages differ"
assert len(reloads) == ({mode!r} != "" and {reload!r}), reloads
job._reader.join(timeout=30)
assert job.worker is None, "the worker was not reaped"
print("same", len(taken))
"""


def run_stream(mode: str, reload: bool = False) -> subprocess.CompletedProcess:
    return run_script(STREAM, mode=mode, reload=reload)


@pytest.mark.parametrize("reload", [False, True], ids=["kept", "reloaded"])
@pytest.mark.parametrize("mode", ["", "fail", "hang", "fail-listing"])
def test_streamed_pages_are_the_bytes_a_single_process_renders(mode, reload):
    # mkdocs build takes each page as the worker sends it; if the worker fails or hangs part way,
    # this process renders what is missing, from a handbook loaded again if it let its own go.
    result = run_stream(mode, reload)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("same ")


AHEAD = """
import datetime as dt, time
from pathlib import Path
from handbook.book import load_handbook
from handbook.render import RenderOptions, site, stream

root = Path({root!r})
handbook, _ = load_handbook(root / "contacts", root)
options = RenderOptions(today=dt.date.fromisoformat({today!r}))
expected = site.render_pages(handbook, options)
sent = [page.src for builder in stream._stream_order(site.PAGE_BUILDERS) for page in builder(handbook, options)]
stream.AHEAD, stream.PATIENCE_S = 2, 60.0
job = stream.StreamedRender(handbook, options)
pages, _ = job.result()
assert len(pages) > 2 * stream.AHEAD, len(pages)
deadline = time.monotonic() + 3
while time.monotonic() < deadline and not job._complete:
    time.sleep(0.05)
assert not job._complete, "the whole stream was read while nothing was taken"
assert job._buffered == stream.AHEAD, job._buffered
assert sorted(pages) == sorted(sent)
order = sent  # as the worker sends them
if {backwards!r}:
    # Read without taking, last page first: waiting for a page lets the reader run on.
    got = {{src: pages[src] for src in reversed(order)}}
else:
    got = {{}}
    for src in order:
        got[src] = pages.take(src)
        assert job._buffered <= stream.AHEAD, job._buffered
assert got == expected, "pages differ"
assert not job._rendered_here, "the worker's pages were rendered here"
print("bounded", len(got))
"""


@pytest.mark.parametrize("backwards", [False, True], ids=["taken-in-order", "read-backwards"])
def test_the_reader_stays_a_few_pages_ahead_of_mkdocs(backwards):
    # A big handbook's page texts must not pile up in memory while MkDocs reads them slowly.
    result = run_script(AHEAD, backwards=backwards)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("bounded "), result.stdout


def test_mkdocs_build_does_not_wait_for_what_only_the_worker_uses():
    # Loading the plugin is serial start-up time of every build; the ICS library loads in the worker.
    result = run_script("import sys, handbook.site.plugin\nprint(sorted(m for m in sys.modules if m.startswith('icalendar')))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
