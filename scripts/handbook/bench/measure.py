"""Measuring MkDocs in child processes: wall time, peak RSS, and `mkdocs serve` edit latency.

Each build runs in a fresh process, reaped with ``os.wait4``, whose resource usage is that one
child's own: its peak RSS is not mixed up with earlier runs (as RUSAGE_CHILDREN's maximum would be).
Linux starts a new program's peak RSS from that of the process that started it, so a build is
started by a small Python of its own (``_REAPER``), not by the bench, which holds a browser and
whole handbooks.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

POLL = 0.02  # seconds between looks at the served site
# argv: the fd to report on, then the command. Reports the command's peak RSS (KiB), exits as it did.
_REAPER = ("import os, sys; pid = os.posix_spawnp(sys.argv[2], sys.argv[2:], os.environ); "
           "_, status, usage = os.wait4(pid, 0); os.write(int(sys.argv[1]), str(usage.ru_maxrss).encode()); "
           "sys.exit(os.waitstatus_to_exitcode(status))")


class BenchError(RuntimeError):
    """A build or server failed; the message names the log to read."""


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the child: steadier than wall time on a busy machine
    peak_rss: int  # bytes


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


def run_measured(command: list[str], cwd: Path, env: dict, log: Path) -> Run:
    """Run ``command`` to completion; its wall time, CPU time and its own peak resident memory."""
    read, write = os.pipe()
    try:
        with log.open("wb") as out:
            start = time.perf_counter()
            process = subprocess.Popen([sys.executable, "-c", _REAPER, str(write), *command], cwd=cwd, env=env,
                                       stdout=out, stderr=subprocess.STDOUT, pass_fds=(write,))
            os.close(write)
            write = -1
            _, status, usage = os.wait4(process.pid, 0)  # the reaper's usage includes the build it waited for
            seconds = time.perf_counter() - start
        peak_kib = os.read(read, 64)
    finally:
        os.close(read)
        if write >= 0:
            os.close(write)
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
    if process.returncode != 0 or not peak_kib:
        raise BenchError(f"{' '.join(command[2:4])} failed with exit code {process.returncode}; see {log}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, int(peak_kib) * 1024)  # Linux reports KiB


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=600) as response:  # noqa: S310 (our own 127.0.0.1 server)
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(check, process: subprocess.Popen, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        if process.poll() is not None:
            raise BenchError(f"mkdocs serve stopped while waiting for {what}; see {log}")
        time.sleep(POLL)
    raise BenchError(f"timed out after {timeout:.0f} s waiting for {what}; see {log}")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # not written yet, or removed while a full rebuild cleans the site
        return b""


@dataclass(frozen=True)
class ServeEdit:
    on_disk: float  # seconds from the file write to the page's new HTML in the served site folder
    served: float  # ...to the server answering with it (it waits for the whole rebuild to finish)


@dataclass(frozen=True)
class ServeResult:
    first_build: float
    edits: list[ServeEdit]


def serve_edits(root: Path, config: Path, person: Path, page: str, env: dict, log: Path, *,
                dirty: bool, edits: int, timeout: float) -> ServeResult:
    """Start `mkdocs serve` (live reload on), then edit ``person``'s role ``edits`` times and time
    how long each change takes to reach ``page`` (a site path such as contacts/jane-doe/index.html)."""
    scratch = root / ("serve-dirty-tmp" if dirty else "serve-tmp")
    scratch.mkdir(exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page.removesuffix('index.html')}"
    command = mkdocs("serve", "-f", str(config), "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else []))
    original = person.read_text(encoding="utf-8")
    with log.open("wb") as out:
        start = time.monotonic()
        # MkDocs serves from a fresh mkdtemp folder: TMPDIR puts it where we can watch the files.
        process = subprocess.Popen(command, cwd=root, env={**env, "TMPDIR": str(scratch)}, stdout=out,
                                   stderr=subprocess.STDOUT)
        try:
            _wait_for(lambda: _fetch(url), process, timeout, "the first build", log)
            first_build = time.monotonic() - start
            site = next(scratch.glob("mkdocs_*"))
            results = []
            for number in range(1, edits + 1):
                marker = f"Benchmark edit {number}"
                edited = re.sub(r"(?m)^role: .*$", f"role: {marker}", original, count=1)
                began = time.monotonic()
                person.write_text(edited, encoding="utf-8")
                _wait_for(lambda: marker.encode() in _read(site / page), process, timeout, f"edit {number} on disk", log)
                on_disk = time.monotonic() - began
                _wait_for(lambda: marker.encode() in (_fetch(url) or b""), process, timeout, f"edit {number} served", log)
                results.append(ServeEdit(on_disk, time.monotonic() - began))
        finally:
            process.send_signal(signal.SIGINT)  # MkDocs removes its temporary site on a clean stop
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            person.write_text(original, encoding="utf-8")
    return ServeResult(first_build, results)
