"""Loading and rendering make many objects and few cycles: Python's cycle collector, which runs
every few hundred allocations and each time walks the handbook's thousands of records, took about
a sixth of the render time of a 1,000-person handbook. It is paused for those stages only; the
cycles they leave are collected once it runs again. MkDocs' own work is left as it is."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
