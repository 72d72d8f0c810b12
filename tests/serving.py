"""Running `mkdocs serve` on a handbook copy for a test, and waiting for what it shows."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from conftest import TODAY


class Served:
    def __init__(self, process: subprocess.Popen, url: str):
        self.process = process
        self.url = url
        self.output = ""  # everything the server printed, once it has stopped

    def fetch(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return response.read().decode("utf-8")

    def status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, seconds: float = 60.0):
    """The first true value of ``predicate()``, polled; connection errors while the server starts count as no."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("condition not reached while serving")


@contextmanager
def serving(root: Path, *args: str, env: dict | None = None) -> Iterator[Served]:
    """`mkdocs serve ARGS` on a free port of 127.0.0.1, stopped (and its output kept) when the block ends."""
    port = free_port()
    env = {**os.environ, "HANDBOOK_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *args,
                                "-f", str(root / "mkdocs.yml")], cwd=root, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    served = Served(process, f"http://127.0.0.1:{port}/")
    try:
        wait_for(lambda: served.fetch(), seconds=120)
        yield served
    finally:
        process.terminate()
        served.output = process.communicate(timeout=30)[0]
