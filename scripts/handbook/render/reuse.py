"""Making a page again only when what it is made from changed.

`mkdocs serve` rebuilds the whole site on every save, and in a big handbook one file out of
thousands changed. While a ``Reuse`` is active (``reusing``), each output is remembered with what
it was made from, and the next build hands back the same output when that is equal again:
- a page: its template, the options and its values, and each person its template looked up in
  the handbook (``hb.contacts[slug]``, counted the same way when it took their number). A template
  that reads anything else of the handbook is made again on every build;
- a page whose values take work to find (``page_from``): first, what they are worked out from;
  while that and the people looked up are as last time, the values are not worked out at all;
- any other output (``kept``): the inputs its caller names.
Equality, not identity or a hash: the records are made anew on each build, and models are not
hashable. Outside ``reusing`` (``mkdocs build``) everything is made once, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")
_EVERYTHING = object()  # what a lookup recorded when the template read more than people


class Reuse:
    def __init__(self):
        self._last: dict[str, tuple] = {}
        self._now: dict[str, tuple] = {}
        self.made = self.reused = 0
        self.made_pages: list[str] = []  # this build's pages not reused, for logs and tests
        self._last_records: dict[str, dict] = {}
        self._records: dict[str, dict] = {}

    def kept(self, name: str, inputs: object, make: Callable[[], T]) -> T:
        entry = self._last.get(name)
        if entry is not None and entry[0] == inputs:
            self.reused += 1
            value = entry[1]
        else:
            self.made += 1
            value = make()
        self._now[name] = (inputs, value)
        return value

    def page(self, name: str, inputs: object, handbook, make: Callable[[object], T], basis: object = None) -> T:
        entry = self._last.get(name)
        if entry is not None and entry[0] == inputs and _same_reads(entry[1], handbook):
            self.reused += 1
            reads, value = entry[1], entry[2]
        else:
            self.made += 1
            self.made_pages.append(name)
            watched = WatchedHandbook(handbook)
            value = make(watched)
            reads = watched.reads()
        self._now[name] = (inputs, reads, value, basis)
        return value

    def page_from(self, name: str, basis: tuple, handbook, inputs: Callable[[], object],
                  make: Callable[[object, object], T]) -> T:
        entry = self._last.get(name)
        if entry is not None and entry[3] is not None and entry[3] == basis and _same_reads(entry[1], handbook):
            self.reused += 1
            self._now[name] = entry  # its inputs would come out as last time's: they are worked out from the basis
            return entry[2]
        given = inputs()
        return self.page(name, given, handbook, lambda hb: make(hb, given), basis)

    def same_records(self, kind: str, records: dict[str, T]) -> dict[str, T]:
        """``records`` with each one equal to the last build's replaced by that one: unchanged people
        and meetings are then the very same objects, and comparing a page's values is mostly
        comparing identities (each record is compared once here, not on every page that shows it)."""
        last = self._last_records.get(kind, {})
        kept = {key: last[key] if key in last and _same(last[key], record) else record for key, record in records.items()}
        self._records[kind] = kept
        return kept

    def turn(self) -> None:
        """A build is over: what it did not make is forgotten (deleted people, pages gone)."""
        self._last, self._now = self._now, {}
        self._last_records, self._records = self._records, {}
        self.made_pages = []


_active: ContextVar[Reuse | None] = ContextVar("handbook_reuse", default=None)


@contextmanager
def reusing(reuse: Reuse | None) -> Iterator[None]:
    """Within this block, outputs come from ``reuse`` when their inputs are as last time."""
    if reuse is None:
        yield
        return
    token = _active.set(reuse)
    try:
        yield
    finally:
        _active.reset(token)
        reuse.turn()


def kept(name: str, inputs: object, make: Callable[[], T]) -> T:
    reuse = _active.get()
    return make() if reuse is None else reuse.kept(name, inputs, make)


def page(name: str, inputs: object, handbook, make: Callable[[object], T]) -> T:
    """``make(handbook)``, or the last build's result; ``make`` gets a handbook that notes what is read."""
    reuse = _active.get()
    return make(handbook) if reuse is None else reuse.page(name, inputs, handbook, make)


def page_from(name: str, basis: tuple, handbook, inputs: Callable[[], object], make: Callable[[object, object], T]) -> T:
    """``make(handbook, inputs())``, or the last build's result, as ``page``; for inputs that take work
    to find: while ``basis`` (what ``inputs()`` is worked out from: records, compared by identity
    first) and the people the page looked up are as last build's, the page is kept without working
    out its inputs at all."""
    reuse = _active.get()
    return make(handbook, inputs()) if reuse is None else reuse.page_from(name, basis, handbook, inputs, make)


class WatchedContacts(Mapping):
    def __init__(self, contacts: Mapping):
        self._contacts = contacts
        self.seen: dict[str, object] = {}
        self.count: int | None = None
        self.order: tuple[str, ...] | None = None

    def __getitem__(self, slug):
        found = self._contacts.get(slug)
        self.seen[slug] = found
        if found is None:
            raise KeyError(slug)
        return found

    def __len__(self) -> int:
        self.count = len(self._contacts)
        return self.count

    def __iter__(self):
        self.order = tuple(self._contacts)
        return iter(self.order)


class WatchedHandbook:
    """The handbook as a template sees it: people looked up are noted; anything else read marks
    the page as made from everything."""

    def __init__(self, handbook):
        self._handbook = handbook
        self.contacts = WatchedContacts(handbook.contacts)
        self._everything = False

    def referrer_of(self, contact):
        return self.contacts.get(contact.referred_by or "")

    def __getattr__(self, name):
        self._everything = True
        return getattr(self._handbook, name)

    def reads(self) -> tuple:
        if self._everything:
            return (_EVERYTHING,)
        return self.contacts.seen, self.contacts.count, self.contacts.order


def _same_reads(reads: tuple, handbook) -> bool:
    if reads[0] is _EVERYTHING:
        return False
    seen, count, order = reads
    contacts = handbook.contacts
    return ((count is None or count == len(contacts)) and (order is None or order == tuple(contacts))
            and all(_same(contacts.get(slug), person) for slug, person in seen.items()))


def _same(one, other) -> bool:
    # A pydantic model's == compares every field even with itself: unchanged records are the same object.
    return one is other or one == other
