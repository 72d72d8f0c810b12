"""Python's cycle collector and our stages.

Loading and rendering make many objects, and the collector, which runs every few hundred
allocations, each time walked the handbook's thousands of records: about a sixth of the render
time of a 1,000-person handbook. Loading makes no cycles, so the collector is paused while it runs.
Rendering does leave some (Jinja's frames), so there the collector keeps running, but over the new
objects only: what exists when rendering starts, the loaded handbook above all, is frozen until it
ends. MkDocs' own work is left as it is.
"""

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


@contextmanager
def frozen_gc() -> Iterator[None]:
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
