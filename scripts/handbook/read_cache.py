"""Reading a file again only when it changed: `mkdocs serve` rebuilds the whole site on every save,
and in a big handbook one file out of thousands changed.

An entry is reused only while the file's size, modification time, change time and inode are all
the same. A file that changed in the last two seconds is never kept, because two saves within the
file system's clock granularity could look identical (git calls this the "racy" case). Problems are
part of what is kept, so a broken file keeps showing its error until it is fixed.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Hashable, TypeVar

T = TypeVar("T")
RACY_NS = 2_000_000_000


class ReadCache:
    def __init__(self, clock: Callable[[], int] = time.time_ns):
        self._entries: dict[tuple[str, Hashable], tuple[tuple[int, ...], object]] = {}
        self._used: set[tuple[str, Hashable]] = set()
        self._derived: dict[Hashable, tuple[tuple, object]] = {}
        self._derived_used: set[Hashable] = set()
        self._clock = clock
        self.hits = self.misses = 0

    def read(self, path: Path, key: Hashable, load: Callable[[], T]) -> T:
        """``load()``'s result for ``path``, from the last time if the file has not changed since.
        ``key`` tells apart different ways of reading the same file. The result must not be changed."""
        slot = (str(path), key)  # a new Path each build: a str hashes once, a Path's parts every time
        self._used.add(slot)
        try:
            stat = path.stat()
        except OSError:
            self._entries.pop(slot, None)
            return load()  # the loader reports what is wrong with it
        stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        entry = self._entries.get(slot)
        if entry is not None and entry[0] == stamp:
            self.hits += 1
            return entry[1]  # type: ignore[return-value]
        self.misses += 1
        value = load()
        if self._clock() - max(stat.st_mtime_ns, stat.st_ctime_ns) > RACY_NS:
            self._entries[slot] = (stamp, value)
        else:
            self._entries.pop(slot, None)
        return value

    def same(self, name: Hashable, value: T) -> T:
        """The last build's ``value`` when it equals this one: later builds can then compare by identity."""
        return self.derived(("same", name), (value,), lambda: value)

    def derived(self, name: Hashable, inputs: tuple, make: Callable[[], T]) -> T:
        """``make()``'s result, kept while each of ``inputs`` is the very object (or equal to the one)
        it was made from: what is worked out from unchanged files is not worked out again."""
        self._derived_used.add(name)
        entry = self._derived.get(name)
        if entry is not None and len(entry[0]) == len(inputs) and all(
                old is new or old == new for old, new in zip(entry[0], inputs)):
            return entry[1]  # type: ignore[return-value]
        value = make()
        self._derived[name] = (inputs, value)
        return value

    def sweep(self) -> None:
        """Forget files not read since the last sweep (deleted or renamed ones)."""
        self._entries = {slot: entry for slot, entry in self._entries.items() if slot in self._used}
        self._used = set()
        self._derived = {name: entry for name, entry in self._derived.items() if name in self._derived_used}
        self._derived_used = set()
