"""Running the `handbook` command in-process, in a handbook copy, with the tests' fixed today."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import TODAY
from typer.testing import CliRunner

from handbook.cli import app


def handbook(root: Path, *args: str, env: dict | None = None):
    """`handbook ARGS --root ROOT`; the result has .exit_code, .stdout and .stderr."""
    environ = {"HANDBOOK_TODAY": TODAY.isoformat(), "VISUAL": "", "EDITOR": "", **(env or {})}
    return CliRunner().invoke(app, [*args, "--root", str(root)], env=environ, catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes, to prove nothing changed."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
